/**
 * Word documents (.docx) through mammoth (well kept, pure JS, maps Word styles to semantic HTML:
 * headings, lists, tables), then to Markdown lines like a web page's content. Title, author and
 * creation date come from the core properties (docProps/core.xml). Before mammoth unpacks anything,
 * the package's parts are checked: declared sizes within DOCX_MAX_UNPACKED_BYTES, and every part
 * inflated under its declared size as a cap, so a zip bomb named .docx is refused, never unpacked.
 */
import mammoth from 'mammoth';
import { normalizeInline, oneLine } from '../../text/normalise.js';
import { ArticleError } from '../errors.js';
import { toVietnamTime } from '../metadata.js';
import { htmlToLines } from './dom-lines.js';
import type { FormatMeta, FormatReader, ReadDocument } from './types.js';
import { checkUnpackedSize, readZipEntry, zipEntries } from './zip.js';

/** A news report in Word, photos included, is a few MB unpacked. */
export const DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/giu, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return XML_ENTITIES[name ?? ''] ?? m;
  });
}

/** dc:title, dc:creator and dcterms:created of docProps/core.xml. */
export function coreProperties(xml: string): FormatMeta {
  const field = (tag: string): string | undefined => {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'u').exec(xml);
    const v = m ? normalizeInline(xmlText(m[1] ?? '')) : '';
    return v || undefined;
  };
  const meta: FormatMeta = {};
  const title = field('dc:title');
  if (title) meta.title = title;
  const author = field('dc:creator');
  // Placeholders that tools write when nobody is named.
  if (author && !/^(?:un-?named|unknown|author|user|admin(?:istrator)?|microsoft office user)$/iu.test(author)) meta.author = author;
  const created = field('dcterms:created');
  if (created) meta.fileDate = toVietnamTime(created);
  return meta;
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length === 0) throw new ArticleError('the file is empty');
  const entries = zipEntries(bytes);
  checkUnpackedSize(entries, DOCX_MAX_UNPACKED_BYTES);
  let core: FormatMeta = {};
  for (const e of entries) {
    const data = readZipEntry(bytes, e); // every part: a part that inflates past its declared size is refused here
    if (e.name === 'docProps/core.xml') core = coreProperties(data.toString('utf8'));
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ArticleError('the file is not a Word document (no word/document.xml inside; an .odt or a renamed archive?)');
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        ignoreEmptyParagraphs: true,
        // Word's "Caption" style is a photo caption; photos themselves are only where they stood (no data URIs).
        styleMap: ["p[style-name='Caption'] => figcaption:fresh", "p[style-name='Chú thích'] => figcaption:fresh"],
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (e) {
    throw new ArticleError(`the Word document could not be read (${oneLine((e as Error).message, 160)})`);
  }
  const lines = htmlToLines(html);
  if (lines.length === 0) throw new ArticleError('the Word document has no text');
  return { text: lines.join('\n'), markdown: true, meta: core, warnings };
}

export const docxFormat: FormatReader = {
  name: 'docx',
  extensions: ['.docx'],
  read: (bytes) => readDocx(bytes),
};

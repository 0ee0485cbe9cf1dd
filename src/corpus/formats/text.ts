/** Plain text and Markdown: UTF-8 only, with optional YAML-like front matter (see frontmatter.ts). */
import { normalizeSource } from '../../text/normalise.js';
import { ArticleError } from '../errors.js';
import { parseFrontMatter } from '../frontmatter.js';
import type { FormatMeta, FormatReader, ReadDocument } from './types.js';

/** Decodes UTF-8 strictly; binary and other encodings are refused with a message saying what to do. */
export function decodeArticleBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ArticleError('the file is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ArticleError('the file is UTF-16 text; save it as UTF-8');
  }
  if (bytes.includes(0)) throw new ArticleError('the file looks binary (it contains NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError('the file is not valid UTF-8 text (perhaps Windows-1258 or another old encoding); save it as UTF-8');
  }
}

/** Text with front matter taken off into metadata. */
export function textDocument(decoded: string, markdown: boolean): ReadDocument {
  const text = normalizeSource(decoded);
  if (!text.trim()) throw new ArticleError('the file is empty (only blank space)');
  const fm = parseFrontMatter(text);
  if (!fm) return { text, markdown, meta: {}, warnings: [] };
  const f = fm.fields;
  const meta: FormatMeta = {};
  if (f.title !== undefined) meta.title = f.title;
  if (f.date !== undefined) meta.date = f.date;
  if (f.author !== undefined) meta.author = f.author;
  if (f.source !== undefined) meta.outlet = f.source;
  if (f.url !== undefined) meta.url = f.url;
  if (!fm.body.trim()) throw new ArticleError('the file has front matter but no article text');
  return { text: fm.body, markdown, meta, warnings: fm.warnings };
}

export const txtFormat: FormatReader = {
  name: 'txt',
  extensions: ['.txt'],
  read: (bytes) => textDocument(decodeArticleBytes(bytes), false),
};

export const mdFormat: FormatReader = {
  name: 'md',
  extensions: ['.md'],
  read: (bytes) => textDocument(decodeArticleBytes(bytes), true),
};

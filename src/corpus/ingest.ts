/**
 * Adding an article to the corpus from a web address or a local file (`npm run add`). A web page is
 * fetched (http and https only, with a timeout, a size limit and at most MAX_REDIRECTS redirects),
 * decoded by its declared charset, read like any .html article, and saved as Markdown with front
 * matter (title, date, url, source, author) so that the corpus keeps readable text; a PDF or Word
 * document is saved as it is. Nothing is written unless the article reads cleanly, the file name is a
 * folded ASCII slug (no path, no control characters), and an existing article is never overwritten
 * unless asked (`replace`): another name is picked.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { asciiSlug } from '../text/normalise.js';
import { ArticleError } from './errors.js';
import { decodeHtml, readHtml } from './formats/html.js';
import { formatFor, knownExtensions } from './formats/registry.js';
import type { ReadDocument } from './formats/types.js';
import { readArticle } from './read.js';
import type { Article } from './types.js';

export const MAX_REDIRECTS = 5;
export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** Why a source cannot be added; `message` is one line for the user. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}

export interface IngestOptions {
  /** Overwrite an article with the same name instead of picking a new one. */
  replace?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** For tests: the fetch to use (default: Node's). */
  fetch?: typeof fetch;
}

export interface Added {
  source: string;
  /** The file written, relative to the corpus folder. */
  file: string;
  /** True when an existing file was overwritten (`replace`). */
  replaced: boolean;
  /**
   * The corpus file that already held the wanted name, when this one was saved under another: a
   * corrected report sent again otherwise stands beside the old one, both answered from.
   */
  nameTakenBy: string | null;
  article: Article;
}

/** A web address (any scheme) rather than a file path: "https://…", "ftp://…", "file:…". */
export function looksLikeUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(source) && !/^[a-z]:[\\/]/iu.test(source);
}

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError(`only http and https addresses can be added, not "${url.protocol.replace(/:$/u, '')}:" (${url.href.slice(0, 100)})`);
  }
}

export interface Download {
  /** The address after redirects. */
  url: string;
  bytes: Buffer;
  /** Media type without parameters, lower case ("text/html"). */
  type: string;
  charset: string | null;
}

/** GETs a web page: http(s) only at every hop, at most MAX_REDIRECTS redirects, a timeout and a size cap. */
export async function download(address: string, opts: IngestOptions = {}): Promise<Download> {
  const doFetch = opts.fetch ?? fetch;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new IngestError(`not a valid web address: ${address.slice(0, 100)}`);
  }
  checkScheme(url);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const res = await doFetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.5', 'user-agent': 'vn-meeting-reports-bot (article import)' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new IngestError(`too many redirects (more than ${MAX_REDIRECTS}) from ${address.slice(0, 100)}`);
        url = new URL(res.headers.get('location')!, url);
        checkScheme(url);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new IngestError(`the server answered ${res.status} ${res.statusText} for ${url.href.slice(0, 100)}`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new IngestError(`the page is ${declared} bytes, over the ${maxBytes}-byte limit`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      if (res.body) {
        for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
          size += chunk.length;
          if (size > maxBytes) throw new IngestError(`the page is over the ${maxBytes}-byte limit`);
          chunks.push(Buffer.from(chunk));
        }
      }
      const contentType = res.headers.get('content-type') ?? '';
      const charset = /;\s*charset\s*=\s*["']?([\w.:-]+)/iu.exec(contentType)?.[1]?.toLowerCase() ?? null;
      return { url: url.href, bytes: Buffer.concat(chunks), type: contentType.split(';')[0]!.trim().toLowerCase(), charset };
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new IngestError(`no complete answer from ${url.host} within ${timeoutMs < 1000 ? (timeoutMs / 1000).toFixed(1) : Math.round(timeoutMs / 1000)} s`);
    const cause = (err.cause as Error | undefined)?.message;
    throw new IngestError(`cannot fetch ${url.href.slice(0, 100)}: ${cause ?? err.message}`);
  }
}

/** One front-matter line; the value on one line, quoted (frontmatter.ts takes the quotes off). */
function fmLine(key: string, value: string | null | undefined): string[] {
  const v = (value ?? '').replace(/\s+/gu, ' ').trim();
  return v ? [`${key}: "${v}"`] : [];
}

/** A read web page as a Markdown article with front matter; `url` is the page's address. */
export function pageToMarkdown(doc: ReadDocument, url: string): string {
  const m = doc.meta;
  const head = ['---', ...fmLine('title', m.title), ...fmLine('date', m.date), ...fmLine('url', url), ...fmLine('source', m.outlet), ...fmLine('author', m.author), '---'];
  return `${head.join('\n')}\n${doc.text.split('\n').filter((l) => l.trim()).join('\n\n')}\n`;
}

const EXTENSION_BY_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

/** A file to write: its name stem and extension, and its bytes. */
interface Prepared {
  stem: string;
  ext: string;
  bytes: Buffer;
}

async function prepareUrl(address: string, opts: IngestOptions): Promise<Prepared> {
  const page = await download(address, opts);
  const urlPath = new URL(page.url).pathname;
  const fromPath = path.posix.extname(urlPath).toLowerCase();
  const ext = EXTENSION_BY_TYPE[page.type] ?? (fromPath === '.pdf' || fromPath === '.docx' ? fromPath : null);
  const pathStem = asciiSlug(decodeURIComponent(path.posix.basename(urlPath, fromPath)));
  if (ext) return { stem: pathStem, ext, bytes: page.bytes };
  if (!/html|xml/u.test(page.type) && page.type !== '') {
    throw new IngestError(`the address gives "${page.type}", not a web page, PDF or Word document`);
  }
  const doc = readHtml(decodeHtml(page.bytes, page.charset));
  return { stem: asciiSlug(doc.meta.title ?? '') || pathStem, ext: '.md', bytes: Buffer.from(pageToMarkdown(doc, page.url), 'utf8') };
}

async function prepareFile(file: string): Promise<Prepared> {
  const ext = path.extname(file).toLowerCase();
  if (!formatFor(file)) throw new IngestError(`no reader for "${ext || path.basename(file)}" files (known: ${knownExtensions().join(', ')})`);
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new IngestError(`not a file: ${file}`);
    if (st.size > DEFAULT_MAX_DOWNLOAD_BYTES) throw new IngestError(`the file is over the ${DEFAULT_MAX_DOWNLOAD_BYTES}-byte limit: ${file}`);
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return { stem: asciiSlug(path.basename(file, path.extname(file))), ext, bytes };
}

/** Every known extension: an article id is a file stem, whatever the format. */
async function stemTaken(corpusDir: string, stem: string): Promise<string | null> {
  for (const ext of knownExtensions()) {
    const name = `${stem}${ext}`;
    if (await fs.lstat(path.join(corpusDir, name)).then(() => true, () => false)) return name;
  }
  return null;
}

/**
 * The corpus file that holds exactly `bytes` (the build keeps the first of two identical files and
 * skips the other as a duplicate), or null. `except`: the file about to be replaced. Only files of
 * the same size are read.
 */
async function duplicateOf(corpusDir: string, bytes: Uint8Array, except: string | null): Promise<string | null> {
  const entries = await fs.readdir(corpusDir, { recursive: true }).catch(() => [] as string[]);
  for (const rel of entries.map(String)) {
    const base = path.basename(rel);
    if (rel === except || base.startsWith('.') || !formatFor(base)) continue;
    const full = path.join(corpusDir, rel);
    const st = await fs.lstat(full).catch(() => null);
    if (!st?.isFile() || st.size !== bytes.length) continue;
    const other = await fs.readFile(full).catch(() => null);
    if (other?.equals(bytes)) return rel;
  }
  return null;
}

/**
 * Adds one source (a web address or a local file) to `corpusDir`. The article is read first: a source
 * that is not a usable article throws (IngestError or ArticleError) and the corpus is left untouched.
 */
export async function addToCorpus(source: string, corpusDir: string, opts: IngestOptions = {}): Promise<Added> {
  const prepared = looksLikeUrl(source) ? await prepareUrl(source, opts) : await prepareFile(source);
  const stem = prepared.stem || 'bai-viet';
  await fs.mkdir(corpusDir, { recursive: true });
  // A hidden temporary name (readCorpus skips hidden files), then a link to the final name: an
  // existing file is never overwritten by accident, even by another `add` running at the same time.
  const tmp = path.join(corpusDir, `.add-${randomBytes(6).toString('hex')}${prepared.ext}`);
  await fs.writeFile(tmp, prepared.bytes);
  try {
    let article: Article;
    let nameTakenBy: string | null = null;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? stem : `${stem}-${n}`;
      const name = `${candidate}${prepared.ext}`;
      const taken = await stemTaken(corpusDir, candidate);
      if (n === 1) {
        article = await readArticle(prepared.bytes, name); // throws ArticleError: nothing written
        const same = await duplicateOf(corpusDir, prepared.bytes, opts.replace ? taken : null);
        if (same) throw new ArticleError(`same content as ${same} (a duplicate)`);
      }
      if (taken && opts.replace && n === 1) {
        if (taken !== name) await fs.rm(path.join(corpusDir, taken));
        await fs.rename(tmp, path.join(corpusDir, name));
        return { source, file: name, replaced: true, nameTakenBy: null, article: article! };
      }
      if (taken && n === 1) nameTakenBy = taken;
      if (taken) continue;
      try {
        await fs.link(tmp, path.join(corpusDir, name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          if (n === 1) nameTakenBy = name;
          continue;
        }
        throw e;
      }
      return { source, file: name, replaced: false, nameTakenBy, article: { ...article!, id: candidate, file: name } };
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}


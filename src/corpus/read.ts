/**
 * Reading the corpus folder: every file of a registered format (formats/registry.ts) is one article. A file that cannot be used is
 * skipped and reported as a problem (one line a user understands, saying why; callers print it as
 * "Skipped <file>: <message>") and the rest of the corpus still builds.
 */
import { createHash } from 'node:crypto';
import { lstatSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { cleanArticleText, layoutBlocks } from './clean.js';
import { ArticleError, CorpusFolderError } from './errors.js';
import { formatFor, knownExtensions } from './formats/registry.js';
import { decodeArticleBytes, textDocument } from './formats/text.js';
import type { ReadDocument } from './formats/types.js';
import { extractMetadata } from './metadata.js';
import type { Token } from '../text/tokens.js';
import type { Article, CorpusProblem, CorpusReadResult } from './types.js';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Files larger than this are indexed with a warning: a news report is rarely over 100 KB. */
export const LARGE_ARTICLE_BYTES = 1024 * 1024;
/** Files read ahead of the one being checked. */
const READ_AHEAD = 16;

/**
 * Bump when parseArticle() gives different articles for the same bytes (cleaning rules, metadata): the
 * index builder then parses every file again instead of trusting what it stored for unchanged ones.
 */
// v8: the byline as printed (author and office) is kept in the index's article table; a title's date a
// report recalls (an anniversary, years before the file) is not its date.
// v9: a place's name inside a person's name after "đồng chí/ông/bà" is not the article's subject; a title's
// date after "quyết định … thành lập" or later than the file's own is the report's.
export const READER_VERSION = 'reader-v9';

export interface ReadCorpusOptions<T extends ParsedFile = Article> {
  /** Files larger than this are skipped with a problem (default 20 MB). */
  maxFileBytes?: number;
  /**
   * Asked for each file, with its path and the sha256 of its bytes, before parsing: return true when the
   * caller already has this very article (the index builder, for files unchanged since the last build).
   * Such a file is not parsed; it is listed in `unchanged` instead of `articles`, and the id and
   * duplicate checks still count it.
   */
  isUnchanged?: (file: string, contentHash: string) => boolean;
  /**
   * Asked for each file before reading it: the sha256 the caller recorded for this file when it had
   * this very stamp (size, inode, mtime), else null. A file with a known stamp is not read at all:
   * adding one article to a large corpus reads one file, not every one.
   */
  knownHash?: (file: string, stamp: FileStamp) => string | null;
  /**
   * Turns a file into what the caller keeps (default: its Article). Called as files are read, ahead of
   * the ordered checks, so that parsing can run elsewhere (the index build's threads) while the next
   * files are read. Throws ArticleError for unusable content.
   */
  parse?: (bytes: Buffer, file: string, contentHash: string) => Promise<T>;
  /** Told of each parsed article as it passes the checks, in the order of the files (before the result is sorted). */
  accepted?: (article: T) => void;
}

/** What the corpus checks need of a parsed file (an Article, or what a caller made of it). */
export interface ParsedFile {
  id: string;
  /** Path relative to the corpus folder, with "/". */
  file: string;
  warnings: string[];
}

/** What identifies a file's version without reading it (as git's index does). */
export interface FileStamp {
  size: number;
  ino: string;
  mtimeNs: string;
}

/**
 * A stamp is recorded only for a file last modified this long before it was looked at: a later write
 * within the same tick of the file clock would otherwise leave the stamp unchanged.
 */
const RACY_STAMP_NS = 2_000_000_000n;

/** A file the caller already knows (see ReadCorpusOptions.isUnchanged). */
export interface UnchangedFile {
  id: string;
  /** Path relative to the corpus folder, with "/". */
  file: string;
  contentHash: string;
}

export interface CorpusScanResult<T extends ParsedFile = Article> extends Omit<CorpusReadResult, 'articles'> {
  /** Sorted by id. */
  articles: T[];
  /** Sorted by id; empty unless `isUnchanged` was given. */
  unchanged: UnchangedFile[];
  /** Stamps of the files read or known, by path (none for files modified just before the scan). */
  stamps: Map<string, FileStamp>;
}

/** The article id: the file stem (`corpus/a/004_x.txt` → `004_x`). */
export function articleId(file: string): string {
  const base = file.split(/[\\/]/u).pop() ?? file;
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Turns a read document into an Article (pure: no I/O). Throws ArticleError when nothing usable is
 * left after cleaning.
 */
export function articleFromDocument(doc: ReadDocument, file: string, contentHash: string, tokens?: (text: string) => Token[]): Article {
  const cleaned = cleanArticleText(doc.text, {
    markdown: doc.markdown,
    ...(doc.linePages ? { linePages: doc.linePages } : {}),
    ...(doc.meta.title !== undefined ? { knownTitle: doc.meta.title } : {}),
  });
  if (!cleaned.blocks.some((b) => b.kind === 'body')) {
    throw new ArticleError('no article text is left after removing page leftovers (menus, counters, captions, headline lists)');
  }
  const meta = extractMetadata(cleaned, doc.meta, tokens);
  const { text: joined, blocks } = layoutBlocks(cleaned.blocks);
  const warnings = [...doc.warnings, ...meta.warnings];
  if (!meta.title) warnings.push('no title found');

  const article: Article = {
    id: articleId(file),
    file: file.split(path.sep).join('/'),
    title: meta.title,
    subject: meta.subject,
    date: meta.date,
    outlet: meta.outlet,
    author: meta.author,
    url: meta.url,
    text: joined,
    blocks,
    contentHash,
    warnings,
  };
  if (meta.byline !== null) article.byline = meta.byline;
  return article;
}

/** Text (a .txt file, or .md by its name) to an Article, synchronously: tests and generated corpora. */
export function parseArticle(raw: string | Buffer, file: string): Article {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (typeof raw === 'string') {
    if (raw.length === 0) throw new ArticleError('the file is empty');
    if (raw.includes('\u0000')) throw new ArticleError('the file looks binary (it contains NUL bytes), not text');
  }
  const decoded = typeof raw === 'string' ? raw : decodeArticleBytes(raw);
  return articleFromDocument(textDocument(decoded, /\.md$/iu.test(file)), file, sha256Hex(bytes));
}

/**
 * Any file of a registered format to an Article. Throws ArticleError for unusable content. `tokens`: the
 * tokenizer its metadata rules use (see extractMetadata).
 */
export async function readArticle(bytes: Uint8Array, file: string, contentHash = sha256Hex(bytes), tokens?: (text: string) => Token[]): Promise<Article> {
  const format = formatFor(file);
  if (!format) throw new ArticleError(`no reader for this kind of file (known: ${knownExtensions().join(', ')})`);
  return articleFromDocument(await format.read(bytes, file), file, contentHash, tokens);
}

function isArticleFile(name: string): boolean {
  return formatFor(name) !== null;
}

/**
 * Why the symbolic link `full` is not followed, or null when it leads to a file inside `root` (the
 * corpus folder, resolved): a link out of the corpus could make the index quote any file of the machine.
 */
async function symlinkProblem(root: string, full: string): Promise<string | null> {
  let target: string;
  try {
    target = await fs.realpath(full);
  } catch {
    return 'a symbolic link that leads nowhere (its target is missing)';
  }
  const inside = path.relative(root, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return 'a symbolic link to a file outside the corpus folder; not followed (copy the file into the corpus instead)';
  }
  return null;
}

/** Relative paths (with "/") of the article files under dir; hidden files and folders are skipped. */
async function listArticleFiles(dir: string, root: string): Promise<{ files: string[]; problems: CorpusProblem[] }> {
  const files: string[] = [];
  const problems: CorpusProblem[] = [];
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (err) {
      problems.push({ file: rel || '.', message: `cannot open this folder: ${errorText(err)}` });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        await walk(childRel);
      } else if (isArticleFile(e.name) && e.isSymbolicLink()) {
        const problem = await symlinkProblem(root, path.join(dir, childRel));
        if (problem) problems.push({ file: childRel, message: problem });
        else files.push(childRel);
      } else if (isArticleFile(e.name) && e.isFile()) {
        files.push(childRel);
      }
    }
  }
  await walk('');
  // Top-level files first, then by path: "first" is the same on every machine.
  files.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { files, problems };
}

function depth(rel: string): number {
  return rel.split('/').length;
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'the file disappeared while reading';
  if (e?.code === 'EISDIR') return 'it is a folder';
  return e?.message ?? String(err);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/u, '')} KB`;
  return `${n} bytes`;
}

/**
 * Reads every article in `dir` (recursively; every format of formats/registry.ts; hidden files skipped;
 * symbolic links only when they lead inside `dir`). Articles come
 * sorted by id. Files that cannot be used are listed in `problems`; this only throws when `dir` itself
 * is missing or not a folder.
 */
export async function readCorpus<T extends ParsedFile = Article>(dir: string, options: ReadCorpusOptions<T> = {}): Promise<CorpusScanResult<T>> {
  const parse = options.parse ?? ((bytes: Buffer, file: string, hash: string) => readArticle(bytes, file, hash) as Promise<unknown> as Promise<T>);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let st;
  try {
    st = await fs.stat(dir);
  } catch {
    throw new CorpusFolderError(dir, 'missing');
  }
  if (!st.isDirectory()) throw new CorpusFolderError(dir, 'not-a-folder');

  const root = await fs.realpath(dir);
  const { files, problems } = await listArticleFiles(dir, root);
  const articles: T[] = [];
  const unchanged: UnchangedFile[] = [];
  const byId = new Map<string, { file: string }>();
  const byHash = new Map<string, { file: string }>();
  const stamps = new Map<string, FileStamp>();

  // Files are read a few at a time ahead of the (sequential, ordered) checks, and parsed as they are read:
  // the disk, the hashing and the parsing (on other threads, when the caller's `parse` says so) overlap.
  type FileRead = { hash: string; parsed: Promise<T> | null } | { problem: string } | null;
  const readOne = async (rel: string): Promise<FileRead> => {
    const full = path.join(dir, rel);
    let bytes: Buffer | null = null;
    let hash: string | null;
    try {
      // lstat: a file replaced by a link since the listing is not followed either.
      // Synchronous: a stat is a few microseconds, a promise round trip through the thread pool ten times that.
      const lst = lstatSync(full, { bigint: true });
      if (lst.isSymbolicLink()) {
        const problem = await symlinkProblem(root, full);
        if (problem) return { problem };
      }
      // A plain file's lstat is its stat (one system call per unchanged file, not two).
      const fst = lst.isSymbolicLink() ? statSync(full, { bigint: true }) : lst;
      if (!fst.isFile()) return null; // a symlink to a folder, a socket…
      if (fst.size > maxBytes) return { problem: `the file is ${formatBytes(Number(fst.size))}, over the ${formatBytes(maxBytes)} limit for one article` };
      const stamp: FileStamp = { size: Number(fst.size), ino: String(fst.ino), mtimeNs: String(fst.mtimeNs) };
      if (fst.mtimeNs + RACY_STAMP_NS < BigInt(Date.now()) * 1_000_000n) stamps.set(rel, stamp);
      hash = options.knownHash?.(rel, stamp) ?? null;
      if (hash === null) bytes = await fs.readFile(full);
    } catch (err) {
      return { problem: `cannot read the file: ${errorText(err)}` };
    }
    // Hash first: a file the caller already has is not parsed again (the same checks apply to it).
    const contentHash = hash ?? sha256Hex(bytes!);
    if (options.isUnchanged?.(rel, contentHash)) return { hash: contentHash, parsed: null };
    const parsed = (bytes ? Promise.resolve(bytes) : fs.readFile(full)).then(async (b) => {
      const article = await parse(b, rel, contentHash);
      if (b.length > LARGE_ARTICLE_BYTES) {
        article.warnings.push(`the file is ${formatBytes(b.length)}, far longer than a news report (several articles in one file?): indexed as one article; split it for citations that point to the right report`);
      }
      return article;
    });
    parsed.catch(() => undefined); // reported in order by the loop below, not as an unhandled rejection meanwhile
    return { hash: contentHash, parsed };
  };
  const ahead: Array<Promise<FileRead>> = [];
  let next = 0;
  for (const rel of files) {
    while (ahead.length < READ_AHEAD && next < files.length) ahead.push(readOne(files[next++]!));
    const read = await ahead.shift()!;
    if (read === null) continue;
    if ('problem' in read) {
      problems.push({ file: rel, message: read.problem });
      continue;
    }

    const contentHash = read.hash;
    let article: T | null = null;
    if (read.parsed) {
      try {
        article = await read.parsed;
      } catch (err) {
        const message = err instanceof ArticleError ? err.message : `could not be read as an article: ${errorText(err)}`;
        problems.push({ file: rel, message });
        continue;
      }
    }
    const id = article ? article.id : articleId(rel);
    const file = article ? article.file : rel;

    const sameId = byId.get(id);
    if (sameId) {
      problems.push({
        file: rel,
        message: `another file, ${sameId.file}, already gives the article id "${id}"; rename one of them`,
      });
      continue;
    }
    const sameContent = byHash.get(contentHash);
    if (sameContent) {
      problems.push({ file: rel, message: `same content as ${sameContent.file} (a duplicate)` });
      continue;
    }
    const entry = { file };
    byId.set(id, entry);
    byHash.set(contentHash, entry);
    if (article) {
      options.accepted?.(article);
      articles.push(article);
    } else unchanged.push({ id, file, contentHash });
  }

  const byIdOrder = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  articles.sort(byIdOrder);
  unchanged.sort(byIdOrder);
  return { articles, problems, unchanged, stamps };
}

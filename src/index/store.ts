/**
 * The index on disk. Each build writes a complete, self-checking version folder
 * (`embeddings/v-<version>/`) and only then points `embeddings/CURRENT` at it with an atomic rename,
 * so a crash or Ctrl-C at any moment leaves the previous index intact and loadable, and a
 * half-written folder is never read as an index.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, promises as fs, readSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Chunk } from '../chunk/chunker.js';
import type { FileStamp } from '../corpus/read.js';
import type { Article } from '../corpus/types.js';
import type { DenseBand } from '../embed/band.js';
import type { PrefixScheme } from '../embed/types.js';
import { note, operatorText, type OperatorNote } from '../text/operator.js';
import { acquireLock, ownerAlive, type LockOptions } from './lock.js';

export { LockBusyError } from './lock.js';

/**
 * 4: the articles' file stamps in stamps.bin (read by builds only), no longer in the manifest, which now
 * lists files only (its size no longer grows with the corpus: a build that adds one article writes a
 * small manifest, a load parses one); a reader of format 3 would find no stamps. 3: the chunk table in
 * segments too (chunks-tail.bin, chunks-deleted.bin). Formats 1 to 3 still load, and a build reuses them.
 */
export const INDEX_FORMAT = 4;
const READABLE_FORMATS: readonly number[] = [1, 2, 3, 4];
export const POINTER_FILE = 'CURRENT';
export const FILES = {
  manifest: 'manifest.json',
  articles: 'articles.json',
  /** The chunks' fields, a binary table (chunk-store.ts), with where each one's text is: the base segment. */
  chunks: 'chunks.bin',
  /** The chunks added since chunks.bin was written, and the rows of chunks.bin deleted since (u32 ids). */
  chunksTail: 'chunks-tail.bin',
  chunksDeleted: 'chunks-deleted.bin',
  /** Chunk texts, UTF-8 (kept by the builds that follow while its dead share stays small). */
  texts: 'texts.bin',
  /** The texts of chunks added since texts.bin was written. */
  textsTail: 'texts-tail.bin',
  /** The chunks of format 1 indexes: JSON records ('chunks-v2') or chunks with their texts inline. */
  chunksJson: 'chunks.json',
  /** The keyword index's base segment; with `keywordTail`, its first documents only (see KeywordSegments). */
  keyword: 'keyword.bin',
  keywordTail: 'keyword-tail.bin',
  /** Base documents deleted since the base was written (u32 ids). */
  keywordDeleted: 'keyword-deleted.bin',
  titles: 'titles.bin',
  leads: 'leads.bin',
  /** Each article's file stamp when it was read (see encodeStamps), in articles.json order: builds only read it. */
  stamps: 'stamps.bin',
  vectors: 'vectors.hnsw',
} as const;

export interface ManifestModel {
  id: string;
  dim: number;
  prefix: PrefixScheme;
  /** The model's cosine band measured on this index at build time (absent in older indexes: re-rank only). */
  band?: DenseBand;
}

export interface FileCheck {
  bytes: number;
  sha256: string;
  /**
   * The file as the build left it (inode and modification time in ns): while both are unchanged, a
   * load trusts the checksum without reading the file again (as git trusts its index). Absent in
   * older manifests: then the file is always hashed.
   */
  stat?: { ino: string; mtimeNs: string };
}

/**
 * A file is trusted on its stat only when it was last written this long before its manifest: a change
 * made after the manifest then always moves its mtime (file times tick coarsely, a few ms).
 */
const RACY_NS = 100_000_000n;

export interface Manifest {
  format: number;
  version: string;
  builtAt: string;
  chunker: string;
  tokenizer: string;
  /** READER_VERSION of the corpus reader (src/corpus/read.ts): unchanged files are trusted only under the same one. */
  reader?: string;
  /** The embedding model of vectors.hnsw; null: a keyword-only index. */
  model: ManifestModel | null;
  /** Why the index is keyword-only although a model was configured. */
  modelProblem: string | null;
  /** Formats 1 to 3 only (format 4: in articles.json and stamps.bin): each article's file, content hash and stamp. */
  articles?: Record<string, { file: string; contentHash: string; chunks: number; stamp?: FileStamp }>;
  counts: { articles: number; chunks: number; terms: number; postings: number };
  /** Next free HNSW label (labels are never reused for a different chunk within a lineage). */
  nextLabel: number;
  hnsw: { m: number; efConstruction: number } | null;
  files: Record<string, FileCheck>;
}

/** An article as the index keeps it: its metadata (not its text) and what it became. */
export interface StoredArticle extends Pick<Article, 'id' | 'file' | 'title' | 'subject' | 'date' | 'outlet' | 'author' | 'url' | 'contentHash'> {
  /** The byline as printed, author and office ("Hồ Sỹ Trung - Phó Bí thư …"); absent when none or in an index of reader-v7 or older. */
  byline?: string;
  paragraphs: number;
  chunks: number;
  /** What the corpus reader noticed (repeated by every build, also when the file is not parsed again). */
  warnings?: string[];
}

type ArticleMeta = Pick<StoredArticle, 'id' | 'file' | 'title' | 'subject' | 'date' | 'outlet' | 'author' | 'byline' | 'url' | 'contentHash'>;

/** The metadata an article keeps in the index (what a citation shows), from its reading or its preparation. */
export function articleMeta(a: Omit<ArticleMeta, 'subject'> & { subject?: string | null }): ArticleMeta {
  const meta: ArticleMeta = { id: a.id, file: a.file, title: a.title, subject: a.subject ?? null, date: a.date, outlet: a.outlet, author: a.author, url: a.url, contentHash: a.contentHash };
  if (a.byline !== undefined) meta.byline = a.byline;
  return meta;
}

export interface StoredChunk extends Chunk {
  /** HNSW label of this chunk's vector (meaningful only when the manifest has a model). */
  label: number;
}

/** chunks.json: every field of a chunk but its text (in texts.bin), and the text's length in bytes. */
export interface ChunkRecord extends Omit<StoredChunk, 'text'> {
  textBytes: number;
}

/**
 * The layout of chunks.json. 'chunks-v2': `{ store, chunks: ChunkRecord[] }` with the texts in texts.bin,
 * so that loading decodes no text until it is read and a rebuild copies unchanged texts as bytes.
 * (Indexes written before it hold a plain array of StoredChunk, texts inline: still read.)
 */
export const CHUNK_STORE = 'chunks-v2';
export interface ChunksFile {
  store: typeof CHUNK_STORE;
  chunks: ChunkRecord[];
}

/** stamps.bin: per article, i64 size (-1: no stamp, the file was modified just before the build), u64 inode, i64 mtime in ns. */
const STAMP_WORDS = 3;

export function encodeStamps(stamps: ReadonlyArray<FileStamp | undefined>): Buffer {
  const words = new BigInt64Array(stamps.length * STAMP_WORDS);
  stamps.forEach((s, i) => {
    words[i * STAMP_WORDS] = s ? BigInt(s.size) : -1n;
    words[i * STAMP_WORDS + 1] = s ? BigInt.asIntN(64, BigInt(s.ino)) : 0n;
    words[i * STAMP_WORDS + 2] = s ? BigInt(s.mtimeNs) : 0n;
  });
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}

/** The stamps of `count` articles; throws Error when the bytes do not hold that many. */
export function decodeStamps(buf: Buffer, count: number): Array<FileStamp | undefined> {
  if (buf.length !== count * STAMP_WORDS * 8) throw new Error(`holds ${buf.length / (STAMP_WORDS * 8)} stamps for ${count} articles`);
  const out = new Array<FileStamp | undefined>(count);
  for (let i = 0; i < count; i++) {
    const size = buf.readBigInt64LE(i * STAMP_WORDS * 8);
    out[i] = size < 0n ? undefined : { size: Number(size), ino: String(BigInt.asUintN(64, buf.readBigInt64LE(i * STAMP_WORDS * 8 + 8))), mtimeNs: String(buf.readBigInt64LE(i * STAMP_WORDS * 8 + 16)) };
  }
  return out;
}

/** An index folder that cannot be used; `message` is one line naming the file and what to run. */
export class IndexLoadError extends Error {
  override readonly name = 'IndexLoadError';
  /** The same text as a code and parameters, for the reader's language (null: a message made elsewhere). */
  readonly note: OperatorNote | null;
  constructor(what: string | OperatorNote) {
    super(typeof what === 'string' ? what : operatorText(what, 'en'));
    this.note = typeof what === 'string' ? null : what;
  }
}

export function rebuildHint(indexDir: string): string {
  const rel = path.relative(process.cwd(), indexDir) || '.';
  return rel === 'embeddings' ? 'npm run build-index' : `npm run build-index -- --out ${rel}`;
}

export function newVersion(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Pointer {
  format: number;
  version: string;
  dir: string;
}

/** The version folder CURRENT points to, or null when there is no index. Throws IndexLoadError on a bad pointer. */
export async function currentVersionDir(indexDir: string): Promise<{ dir: string; version: string } | null> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(indexDir, POINTER_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexLoadError(note('pointerUnreadable', { file: path.join(indexDir, POINTER_FILE), detail: (e as Error).message }));
  }
  let p: Pointer;
  try {
    p = JSON.parse(raw) as Pointer;
    if (typeof p.dir !== 'string' || typeof p.version !== 'string' || p.dir.includes('/') || p.dir.includes('\\')) throw new Error('fields');
  } catch {
    throw new IndexLoadError(note('indexCorrupted', { file: path.join(indexDir, POINTER_FILE), command: rebuildHint(indexDir) }));
  }
  if (!READABLE_FORMATS.includes(p.format)) {
    throw new IndexLoadError(note('indexFormat', { dir: indexDir, found: String(p.format), expected: INDEX_FORMAT, command: rebuildHint(indexDir) }));
  }
  return { dir: path.join(indexDir, p.dir), version: p.version };
}

export async function indexExists(indexDir: string): Promise<boolean> {
  try {
    const cur = await currentVersionDir(indexDir);
    if (!cur) return false;
    await fs.access(path.join(cur.dir, FILES.manifest));
    return true;
  } catch {
    return false;
  }
}

/** Manifest -> modification time of its file (ns), for the stat trust of readChecked. */
const manifestTimes = new WeakMap<Manifest, bigint>();

async function statOf(file: string): Promise<{ ino: string; mtimeNs: string }> {
  const st = await fs.stat(file, { bigint: true });
  return { ino: String(st.ino), mtimeNs: String(st.mtimeNs) };
}

/**
 * Checks one file of a version folder against the manifest: its size always; its checksum unless the
 * file is provably the one the build wrote (same inode and mtime, written well before the manifest).
 * Returns the bytes when `read` (else null: the caller reads what it needs later).
 */
async function checkFile(dir: string, name: string, manifest: Manifest, indexDir: string, read: boolean, trustStat = true): Promise<Buffer | null> {
  const file = path.join(dir, name);
  const check = manifest.files[name];
  if (!check) throw new IndexLoadError(note('indexNotListed', { file, command: rebuildHint(indexDir) }));
  let st: BigIntStats;
  try {
    st = await fs.stat(file, { bigint: true });
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IndexLoadError(note(missing ? 'indexFileMissing' : 'indexFileUnreadable', { file, detail: (e as Error).message, command: rebuildHint(indexDir) }));
  }
  if (Number(st.size) !== check.bytes) {
    throw new IndexLoadError(note('indexTruncated', { file, bytes: Number(st.size), expected: check.bytes, command: rebuildHint(indexDir) }));
  }
  const manifestTime = manifestTimes.get(manifest);
  const trusted = trustStat && !!check.stat && manifestTime !== undefined && check.stat.ino === String(st.ino) && check.stat.mtimeNs === String(st.mtimeNs) && st.mtimeNs + RACY_NS < manifestTime;
  if (trusted && !read) return null;
  if (!read) {
    // Hashed as a stream: a large file need not sit in memory to be checked.
    let digest: string;
    try {
      const hash = createHash('sha256');
      for await (const piece of createReadStream(file, { highWaterMark: 1 << 22 })) hash.update(piece as Buffer);
      digest = hash.digest('hex');
    } catch (e) {
      throw new IndexLoadError(note('indexFileUnreadable', { file, detail: (e as Error).message, command: rebuildHint(indexDir) }));
    }
    if (digest !== check.sha256) throw new IndexLoadError(note('indexCorrupted', { file, detail: 'checksum mismatch', command: rebuildHint(indexDir) }));
    return null;
  }
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    throw new IndexLoadError(note('indexFileUnreadable', { file, detail: (e as Error).message, command: rebuildHint(indexDir) }));
  }
  if (buf.length !== check.bytes) {
    throw new IndexLoadError(note('indexTruncated', { file, bytes: buf.length, expected: check.bytes, command: rebuildHint(indexDir) }));
  }
  if (!trusted && sha256(buf) !== check.sha256) {
    throw new IndexLoadError(note('indexCorrupted', { file, detail: 'checksum mismatch', command: rebuildHint(indexDir) }));
  }
  return read ? buf : null;
}

/** Reads and checks one file of a version folder against the manifest's size and checksum. */
export async function readChecked(dir: string, name: string, manifest: Manifest, indexDir: string): Promise<Buffer> {
  return (await checkFile(dir, name, manifest, indexDir, true))!;
}

/** Checks one file like readChecked without keeping its bytes (a file read piecemeal later). */
export async function verifyChecked(dir: string, name: string, manifest: Manifest, indexDir: string): Promise<void> {
  await checkFile(dir, name, manifest, indexDir, false);
}

/** What verifyIndex found: the version checked and the note of each damaged file (none: intact). */
export interface IndexVerification {
  dir: string;
  version: string;
  files: number;
  bytes: number;
  damaged: OperatorNote[];
}

/**
 * Reads every file of the current version and checks its size and checksum against the manifest,
 * trusting no stat (a load does: a disk fault that keeps size and time is found only here). Throws
 * IndexLoadError when there is no index or its manifest is unreadable.
 */
export async function verifyIndex(indexDir: string): Promise<IndexVerification> {
  const cur = await currentVersionDir(indexDir);
  if (!cur) throw new IndexLoadError(note('indexMissing', { dir: indexDir, command: rebuildHint(indexDir) }));
  const manifest = await readManifest(cur.dir, indexDir);
  const damaged: OperatorNote[] = [];
  let bytes = 0;
  for (const [name, check] of Object.entries(manifest.files)) {
    bytes += check.bytes;
    try {
      await checkFile(cur.dir, name, manifest, indexDir, false, false);
    } catch (e) {
      if (!(e instanceof IndexLoadError) || !e.note) throw e;
      damaged.push(e.note);
    }
  }
  return { dir: cur.dir, version: manifest.version, files: Object.keys(manifest.files).length, bytes, damaged };
}

export async function readManifest(dir: string, indexDir: string): Promise<Manifest> {
  const file = path.join(dir, FILES.manifest);
  let m: Manifest;
  let mtimeNs: bigint;
  try {
    mtimeNs = (await fs.stat(file, { bigint: true })).mtimeNs;
    m = JSON.parse(await fs.readFile(file, 'utf8')) as Manifest;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IndexLoadError(note(missing ? 'indexFileMissing' : 'indexCorrupted', { file, command: rebuildHint(indexDir) }));
  }
  if (!READABLE_FORMATS.includes(m.format) || typeof m.version !== 'string' || typeof m.files !== 'object' || m.files === null) {
    throw new IndexLoadError(note('indexBadManifest', { file, command: rebuildHint(indexDir) }));
  }
  manifestTimes.set(m, mtimeNs);
  return m;
}

/** Bytes gathered per write call when a file is written as many pieces. */
const WRITE_BATCH = 8 << 20;

/**
 * Writes a file (one buffer, or pieces one after the other, made as they are written) and, unless told
 * not to, flushes it to disk. Returns its size and sha256, computed on the way.
 */
async function writeDurable(file: string, data: Buffer | string | Iterable<Buffer>, sync = true): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const fh = await fs.open(file, 'w');
    try {
      const parts: Iterable<Buffer> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : Buffer.isBuffer(data) ? [data] : data;
      // Small pieces (500,000 chunk texts) are gathered into a few megabytes per write call.
      let batch: Buffer[] = [];
      let batched = 0;
      const flush = async () => {
        if (batch.length > 0) await fh.writeFile(batch.length === 1 ? batch[0]! : Buffer.concat(batch, batched));
        batch = [];
        batched = 0;
      };
      for (const part of parts) {
        hash.update(part);
        bytes += part.length;
        batch.push(part);
        batched += part.length;
        if (batched >= WRITE_BATCH) await flush();
      }
      await flush();
      if (sync) await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    // A file handle's write errors (ENOSPC) carry no path: name the file for the operator.
    if (typeof e === 'object' && e !== null && (e as NodeJS.ErrnoException).path === undefined) (e as NodeJS.ErrnoException).path = file;
    throw e;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function syncFile(file: string): Promise<void> {
  const fh = await fs.open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* not supported on every platform; rename atomicity does not depend on it */
  }
}

/** A version folder being written. Nothing is visible to readers until `commit()`. */
export class VersionWriter {
  readonly files: Record<string, FileCheck> = {};
  private committed = false;
  /** Files written but not yet flushed to disk (see commit). */
  private readonly unsynced: string[] = [];
  private constructor(
    readonly indexDir: string,
    readonly version: string,
    readonly dir: string,
  ) {}

  static async create(indexDir: string, version = newVersion()): Promise<VersionWriter> {
    await fs.mkdir(indexDir, { recursive: true });
    const dir = path.join(indexDir, `v-${version}`);
    await fs.mkdir(dir);
    return new VersionWriter(indexDir, version, dir);
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  /** Writes one file of the version: a buffer, a string, or pieces written one after the other as they come (never joined in memory). */
  async write(name: string, data: Buffer | string | Iterable<Buffer>): Promise<void> {
    // Flushed all together before the commit: the disk writes one file while the next is being made.
    const { bytes, sha256 } = await writeDurable(this.path(name), data, false);
    this.unsynced.push(this.path(name));
    this.files[name] = { bytes, sha256, stat: await statOf(this.path(name)) };
  }

  /**
   * Puts a file of a previous version (already checked against `check`) into this folder without
   * writing it again: a hard link (files of committed versions are never modified), else a copy.
   */
  async reuse(name: string, fromDir: string, check: FileCheck): Promise<void> {
    const from = path.join(fromDir, name);
    try {
      await fs.link(from, this.path(name));
    } catch {
      await fs.copyFile(from, this.path(name));
    }
    this.files[name] = { bytes: check.bytes, sha256: check.sha256, stat: await statOf(this.path(name)) };
  }

  /** A file of this folder to set bytes aside in while the build runs (see SpillFile). */
  spill(name: string): SpillFile {
    return new SpillFile(this.path(name));
  }

  /** Makes a spill file, as it is, the version's file `name` (no copy: renamed). */
  async adopt(name: string, spill: SpillFile): Promise<void> {
    const check = spill.finish();
    await fs.rename(spill.file, this.path(name));
    this.files[name] = { ...check, stat: await statOf(this.path(name)) };
  }

  /** Records size and checksum of a file written by someone else (hnswlib) into this folder. */
  async record(name: string): Promise<void> {
    const buf = await fs.readFile(this.path(name));
    this.files[name] = { bytes: buf.length, sha256: sha256(buf), stat: await statOf(this.path(name)) };
  }

  /** Writes the manifest last, then atomically repoints CURRENT. */
  async commit(manifest: Omit<Manifest, 'files' | 'version' | 'format'>): Promise<Manifest> {
    const full: Manifest = { format: INDEX_FORMAT, version: this.version, ...manifest, files: this.files };
    await Promise.all(this.unsynced.map(syncFile)); // every file on disk before the manifest that vouches for it
    await writeDurable(this.path(FILES.manifest), JSON.stringify(full, null, 1));
    await syncDir(this.dir);
    const pointer: Pointer = { format: INDEX_FORMAT, version: this.version, dir: path.basename(this.dir) };
    const tmp = path.join(this.indexDir, `.${POINTER_FILE}.${process.pid}.tmp`);
    await writeDurable(tmp, JSON.stringify(pointer) + '\n');
    await fs.rename(tmp, path.join(this.indexDir, POINTER_FILE));
    this.committed = true;
    await syncDir(this.indexDir);
    return full;
  }

  /** Deletes the folder, unless it was committed (a failure after the commit must not take the index away). */
  async abandon(): Promise<void> {
    if (this.committed) return;
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Bytes set aside while a build runs, in its version folder (the texts of the new chunks: a full build
 * of 500,000 paragraphs would otherwise hold 400 MB of them until it writes texts.bin). Appended and
 * read back synchronously, a few hundred bytes at a time (the page cache has them); kept whole as a
 * file of the version when it already is one (VersionWriter.adopt), else deleted before the commit.
 */
export class SpillFile {
  private fd: number | null;
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+');
  }

  /** Appends the bytes; returns where they start. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done, bytes.length - done, at + done);
    this.hash.update(bytes);
    this.size += bytes.length;
    return at;
  }

  read(at: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.fd!, out, done, length - done, at + done);
      if (n === 0) throw new Error(`${this.file}: ${length} bytes at ${at} are past its end`);
      done += n;
    }
    return out;
  }

  /** Flushes and closes it; its size and checksum. */
  finish(): { bytes: number; sha256: string } {
    fsyncSync(this.fd!);
    this.close();
    return { bytes: this.size, sha256: this.hash.digest('hex') };
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Closes and deletes it (its bytes were written elsewhere, or the build failed). */
  discard(): void {
    this.close();
    try {
      unlinkSync(this.file);
    } catch {
      /* already gone with its folder */
    }
  }
}

/**
 * Removes version folders other than the current one and the one before it (a bot may still be
 * switching over from it), including folders left by crashed builds.
 */
export async function pruneVersions(indexDir: string, keep: string[]): Promise<string[]> {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = await fs.readdir(indexDir);
  } catch {
    return removed;
  }
  const keepNames = new Set(keep.map((d) => path.basename(d)));
  for (const name of entries) {
    if ((name.startsWith('v-') && !keepNames.has(name)) || /^\.CURRENT\.\d+\.tmp$/.test(name) || deadLockTemp(name)) {
      await fs.rm(path.join(indexDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

export const BUILD_LOCK = '.build.lock';

/** One build at a time per index folder (see lock.ts: atomic creation, stale locks of dead builders taken over by exactly one contender). */
export async function acquireBuildLock(indexDir: string, opts?: LockOptions): Promise<() => Promise<void>> {
  await fs.mkdir(indexDir, { recursive: true });
  return acquireLock(path.join(indexDir, BUILD_LOCK), opts);
}

/** Leftover temporary files of lock (or takeover guard) contenders that died between writing and linking them. */
function deadLockTemp(name: string): boolean {
  const m = /^\.build\.lock(?:\.takeover-[0-9a-f]+)?\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  return pid !== process.pid && !ownerAlive({ pid, host: os.hostname(), startedAt: '', token: '' });
}

/** Loads a committed index version into memory, checking every file before trusting it. */
import path from 'node:path';
import { note } from '../text/operator.js';
import { KeywordIndex, KeywordSegments } from './keyword-index.js';
import { TOKENIZER_VERSION } from './terms.js';
import { HnswVectorStore, type VectorStore } from './vector-store.js';
import { articleOrdinals, openChunkSegments, openChunkStore, type ChunkBase } from './chunk-store.js';
import { FILES, IndexLoadError, currentVersionDir, readChecked, readManifest, rebuildHint, verifyChecked, type Manifest, type StoredArticle, type StoredChunk } from './store.js';

export interface LoadedIndex {
  indexDir: string;
  dir: string;
  manifest: Manifest;
  articles: StoredArticle[];
  articleById: Map<string, number>;
  /** Chunk texts are read from texts.bin (in memory when small, see TEXTS_IN_MEMORY_BYTES) and decoded when asked for (see chunk-store.ts). */
  chunks: StoredChunk[];
  /** The base segment the first chunks come from (null: a format 1 index); a build may keep it. */
  chunkBase: ChunkBase | null;
  /** Made on first use (a keyword-only server or a build rarely needs it). */
  chunkById: Map<string, number>;
  /** chunk ordinal -> article ordinal */
  chunkArticle: Uint32Array;
  /** Chunk-level BM25 over paragraph text (a base segment and, after incremental builds, a tail). */
  keyword: KeywordSegments;
  /** BM25 over article titles (one document per article, same order as `articles`). */
  titles: KeywordIndex;
  /** The same over each article's lead (first paragraph). */
  leads: KeywordIndex;
  vectors: VectorStore | null;
  /** Why the manifest names a model but `vectors` is null (the file holds vectors of another size). */
  vectorProblem: string | null;
  /** Made on first use (only dense search needs it). */
  labelToChunk: Map<number, number>;
}


/**
 * Chunk texts up to this many bytes in all are read into memory at load (outside the JavaScript heap),
 * else read from their files when asked (the page cache holds them): a question reads some fifty
 * candidates' texts, and a positioned read each was a tenth of a question's time at 50,000 chunks
 * (43 MB of texts). Half a million chunks' texts (some 430 MB) stay on disk.
 */
const TEXTS_IN_MEMORY_BYTES = 64 * 1024 * 1024;

export interface LoadOptions {
  /** Skip reading vectors.hnsw (keyword-only serving or a keyword-only rebuild). */
  skipVectors?: boolean;
  /** Chunk texts up to this many bytes are read into memory (TEXTS_IN_MEMORY_BYTES unless given; 0: always read when asked). */
  textsInMemoryBytes?: number;
}

/** Throws IndexLoadError (one clear line) when there is no index or it is damaged. */
export async function loadIndex(indexDir: string, opts: LoadOptions = {}): Promise<LoadedIndex> {
  const cur = await currentVersionDir(indexDir);
  if (!cur) throw new IndexLoadError(note('indexMissing', { dir: indexDir, command: rebuildHint(indexDir) }));
  const { dir } = cur;
  const manifest = await readManifest(dir, indexDir);

  const parseJson = async <T>(name: string): Promise<T> => {
    const buf = await readChecked(dir, name, manifest, indexDir);
    try {
      return JSON.parse(buf.toString('utf8')) as T;
    } catch {
      throw new IndexLoadError(note('indexCorrupted', { file: path.join(dir, name), detail: 'not JSON', command: rebuildHint(indexDir) }));
    }
  };
  const parseKeyword = async (name: string): Promise<KeywordIndex> => {
    const buf = await readChecked(dir, name, manifest, indexDir);
    try {
      return KeywordIndex.deserialize(buf);
    } catch (e) {
      throw new IndexLoadError(note('indexCorrupted', { file: path.join(dir, name), detail: (e as Error).message, command: rebuildHint(indexDir) }));
    }
  };

  const parseSegments = async (): Promise<KeywordSegments> => {
    // The base's postings stay on disk (read per looked-up term): the largest file of an index.
    await verifyChecked(dir, FILES.keyword, manifest, indexDir);
    let base: KeywordIndex;
    try {
      base = KeywordIndex.open(path.join(dir, FILES.keyword), manifest.files[FILES.keyword]!.bytes);
    } catch (e) {
      throw new IndexLoadError(note('indexCorrupted', { file: path.join(dir, FILES.keyword), detail: (e as Error).message, command: rebuildHint(indexDir) }));
    }
    const tail = manifest.files[FILES.keywordTail] ? await parseKeyword(FILES.keywordTail) : null;
    if (!manifest.files[FILES.keywordDeleted]) return new KeywordSegments(base, tail);
    const file = path.join(dir, FILES.keywordDeleted);
    try {
      return new KeywordSegments(base, tail, KeywordSegments.decodeDeleted(await readChecked(dir, FILES.keywordDeleted, manifest, indexDir)));
    } catch (e) {
      if (e instanceof IndexLoadError) throw e;
      throw new IndexLoadError(note('indexCorrupted', { file, detail: (e as Error).message, command: rebuildHint(indexDir) }));
    }
  };

  // Chunks: the base table, its deletion list and tail table, with texts in texts.bin (and, after
  // incremental builds, texts-tail.bin); or a format 1 chunks.json.
  const parseChunks = async (): Promise<{ chunks: StoredChunk[]; base: ChunkBase | null; articleOrdinals?: (articleById: ReadonlyMap<string, number>) => Int32Array }> => {
    if (!manifest.files[FILES.chunks] && manifest.files[FILES.chunksJson]) {
      const chunkFile = await parseJson<unknown>(FILES.chunksJson);
      const blob = Array.isArray(chunkFile) ? null : await readChecked(dir, FILES.texts, manifest, indexDir);
      try {
        return { chunks: openChunkStore(chunkFile, blob), base: null };
      } catch (e) {
        throw new IndexLoadError(note('indexCorrupted', { file: path.join(dir, FILES.chunksJson), detail: (e as Error).message, command: rebuildHint(indexDir) }));
      }
    }
    const table = await readChecked(dir, FILES.chunks, manifest, indexDir);
    const optional = async (name: string) => (manifest.files[name] ? readChecked(dir, name, manifest, indexDir) : null);
    const deleted = await optional(FILES.chunksDeleted);
    const tail = await optional(FILES.chunksTail);
    const names = manifest.files[FILES.textsTail] ? [FILES.texts, FILES.textsTail] : [FILES.texts];
    const inMemory = names.reduce((n, name) => n + manifest.files[name]!.bytes, 0) <= (opts.textsInMemoryBytes ?? TEXTS_IN_MEMORY_BYTES);
    const texts: Array<({ blob: Buffer } | { file: string; size: number }) & { name: string }> = [];
    for (const name of names) {
      if (inMemory) texts.push({ blob: await readChecked(dir, name, manifest, indexDir), name });
      else {
        await verifyChecked(dir, name, manifest, indexDir);
        texts.push({ file: path.join(dir, name), size: manifest.files[name]!.bytes, name });
      }
    }
    try {
      return openChunkSegments(table, deleted, tail, texts);
    } catch (e) {
      throw new IndexLoadError(note('indexCorrupted', { file: path.join(dir, FILES.chunks), detail: (e as Error).message, command: rebuildHint(indexDir) }));
    }
  };

  if (manifest.tokenizer !== TOKENIZER_VERSION) {
    throw new IndexLoadError(note('indexTokenizer', { dir, tokenizer: String(manifest.tokenizer), command: rebuildHint(indexDir) }));
  }
  const articles = await parseJson<StoredArticle[]>(FILES.articles);
  const { chunks, base: chunkBase, articleOrdinals: ordinalsOf } = await parseChunks();
  const keyword = await parseSegments();
  const titles = await parseKeyword(FILES.titles);
  const leads = await parseKeyword(FILES.leads);
  if (!Array.isArray(articles) || !Array.isArray(chunks) || keyword.docCount !== chunks.length || titles.docCount !== articles.length || leads.docCount !== articles.length) {
    throw new IndexLoadError(note('indexInconsistent', { dir, command: rebuildHint(indexDir) }));
  }

  const articleById = new Map<string, number>();
  articles.forEach((a, i) => articleById.set(a.id, i));
  const ordinals = ordinalsOf ? ordinalsOf(articleById) : articleOrdinals(chunks, articleById);
  const unknown = ordinals.indexOf(-1);
  if (unknown >= 0) throw new IndexLoadError(note('indexUnknownArticle', { file: path.join(dir, manifest.files[FILES.chunks] ? FILES.chunks : FILES.chunksJson), article: chunks[unknown]!.articleId, command: rebuildHint(indexDir) }));
  const chunkArticle = new Uint32Array(ordinals.buffer);

  let vectors: VectorStore | null = null;
  let vectorProblem: string | null = null;
  if (manifest.model && !opts.skipVectors) {
    // Checked before hnswlib sees it: a truncated file must never reach native code, nor a graph of
    // vectors of another size than the manifest says (hnswlib would read past each vector).
    const buf = await readChecked(dir, FILES.vectors, manifest, indexDir);
    const dim = hnswDimension(buf);
    if (dim === null) throw new IndexLoadError(note('indexNotHnsw', { file: path.join(dir, FILES.vectors), command: rebuildHint(indexDir) }));
    if (dim !== manifest.model.dim) {
      vectorProblem = `${path.join(dir, FILES.vectors)} holds ${dim}-dimensional vectors but the manifest says ${manifest.model.dim} (${manifest.model.id}): keyword search only until the index is rebuilt`;
    } else {
      try {
        vectors = HnswVectorStore.open(path.join(dir, FILES.vectors), manifest.model.dim);
      } catch (e) {
        throw new IndexLoadError(note('indexFileUnreadable', { file: path.join(dir, FILES.vectors), detail: (e as Error).message, command: rebuildHint(indexDir) }));
      }
    }
  }
  let chunkById: Map<string, number> | null = null;
  let labelToChunk: Map<number, number> | null = null;
  return {
    indexDir,
    dir,
    manifest,
    articles,
    articleById,
    chunks,
    chunkBase,
    get chunkById() {
      if (!chunkById) {
        chunkById = new Map();
        for (let i = 0; i < chunks.length; i++) chunkById.set(chunks[i]!.id, i);
      }
      return chunkById;
    },
    chunkArticle,
    keyword,
    titles,
    leads,
    vectors,
    vectorProblem,
    get labelToChunk() {
      if (!labelToChunk) {
        labelToChunk = new Map();
        for (let i = 0; i < chunks.length; i++) labelToChunk.set(chunks[i]!.label, i);
      }
      return labelToChunk;
    },
  };
}

/**
 * The vector size an hnswlib index file was written for, from its header (u64 fields: offsetLevel0,
 * maxElements, count, sizeDataPerElement, labelOffset, offsetData, …; float vectors sit between
 * offsetData and labelOffset), or null when the header makes no sense.
 */
export function hnswDimension(buf: Buffer): number | null {
  if (buf.length < 96) return null;
  const field = (i: number) => Number(buf.readBigUInt64LE(8 * i));
  const [maxElements, count, perElement, labelOffset, offsetData] = [field(1), field(2), field(3), field(4), field(5)];
  const bytes = labelOffset - offsetData;
  if (count > maxElements || bytes <= 0 || bytes % 4 !== 0 || labelOffset + 8 !== perElement) return null;
  return bytes / 4;
}

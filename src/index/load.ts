/** Loads a committed index version into memory, checking every file before trusting it. */
import path from 'node:path';
import { note } from '../text/operator.js';
import { KeywordIndex, KeywordSegments } from './keyword-index.js';
import { TOKENIZER_VERSION } from './terms.js';
import { HnswVectorStore, type VectorStore } from './vector-store.js';
import { openChunkStore, type ChunkTexts } from './chunk-store.js';
import { FILES, IndexLoadError, currentVersionDir, readChecked, readManifest, rebuildHint, type Manifest, type StoredArticle, type StoredChunk } from './store.js';

export interface LoadedIndex {
  indexDir: string;
  dir: string;
  manifest: Manifest;
  articles: StoredArticle[];
  articleById: Map<string, number>;
  /** Chunk texts are decoded when read (see chunk-store.ts). */
  chunks: StoredChunk[];
  /** The bytes behind the chunks' texts (null for an index with texts inline in chunks.json). */
  texts: ChunkTexts | null;
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
  labelToChunk: Map<number, number>;
}

export interface LoadOptions {
  /** Skip reading vectors.hnsw (keyword-only serving or a keyword-only rebuild). */
  skipVectors?: boolean;
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
    const base = await parseKeyword(FILES.keyword);
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

  if (manifest.tokenizer !== TOKENIZER_VERSION) {
    throw new IndexLoadError(note('indexTokenizer', { dir, tokenizer: String(manifest.tokenizer), command: rebuildHint(indexDir) }));
  }
  const articles = await parseJson<StoredArticle[]>(FILES.articles);
  const chunkFile = await parseJson<unknown>(FILES.chunks);
  const blob = Array.isArray(chunkFile) ? null : await readChecked(dir, FILES.texts, manifest, indexDir);
  let chunks: StoredChunk[];
  let texts: ChunkTexts | null;
  try {
    ({ chunks, texts } = openChunkStore(chunkFile, blob));
  } catch (e) {
    throw new IndexLoadError(note('indexCorrupted', { file: path.join(dir, FILES.chunks), detail: (e as Error).message, command: rebuildHint(indexDir) }));
  }
  const keyword = await parseSegments();
  const titles = await parseKeyword(FILES.titles);
  const leads = await parseKeyword(FILES.leads);
  if (!Array.isArray(articles) || !Array.isArray(chunks) || keyword.docCount !== chunks.length || titles.docCount !== articles.length || leads.docCount !== articles.length) {
    throw new IndexLoadError(note('indexInconsistent', { dir, command: rebuildHint(indexDir) }));
  }

  const articleById = new Map<string, number>();
  articles.forEach((a, i) => articleById.set(a.id, i));
  const chunkById = new Map<string, number>();
  const chunkArticle = new Uint32Array(chunks.length);
  const labelToChunk = new Map<number, number>();
  chunks.forEach((c, i) => {
    chunkById.set(c.id, i);
    const a = articleById.get(c.articleId);
    if (a === undefined) throw new IndexLoadError(note('indexUnknownArticle', { file: path.join(dir, FILES.chunks), article: c.articleId, command: rebuildHint(indexDir) }));
    chunkArticle[i] = a;
    labelToChunk.set(c.label, i);
  });

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
  return { indexDir, dir, manifest, articles, articleById, chunks, texts, chunkById, chunkArticle, keyword, titles, leads, vectors, vectorProblem, labelToChunk };
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

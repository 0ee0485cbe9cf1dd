/**
 * Chunks on disk and in memory (store 'chunks-v2', see store.ts): the fields in chunks.json, the texts
 * in texts.bin. A loaded chunk decodes its text from the shared bytes when `.text` is read, so loading
 * 50,000 chunks decodes none of them, memory holds the texts once as UTF-8, and a rebuild copies the
 * bytes of unchanged chunks without decoding or encoding them.
 */
import { CHUNK_STORE, type ChunkRecord, type ChunksFile, type StoredChunk } from './store.js';

/** The texts of a loaded chunk store: chunk i is bytes [offsets[i], offsets[i + 1]) of `blob`. */
export interface ChunkTexts {
  blob: Buffer;
  offsets: Float64Array;
}

/**
 * A loaded chunk. `text` is a getter (decoded on each read; callers that need it often keep the string);
 * JSON.stringify includes it (toJSON). Object spread does not copy it: copy the fields you need.
 */
export class LoadedChunk implements StoredChunk {
  readonly #texts: ChunkTexts;
  readonly #i: number;
  id: string;
  articleId: string;
  kind: 'paragraph' | 'caption';
  paragraph: number;
  paragraphEnd: number;
  start: number;
  end: number;
  context: string | null;
  label: number;
  page?: number;

  constructor(r: ChunkRecord, texts: ChunkTexts, i: number) {
    this.id = r.id;
    this.articleId = r.articleId;
    this.kind = r.kind;
    this.paragraph = r.paragraph;
    this.paragraphEnd = r.paragraphEnd;
    this.start = r.start;
    this.end = r.end;
    this.context = r.context;
    this.label = r.label;
    if (r.page !== undefined) this.page = r.page;
    this.#texts = texts;
    this.#i = i;
  }

  get text(): string {
    return this.#texts.blob.toString('utf8', this.#texts.offsets[this.#i]!, this.#texts.offsets[this.#i + 1]!);
  }

  toJSON(): StoredChunk {
    const json: StoredChunk = { id: this.id, articleId: this.articleId, kind: this.kind, paragraph: this.paragraph, paragraphEnd: this.paragraphEnd, start: this.start, end: this.end, text: this.text, context: this.context, label: this.label };
    if (this.page !== undefined) json.page = this.page;
    return json;
  }
}

/** Checks and opens chunks.json (already parsed) with its texts; throws Error with a short reason. */
export function openChunkStore(parsed: unknown, blob: Buffer | null): { chunks: StoredChunk[]; texts: ChunkTexts | null } {
  if (Array.isArray(parsed)) return { chunks: parsed as StoredChunk[], texts: null }; // inline texts (older indexes)
  const file = parsed as Partial<ChunksFile> | null;
  if (!file || typeof file !== 'object' || file.store !== CHUNK_STORE || !Array.isArray(file.chunks)) throw new Error('not a chunk list');
  if (!blob) throw new Error('texts.bin is missing');
  const records = file.chunks;
  const offsets = new Float64Array(records.length + 1);
  let at = 0;
  for (let i = 0; i < records.length; i++) {
    const n = records[i]?.textBytes;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error(`chunk ${i} has no text length`);
    offsets[i] = at;
    at += n;
  }
  offsets[records.length] = at;
  if (at !== blob.length) throw new Error(`the texts take ${at} bytes but texts.bin has ${blob.length}`);
  const texts: ChunkTexts = { blob, offsets };
  return { chunks: records.map((r, i) => new LoadedChunk(r, texts, i)), texts };
}

/** The UTF-8 bytes of chunk `i` of a loaded index (copied from texts.bin when there is one, else encoded). */
export function chunkTextBytes(chunks: readonly StoredChunk[], texts: ChunkTexts | null, i: number): Buffer {
  if (texts) return texts.blob.subarray(texts.offsets[i]!, texts.offsets[i + 1]!);
  return Buffer.from(chunks[i]!.text, 'utf8');
}

/** chunks.json and texts.bin for chunks given as fields plus text bytes. */
export function encodeChunkStore(items: ReadonlyArray<{ record: Omit<ChunkRecord, 'textBytes'>; bytes: Buffer }>): { json: string; texts: Buffer } {
  const records: ChunkRecord[] = items.map(({ record: r, bytes }) => ({
    id: r.id,
    articleId: r.articleId,
    kind: r.kind,
    paragraph: r.paragraph,
    paragraphEnd: r.paragraphEnd,
    start: r.start,
    end: r.end,
    context: r.context,
    label: r.label,
    ...(r.page !== undefined ? { page: r.page } : {}),
    textBytes: bytes.length,
  }));
  const file: ChunksFile = { store: CHUNK_STORE, chunks: records };
  return { json: JSON.stringify(file), texts: Buffer.concat(items.map((x) => x.bytes)) };
}

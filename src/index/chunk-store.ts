/**
 * Chunks on disk and in memory. Store 'chunks-v3' (see store.ts): the fields of every chunk in binary
 * tables (typed columns, nothing to parse per chunk), the texts in texts.bin and texts-tail.bin (each
 * chunk says which file and where). Like the keyword index, the chunks are a base segment and a tail:
 * the base table (chunks.bin) with its texts all in texts.bin, the rows of it deleted since
 * (chunks-deleted.bin) and a table of the chunks added since (chunks-tail.bin, texts in either file). A
 * build that adds or changes an article links the base files and writes the tail and the deletion list
 * only (its cost follows the changes since the base was written, not the index), until they grow past a
 * share of the whole and a build merges everything into a new base. A loaded chunk is a small view that
 * reads its fields from the columns and its text from its file when asked: loading 500,000 chunks
 * decodes no text, and a serving process keeps the texts on disk (the page cache), not in its heap
 * (a small index's texts are read whole at load instead, outside the heap: see load.ts).
 * Older stores ('chunks-v2' JSON records, or inline texts) still load.
 */
import { FileReader } from './file-reader.js';
import { CHUNK_STORE, type ChunkRecord, type ChunksFile, type StoredChunk } from './store.js';

const MAGIC = 'VNCK3';
const NO_PAGE = -1;

/** A file of chunk texts: `length` bytes at `at`. */
export interface ChunkTexts {
  readonly size: number;
  bytes(at: number, length: number): Buffer;
}

class BlobTexts implements ChunkTexts {
  constructor(private readonly blob: Buffer) {}
  get size(): number {
    return this.blob.length;
  }
  bytes(at: number, length: number): Buffer {
    return this.blob.subarray(at, at + length);
  }
}

class FileTexts implements ChunkTexts {
  private readonly file: FileReader;
  constructor(
    file: string,
    readonly size: number,
  ) {
    this.file = new FileReader(file);
  }
  bytes(at: number, length: number): Buffer {
    return this.file.read(at, length);
  }
}

/** The fields of a table of chunks, as typed columns. */
class ChunkTable {
  constructor(
    readonly count: number,
    readonly articleIds: string[],
    readonly art: Uint32Array,
    readonly kind: Uint8Array,
    readonly paragraph: Uint32Array,
    readonly paragraphEnd: Uint32Array,
    readonly start: Uint32Array,
    readonly end: Uint32Array,
    readonly label: Float64Array,
    readonly page: Int32Array,
    /** Where each text is: its file (0: texts.bin, 1: texts-tail.bin), offset and length in bytes. */
    readonly textSeg: Uint8Array,
    readonly textAt: Float64Array,
    readonly textBytes: Uint32Array,
    readonly idStart: Uint32Array,
    readonly idBlob: Buffer,
    readonly ctxNull: Uint8Array,
    readonly ctxStart: Uint32Array,
    readonly ctxBlob: Buffer,
  ) {}

  /**
   * The texts files its rows point into (see TextPlace), set when the table is opened: kept here rather
   * than in each of half a million views, a field less per view to allocate and collect.
   */
  texts: readonly ChunkTexts[] = [];

  /**
   * A table of rows given as fields (a plain record, or a loaded chunk: its fields copied from its
   * table's columns, its id and heading as bytes, never decoded), label and text place.
   */
  static fromRows(rows: readonly TableRow[]): ChunkTable {
    const n = rows.length;
    const articleIds: string[] = [];
    const artOf = new Map<string, number>();
    const art = new Uint32Array(n);
    const kind = new Uint8Array(n);
    const paragraph = new Uint32Array(n);
    const paragraphEnd = new Uint32Array(n);
    const start = new Uint32Array(n);
    const end = new Uint32Array(n);
    const label = new Float64Array(n);
    const page = new Int32Array(n);
    const textSeg = new Uint8Array(n);
    const textAt = new Float64Array(n);
    const textBytes = new Uint32Array(n);
    const idStart = new Uint32Array(n + 1);
    const ctxNull = new Uint8Array(n);
    const ctxStart = new Uint32Array(n + 1);
    // Per source table: its article ordinal -> this table's (-1: not met yet), so a kept row costs no string lookup.
    const artMaps = new Map<ChunkTable, Int32Array>();
    const articleOf = (id: string): number => {
      let a = artOf.get(id);
      if (a === undefined) {
        a = articleIds.length;
        articleIds.push(id);
        artOf.set(id, a);
      }
      return a;
    };
    let idAt = 0;
    let ctxAt = 0;
    for (let i = 0; i < n; i++) {
      const place = rows[i]!;
      const r = place.record;
      label[i] = place.label;
      textSeg[i] = place.seg;
      textAt[i] = place.at;
      textBytes[i] = place.textBytes;
      idStart[i] = idAt;
      ctxStart[i] = ctxAt;
      if (r instanceof LoadedChunk) {
        const t = r.table;
        const j = r.row;
        let map = artMaps.get(t);
        if (!map) artMaps.set(t, (map = new Int32Array(t.articleIds.length).fill(-1)));
        const ta = t.art[j]!;
        art[i] = map[ta]! >= 0 ? map[ta]! : (map[ta] = articleOf(t.articleIds[ta]!));
        kind[i] = t.kind[j]!;
        paragraph[i] = t.paragraph[j]!;
        paragraphEnd[i] = t.paragraphEnd[j]!;
        start[i] = t.start[j]!;
        end[i] = t.end[j]!;
        page[i] = t.page[j]!;
        ctxNull[i] = t.ctxNull[j]!;
        idAt += t.idStart[j + 1]! - t.idStart[j]!;
        ctxAt += t.ctxStart[j + 1]! - t.ctxStart[j]!;
        continue;
      }
      art[i] = articleOf(r.articleId);
      kind[i] = r.kind === 'caption' ? 1 : 0;
      paragraph[i] = r.paragraph;
      paragraphEnd[i] = r.paragraphEnd;
      start[i] = r.start;
      end[i] = r.end;
      page[i] = r.page ?? NO_PAGE;
      ctxNull[i] = r.context === null ? 1 : 0;
      idAt += Buffer.byteLength(r.id, 'utf8');
      if (r.context !== null) ctxAt += Buffer.byteLength(r.context, 'utf8');
    }
    idStart[n] = idAt;
    ctxStart[n] = ctxAt;
    // The strings written straight into one buffer each (no small buffer per chunk).
    const idBlob = Buffer.allocUnsafe(idAt);
    const ctxBlob = Buffer.allocUnsafe(ctxAt);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!.record;
      if (r instanceof LoadedChunk) {
        const t = r.table;
        const j = r.row;
        t.idBlob.copy(idBlob, idStart[i]!, t.idStart[j]!, t.idStart[j + 1]!);
        t.ctxBlob.copy(ctxBlob, ctxStart[i]!, t.ctxStart[j]!, t.ctxStart[j + 1]!);
        continue;
      }
      idBlob.write(r.id, idStart[i]!, 'utf8');
      if (r.context) ctxBlob.write(r.context, ctxStart[i]!, 'utf8');
    }
    return new ChunkTable(n, articleIds, art, kind, paragraph, paragraphEnd, start, end, label, page, textSeg, textAt, textBytes, idStart, idBlob, ctxNull, ctxStart, ctxBlob);
  }

  private sections(): ArrayBufferView[] {
    return [this.art, this.kind, this.paragraph, this.paragraphEnd, this.start, this.end, this.label, this.page, this.textSeg, this.textAt, this.textBytes, this.idStart, this.idBlob, this.ctxNull, this.ctxStart, this.ctxBlob];
  }

  // ---- persistence: MAGIC, u32 header length, JSON header, then 8-byte aligned sections ----

  serialize(): Buffer {
    const sections = this.sections();
    const header = Buffer.from(JSON.stringify({ store: CHUNK_TABLE, count: this.count, articleIds: this.articleIds, sections: sections.map((s) => s.byteLength) }));
    const parts: Buffer[] = [Buffer.from(MAGIC), u32(header.length), header];
    let offset = MAGIC.length + 4 + header.length;
    for (const s of sections) {
      const pad = (8 - (offset % 8)) % 8;
      if (pad) parts.push(Buffer.alloc(pad));
      offset += pad;
      parts.push(Buffer.from(s.buffer, s.byteOffset, s.byteLength));
      offset += s.byteLength;
    }
    return Buffer.concat(parts);
  }

  /** Throws an Error with a short reason when the bytes are not a valid table. */
  static deserialize(buf: Buffer): ChunkTable {
    if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a chunk table');
    const headerLen = buf.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4;
    if (offset + headerLen > buf.length) throw new Error('truncated header');
    let header: { store: string; count: number; articleIds: string[]; sections: number[] };
    try {
      header = JSON.parse(buf.toString('utf8', offset, offset + headerLen)) as typeof header;
    } catch {
      throw new Error('bad header');
    }
    const n = header.count;
    if (header.store !== CHUNK_TABLE || !Number.isInteger(n) || n < 0 || !Array.isArray(header.articleIds) || !Array.isArray(header.sections) || header.sections.length !== 16) throw new Error('bad header');
    offset += headerLen;
    const raw: Buffer[] = [];
    for (const len of header.sections) {
      offset += (8 - (offset % 8)) % 8;
      if (!Number.isInteger(len) || len < 0 || offset + len > buf.length) throw new Error('truncated table');
      raw.push(buf.subarray(offset, offset + len));
      offset += len;
    }
    const typed = <T>(b: Buffer, Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number }, length: number): T => {
      if (b.length !== length * Type.BYTES_PER_ELEMENT) throw new Error('inconsistent table');
      // Views in place when aligned (a file read whole is), else a copy.
      if (b.byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(b.buffer, b.byteOffset, length);
      const copy = new ArrayBuffer(b.length);
      new Uint8Array(copy).set(b);
      return new Type(copy, 0, length);
    };
    const r = raw as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
    const table = new ChunkTable(
      n,
      header.articleIds,
      typed(r[0], Uint32Array, n),
      typed(r[1], Uint8Array, n),
      typed(r[2], Uint32Array, n),
      typed(r[3], Uint32Array, n),
      typed(r[4], Uint32Array, n),
      typed(r[5], Uint32Array, n),
      typed(r[6], Float64Array, n),
      typed(r[7], Int32Array, n),
      typed(r[8], Uint8Array, n),
      typed(r[9], Float64Array, n),
      typed(r[10], Uint32Array, n),
      typed(r[11], Uint32Array, n + 1),
      r[12],
      typed(r[13], Uint8Array, n),
      typed(r[14], Uint32Array, n + 1),
      r[15],
    );
    for (let i = 0; i < n; i++) if (table.art[i]! >= header.articleIds.length) throw new Error(`chunk ${i} names no article`);
    if (table.idStart[n] !== table.idBlob.length || table.ctxStart[n] !== table.ctxBlob.length) throw new Error('inconsistent table');
    for (let i = 0; i < n; i++) if (table.idStart[i]! > table.idStart[i + 1]! || table.ctxStart[i]! > table.ctxStart[i + 1]!) throw new Error('inconsistent table');
    return table;
  }
}

export const CHUNK_TABLE = 'chunks-v3';

/**
 * A loaded chunk: a view of row `i` of a table. Fields are getters (JSON.stringify includes them all,
 * text included, through toJSON); object spread copies none of them: copy the fields you need.
 */
export class LoadedChunk implements StoredChunk {
  readonly #t: ChunkTable;
  readonly #i: number;

  constructor(t: ChunkTable, i: number) {
    this.#t = t;
    this.#i = i;
  }

  get id(): string {
    return this.#t.idBlob.toString('utf8', this.#t.idStart[this.#i]!, this.#t.idStart[this.#i + 1]!);
  }
  get articleId(): string {
    return this.#t.articleIds[this.#t.art[this.#i]!]!;
  }
  get kind(): 'paragraph' | 'caption' {
    return this.#t.kind[this.#i] === 1 ? 'caption' : 'paragraph';
  }
  get paragraph(): number {
    return this.#t.paragraph[this.#i]!;
  }
  get paragraphEnd(): number {
    return this.#t.paragraphEnd[this.#i]!;
  }
  get start(): number {
    return this.#t.start[this.#i]!;
  }
  get end(): number {
    return this.#t.end[this.#i]!;
  }
  get context(): string | null {
    return this.#t.ctxNull[this.#i] ? null : this.#t.ctxBlob.toString('utf8', this.#t.ctxStart[this.#i]!, this.#t.ctxStart[this.#i + 1]!);
  }
  get label(): number {
    return this.#t.label[this.#i]!;
  }
  get page(): number | undefined {
    const p = this.#t.page[this.#i]!;
    return p === NO_PAGE ? undefined : p;
  }
  /** Its table and row (a new table copies a kept chunk's fields from there, see ChunkTable.fromRows). */
  get table(): ChunkTable {
    return this.#t;
  }
  get row(): number {
    return this.#i;
  }
  /** Decoded on each read: callers that need it often keep the string. */
  get text(): string {
    return this.bytes().toString('utf8');
  }
  /** The text's UTF-8 bytes as stored (copied by a rebuild without decoding). */
  bytes(): Buffer {
    return this.#t.texts[this.#t.textSeg[this.#i]!]!.bytes(this.#t.textAt[this.#i]!, this.#t.textBytes[this.#i]!);
  }
  /** Where the text is stored: its file (0: texts.bin, 1: texts-tail.bin), offset, length (a build keeps texts.bin and points at the same bytes again). */
  get textSeg(): number {
    return this.#t.textSeg[this.#i]!;
  }
  get textAt(): number {
    return this.#t.textAt[this.#i]!;
  }
  get textLength(): number {
    return this.#t.textBytes[this.#i]!;
  }

  toJSON(): StoredChunk {
    const json: StoredChunk = { id: this.id, articleId: this.articleId, kind: this.kind, paragraph: this.paragraph, paragraphEnd: this.paragraphEnd, start: this.start, end: this.end, text: this.text, context: this.context, label: this.label };
    const page = this.page;
    if (page !== undefined) json.page = page;
    return json;
  }
}

/** Where a chunk's text is: file 0 (texts.bin) or 1 (texts-tail.bin), byte offset and length. */
interface TextPlace {
  seg: number;
  at: number;
  textBytes: number;
}

/** A texts file, in memory (older stores) or read when asked. */
type TextsSource = { blob: Buffer } | { file: string; size: number };

/** The base segment of loaded chunks: its rows, those deleted, and whether every base text is in texts.bin (then a build may keep it). */
export interface ChunkBase {
  rows: number;
  deleted: Uint32Array;
  inBaseTexts: boolean;
}

/**
 * Opens a base table, its deletion list and a tail table (either may be absent): the base's live rows
 * in order, then the tail's. Throws Error with a short reason (a base row with its text in the tail
 * file, which the build rewrites, is one: only a tail row may point there).
 */
export function openChunkSegments(base: Buffer, deleted: Buffer | null, tail: Buffer | null, texts: ReadonlyArray<TextsSource & { name: string }>): { chunks: LoadedChunk[]; base: ChunkBase; articleOrdinals: (articleById: ReadonlyMap<string, number>) => Int32Array } {
  const b = ChunkTable.deserialize(base);
  const gone = deleted ? decodeRows(deleted, b.count) : new Uint32Array(0);
  let inBaseTexts = true;
  for (let i = 0; i < b.count; i++) if (b.textSeg[i] !== 0) inBaseTexts = false;
  if (!inBaseTexts && (tail || deleted)) throw new Error('a base chunk has its text in texts-tail.bin');
  const t = tail ? ChunkTable.deserialize(tail) : null;
  const sources = textSources(texts);
  checkTexts(b, sources, texts);
  if (t) checkTexts(t, sources, texts);
  b.texts = sources;
  if (t) t.texts = sources;
  // Made straight into their places (half a million views: no intermediate array per table).
  const chunks = new Array<LoadedChunk>(b.count - gone.length + (t?.count ?? 0));
  let n = 0;
  let g = 0;
  for (let i = 0; i < b.count; i++) {
    if (g < gone.length && gone[g] === i) g++;
    else chunks[n++] = new LoadedChunk(b, i);
  }
  if (t) for (let i = 0; i < t.count; i++) chunks[n++] = new LoadedChunk(t, i);
  // What articleOrdinals(chunks) gives, read from the tables' article columns (no view's getters).
  const ordinals = (articleById: ReadonlyMap<string, number>): Int32Array => {
    const out = new Int32Array(chunks.length);
    const ofTable = (table: ChunkTable) => Int32Array.from(table.articleIds, (id) => articleById.get(id) ?? -1);
    const map = ofTable(b);
    let k = 0;
    let d = 0;
    for (let i = 0; i < b.count; i++) {
      if (d < gone.length && gone[d] === i) d++;
      else out[k++] = map[b.art[i]!]!;
    }
    if (t) {
      const tailMap = ofTable(t);
      for (let i = 0; i < t.count; i++) out[k++] = tailMap[t.art[i]!]!;
    }
    return out;
  };
  return { chunks, base: { rows: b.count, deleted: gone, inBaseTexts }, articleOrdinals: ordinals };
}

/** Each chunk's article ordinal in `articleById` (-1: none), a table's article ids looked up once each, not once per chunk. */
export function articleOrdinals(chunks: readonly StoredChunk[], articleById: ReadonlyMap<string, number>): Int32Array {
  const out = new Int32Array(chunks.length);
  let table: ChunkTable | null = null;
  let map = new Int32Array(0);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (!(c instanceof LoadedChunk)) {
      out[i] = articleById.get(c.articleId) ?? -1;
      continue;
    }
    if (c.table !== table) {
      table = c.table;
      map = Int32Array.from(table.articleIds, (id) => articleById.get(id) ?? -1);
    }
    out[i] = map[table.art[c.row]!]!;
  }
  return out;
}

/** chunks-deleted.bin: the deleted base rows, ascending, as u32 little-endian. */
export function encodeRows(rows: Uint32Array): Buffer {
  const b = Buffer.alloc(rows.length * 4);
  rows.forEach((r, i) => b.writeUInt32LE(r, i * 4));
  return b;
}

function decodeRows(buf: Buffer, count: number): Uint32Array {
  if (buf.length % 4 !== 0) throw new Error('truncated deletion list');
  const out = new Uint32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) {
    out[i] = buf.readUInt32LE(i * 4);
    if (out[i]! >= count || (i > 0 && out[i]! <= out[i - 1]!)) throw new Error('deletion list out of order or past the base');
  }
  return out;
}

function textSources(texts: ReadonlyArray<TextsSource & { name: string }>): ChunkTexts[] {
  return texts.map((x) => ('blob' in x ? new BlobTexts(x.blob) : new FileTexts(x.file, x.size)));
}

/** Throws when a row's text is in a file the index does not have, or past its end. */
function checkTexts(t: ChunkTable, sources: readonly ChunkTexts[], texts: ReadonlyArray<{ name: string }>): void {
  for (let i = 0; i < t.count; i++) {
    const seg = t.textSeg[i]!;
    const source = sources[seg];
    if (!source) throw new Error(`chunk ${i} has its text in a file the index does not have`);
    if (t.textAt[i]! + t.textBytes[i]! > source.size) throw new Error(`chunk ${i} has its text past the end of ${texts[seg]!.name} (${source.size} bytes)`);
  }
}

function openTable(t: ChunkTable, texts: ReadonlyArray<TextsSource & { name: string }>): LoadedChunk[] {
  const sources = textSources(texts);
  checkTexts(t, sources, texts);
  t.texts = sources;
  const out = new Array<LoadedChunk>(t.count);
  for (let i = 0; i < t.count; i++) out[i] = new LoadedChunk(t, i);
  return out;
}

/** Checks and opens an older chunks.json (already parsed) with its texts; throws Error with a short reason. */
export function openChunkStore(parsed: unknown, blob: Buffer | null): StoredChunk[] {
  if (Array.isArray(parsed)) return parsed as StoredChunk[]; // inline texts (older indexes)
  const file = parsed as Partial<ChunksFile> | null;
  if (!file || typeof file !== 'object' || file.store !== CHUNK_STORE || !Array.isArray(file.chunks)) throw new Error('not a chunk list');
  if (!blob) throw new Error('texts.bin is missing');
  const records = file.chunks;
  let at = 0;
  const placed = records.map((r, i) => {
    const n = r?.textBytes;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error(`chunk ${i} has no text length`);
    at += n;
    return { record: r, label: r.label, seg: 0, at: at - n, textBytes: n };
  });
  if (at !== blob.length) throw new Error(`the texts take ${at} bytes but texts.bin has ${blob.length}`);
  return openTable(ChunkTable.fromRows(placed), [{ blob, name: 'texts.bin' }]);
}

/** The UTF-8 bytes of a loaded chunk's text (copied from its texts file when it has one, else encoded). */
export function chunkTextBytes(chunk: StoredChunk): Buffer {
  if (chunk instanceof LoadedChunk) return chunk.bytes();
  return Buffer.from(chunk.text, 'utf8');
}

/** A row of a chunk table to write: the chunk's fields (a plain record or a loaded chunk), its label, where its text is. */
export interface TableRow extends TextPlace {
  record: Omit<ChunkRecord, 'textBytes' | 'label'>;
  label: number;
}

/** chunks.bin for chunks given as rows. */
export function encodeChunkTable(rows: readonly TableRow[]): Buffer {
  return ChunkTable.fromRows(rows).serialize();
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

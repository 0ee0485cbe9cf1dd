/**
 * An inverted index with BM25 scoring over typed arrays: compact in memory, saved and loaded as one
 * binary file without parsing every posting, and updatable without re-tokenising kept documents.
 * It knows nothing of Vietnamese: it indexes whatever terms it is given (see text.ts for those).
 */
import { fold } from './text.js';

const MAGIC = 'VNKW1';
/** BM25 parameters: k1 saturates term frequency, b scales the penalty for long documents. */
export interface Bm25Params {
  k1: number;
  b: number;
}
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface QueryTerm {
  term: string;
  /** Match every indexed term whose diacritic-folded form equals `term` (unaccented questions). */
  folded: boolean;
  weight: number;
}

/** Per query term: the documents it matched and its IDF; used for scoring and for confidence. */
export interface TermMatch {
  term: QueryTerm;
  idf: number;
  /** Sorted document ids and their term frequencies (variants merged for folded terms). */
  docs: Uint32Array;
  tfs: Uint16Array;
}

export class KeywordIndex {
  private foldMapCache: Map<string, number[]> | null = null;

  private constructor(
    readonly docCount: number,
    private readonly terms: string[],
    private readonly termIds: Map<string, number>,
    private readonly docLen: Uint16Array,
    private readonly avgLen: number,
    private readonly postStart: Uint32Array,
    private readonly postDocs: Uint32Array,
    private readonly postTfs: Uint16Array,
  ) {}

  get termCount(): number {
    return this.terms.length;
  }

  get postingCount(): number {
    return this.postDocs.length;
  }

  /** Builds an index over documents given as lists of terms (duplicates count as term frequency). */
  static build(docs: ReadonlyArray<readonly string[]>): KeywordIndex {
    return KeywordIndex.update(null, null, docs);
  }

  /**
   * A new index made of the documents of `old` that `keep` maps to new ids (old id -> new id, or -1
   * to drop; kept ids must stay in the same order and come first), followed by `added` documents.
   * Cost is linear in the postings; no kept document is tokenised again.
   */
  static update(old: KeywordIndex | null, keep: Int32Array | null, added: ReadonlyArray<readonly string[]>): KeywordIndex {
    const keptCount = keep ? keep.reduce((n, v) => (v >= 0 ? n + 1 : n), 0) : 0;
    const docCount = keptCount + added.length;
    const docLen = new Uint16Array(docCount);

    // Postings of the added documents, per term: [doc, tf, doc, tf, …] in doc order.
    const addedPost = new Map<string, number[]>();
    for (let i = 0; i < added.length; i++) {
      const doc = keptCount + i;
      const terms = added[i]!;
      docLen[doc] = Math.min(terms.length, 0xffff);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let list = addedPost.get(t);
        if (!list) addedPost.set(t, (list = []));
        list.push(doc, Math.min(n, 0xffff));
      }
    }

    let addedTotal = 0;
    for (const list of addedPost.values()) addedTotal += list.length / 2;
    const oldTerms = old ? old.terms : [];
    let keptTotal = 0;
    if (old && keep) {
      for (let d = 0; d < old.docCount; d++) {
        const nd = keep[d]!;
        if (nd >= 0) docLen[nd] = old.docLen[d]!;
      }
      for (let p = 0; p < old.postDocs.length; p++) if (keep[old.postDocs[p]!]! >= 0) keptTotal++;
    }

    const terms: string[] = [];
    const postStart: number[] = [0];
    const postDocs = new Uint32Array(keptTotal + addedTotal);
    const postTfs = new Uint16Array(keptTotal + addedTotal);
    let w = 0;
    const emit = (term: string, oldId: number) => {
      const before = w;
      if (old && keep && oldId >= 0) {
        for (let p = old.postStart[oldId]!; p < old.postStart[oldId + 1]!; p++) {
          const nd = keep[old.postDocs[p]!]!;
          if (nd < 0) continue;
          postDocs[w] = nd;
          postTfs[w] = old.postTfs[p]!;
          w++;
        }
      }
      const list = addedPost.get(term);
      if (list) {
        for (let i = 0; i < list.length; i += 2) {
          postDocs[w] = list[i]!;
          postTfs[w] = list[i + 1]!;
          w++;
        }
      }
      if (w > before) {
        terms.push(term);
        postStart.push(w);
      }
    };
    for (let id = 0; id < oldTerms.length; id++) emit(oldTerms[id]!, id);
    for (const term of addedPost.keys()) if (!old?.termIds.has(term)) emit(term, -1);

    let total = 0;
    for (let d = 0; d < docCount; d++) total += docLen[d]!;
    const termIds = new Map<string, number>();
    terms.forEach((t, i) => termIds.set(t, i));
    return new KeywordIndex(docCount, terms, termIds, docLen, docCount ? total / docCount : 0, Uint32Array.from(postStart), postDocs, postTfs);
  }

  /** Number of terms in document `doc`. */
  docLength(doc: number): number {
    return this.docLen[doc] ?? 0;
  }

  /** Folded form -> ids of the indexed terms with that form ("dang_vien" -> "đảng_viên", "đăng_viên"…). */
  private foldMap(): Map<string, number[]> {
    if (this.foldMapCache) return this.foldMapCache;
    const map = new Map<string, number[]>();
    for (let i = 0; i < this.terms.length; i++) {
      const f = fold(this.terms[i]!);
      const list = map.get(f);
      if (list) list.push(i);
      else map.set(f, [i]);
    }
    this.foldMapCache = map;
    return map;
  }

  /** Build the fold map now (it is otherwise built on the first unaccented question). */
  warm(): void {
    this.foldMap();
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** IDF of a term that occurs in no document: the most informative a term can be. */
  get unseenIdf(): number {
    return idf(this.docCount, 0);
  }

  /** Looks a query term up; null when no document contains it. */
  match(q: QueryTerm): TermMatch | null {
    const ids = q.folded ? this.foldMap().get(q.term) ?? [] : [this.termIds.get(q.term)].filter((x): x is number => x !== undefined);
    if (ids.length === 0) return null;
    let docs: Uint32Array;
    let tfs: Uint16Array;
    if (ids.length === 1) {
      const id = ids[0]!;
      docs = this.postDocs.subarray(this.postStart[id]!, this.postStart[id + 1]!);
      tfs = this.postTfs.subarray(this.postStart[id]!, this.postStart[id + 1]!);
    } else {
      ({ docs, tfs } = this.mergePostings(ids));
    }
    return { term: q, idf: idf(this.docCount, docs.length), docs, tfs };
  }

  private mergePostings(ids: number[]): { docs: Uint32Array; tfs: Uint16Array } {
    const acc = new Map<number, number>();
    for (const id of ids) {
      for (let p = this.postStart[id]!; p < this.postStart[id + 1]!; p++) {
        const d = this.postDocs[p]!;
        acc.set(d, (acc.get(d) ?? 0) + this.postTfs[p]!);
      }
    }
    const docs = Uint32Array.from([...acc.keys()].sort((a, b) => a - b));
    const tfs = new Uint16Array(docs.length);
    docs.forEach((d, i) => (tfs[i] = Math.min(acc.get(d)!, 0xffff)));
    return { docs, tfs };
  }

  /** Adds BM25 contributions of the matches into `scores` (length docCount). */
  accumulate(matches: readonly TermMatch[], scores: Float32Array, p: Bm25Params = DEFAULT_BM25): void {
    for (const m of matches) {
      const w = m.term.weight * m.idf;
      for (let i = 0; i < m.docs.length; i++) {
        const d = m.docs[i]!;
        scores[d] = scores[d]! + w * this.saturate(m.tfs[i]!, d, p);
      }
    }
  }

  /** BM25's term-frequency part for `tf` occurrences in document `doc` (tf may be fractional). */
  saturate(tf: number, doc: number, p: Bm25Params = DEFAULT_BM25): number {
    const norm = p.k1 * (1 - p.b + (p.b * this.docLen[doc]!) / (this.avgLen || 1));
    return (tf * (p.k1 + 1)) / (tf + norm);
  }

  /** Frequency of the match's term in document `doc`, 0 when absent (binary search in sorted postings). */
  static tfOf(m: TermMatch, doc: number): number {
    let lo = 0;
    let hi = m.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = m.docs[mid]!;
      if (v === doc) return m.tfs[mid]!;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  static contains(m: TermMatch, doc: number): boolean {
    return KeywordIndex.tfOf(m, doc) > 0;
  }

  // ---- persistence: MAGIC, u32 header length, JSON header, then 8-byte aligned sections ----

  serialize(): Buffer {
    const termsBuf = Buffer.from(this.terms.join('\n'), 'utf8');
    const sections: ArrayBufferView[] = [this.docLen, this.postStart, this.postDocs, this.postTfs];
    const header = Buffer.from(
      JSON.stringify({
        docCount: this.docCount,
        termCount: this.terms.length,
        avgLen: this.avgLen,
        termsBytes: termsBuf.length,
        sections: sections.map((s) => s.byteLength),
      }),
    );
    const parts: Buffer[] = [Buffer.from(MAGIC), u32(header.length), header];
    let offset = MAGIC.length + 4 + header.length;
    const pad = () => {
      const n = (8 - (offset % 8)) % 8;
      if (n) parts.push(Buffer.alloc(n));
      offset += n;
    };
    parts.push(termsBuf);
    offset += termsBuf.length;
    for (const s of sections) {
      pad();
      parts.push(Buffer.from(s.buffer, s.byteOffset, s.byteLength));
      offset += s.byteLength;
    }
    return Buffer.concat(parts);
  }

  /** Throws an Error with a short reason when the bytes are not a valid index. */
  static deserialize(buf: Buffer): KeywordIndex {
    if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a keyword index file');
    const headerLen = buf.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4;
    if (offset + headerLen > buf.length) throw new Error('truncated header');
    const header = JSON.parse(buf.toString('utf8', offset, offset + headerLen)) as {
      docCount: number;
      termCount: number;
      avgLen: number;
      termsBytes: number;
      sections: number[];
    };
    offset += headerLen;
    if (offset + header.termsBytes > buf.length) throw new Error('truncated term list');
    const termsText = buf.toString('utf8', offset, offset + header.termsBytes);
    const terms = header.termCount === 0 ? [] : termsText.split('\n');
    if (terms.length !== header.termCount) throw new Error('term count mismatch');
    offset += header.termsBytes;
    // Copy into a fresh, aligned ArrayBuffer so typed-array views are valid whatever the Buffer's offset.
    const views: ArrayBuffer[] = [];
    for (const len of header.sections) {
      offset += (8 - (offset % 8)) % 8;
      if (offset + len > buf.length) throw new Error('truncated postings');
      const copy = new ArrayBuffer(len);
      new Uint8Array(copy).set(buf.subarray(offset, offset + len));
      views.push(copy);
      offset += len;
    }
    const [dl, ps, pd, pt] = views as [ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer];
    const docLen = new Uint16Array(dl);
    const postStart = new Uint32Array(ps);
    const postDocs = new Uint32Array(pd);
    const postTfs = new Uint16Array(pt);
    if (docLen.length !== header.docCount || postStart.length !== terms.length + 1 || postDocs.length !== postTfs.length || postStart[terms.length] !== postDocs.length) {
      throw new Error('inconsistent sections');
    }
    const termIds = new Map<string, number>();
    terms.forEach((t, i) => termIds.set(t, i));
    return new KeywordIndex(header.docCount, terms, termIds, docLen, header.avgLen, postStart, postDocs, postTfs);
  }
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

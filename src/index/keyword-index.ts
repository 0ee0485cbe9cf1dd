/**
 * An inverted index with BM25 scoring over typed arrays: compact in memory, saved and loaded as one
 * binary file without parsing every posting, and updatable without re-tokenising kept documents.
 * It knows nothing of Vietnamese: it indexes whatever terms it is given (see terms.ts for those).
 */
import { foldSyllable } from '../text/normalise.js';
import { FileReader } from './file-reader.js';
import { ByteLru } from './lru.js';
import { PAIR_SEP } from './terms.js';

const MAGIC = 'VNKW1';
/**
 * Memory for postings read from disk (an index opened with open()): frequent terms' long lists stay in
 * memory, the rest of the postings in the page cache. 128 MB holds the lists most questions touch at
 * 500,000 paragraphs while a server stays well under 600 MB.
 */
const POSTINGS_CACHE_BYTES = 128 << 20;
/**
 * Memory for the postings a two-segment index renumbers (deleted base documents, a tail after it): a
 * frequent term's list would otherwise be copied for every question that asks it.
 */
const SEGMENT_CACHE_BYTES = 128 << 20;
/** Postings of the documents being added are gathered in blocks of 2^20 (4 MB of keys). */
const BLOCK_SHIFT = 20;
const BLOCK = 1 << BLOCK_SHIFT;
const BLOCK_MASK = BLOCK - 1;
/** BM25 parameters: k1 saturates term frequency, b scales the penalty for long documents. */
export interface Bm25Params {
  k1: number;
  b: number;
}
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };
const K1_PLUS_1 = DEFAULT_BM25.k1 + 1;

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

/**
 * A document whose terms were counted elsewhere (see prepare.ts): its distinct terms in order of first
 * appearance as ids of the update's vocabulary, their frequencies, and its length in terms. An update
 * takes it over: its ids are overwritten.
 */
export interface CountedDoc {
  ids: Uint32Array;
  tfs: Uint16Array;
  length: number;
}

/** Term keys of an update: an old term's id, or nOld + the order in which a new term first appears. */
class TermKeys {
  /** The new terms, in order of first appearance. */
  readonly added: string[] = [];
  private readonly addedIds = new Map<string, number>();

  constructor(
    private readonly oldIds: TermTable | null,
    private readonly nOld: number,
  ) {}

  of(term: string): number {
    const id = this.oldIds?.get(term);
    if (id !== undefined) return id;
    let k = this.addedIds.get(term);
    if (k === undefined) {
      k = this.added.length;
      this.added.push(term);
      this.addedIds.set(term, k);
    }
    return this.nOld + k;
  }
}

/**
 * Term -> id, an open-addressed table of ids in one typed array, filled at the first look-up: a Map of
 * a 500,000-paragraph vocabulary cost 60–100 ms CPU at every start, and garbage collection after.
 */
class TermTable {
  private slots: Int32Array | null = null;

  constructor(private readonly terms: readonly string[]) {}

  get(term: string): number | undefined {
    const slots = (this.slots ??= this.fill());
    const mask = slots.length - 1;
    for (let s = hashTerm(term) & mask; ; s = (s + 1) & mask) {
      const id = slots[s]!;
      if (id < 0) return undefined;
      if (this.terms[id] === term) return id;
    }
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  private fill(): Int32Array {
    const terms = this.terms;
    // At most half full: a miss (most of a question's pairs) ends after a probe or two.
    let size = 8;
    while (size < 2 * terms.length) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 0; id < terms.length; id++) {
      const term = terms[id]!;
      let s = hashTerm(term) & mask;
      // A term listed twice (never written so) maps to its last id, as a Map filled in order did.
      while (slots[s]! >= 0 && terms[slots[s]!] !== term) s = (s + 1) & mask;
      slots[s] = id;
    }
    return slots;
  }
}

/** FNV-1a over UTF-16 code units, its high bits folded into the low ones the table's mask keeps. */
function hashTerm(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Where `x` is in the sorted, distinct `list` (binary search), or -1. */
export function indexOfSorted(list: Uint32Array | Uint16Array, x: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The `n` ids in `touched` (exactly those whose `counts` are not zero), in order: sorted when few, else
 * read off `counts` (a folded or common syllable touches a good share of a large corpus, and sorting that
 * many ids costs milliseconds).
 */
export function touchedInOrder(touched: Uint32Array, n: number, counts: Uint32Array): Uint32Array {
  if (n * 16 < counts.length) return touched.slice(0, n).sort();
  const out = new Uint32Array(n);
  for (let d = 0, k = 0; d < counts.length; d++) if (counts[d] !== 0) out[k++] = d;
  return out;
}

export class KeywordIndex {
  private foldMapCache: Map<string, number[]> | null = null;
  /** Postings read from disk lately, by term id (see list()), and the merged variants of folded terms, by folded form. */
  private readonly cache = new ByteLru<number | string, { docs: Uint32Array; tfs: Uint16Array }>(POSTINGS_CACHE_BYTES);
  /** Postings read and not kept (see list()). */
  private readScratch = { docs: new Uint32Array(0), tfs: new Uint16Array(0) };
  /** Per document, zero between uses: mergePostings' accumulator. */
  private mergeScratch: Uint32Array | null = null;

  private constructor(
    readonly docCount: number,
    private readonly terms: string[],
    private readonly termIds: TermTable,
    private readonly docLen: Uint16Array,
    private readonly avgLen: number,
    private readonly postStart: Uint32Array,
    /** The postings in memory, or null when they are read from `disk` term by term (see open()). */
    private readonly postDocs: Uint32Array | null,
    private readonly postTfs: Uint16Array | null,
    private readonly disk: { file: FileReader; docsAt: number; tfsAt: number } | null = null,
  ) {}

  get termCount(): number {
    return this.terms.length;
  }

  get postingCount(): number {
    return this.postStart[this.terms.length]!;
  }

  /**
   * The postings of term `id`: views of the arrays in memory, or read from the file (and kept, unless
   * `keep` is false: then valid only until the next read).
   */
  private list(id: number, keep: boolean): { docs: Uint32Array; tfs: Uint16Array } {
    const from = this.postStart[id]!;
    const to = this.postStart[id + 1]!;
    if (this.postDocs && this.postTfs) return { docs: this.postDocs.subarray(from, to), tfs: this.postTfs.subarray(from, to) };
    const cached = this.cache.get(id);
    if (cached) return cached;
    const disk = this.disk!;
    // Not kept: read into arrays reused by the next such read (the caller copies what it keeps), so a
    // frequent term's megabytes are not garbage at every question.
    if (!keep && this.readScratch.docs.length < to - from) this.readScratch = { docs: new Uint32Array(to - from), tfs: new Uint16Array(to - from) };
    const docs = keep ? new Uint32Array(to - from) : this.readScratch.docs.subarray(0, to - from);
    const tfs = keep ? new Uint16Array(to - from) : this.readScratch.tfs.subarray(0, to - from);
    disk.file.readInto(docs, disk.docsAt + 4 * from);
    disk.file.readInto(tfs, disk.tfsAt + 2 * from);
    const list = { docs, tfs };
    // Worth keeping: the long lists of frequent terms, asked again and again.
    if (keep) this.cache.set(id, list, 6 * docs.length);
    return list;
  }

  /** Every posting in memory (read whole from the file when it is on disk: a build merging segments). */
  private all(): { postDocs: Uint32Array; postTfs: Uint16Array } {
    if (this.postDocs && this.postTfs) return { postDocs: this.postDocs, postTfs: this.postTfs };
    const n = this.postingCount;
    const postDocs = new Uint32Array(n);
    const postTfs = new Uint16Array(n);
    this.disk!.file.readInto(postDocs, this.disk!.docsAt);
    this.disk!.file.readInto(postTfs, this.disk!.tfsAt);
    return { postDocs, postTfs };
  }

  /** Builds an index over documents given as lists of terms (duplicates count as term frequency). */
  static build(docs: Iterable<readonly string[]>): KeywordIndex {
    return KeywordIndex.update(null, null, docs);
  }

  /**
   * A new index made of the documents of `old` that `keep` maps to new ids (old id -> new id, or -1
   * to drop; kept ids must stay in the same order and come first), followed by `added` documents.
   * Cost is linear in the postings; no kept document is tokenised again. `added` may be a generator:
   * each document's term list is consumed and dropped, only compact postings are held. An added
   * document may come counted already (CountedDoc, its term ids those of `vocabulary`): the index is
   * the same as for its term list.
   */
  static update(old: KeywordIndex | null, keep: Int32Array | null, added: Iterable<readonly string[] | CountedDoc>, vocabulary: readonly string[] = []): KeywordIndex {
    const keptCount = keep ? keep.reduce((n, v) => (v >= 0 ? n + 1 : n), 0) : 0;
    const oldTerms = old ? old.terms : [];
    const oldIds = old ? old.termIds : null;
    const nOld = oldTerms.length;

    // Postings of the added documents, in document order: a term key (an old term id, or nOld + the
    // index of a new term in order of first appearance) and a frequency per (document, term).
    const keys = new TermKeys(oldIds, nOld);
    // In fixed blocks, not one array doubled: 70 million postings never exist twice while growing.
    const keyBlocks: Array<Uint32Array | null> = [];
    const tfBlocks: Array<Uint16Array | null> = [];
    let n = 0;
    const addedLen: number[] = [];
    const addedEnd: number[] = [];
    // Term frequencies of the current document by term key (a typed array, not a Map per document), and
    // its distinct keys in order of first appearance.
    let count = new Uint32Array(Math.max(1 << 16, nOld + 1));
    let distinct = new Uint32Array(1 << 10);
    const push = (key: number, tf: number) => {
      const b = n >>> BLOCK_SHIFT;
      if (b === keyBlocks.length) {
        keyBlocks.push(new Uint32Array(BLOCK));
        tfBlocks.push(new Uint16Array(BLOCK));
      }
      keyBlocks[b]![n & BLOCK_MASK] = key;
      tfBlocks[b]![n & BLOCK_MASK] = tf;
      n++;
    };
    // Term key of each vocabulary id, found once (-1: not yet): a counted document costs no string lookup.
    // Its ids become keys in place, and its postings stay in its own arrays (not copied into the blocks).
    const keyOfId = new Int32Array(vocabulary.length).fill(-1);
    const counted: Array<CountedDoc | null> = [];
    for (const doc of added) {
      if (!Array.isArray(doc)) {
        const c = doc as CountedDoc;
        addedLen.push(Math.min(c.length, 0xffff));
        for (let i = 0; i < c.ids.length; i++) {
          const id = c.ids[i]!;
          let key = keyOfId[id]!;
          if (key < 0) key = keyOfId[id] = keys.of(vocabulary[id]!);
          c.ids[i] = key;
        }
        counted[addedLen.length - 1] = c;
        addedEnd.push(n);
        continue;
      }
      const terms = doc as readonly string[];
      addedLen.push(Math.min(terms.length, 0xffff));
      let m = 0;
      for (const t of terms) {
        const key = keys.of(t);
        if (key >= count.length) count = grow(count, key + 1);
        if (count[key] === 0) {
          if (m === distinct.length) distinct = grow(distinct, m + 1);
          distinct[m++] = key;
        }
        count[key]!++;
      }
      for (let i = 0; i < m; i++) {
        const key = distinct[i]!;
        push(key, Math.min(count[key]!, 0xffff));
        count[key] = 0;
      }
      addedEnd.push(n);
    }

    const docCount = keptCount + addedLen.length;
    const docLen = new Uint16Array(docCount);
    const nKeys = nOld + keys.added.length;
    count = new Uint32Array(nKeys);
    const oldPost = old && keep ? old.all() : null;
    if (old && keep && oldPost) {
      for (let d = 0; d < old.docCount; d++) {
        const nd = keep[d]!;
        if (nd >= 0) docLen[nd] = old.docLen[d]!;
      }
      for (let id = 0; id < nOld; id++) {
        let c = 0;
        for (let p = old.postStart[id]!; p < old.postStart[id + 1]!; p++) if (keep[oldPost.postDocs[p]!]! >= 0) c++;
        count[id] = c;
      }
    }
    for (let i = 0; i < addedLen.length; i++) docLen[keptCount + i] = addedLen[i]!;
    const keptOf = Uint32Array.from(count); // kept postings per old term, before the added ones are counted
    for (let p = 0; p < n; p++) count[keyBlocks[p >>> BLOCK_SHIFT]![p & BLOCK_MASK]!]!++;
    for (const c of counted) if (c) for (let i = 0; i < c.ids.length; i++) count[c.ids[i]!]!++;

    // Old terms first (those with postings left), then the new ones: the order a full build would give.
    const terms: string[] = [];
    const cursor = new Uint32Array(nKeys);
    const postStartList: number[] = [0];
    let total = 0;
    for (let key = 0; key < nKeys; key++) {
      const c = count[key]!;
      if (c === 0) continue;
      terms.push(key < nOld ? oldTerms[key]! : keys.added[key - nOld]!);
      cursor[key] = total;
      total += c;
      postStartList.push(total);
    }
    const postDocs = new Uint32Array(total);
    const postTfs = new Uint16Array(total);
    if (old && keep && oldPost) {
      const { postDocs: oldDocs, postTfs: oldTfs } = oldPost;
      for (let id = 0; id < nOld; id++) {
        if (keptOf[id] === 0) continue;
        let w = cursor[id]!;
        for (let p = old.postStart[id]!; p < old.postStart[id + 1]!; p++) {
          const nd = keep[oldDocs[p]!]!;
          if (nd < 0) continue;
          postDocs[w] = nd;
          postTfs[w] = oldTfs[p]!;
          w++;
        }
        cursor[id] = w;
      }
    }
    let p = 0;
    for (let i = 0; i < addedLen.length; i++) {
      const doc = keptCount + i;
      const c = counted[i];
      if (c) {
        for (let k = 0; k < c.ids.length; k++) {
          const w = cursor[c.ids[k]!]!++;
          postDocs[w] = doc;
          postTfs[w] = c.tfs[k]!;
        }
        counted[i] = null; // placed: its arrays can go
        continue;
      }
      for (const end = addedEnd[i]!; p < end; p++) {
        const b = p >>> BLOCK_SHIFT;
        const key = keyBlocks[b]![p & BLOCK_MASK]!;
        const w = cursor[key]!++;
        postDocs[w] = doc;
        postTfs[w] = tfBlocks[b]![p & BLOCK_MASK]!;
        if ((p & BLOCK_MASK) === BLOCK_MASK) keyBlocks[b] = tfBlocks[b] = null; // consumed: free it now
      }
    }

    let sum = 0;
    for (let d = 0; d < docCount; d++) sum += docLen[d]!;
    return new KeywordIndex(docCount, terms, new TermTable(terms), docLen, docCount ? sum / docCount : 0, Uint32Array.from(postStartList), postDocs, postTfs);
  }

  /**
   * Like `update`, but documents may move anywhere: old document d becomes `place[d]` (-1: dropped) and
   * `added[i]` becomes document `addedAt[i]`; together they must fill 0..docCount-1 once each. Scores are
   * those of a full build over the same documents (only the order of the term list may differ). Meant
   * for the small per-article indexes (titles, leads), whose documents follow the sorted article list.
   */
  static rearrange(old: KeywordIndex, place: Int32Array, added: ReadonlyArray<readonly string[]>, addedAt: ArrayLike<number>, docCount: number): KeywordIndex {
    if (place.length !== old.docCount || addedAt.length !== added.length) throw new Error('rearrange: wrong mapping sizes');
    const docLen = new Uint16Array(docCount);
    const filled = new Uint8Array(docCount);
    const fill = (doc: number) => {
      if (!(doc >= 0 && doc < docCount) || filled[doc]) throw new Error(`rearrange: document ${doc} placed twice or out of range`);
      filled[doc] = 1;
    };
    for (let d = 0; d < old.docCount; d++) {
      const nd = place[d]!;
      if (nd < 0) continue;
      fill(nd);
      docLen[nd] = old.docLen[d]!;
    }
    // Term keys: old term ids first (in their order), then new terms as they appear in the added documents.
    const nOld = old.terms.length;
    const keys = new TermKeys(old.termIds, nOld);
    const addDocs: number[] = [];
    const addKeys: number[] = [];
    const addTfs: number[] = [];
    const tf = new Map<string, number>();
    for (let i = 0; i < added.length; i++) {
      const doc = addedAt[i]!;
      fill(doc);
      const terms = added[i]!;
      docLen[doc] = Math.min(terms.length, 0xffff);
      tf.clear();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        addDocs.push(doc);
        addKeys.push(keys.of(t));
        addTfs.push(Math.min(n, 0xffff));
      }
    }
    if (filled.some((f) => f === 0)) throw new Error('rearrange: some documents were not placed');

    // Two passes over typed arrays (count, then place): kept postings renumbered in their order, the
    // added ones after them; a term's list is sorted again only when an added document or a moved
    // one breaks its order (a few terms per added article, when articles keep their relative order).
    const oldPost = old.all();
    const nKeys = nOld + keys.added.length;
    const count = new Uint32Array(nKeys);
    for (let id = 0; id < nOld; id++) {
      let c = 0;
      for (let p = old.postStart[id]!; p < old.postStart[id + 1]!; p++) if (place[oldPost.postDocs[p]!]! >= 0) c++;
      count[id] = c;
    }
    for (const key of addKeys) count[key]!++;
    const terms: string[] = [];
    const cursor = new Uint32Array(nKeys);
    const postStart: number[] = [0];
    let total = 0;
    for (let key = 0; key < nKeys; key++) {
      const c = count[key]!;
      if (c === 0) continue;
      terms.push(key < nOld ? old.terms[key]! : keys.added[key - nOld]!);
      cursor[key] = total;
      total += c;
      postStart.push(total);
    }
    const postDocs = new Uint32Array(total);
    const postTfs = new Uint16Array(total);
    const unsorted = new Uint8Array(nKeys);
    for (let id = 0; id < nOld; id++) {
      let w = cursor[id]!;
      for (let p = old.postStart[id]!; p < old.postStart[id + 1]!; p++) {
        const nd = place[oldPost.postDocs[p]!]!;
        if (nd < 0) continue;
        if (w > cursor[id]! && postDocs[w - 1]! > nd) unsorted[id] = 1;
        postDocs[w] = nd;
        postTfs[w] = oldPost.postTfs[p]!;
        w++;
      }
      cursor[id] = w;
    }
    for (let j = 0; j < addKeys.length; j++) {
      const key = addKeys[j]!;
      const w = cursor[key]!++;
      unsorted[key] = 1;
      postDocs[w] = addDocs[j]!;
      postTfs[w] = addTfs[j]!;
    }
    let t = 0;
    for (let key = 0; key < nKeys; key++) {
      if (count[key] === 0) continue;
      const from = postStart[t]!;
      const to = postStart[++t]!;
      if (!unsorted[key] || to - from < 2) continue;
      const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => postDocs[a]! - postDocs[b]!);
      const docs = order.map((k) => postDocs[k]!);
      const tfs = order.map((k) => postTfs[k]!);
      postDocs.set(docs, from);
      postTfs.set(tfs, from);
    }
    let sum = 0;
    for (let d = 0; d < docCount; d++) sum += docLen[d]!;
    return new KeywordIndex(docCount, terms, new TermTable(terms), docLen, docCount ? sum / docCount : 0, Uint32Array.from(postStart), postDocs, postTfs);
  }

  /** Number of terms in document `doc`. */
  docLength(doc: number): number {
    return this.docLen[doc] ?? 0;
  }

  /**
   * Folded form -> ids of the indexed single-syllable terms with that form ("dang" -> "đảng", "đăng"…).
   * Pair terms are not in it (they are most of a vocabulary): see foldedIds().
   */
  private foldMap(): Map<string, number[]> {
    if (this.foldMapCache) return this.foldMapCache;
    const map = new Map<string, number[]>();
    for (let i = 0; i < this.terms.length; i++) {
      const term = this.terms[i]!;
      if (term.includes(PAIR_SEP)) continue;
      const f = foldSyllable(term);
      const list = map.get(f);
      if (list) list.push(i);
      else map.set(f, [i]);
    }
    this.foldMapCache = map;
    return map;
  }

  /**
   * Ids of the indexed terms whose folded form is `folded`, ascending ("dang_vien" -> "đảng_viên",
   * "đăng_viên"…). A pair's variants are the indexed pairs of its syllables' variants: folding works
   * syllable by syllable, and an indexed pair's syllables are always indexed too.
   */
  private foldedIds(folded: string): number[] {
    const map = this.foldMap();
    if (!folded.includes(PAIR_SEP)) return map.get(folded) ?? [];
    let combos = [''];
    for (const part of folded.split(PAIR_SEP)) {
      const variants = (map.get(part) ?? []).map((id) => this.terms[id]!);
      if (variants.length === 0) return [];
      combos = combos.flatMap((c) => variants.map((v) => (c === '' ? v : c + PAIR_SEP + v)));
    }
    const ids: number[] = [];
    for (const c of combos) {
      const id = this.termIds.get(c);
      if (id !== undefined) ids.push(id);
    }
    return ids.sort((a, b) => a - b);
  }

  /** Build the fold map now (it is otherwise built on the first unaccented question). */
  warm(): void {
    this.foldMap();
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** Number of documents holding exactly this term (0 when none). */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postStart[id + 1]! - this.postStart[id]!;
  }

  /** Every indexed term with its document frequency, in index order. */
  *vocabulary(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.terms.length; i++) yield [this.terms[i]!, this.postStart[i + 1]! - this.postStart[i]!];
  }

  termList(): readonly string[] {
    return this.terms;
  }

  /** IDF of a term that occurs in no document: the most informative a term can be. */
  get unseenIdf(): number {
    return idf(this.docCount, 0);
  }

  /**
   * Looks a query term up; null when no document contains it. `keep` false: a caller that keeps what it
   * makes of the postings (a renumbered copy) does not have them kept twice; the match is then valid
   * only until the next lookup.
   */
  match(q: QueryTerm, keep = true): TermMatch | null {
    const ids = q.folded ? this.foldedIds(q.term) : [this.termIds.get(q.term)].filter((x): x is number => x !== undefined);
    if (ids.length === 0) return null;
    let docs: Uint32Array;
    let tfs: Uint16Array;
    if (ids.length === 1) {
      ({ docs, tfs } = this.list(ids[0]!, keep));
    } else {
      // A folded syllable's variants merged once, not for every question typed without marks.
      let merged = this.cache.get(q.term);
      if (!merged) {
        merged = this.mergePostings(ids);
        if (keep) this.cache.set(q.term, merged, 6 * merged.docs.length);
      }
      ({ docs, tfs } = merged);
    }
    return { term: q, idf: idf(this.docCount, docs.length), docs, tfs };
  }

  private mergePostings(ids: number[]): { docs: Uint32Array; tfs: Uint16Array } {
    // Dense accumulation over typed arrays (no Map work on long lists), then the touched docs sorted.
    // The accumulator is kept between merges (zero again after each): 2 MB at 500,000 paragraphs.
    const acc = (this.mergeScratch ??= new Uint32Array(this.docCount));
    let total = 0;
    for (const id of ids) total += this.postStart[id + 1]! - this.postStart[id]!;
    const touched = new Uint32Array(total);
    let n = 0;
    for (const id of ids) {
      const list = this.list(id, false);
      for (let p = 0; p < list.docs.length; p++) {
        const d = list.docs[p]!;
        if (acc[d] === 0) touched[n++] = d;
        acc[d]! += list.tfs[p]!;
      }
    }
    const docs = touchedInOrder(touched, n, acc);
    const tfs = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      tfs[i] = Math.min(acc[docs[i]!]!, 0xffff);
      acc[docs[i]!] = 0;
    }
    return { docs, tfs };
  }

  /** Adds BM25 contributions of the matches into `scores` (length docCount). */
  accumulate(matches: readonly TermMatch[], scores: Float32Array, p: Bm25Params = DEFAULT_BM25): void {
    accumulateBm25(this, matches, scores, p);
  }

  /** Sum of the documents' lengths (in terms). */
  get totalLength(): number {
    let sum = 0;
    for (let d = 0; d < this.docCount; d++) sum += this.docLen[d]!;
    return sum;
  }

  /** BM25's term-frequency part for `tf` occurrences in document `doc` (tf may be fractional). */
  saturate(tf: number, doc: number, p: Bm25Params = DEFAULT_BM25): number {
    return bm25Saturate(tf, this.docLen[doc]!, this.avgLen, p);
  }

  /** Frequency of the match's term in document `doc`, 0 when absent (binary search in sorted postings). */
  static tfOf(m: TermMatch, doc: number): number {
    const at = indexOfSorted(m.docs, doc);
    return at < 0 ? 0 : m.tfs[at]!;
  }

  static contains(m: TermMatch, doc: number): boolean {
    return KeywordIndex.tfOf(m, doc) > 0;
  }

  // ---- persistence: MAGIC, u32 header length, JSON header, then 8-byte aligned sections ----

  serialize(): Buffer {
    return Buffer.concat(this.serializeParts());
  }

  /** The file as consecutive pieces (written one after the other: the postings are not copied into one buffer). */
  serializeParts(): Buffer[] {
    const termsBuf = Buffer.from(this.terms.join('\n'), 'utf8');
    const { postDocs, postTfs } = this.all();
    const sections: ArrayBufferView[] = [this.docLen, this.postStart, postDocs, postTfs];
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
    return parts;
  }

  /** Throws an Error with a short reason when the bytes are not a valid index. */
  static deserialize(buf: Buffer): KeywordIndex {
    return KeywordIndex.parse((at, len) => buf.subarray(at, at + len), buf.length, null);
  }

  /**
   * Opens an index file keeping its postings on disk: terms, document lengths and posting offsets are
   * read now, each term's postings when it is looked up (a few per question). Throws like deserialize.
   */
  static open(file: string, size: number): KeywordIndex {
    const reader = new FileReader(file);
    return KeywordIndex.parse((at, len) => reader.read(at, len), size, reader);
  }

  private static parse(read: (at: number, length: number) => Buffer, size: number, disk: FileReader | null): KeywordIndex {
    if (size < MAGIC.length + 4) throw new Error('not a keyword index file');
    const head = read(0, MAGIC.length + 4);
    if (head.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a keyword index file');
    const headerLen = head.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4;
    if (offset + headerLen > size) throw new Error('truncated header');
    const header = JSON.parse(read(offset, headerLen).toString('utf8')) as {
      docCount: number;
      termCount: number;
      avgLen: number;
      termsBytes: number;
      sections: number[];
    };
    offset += headerLen;
    if (!Number.isInteger(header.termsBytes) || header.termsBytes < 0 || offset + header.termsBytes > size) throw new Error('truncated term list');
    const termsText = read(offset, header.termsBytes).toString('utf8');
    const terms = header.termCount === 0 ? [] : termsText.split('\n');
    if (terms.length !== header.termCount) throw new Error('term count mismatch');
    offset += header.termsBytes;
    if (!Array.isArray(header.sections) || header.sections.length !== 4) throw new Error('bad section table');
    const at: number[] = [];
    for (const len of header.sections) {
      offset += (8 - (offset % 8)) % 8;
      if (!Number.isInteger(len) || len < 0 || offset + len > size) throw new Error('truncated postings');
      at.push(offset);
      offset += len;
    }
    const [dlLen, psLen, pdLen, ptLen] = header.sections as [number, number, number, number];
    if (dlLen % 2 || psLen % 4 || pdLen % 4 || ptLen % 2) throw new Error('inconsistent sections');
    // Sections are 8-byte aligned in the file: when the bytes read are too, typed arrays view them in
    // place (no copy of the postings); otherwise each section is copied into a fresh, aligned buffer.
    const view = (i: number): { buffer: ArrayBufferLike; byteOffset: number } => {
      const b = read(at[i]!, header.sections[i]!);
      if (b.byteOffset % 8 === 0) return b;
      const copy = new Uint8Array(b.length);
      copy.set(b);
      return copy;
    };
    const dl = view(0);
    const ps = view(1);
    const docLen = new Uint16Array(dl.buffer, dl.byteOffset, dlLen / 2);
    const postStart = new Uint32Array(ps.buffer, ps.byteOffset, psLen / 4);
    let postDocs: Uint32Array | null = null;
    let postTfs: Uint16Array | null = null;
    if (!disk) {
      const pd = view(2);
      const pt = view(3);
      postDocs = new Uint32Array(pd.buffer, pd.byteOffset, pdLen / 4);
      postTfs = new Uint16Array(pt.buffer, pt.byteOffset, ptLen / 2);
    }
    if (docLen.length !== header.docCount || postStart.length !== terms.length + 1 || pdLen / 4 !== ptLen / 2 || postStart[terms.length] !== pdLen / 4) {
      throw new Error('inconsistent sections');
    }
    for (let i = 0; i < terms.length; i++) if (postStart[i]! > postStart[i + 1]!) throw new Error('inconsistent sections');
    return new KeywordIndex(header.docCount, terms, new TermTable(terms), docLen, header.avgLen, postStart, postDocs, postTfs, disk ? { file: disk, docsAt: at[2]!, tfsAt: at[3]! } : null);
  }
}

/**
 * The keyword index of a version in two segments: a large base, written once and shared by the versions
 * that follow (hard-linked, never rewritten), less the base documents deleted since (a sorted list of
 * base document ids), and a small tail that each build rewrites. Documents are numbered as the chunks:
 * the base's live documents in their order, then the tail's. Adding, changing or removing an article
 * then writes the tail and the deletion list, not every posting of the corpus. Scores are exactly those
 * of one index over the live documents (their count, lengths and document frequencies).
 */
export class KeywordSegments {
  readonly docCount: number;
  /** Live documents of the base: documents 0..baseLive-1. */
  readonly baseLive: number;
  private readonly avgLen: number;
  /** Document id -> base document id; null when nothing is deleted. */
  private readonly toBase: Uint32Array | null;
  /** Renumbered postings (see match()), by folded flag and term. */
  private readonly renumbered = new ByteLru<string, { docs: Uint32Array; tfs: Uint16Array } | null>(SEGMENT_CACHE_BYTES);

  constructor(
    readonly base: KeywordIndex,
    readonly tail: KeywordIndex | null,
    /** Deleted base document ids, sorted, distinct. */
    readonly deleted: Uint32Array = new Uint32Array(0),
  ) {
    this.baseLive = base.docCount - deleted.length;
    this.docCount = this.baseLive + (tail?.docCount ?? 0);
    let length = base.totalLength + (tail?.totalLength ?? 0);
    if (deleted.length > 0) {
      this.toBase = new Uint32Array(this.baseLive);
      let k = 0;
      let live = 0;
      for (let d = 0; d < base.docCount; d++) {
        if (k < deleted.length && deleted[k] === d) {
          length -= base.docLength(d);
          k++;
        } else this.toBase[live++] = d;
      }
      if (k !== deleted.length || live !== this.baseLive) throw new Error('deleted documents out of range or unsorted');
    } else this.toBase = null;
    this.avgLen = this.docCount ? length / this.docCount : 0;
  }

  /** The base document id of live document `doc` (< baseLive). */
  baseDocOf(doc: number): number {
    return this.toBase ? this.toBase[doc]! : doc;
  }

  /** Terms and postings stored (a deleted document's postings stay in the base until the next merge). */
  get termCount(): number {
    if (!this.tail) return this.base.termCount;
    let extra = 0;
    for (const t of this.tail.termList()) if (!this.base.has(t)) extra++;
    return this.base.termCount + extra;
  }

  get postingCount(): number {
    return this.base.postingCount + (this.tail?.postingCount ?? 0);
  }

  get unseenIdf(): number {
    return idf(this.docCount, 0);
  }

  /** Documents holding this term; deleted base documents still count until the next merge (a hint, not a score). */
  df(term: string): number {
    return this.base.df(term) + (this.tail?.df(term) ?? 0);
  }

  /** Every term with its document frequency (as df()), the base's first. */
  *vocabulary(): IterableIterator<[string, number]> {
    for (const [t, n] of this.base.vocabulary()) yield [t, n + (this.tail?.df(t) ?? 0)];
    if (this.tail) for (const [t, n] of this.tail.vocabulary()) if (!this.base.has(t)) yield [t, n];
  }

  warm(): void {
    this.base.warm();
    this.tail?.warm();
  }

  docLength(doc: number): number {
    return doc < this.baseLive ? this.base.docLength(this.baseDocOf(doc)) : (this.tail?.docLength(doc - this.baseLive) ?? 0);
  }

  /**
   * The base's matches as they are (no copy) when nothing is deleted and the tail lacks the term; else
   * the base's live documents renumbered, then the tail's shifted after them.
   */
  match(q: QueryTerm): TermMatch | null {
    const key = `${q.folded ? 1 : 0}${q.term}`;
    let list = this.renumbered.get(key);
    if (list === undefined) {
      // A list renumbered is kept renumbered: the base's own copy would only be kept twice.
      const b = this.tail?.match(q) ?? null;
      const a = this.base.match(q, b === null && this.toBase === null);
      if (!b && !this.toBase) return a && { term: q, idf: idf(this.docCount, a.docs.length), docs: a.docs, tfs: a.tfs };
      list = this.renumber(a, b);
      this.renumbered.set(key, list, 6 * (list?.docs.length ?? 0));
    }
    return list && { term: q, idf: idf(this.docCount, list.docs.length), docs: list.docs, tfs: list.tfs };
  }

  /** The base's live documents renumbered, then the tail's shifted after them; null when none is left. */
  private renumber(a: TermMatch | null, b: TermMatch | null): { docs: Uint32Array; tfs: Uint16Array } | null {
    const docs = new Uint32Array((a?.docs.length ?? 0) + (b?.docs.length ?? 0));
    const tfs = new Uint16Array(docs.length);
    let n = 0;
    if (a) {
      // Both lists are sorted: the postings between the k-th deletion and the next move down by k, as
      // one block (the frequencies, and the documents before the first deletion, copied as they are).
      const deleted = this.deleted;
      let from = 0;
      for (let k = 0; k <= deleted.length && from < a.docs.length; k++) {
        const to = k < deleted.length ? seek(a.docs, from, deleted[k]!) : a.docs.length;
        if (k === 0) docs.set(a.docs.subarray(from, to), n);
        else for (let i = from; i < to; i++) docs[n + i - from] = a.docs[i]! - k;
        tfs.set(a.tfs.subarray(from, to), n);
        n += to - from;
        from = to < a.docs.length && a.docs[to] === deleted[k] ? to + 1 : to;
      }
    }
    if (b) {
      const shift = this.baseLive;
      for (let i = 0; i < b.docs.length; i++) {
        docs[n] = b.docs[i]! + shift;
        tfs[n++] = b.tfs[i]!;
      }
    }
    if (n === 0) return null;
    return { docs: docs.subarray(0, n), tfs: tfs.subarray(0, n) };
  }

  accumulate(matches: readonly TermMatch[], scores: Float32Array, p: Bm25Params = DEFAULT_BM25): void {
    accumulateBm25(this, matches, scores, p);
  }

  saturate(tf: number, doc: number, p: Bm25Params = DEFAULT_BM25): number {
    return bm25Saturate(tf, this.docLength(doc), this.avgLen, p);
  }

  /** One document's BM25 over the matches (default parameters), the very value accumulate() leaves in a Float32Array. */
  scoreOf(matches: readonly TermMatch[], doc: number): number {
    const norm = norms(this)[doc]!;
    let score = 0;
    for (const m of matches) {
      const tf = KeywordIndex.tfOf(m, doc);
      if (tf === 0) continue;
      const w = m.term.weight * m.idf * K1_PLUS_1;
      score = Math.fround(score + (w * tf) / (tf + norm));
    }
    return score;
  }

  /**
   * accumulate() for the sorted documents docs[0..n) only: out[i] (zero before) gets document docs[i]'s
   * score, summed in the same order, so the same value. Each list is searched, not read whole.
   */
  accumulateAt(matches: readonly TermMatch[], docs: Uint32Array, n: number, out: Float32Array): void {
    const norm = norms(this);
    for (const m of matches) {
      const w = m.term.weight * m.idf * K1_PLUS_1;
      let p = 0;
      for (let i = 0; i < n; i++) {
        const d = docs[i]!;
        p = seek(m.docs, p, d);
        if (p === m.docs.length) break;
        if (m.docs[p] !== d) continue;
        const tf = m.tfs[p]!;
        out[i] = out[i]! + (w * tf) / (tf + norm[d]!);
      }
    }
  }

  /** Per document, BM25's length norm (see norms()): what a posting's contribution divides by after its frequency. */
  lengthNorms(): Float32Array {
    return norms(this);
  }

  /** The deletion list as stored: u32 little-endian base document ids. */
  static encodeDeleted(deleted: Uint32Array): Buffer {
    const b = Buffer.alloc(deleted.length * 4);
    deleted.forEach((d, i) => b.writeUInt32LE(d, i * 4));
    return b;
  }

  static decodeDeleted(buf: Buffer): Uint32Array {
    if (buf.length % 4 !== 0) throw new Error('truncated deletion list');
    const out = new Uint32Array(buf.length / 4);
    for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
    return out;
  }
}

/**
 * BM25's length norm per document, k1 · (1 − b + b · len / avg), for the default parameters: computed
 * once per index, so that scoring a posting is a multiply and a divide (the hot loop of every search).
 */
const normCache = new WeakMap<object, Float32Array>();
function norms(index: { docCount: number; docLength(doc: number): number; saturate(tf: number, doc: number, p: Bm25Params): number }): Float32Array {
  let n = normCache.get(index);
  if (!n) {
    n = new Float32Array(index.docCount);
    // saturate(1) = (k1 + 1) / (1 + norm): solved for norm, so the one formula stays in bm25Saturate.
    for (let d = 0; d < n.length; d++) n[d] = (DEFAULT_BM25.k1 + 1) / index.saturate(1, d, DEFAULT_BM25) - 1;
    normCache.set(index, n);
  }
  return n;
}

function accumulateBm25(index: { docCount: number; docLength(doc: number): number; saturate(tf: number, doc: number, p: Bm25Params): number }, matches: readonly TermMatch[], scores: Float32Array, p: Bm25Params): void {
  if (p !== DEFAULT_BM25) {
    for (const m of matches) {
      const w = m.term.weight * m.idf;
      for (let i = 0; i < m.docs.length; i++) {
        const d = m.docs[i]!;
        scores[d] = scores[d]! + w * index.saturate(m.tfs[i]!, d, p);
      }
    }
    return;
  }
  const norm = norms(index);
  for (const m of matches) {
    const w = m.term.weight * m.idf * K1_PLUS_1;
    const docs = m.docs;
    const tfs = m.tfs;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const tf = tfs[i]!;
      scores[d] = scores[d]! + (w * tf) / (tf + norm[d]!);
    }
  }
}

/** The first position at or after `from` whose document is ≥ `doc` (galloping, then binary search). */
export function seek(docs: Uint32Array, from: number, doc: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < docs.length && docs[hi]! < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, docs.length);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** BM25's IDF (the non-negative "+1" form) of a term held by `df` of `n` documents. */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25's term-frequency part: `tf` occurrences in a document of `len` terms, `avgLen` on average. */
export function bm25Saturate(tf: number, len: number, avgLen: number, p: Bm25Params = DEFAULT_BM25): number {
  const norm = bm25Norm(len, avgLen, p);
  return (tf * (p.k1 + 1)) / (tf + norm);
}

/** BM25's length norm of a document of `len` terms: bm25Saturate(tf) is tf · (k1 + 1) / (tf + this), the same value. */
export function bm25Norm(len: number, avgLen: number, p: Bm25Params = DEFAULT_BM25): number {
  return p.k1 * (1 - p.b + (p.b * len) / (avgLen || 1));
}

/** A copy of `a` with room for at least `min` elements (doubling). */
function grow<T extends Uint32Array | Uint16Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

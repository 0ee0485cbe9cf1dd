/**
 * A corpus file made ready for the index in one go, where it is read (a build's worker thread, or the
 * build itself for a few files): its article's stored fields, its chunks with their texts as UTF-8, and
 * each chunk's keyword terms already counted. The build then only places what it is given, and never
 * holds a parsed article (its cleaned text and blocks) longer than this takes.
 */
import { chunkArticle, type Chunk } from '../chunk/chunker.js';
import { readArticle } from '../corpus/read.js';
import type { Article } from '../corpus/types.js';
import { isStop, tokenize, type Token } from '../text/tokens.js';
import { articleMeta } from './store.js';
import { PAIR_SEP } from './terms.js';

/** Terms of one chunk counted at once: the distinct ones per chunk fit this (grown when not). */
const FIRST_DISTINCT = 1 << 10;

export interface PreparedArticle extends Pick<Article, 'id' | 'file' | 'title' | 'subject' | 'date' | 'outlet' | 'author' | 'byline' | 'url' | 'contentHash' | 'warnings'> {
  /** Body paragraphs of the article. */
  paragraphs: number;
  chunks: Array<Omit<Chunk, 'text'>>;
  /** The chunks' texts in UTF-8, one after the other, `textBytes[i]` bytes each (emptied once the build has set them aside at `textsAt`). */
  texts: Uint8Array;
  textsAt?: number;
  textBytes: Uint32Array;
  /** Per chunk: how many distinct terms it has, and its length in terms (duplicates counted). */
  distinct: Uint32Array;
  lengths: Uint32Array;
  /** The distinct terms of each chunk in order of first appearance, chunk after chunk, as ids of the counter that read it, and their frequencies. */
  termIds: Uint32Array;
  tfs: Uint16Array;
  /** The terms this article gave the counter first, in the order of their ids. */
  newTerms: string[];
}

/**
 * A pair term's key from its syllables' numbers: a small integer (which a Map hashes fastest) while both
 * are below 2^15, as nearly all are; else a larger one, above every small key and exact up to 2^26.
 */
const SMALL = 2 ** 15;
const LARGE = 2 ** 26;
/** The number a stop word's syllable gets: it makes no term and no pair (see walkIndexTerms). */
const STOP_SYLLABLE = -1;

const pairKey = (a: number, b: number) => (a < SMALL && b < SMALL ? a * SMALL + b : SMALL * SMALL + a * LARGE + b);

/**
 * Numbers terms as it first meets them and counts them per chunk (the terms passageTerms() gives, in
 * its order). A pair is found by its syllables' ids, a number, not by its joined text: making and
 * hashing "đảng_viên" for every pair was a fifth of a build's reading. One per thread: the ids are its
 * own, and the build maps them to its vocabulary with the new terms each article brings (see Vocabulary).
 */
export class TermCounter {
  /** Syllable -> its number (in order of first appearance); and each number's term id. */
  private readonly syllables = new Map<string, number>();
  private readonly syllableTerm: number[] = [];
  private readonly pairs = new Map<number, number>();
  private next = 0;
  private newTerms: string[] = [];
  private count: Uint32Array<ArrayBuffer> = new Uint32Array(1 << 16);
  private seen: Uint32Array<ArrayBuffer> = new Uint32Array(FIRST_DISTINCT);
  private m = 0;
  private length = 0;

  /** Counts the terms of each text (see PreparedArticle's fields of the same names), tokenised by `tokens`. */
  countAll(texts: readonly string[], tokens: (text: string) => Token[]): Pick<PreparedArticle, 'distinct' | 'lengths' | 'termIds' | 'tfs' | 'newTerms'> {
    const distinct = new Uint32Array(texts.length);
    const lengths = new Uint32Array(texts.length);
    const ids: number[] = [];
    const tfs: number[] = [];
    this.newTerms = [];
    texts.forEach((text, c) => {
      const toks = tokens(text);
      this.m = 0;
      this.length = 0;
      // walkIndexTerms' walk (terms.ts), with one look-up per token: a syllable's number also says whether
      // it is a stop word (STOP_SYLLABLE), so the stop list is asked once per distinct syllable, not per token.
      let prev = STOP_SYLLABLE;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        const s = this.syllable(t.term);
        if (s !== STOP_SYLLABLE) {
          this.add(this.syllableTerm[s]!);
          if (i > 0 && t.joined && prev !== STOP_SYLLABLE) this.add(this.pairId(prev, s, toks[i - 1]!.term, t.term));
        }
        prev = s;
      }
      for (let k = 0; k < this.m; k++) {
        const id = this.seen[k]!;
        ids.push(id);
        tfs.push(Math.min(this.count[id]!, 0xffff));
        this.count[id] = 0;
      }
      distinct[c] = this.m;
      lengths[c] = this.length;
    });
    return { distinct, lengths, termIds: Uint32Array.from(ids), tfs: Uint16Array.from(tfs), newTerms: this.newTerms };
  }

  /** The syllable's number (its term id: syllableTerm), or STOP_SYLLABLE for a stop word (never a term). */
  private syllable(term: string): number {
    let s = this.syllables.get(term);
    if (s === undefined) {
      if (isStop(term, false)) {
        this.syllables.set(term, STOP_SYLLABLE);
        return STOP_SYLLABLE;
      }
      s = this.syllableTerm.length;
      this.syllableTerm.push(this.newId(term));
      this.syllables.set(term, s);
    }
    return s;
  }

  private pairId(first: number, second: number, a: string, b: string): number {
    const key = pairKey(first, second);
    let id = this.pairs.get(key);
    if (id === undefined) {
      id = this.newId(a + PAIR_SEP + b);
      this.pairs.set(key, id);
    }
    return id;
  }

  private newId(term: string): number {
    const id = this.next++;
    if (id >= LARGE) throw new Error(`more than ${LARGE} distinct terms in one build`);
    this.newTerms.push(term);
    if (id >= this.count.length) this.count = grown(this.count, id + 1);
    return id;
  }

  private add(id: number): void {
    this.length++;
    if (this.count[id] === 0) {
      if (this.m === this.seen.length) this.seen = grown(this.seen, this.m + 1);
      this.seen[this.m++] = id;
    }
    this.count[id]!++;
  }
}

/** Reads, chunks and counts one corpus file. Throws ArticleError for unusable content (as readArticle). */
export async function prepareArticle(bytes: Uint8Array, file: string, contentHash: string, counter: TermCounter): Promise<PreparedArticle> {
  // Paragraphs are tokenised to find the places the article is about, and again as chunks: once here.
  const seen = new Map<string, Token[]>();
  const tokens = (text: string): Token[] => {
    let t = seen.get(text);
    if (!t) seen.set(text, (t = tokenize(text)));
    return t;
  };
  const a = await readArticle(bytes, file, contentHash, tokens);
  const chunks = chunkArticle(a);
  const encoded = chunks.map((c) => Buffer.from(c.text, 'utf8'));
  const counted = counter.countAll(
    chunks.map((c) => c.text),
    tokens,
  );
  return {
    ...articleMeta(a),
    warnings: a.warnings,
    paragraphs: a.blocks.filter((b) => b.kind === 'body').length,
    chunks: chunks.map(({ text: _text, ...record }) => record),
    texts: joined(encoded),
    textBytes: Uint32Array.from(encoded, (b) => b.length),
    ...counted,
  };
}

/** The buffers of a prepared article, handed over to another thread rather than copied. */
export function transferables(a: PreparedArticle): ArrayBuffer[] {
  return [a.texts, a.textBytes, a.distinct, a.lengths, a.termIds, a.tfs].map((v) => v.buffer as ArrayBuffer);
}

/**
 * The build's vocabulary: every term any counter met, numbered once. Each counter's ids are mapped to it
 * as its articles arrive (in the order the counter made them), so that a build's term ids do not depend
 * on which thread read which file.
 */
export class Vocabulary {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Per counter: its id -> the vocabulary's id. */
  private readonly maps: number[][] = [];

  /** Turns the article's term ids, made by counter `source`, into the vocabulary's (in place). */
  adopt(source: number, a: PreparedArticle): void {
    const map = (this.maps[source] ??= []);
    for (const t of a.newTerms) {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(t);
        this.ids.set(t, id);
      }
      map.push(id);
    }
    a.newTerms = [];
    const ids = a.termIds;
    for (let i = 0; i < ids.length; i++) ids[i] = map[ids[i]!]!;
  }
}

/** The pieces in one array of its own (Buffer.concat may share Node's buffer pool, which must never be handed to another thread). */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function grown(a: Uint32Array, min: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

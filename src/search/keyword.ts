/**
 * Keyword retriever: BM25 over paragraphs, helped by the article they sit in (its whole text and its
 * title), since a paragraph that answers "… Hải Phòng có bao nhiêu đảng viên?" often names the place
 * only in its article's lead.
 */
import { bm25Norm, DEFAULT_BM25, idf, indexOfSorted, seek, touchedInOrder, type QueryTerm, type TermMatch } from '../index/keyword-index.js';
import type { LoadedIndex } from '../index/load.js';
import { ByteLru } from '../index/lru.js';
import type { AnalyzedQuery } from './analyse.js';
import { topK } from './topk.js';

/** Weight of the article's BM25 and its title's in a paragraph's first-stage keyword score. */
const ARTICLE_WEIGHT = 0.3;
const TITLE_WEIGHT = 0.3;
/**
 * Memory for terms' per-article sums kept between questions: a frequent syllable's sums cost a pass
 * over its whole posting list, and most questions ask some of the same few hundred syllables (5 to 10
 * bytes per article holding the term, see narrowest(): 48 MB keeps some 500 to 1,000 of the commonest at
 * 500,000 paragraphs; at 10 bytes, 42% of the postings 300 bench questions summed were terms' summed
 * again after being forgotten).
 */
const TERM_SUMS_BYTES = 48 << 20;
/**
 * Relative slack on score bounds when pruning: a bound summed in another order than the score rounds
 * differently (Float32 sums of a few tens of terms: under 1e-5), so a chunk is set aside only when it
 * falls short by more than this.
 */
const BOUND_SLACK = 1e-4;
/** In the pruned phase a list is searched per remaining chunk when it is this many times longer, else read through. */
const SEEK_RATIO = 8;

export interface ArticleStats {
  len: Float32Array;
  avg: number;
  /** Per article: BM25's length norm (bm25Norm of its length), so a term's part is tf · (k1 + 1) / (tf + norm). */
  norm: Float64Array;
  /** Chunks per article. */
  chunks: Uint32Array;
}

/** A term's postings in the keyword index, what they sum to per article and their bound (one pass over the postings). */
interface TermPostings {
  idf: number;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Articles holding the term, sorted; the term's chunk count in each (as narrow as the index allows: see Widths). */
  articles: Uint32Array | Uint16Array;
  articleDf: Uint8Array | Uint16Array | Uint32Array;
  /**
   * Per article holding the term: its frequency in the article, whose BM25 part is computed when asked:
   * a double per article halved the terms kept.
   */
  articleTf: Uint16Array | Uint32Array | Float64Array;
  /** The most one of its postings adds to a chunk's BM25, per unit of weight × IDF. */
  maxSat: number;
}

/** A term's per-article sums and bound, as kept between questions. */
type TermSums = Pick<TermPostings, 'articles' | 'articleDf' | 'articleTf' | 'maxSat'>;

/**
 * Per loaded index: article statistics and scratch arrays a question's pass reuses.
 * Retrieval runs one question at a time to completion (it is synchronous), and nothing keeps a
 * scratch array past retrieve(): the candidates copy the scores they need.
 */
interface IndexState {
  stats: ArticleStats;
  widths: Widths;
  scores: Float32Array;
  chunkScores: Float32Array;
  /** Per chunk, zero between uses: a partial BM25 while the pruned pass runs; and the chunks it touched. */
  partial: Float64Array;
  running: Uint32Array;
  /** Scratch of the pruned pass's leaders: candidate chunks and their guesses (made on first use, docCount + depth). */
  pool: Uint32Array;
  guess: Float32Array;
  /** Per chunk, zero between uses: 1 while the chunk is one of the pruned pass's leaders. */
  leader: Uint8Array;
  /** Per chunk: an exact paragraph score, valid for the pass whose number is in `exactPass` (see ExactScores). */
  exactScore: Float64Array;
  exactPass: Uint32Array;
  passes: number;
  articleScore: Float32Array;
  titleScore: Float32Array;
  /** Per article, during the pruned pass: its share of a chunk's score (the article's and the title's BM25, weighted). */
  share: Float64Array;
  /** Per article, zero between uses: a term's frequency and chunk count while its postings are summed. */
  tf: Float64Array;
  df: Uint32Array;
  touched: Uint32Array;
  sums: ByteLru<string, TermSums>;
}

/**
 * The narrowest arrays a term's per-article sums fit in this index, so that more terms are kept in the
 * same memory: article numbers in 16 bits up to 65,536 articles; chunk counts in 8 bits when no article
 * has more than 255 chunks, 16 under 65,536; frequencies in 16 bits when no article is longer than 65,535
 * terms (a term's frequency in an article is at most its length), 32 when it has fewer than 65,536 chunks
 * (a sum of 16-bit frequencies), else doubles.
 */
interface Widths {
  articles16: boolean;
  df: 8 | 16 | 32;
  tf: 16 | 32 | 64;
}

function narrowest(nArticles: number, len: Float32Array, chunks: Uint32Array): Widths {
  let maxChunks = 0;
  let maxLen = 0;
  for (let a = 0; a < chunks.length; a++) {
    maxChunks = Math.max(maxChunks, chunks[a]!);
    maxLen = Math.max(maxLen, len[a]!);
  }
  return { articles16: nArticles <= 0x10000, df: maxChunks <= 0xff ? 8 : maxChunks <= 0xffff ? 16 : 32, tf: maxLen <= 0xffff ? 16 : maxChunks <= 0xffff ? 32 : 64 };
}

const states = new WeakMap<LoadedIndex, IndexState>();

function stateOf(index: LoadedIndex): IndexState {
  let s = states.get(index);
  if (!s) {
    const nArticles = index.articles.length;
    const len = new Float32Array(nArticles);
    const chunks = new Uint32Array(nArticles);
    for (let c = 0; c < index.chunks.length; c++) {
      len[index.chunkArticle[c]!]! += index.keyword.docLength(c);
      chunks[index.chunkArticle[c]!]!++;
    }
    const avg = len.reduce((a, b) => a + b, 0) / (len.length || 1);
    const norm = Float64Array.from(len, (l) => bm25Norm(l, avg));
    const docCount = index.keyword.docCount;
    s = {
      stats: { len, avg, norm, chunks },
      widths: narrowest(nArticles, len, chunks),
      scores: new Float32Array(docCount),
      chunkScores: new Float32Array(docCount),
      partial: new Float64Array(docCount),
      running: new Uint32Array(docCount),
      pool: new Uint32Array(0),
      guess: new Float32Array(0),
      leader: new Uint8Array(docCount),
      exactScore: new Float64Array(docCount),
      exactPass: new Uint32Array(docCount),
      passes: 0,
      articleScore: new Float32Array(nArticles),
      titleScore: new Float32Array(nArticles),
      share: new Float64Array(nArticles),
      tf: new Float64Array(nArticles),
      df: new Uint32Array(nArticles),
      touched: new Uint32Array(nArticles),
      sums: new ByteLru(TERM_SUMS_BYTES),
    };
    states.set(index, s);
  }
  return s;
}

/** The term's postings and their per-article sums. */
function postingsOf(index: LoadedIndex, s: IndexState, q: QueryTerm): TermPostings | null {
  const m = index.keyword.match(q);
  if (!m) return null;
  const key = `${q.folded ? 1 : 0}${q.term}`;
  let sums = s.sums.get(key);
  if (!sums) {
    sums = sumsOf(index, s, m);
    s.sums.set(key, sums, (sums.articles.BYTES_PER_ELEMENT + sums.articleDf.BYTES_PER_ELEMENT + sums.articleTf.BYTES_PER_ELEMENT) * sums.articles.length);
  }
  return { idf: m.idf, docs: m.docs, tfs: m.tfs, ...sums };
}

/** One pass over a term's postings: the articles holding it, its chunk count and BM25 part in each, and its bound. */
function sumsOf(index: LoadedIndex, s: IndexState, m: TermMatch): TermSums {
  const { chunkArticle } = index;
  const { tf, df, touched } = s;
  const { docs, tfs } = m;
  const norm = index.keyword.lengthNorms();
  let size = 0;
  let maxSat = 0;
  // Postings come in document order, and an article's chunks mostly follow each other: sum a run of
  // one article's postings before touching the per-article arrays.
  for (let i = 0; i < docs.length; ) {
    const a = chunkArticle[docs[i]!]!;
    let n = 0;
    let c = 0;
    for (; i < docs.length && chunkArticle[docs[i]!] === a; i++) {
      const tf = tfs[i]!;
      n += tf;
      c++;
      // tf / (tf + norm) > maxSat without a division per posting (the bound allows BOUND_SLACK).
      const below = tf + norm[docs[i]!]!;
      if (tf > maxSat * below) maxSat = tf / below;
    }
    if (df[a] === 0) touched[size++] = a;
    tf[a]! += n;
    df[a]! += c;
  }
  const inOrder = touchedInOrder(touched, size, df);
  const { widths } = s;
  const articles = widths.articles16 ? Uint16Array.from(inOrder) : inOrder;
  const articleDf = widths.df === 8 ? new Uint8Array(size) : widths.df === 16 ? new Uint16Array(size) : new Uint32Array(size);
  const articleTf = widths.tf === 16 ? new Uint16Array(size) : widths.tf === 32 ? new Uint32Array(size) : new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const a = articles[k]!;
    articleTf[k] = tf[a]!;
    articleDf[k] = df[a]!;
    tf[a] = 0;
    df[a] = 0;
  }
  return { articles, articleDf, articleTf, maxSat: (DEFAULT_BM25.k1 + 1) * maxSat };
}

export interface KeywordPass {
  matches: Array<TermMatch | null>;
  /** Per match: the number of the article's chunks holding the term. */
  articleDf(match: number, article: number): number;
  stats: ArticleStats;
  titleMatches: Array<TermMatch | null>;
  leadMatches: Array<TermMatch | null>;
  /** The chunks of the highest first-stage scores, best first (ties: the earlier chunk), at most the depth asked. */
  top: number[];
  /** A chunk's paragraph BM25 plus its article's and its title's share. Valid until the next pass. */
  score(chunk: number): number;
  /** A chunk's own paragraph BM25. */
  chunkScore(chunk: number): number;
}

export function keywordPass(index: LoadedIndex, q: AnalyzedQuery, depth: number): KeywordPass {
  const { titles } = index;
  const s = stateOf(index);
  const postings = q.terms.map((t) => postingsOf(index, s, t));
  const matches = postings.map((p, i): TermMatch | null => p && { term: q.terms[i]!, idf: p.idf, docs: p.docs, tfs: p.tfs });
  const titleMatches = q.terms.map((t) => titles.match(t));
  const leadMatches = q.terms.map((t) => index.leads.match(t));
  const present = matches.filter((m): m is TermMatch => m !== null);
  const { articleScore, titleScore, stats } = s;

  // Article-level BM25 from the same postings (an article is the sum of its chunks).
  const nArticles = index.articles.length;
  articleScore.fill(0);
  const k1p1 = DEFAULT_BM25.k1 + 1;
  const norm = stats.norm;
  postings.forEach((p, i) => {
    if (!p) return;
    const w = q.terms[i]!.weight * idf(nArticles, p.articles.length);
    for (let k = 0; k < p.articles.length; k++) {
      const a = p.articles[k]!;
      const tf = p.articleTf[k]!;
      articleScore[a]! += w * ((tf * k1p1) / (tf + norm[a]!));
    }
  });
  titleScore.fill(0);
  titles.accumulate(titleMatches.filter((m): m is TermMatch => m !== null), titleScore);

  const bounds = postings.flatMap((p, i) => (p ? [q.terms[i]!.weight * p.idf * p.maxSat * (1 + BOUND_SLACK)] : []));
  const exact = new ExactScores(index, s, present);
  const top = prunedTop(index, s, exact, bounds, depth) ?? fullTop(index, s, present, depth);
  const articleDf = (match: number, article: number): number => {
    const p = postings[match];
    if (!p) return 0;
    const at = indexOfSorted(p.articles, article);
    return at < 0 ? 0 : p.articleDf[at]!;
  };
  return { matches, articleDf, stats, titleMatches, leadMatches, top, score: (chunk) => exact.score(chunk), chunkScore: (chunk) => exact.chunkScore(chunk) };
}

/** Every chunk scored (the question's terms all common, nothing to prune): BM25 over all postings, then the best. */
function fullTop(index: LoadedIndex, s: IndexState, present: readonly TermMatch[], depth: number): number[] {
  const { scores, chunkScores, articleScore, titleScore } = s;
  const { chunkArticle } = index;
  chunkScores.fill(0);
  index.keyword.accumulate(present, chunkScores);
  for (let d = 0; d < scores.length; d++) {
    const c = chunkScores[d]!;
    if (c > 0) {
      const a = chunkArticle[d]!;
      scores[d] = c + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
    } else scores[d] = c;
  }
  return topK(scores, depth);
}

/**
 * The best `depth` chunks without reading every posting (MaxScore): terms are read rarest first (by
 * the most they can add), and once what the terms left can add to an unseen chunk, plus the best
 * article's share, is under the score of `depth` chunks already seen, no unseen chunk can enter;
 * the common terms' lists are then only searched for the chunks still in the running. Those are scored
 * exactly as fullTop scores them, so the result is the same. Null when no term could be skipped.
 */
function prunedTop(index: LoadedIndex, s: IndexState, exact: ExactScores, bounds: readonly number[], depth: number): number[] | null {
  const present = exact.present;
  const { partial, running, articleScore, titleScore } = s;
  const norm = index.keyword.lengthNorms();
  const k1p1 = DEFAULT_BM25.k1 + 1;
  const { chunkArticle } = index;
  const share = (s.share.length === articleScore.length ? s.share : (s.share = new Float64Array(articleScore.length)));
  let maxPart = 0;
  for (let a = 0; a < articleScore.length; a++) maxPart = Math.max(maxPart, (share[a] = ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!));
  const order = present.map((_, i) => i).sort((x, y) => bounds[y]! - bounds[x]!);
  const leaders = new Leaders(index, s, exact, depth);
  let left = bounds.reduce((a, b) => a + b, 0);
  let n = 0;
  let pruned = false;
  let theta = 0;
  // The least exact score of `depth` chunks seen so far (0 before there are that many): the final
  // depth-th score is at least this, so a chunk none of the lists read so far holds, whose article's
  // share plus what the lists left can add stays under it, cannot enter, and is not taken in.
  let floor = 0;
  // The marks and partial sums must be zero for the next question even when a read throws (a file gone).
  try {
    for (const t of order) {
      const m = present[t]!;
      const w = m.term.weight * m.idf * k1p1;
      const cut = floor - left;
      left -= bounds[t]!;
      if (!pruned) {
        if (cut > 0) n = readNewIfReaching(m, w, norm, chunkArticle, share, cut, s, n);
        else {
          // The leaders' candidates picked as the list is read (see Leaders.open), not in a second pass over it.
          const least = leaders.open(m.docs.length);
          const { pool, guess, leader } = s;
          let k = leaders.reserved;
          for (let i = 0; i < m.docs.length; i++) {
            const d = m.docs[i]!;
            const tf = m.tfs[i]!;
            if (partial[d] === 0) running[n++] = d;
            const p = (partial[d]! += (w * tf) / (tf + norm[d]!));
            const g = p + share[chunkArticle[d]!]!;
            if (g > least && leader[d] === 0) {
              pool[k] = d;
              guess[k++] = g;
            }
          }
          leaders.close(k);
        }
        if (cut > 0) leaders.update(m.docs);
        if (n < depth) continue;
        // Worth knowing only above what the lists left can add (else the next list takes in every chunk).
        const least = leaders.reachedAbove(left);
        if (least === null) continue;
        if (Number.isFinite(least)) floor = Math.max(floor, least * (1 - BOUND_SLACK));
        if (!(least > (left + maxPart) * (1 + BOUND_SLACK))) continue;
        theta = least * (1 - BOUND_SLACK);
        pruned = true;
        n = keepReaching(index, s, n, left, theta);
        running.subarray(0, n).sort();
        continue;
      } else if (n * SEEK_RATIO < m.docs.length) {
        let p = 0;
        for (let i = 0; i < n; i++) {
          const d = running[i]!;
          p = seek(m.docs, p, d);
          if (p === m.docs.length) break;
          if (m.docs[p] !== d) continue;
          const tf = m.tfs[p]!;
          partial[d]! += (w * tf) / (tf + norm[d]!);
        }
      } else {
        for (let i = 0; i < m.docs.length; i++) {
          const d = m.docs[i]!;
          if (partial[d] === 0) continue;
          const tf = m.tfs[i]!;
          partial[d]! += (w * tf) / (tf + norm[d]!);
        }
      }
      if (pruned) n = keepReaching(index, s, n, left, theta);
    }
  } finally {
    for (let i = 0; i < n; i++) partial[running[i]!] = 0;
    leaders.done();
  }
  if (!pruned) return null;
  return exactTop(index, s, exact, n, depth);
}

/**
 * A list read before the pruning starts, when a chunk new to the pass needs its article's share to be
 * at least `cut` to reach the floor: the chunks already running (partial sum not zero) take the term's
 * part, w · tf / (tf + norm), and the new ones are taken in (appended to running[n..]) only in such
 * articles: most of a common term's chunks are in articles that hold none of the rarer terms, whose
 * share is small. The new count of running chunks.
 */
export function readNewIfReaching(
  list: { docs: Uint32Array; tfs: Uint16Array },
  w: number,
  norm: Float32Array,
  chunkArticle: Uint32Array,
  share: Float64Array,
  cut: number,
  run: { partial: Float64Array; running: Uint32Array },
  n: number,
): number {
  const { partial, running } = run;
  const { docs, tfs } = list;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    if (partial[d] === 0) {
      if (share[chunkArticle[d]!]! < cut) continue;
      running[n++] = d;
    }
    const tf = tfs[i]!;
    partial[d]! += (w * tf) / (tf + norm[d]!);
  }
  return n;
}

/** Keeps in running[0..n) (in their order) the chunks whose partial sum plus `left` and their article's share may reach theta; their count. */
function keepReaching(index: LoadedIndex, s: IndexState, n: number, left: number, theta: number): number {
  const { partial, running, articleScore, titleScore } = s;
  const { chunkArticle } = index;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const d = running[i]!;
    const a = chunkArticle[d]!;
    if (partial[d]! + left + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]! >= theta) running[kept++] = d;
    else partial[d] = 0;
  }
  return kept;
}

/**
 * The `depth` chunks best by partial sum plus their article's share, kept as the lists are read: a
 * chunk's partial sum only grows, so after a list the best are among the previous best and that
 * list's chunks. Their exact scores (memoised: they do not change) give a score `depth` chunks reach.
 */
class Leaders {
  private best: number[] = [];

  constructor(
    private readonly index: LoadedIndex,
    private readonly s: IndexState,
    private readonly exact: ExactScores,
    private readonly depth: number,
  ) {}

  /** Slots at the head of the pool kept for the leaders themselves (see open). */
  reserved = 0;

  /**
   * Before a list whose candidates the reader puts in the pool from `reserved` on (then close()): the
   * least guess of the leaders now, under which no chunk of the list can become one (their guesses only
   * grow), −∞ while they are fewer than `depth`.
   */
  open(listLength: number): number {
    this.room(listLength);
    const { partial } = this.s;
    const share = this.s.share;
    const chunkArticle = this.index.chunkArticle;
    let least = this.best.length < this.depth ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (const d of this.best) least = Math.min(least, partial[d]! + share[chunkArticle[d]!]!);
    this.reserved = this.best.length;
    return least;
  }

  /** The new leaders among the previous ones (their guesses read again) and pool[reserved..k). */
  close(k: number): void {
    const { partial, pool, guess } = this.s;
    const share = this.s.share;
    const chunkArticle = this.index.chunkArticle;
    this.best.forEach((d, i) => {
      pool[i] = d;
      guess[i] = partial[d]! + share[chunkArticle[d]!]!;
    });
    this.done();
    this.best = topK(guess.subarray(0, k), this.depth).map((i) => pool[i]!);
    for (const d of this.best) this.s.leader[d] = 1;
  }

  private room(listLength: number): void {
    if (this.s.pool.length < listLength + this.best.length) {
      this.s.pool = new Uint32Array(this.index.chunks.length + this.depth);
      this.s.guess = new Float32Array(this.index.chunks.length + this.depth);
    }
  }

  update(docs: Uint32Array): void {
    const { partial, articleScore, titleScore } = this.s;
    const chunkArticle = this.index.chunkArticle;
    this.room(docs.length);
    const { pool, guess } = this.s;
    // A chunk of the list enters only above the least leader (their guesses grew too: read them again).
    let n = 0;
    let least = this.best.length < this.depth ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (const d of this.best) {
      const a = chunkArticle[d]!;
      const g = partial[d]! + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
      least = Math.min(least, g);
      pool[n] = d;
      guess[n++] = g;
    }
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      // A chunk the pass did not take in (see readNewIfReaching) cannot reach the floor: no leader.
      if (partial[d] === 0) continue;
      const a = chunkArticle[d]!;
      const g = partial[d]! + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
      if (g <= least || this.s.leader[d]) continue;
      pool[n] = d;
      guess[n++] = g;
    }
    this.done();
    this.best = topK(guess.subarray(0, n), this.depth).map((i) => pool[i]!);
    for (const d of this.best) this.s.leader[d] = 1;
  }

  /** Unmarks the leaders (the marks are zero between uses). */
  done(): void {
    for (const d of this.best) this.s.leader[d] = 0;
  }

  /**
   * The least exact score of the leaders (+∞ while they are fewer than `depth`) when it is above
   * `floor`, else null. Scoring a leader means searching every list, so those scored already are read
   * first, then the others from the lowest guess up, and the first at or under `floor` ends it.
   */
  reachedAbove(floor: number): number | null {
    if (this.best.length < this.depth) return Number.POSITIVE_INFINITY;
    let least = Number.POSITIVE_INFINITY;
    const unscored: number[] = [];
    for (const d of this.best) {
      if (!this.exact.known(d)) unscored.push(d);
      else if ((least = Math.min(least, this.exact.score(d))) <= floor) return null;
    }
    const { partial, articleScore, titleScore } = this.s;
    const guess = (d: number) => {
      const a = this.index.chunkArticle[d]!;
      return partial[d]! + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
    };
    for (const d of unscored.sort((x, y) => guess(x) - guess(y))) if ((least = Math.min(least, this.exact.score(d))) <= floor) return null;
    return least;
  }
}

/** A pass's exact first-stage scores of single chunks, the values fullTop computes, memoised (asked again and again). */
class ExactScores {
  /**
   * This pass's number: its memo lives in the index state's arrays (a Map of thousands of chunks cost
   * more than the scores), valid where a chunk carries it. A pass asked after the next one began only
   * finds its entries overwritten, and computes them again.
   */
  private readonly pass: number;

  constructor(
    private readonly index: LoadedIndex,
    private readonly s: IndexState,
    readonly present: readonly TermMatch[],
  ) {
    this.pass = ++s.passes;
  }

  /** The chunk's own paragraph BM25. */
  chunkScore(chunk: number): number {
    if (this.s.exactPass[chunk] === this.pass) return this.s.exactScore[chunk]!;
    const c = this.index.keyword.scoreOf(this.present, chunk);
    this.know(chunk, c);
    return c;
  }

  known(chunk: number): boolean {
    return this.s.exactPass[chunk] === this.pass;
  }

  /** Known already (computed with others). */
  know(chunk: number, c: number): void {
    this.s.exactPass[chunk] = this.pass;
    this.s.exactScore[chunk] = c;
  }

  /** Paragraph BM25 plus the article's and its title's share. */
  score(chunk: number): number {
    return this.withArticle(chunk, this.chunkScore(chunk));
  }

  withArticle(chunk: number, c: number): number {
    if (!(c > 0)) return c;
    const a = this.index.chunkArticle[chunk]!;
    return Math.fround(c + ARTICLE_WEIGHT * this.s.articleScore[a]! + TITLE_WEIGHT * this.s.titleScore[a]!);
  }
}

/** The exact scores of the chunks running[0..n) (sorted), and the best `depth` of them, as topK orders them. */
function exactTop(index: LoadedIndex, s: IndexState, exact: ExactScores, n: number, depth: number): number[] {
  const { running } = s;
  const c = new Float32Array(n);
  index.keyword.accumulateAt(exact.present, running, n, c);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) scores[i] = exact.withArticle(running[i]!, c[i]!);
  const top = topK(scores, depth);
  for (const i of top) exact.know(running[i]!, c[i]!);
  return top.map((i) => running[i]!);
}

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
 * Memory for terms' facts (article count and bounds) kept between questions: a common term's facts
 * spare a pass over its postings, its sums are only gathered for the articles a question needs.
 * Some 100 bytes a term: 4 MB keeps some 40,000 terms, most a server is ever asked.
 */
const TERM_FACTS_BYTES = 4 << 20;
const FACTS_BYTES = 100;
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


/** A term's per-article sums (one pass over its postings), as kept between questions. */
interface TermSums {
  /** Articles holding the term, sorted; the term's chunk count in each (as narrow as the index allows: see Widths). */
  articles: Uint32Array | Uint16Array;
  articleDf: Uint8Array | Uint16Array | Uint32Array;
  /**
   * Per article holding the term: its frequency in the article, whose BM25 part is computed when asked:
   * a double per article halved the terms kept.
   */
  articleTf: Uint16Array | Uint32Array | Float64Array;
}

/**
 * What the whole pass over a term's postings yields besides its sums, kept longer than they are (a few
 * numbers a term): the article-level IDF and the bounds need them for every question, the sums only
 * for the articles a question's candidates sit in, which can be gathered from their chunks instead.
 */
interface TermFacts {
  /** Articles holding the term. */
  articleCount: number;
  /** The most one of its postings adds to a chunk's BM25, per unit of weight × IDF. */
  maxSat: number;
  /** The most it adds to an article's BM25, per unit of weight × article IDF. */
  maxArticleSat: number;
}

/** A question's term as the pass uses it. */
interface PassTerm {
  match: TermMatch;
  facts: TermFacts;
  /** Its per-article sums when kept (or summed by this pass), else null: then gathered per article. */
  sums: TermSums | null;
  /** Weight × article-level IDF: the factor of its part in an article's BM25. */
  articleWeight: number;
  key: string;
}

/**
 * Per loaded index: article statistics and scratch arrays a question's pass reuses.
 * Retrieval runs one question at a time to completion (it is synchronous), and nothing keeps a
 * scratch array past retrieve(): the candidates copy the scores they need.
 */
interface IndexState {
  stats: ArticleStats;
  widths: Widths;
  /** Each article's chunks, ascending: articleChunks[chunkStart[a] .. chunkStart[a + 1]). */
  chunkStart: Uint32Array;
  articleChunks: Uint32Array;
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
  /** Per article: its exact BM25 over the question's terms, valid for the pass whose number is in `articlePass`. */
  articleScore: Float32Array;
  articlePass: Uint32Array;
  titleScore: Float32Array;
  /**
   * Per article, zero between uses: the article shares of the terms whose lists the pruned pass read
   * whole, and the articles holding one (the bound of an article's share adds the unread terms' bounds).
   */
  readShare: Float64Array;
  readArticles: Uint32Array;
  /** Per article, zero between uses: a term's frequency and chunk count while its postings are summed. */
  tf: Float64Array;
  df: Uint32Array;
  touched: Uint32Array;
  sums: ByteLru<string, TermSums>;
  facts: ByteLru<string, TermFacts>;
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
    const chunkStart = new Uint32Array(nArticles + 1);
    for (let a = 0; a < nArticles; a++) chunkStart[a + 1] = chunkStart[a]! + chunks[a]!;
    const articleChunks = new Uint32Array(index.chunks.length);
    const fill = chunkStart.slice(0, nArticles);
    for (let c = 0; c < index.chunks.length; c++) articleChunks[fill[index.chunkArticle[c]!]!++] = c;
    const docCount = index.keyword.docCount;
    s = {
      stats: { len, avg, norm, chunks },
      widths: narrowest(nArticles, len, chunks),
      chunkStart,
      articleChunks,
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
      articlePass: new Uint32Array(nArticles),
      titleScore: new Float32Array(nArticles),
      readShare: new Float64Array(nArticles),
      readArticles: new Uint32Array(nArticles),
      tf: new Float64Array(nArticles),
      df: new Uint32Array(nArticles),
      touched: new Uint32Array(nArticles),
      sums: new ByteLru(TERM_SUMS_BYTES),
      facts: new ByteLru(TERM_FACTS_BYTES),
    };
    states.set(index, s);
  }
  return s;
}

/** The question's term as the pass uses it: its postings, facts and, when kept, its per-article sums. */
function passTermOf(index: LoadedIndex, s: IndexState, q: QueryTerm, nArticles: number): PassTerm | null {
  const match = index.keyword.match(q);
  if (!match) return null;
  const key = `${q.folded ? 1 : 0}${q.term}`;
  let sums = s.sums.get(key) ?? null;
  let facts = s.facts.get(key);
  if (!facts) ({ sums, facts } = summed(index, s, key, match));
  return { match, facts, sums, articleWeight: q.weight * idf(nArticles, facts.articleCount), key };
}

/** Sums the term's postings per article, and keeps the sums and the facts. */
function summed(index: LoadedIndex, s: IndexState, key: string, match: TermMatch): { sums: TermSums; facts: TermFacts } {
  const { sums, facts } = sumsOf(index, s, match);
  s.sums.set(key, sums, (sums.articles.BYTES_PER_ELEMENT + sums.articleDf.BYTES_PER_ELEMENT + sums.articleTf.BYTES_PER_ELEMENT) * sums.articles.length);
  s.facts.set(key, facts, FACTS_BYTES);
  return { sums, facts };
}

/** The term's per-article sums, summed now when not kept. */
function sumsFor(index: LoadedIndex, s: IndexState, t: PassTerm): TermSums {
  return (t.sums ??= s.sums.get(t.key) ?? summed(index, s, t.key, t.match).sums);
}

/** One pass over a term's postings: the articles holding it, its chunk count and frequency in each, and its bounds. */
function sumsOf(index: LoadedIndex, s: IndexState, m: TermMatch): { sums: TermSums; facts: TermFacts } {
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
  const articleNorm = s.stats.norm;
  const articles = widths.articles16 ? Uint16Array.from(inOrder) : inOrder;
  const articleDf = widths.df === 8 ? new Uint8Array(size) : widths.df === 16 ? new Uint16Array(size) : new Uint32Array(size);
  const articleTf = widths.tf === 16 ? new Uint16Array(size) : widths.tf === 32 ? new Uint32Array(size) : new Float64Array(size);
  let maxArticleSat = 0;
  for (let k = 0; k < size; k++) {
    const a = articles[k]!;
    articleTf[k] = tf[a]!;
    articleDf[k] = df[a]!;
    maxArticleSat = Math.max(maxArticleSat, tf[a]! / (tf[a]! + articleNorm[a]!));
    tf[a] = 0;
    df[a] = 0;
  }
  const k1p1 = DEFAULT_BM25.k1 + 1;
  return { sums: { articles, articleDf, articleTf }, facts: { articleCount: size, maxSat: k1p1 * maxSat, maxArticleSat: k1p1 * maxArticleSat } };
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
  const nArticles = index.articles.length;
  const terms = q.terms.map((t) => passTermOf(index, s, t, nArticles));
  const matches = terms.map((t) => t?.match ?? null);
  const titleMatches = q.terms.map((t) => titles.match(t));
  const leadMatches = q.terms.map((t) => index.leads.match(t));
  const { titleScore } = s;
  titleScore.fill(0);
  titles.accumulate(titleMatches.filter((m): m is TermMatch => m !== null), titleScore);

  const exact = new ExactScores(index, s, terms);
  const top = prunedTop(index, s, exact, depth) ?? fullTop(index, s, exact, depth);
  const articleDf = (match: number, article: number): number => {
    const t = terms[match];
    return t ? exact.articleCounts(t, article).df : 0;
  };
  return { matches, articleDf, stats: s.stats, titleMatches, leadMatches, top, score: (chunk) => exact.score(chunk), chunkScore: (chunk) => exact.chunkScore(chunk) };
}

/** Every chunk scored (the question's terms all common, nothing to prune): BM25 over all postings, then the best. */
function fullTop(index: LoadedIndex, s: IndexState, exact: ExactScores, depth: number): number[] {
  const { scores, chunkScores, titleScore } = s;
  const { chunkArticle } = index;
  const articleScore = exact.allArticleScores();
  chunkScores.fill(0);
  index.keyword.accumulate(exact.present, chunkScores);
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
 * the most they can add), and once what the terms left can add to an unseen chunk, plus the most an
 * article's share can be, is under the score of `depth` chunks already seen, no unseen chunk can enter;
 * the common terms' lists are then only searched for the chunks still in the running. An article's
 * share is bounded the same way: the terms whose lists were read whole add their exact part, the others
 * their bound, so that the common terms' per-article sums are never needed for every article. The
 * chunks left are scored exactly as fullTop scores them, so the result is the same. Null when no term
 * could be skipped.
 */
function prunedTop(index: LoadedIndex, s: IndexState, exact: ExactScores, depth: number): number[] | null {
  const { present, terms } = exact;
  const { partial, running, titleScore, readShare, readArticles } = s;
  const articleNorm = s.stats.norm;
  const norm = index.keyword.lengthNorms();
  const k1p1 = DEFAULT_BM25.k1 + 1;
  const bounds = terms.map((t) => t.match.term.weight * t.match.idf * t.facts.maxSat * (1 + BOUND_SLACK));
  const articleBounds = terms.map((t) => ARTICLE_WEIGHT * t.articleWeight * t.facts.maxArticleSat * (1 + BOUND_SLACK));
  // The most an article's share can be, but for the unread terms' bounds: its title's at first.
  let readMax = 0;
  for (let a = 0; a < titleScore.length; a++) readMax = Math.max(readMax, TITLE_WEIGHT * titleScore[a]!);
  const order = present.map((_, i) => i).sort((x, y) => bounds[y]! - bounds[x]!);
  const read = new Uint8Array(present.length);
  const shares = new ShareBounds(s, terms, articleBounds, read);
  const leaders = new Leaders(index, s, exact, shares, depth);
  let left = bounds.reduce((a, b) => a + b, 0);
  let n = 0;
  let nRead = 0;
  let pruned = false;
  let theta = 0;
  // The marks and partial sums must be zero for the next question even when a read throws (a file gone).
  try {
    for (const t of order) {
      const m = present[t]!;
      const w = m.term.weight * m.idf * k1p1;
      left -= bounds[t]!;
      if (!pruned) {
        for (let i = 0; i < m.docs.length; i++) {
          const d = m.docs[i]!;
          const tf = m.tfs[i]!;
          if (partial[d] === 0) running[n++] = d;
          partial[d]! += (w * tf) / (tf + norm[d]!);
        }
        // Its list read whole, its article part is known exactly from its sums (a short list's, cheap).
        const sums = sumsFor(index, s, terms[t]!);
        const aw = ARTICLE_WEIGHT * terms[t]!.articleWeight;
        for (let k = 0; k < sums.articles.length; k++) {
          const a = sums.articles[k]!;
          const tf = sums.articleTf[k]!;
          if (readShare[a] === 0) readArticles[nRead++] = a;
          const share = (readShare[a]! += aw * ((tf * k1p1) / (tf + articleNorm[a]!)));
          // Shares only grow: the most of them is kept as they do.
          readMax = Math.max(readMax, share + TITLE_WEIGHT * titleScore[a]!);
        }
        read[t] = 1;
        shares.update();
        leaders.update(m.docs);
        if (n < depth) continue;
        const reached = leaders.reachedAbove((left + readMax + shares.unread) * (1 + BOUND_SLACK));
        if (reached === null) continue;
        theta = reached * (1 - BOUND_SLACK);
        pruned = true;
        n = keepReaching(index, s, shares, n, left, theta);
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
      if (pruned) n = keepReaching(index, s, shares, n, left, theta);
    }
  } finally {
    for (let i = 0; i < n; i++) partial[running[i]!] = 0;
    for (let k = 0; k < nRead; k++) readShare[readArticles[k]!] = 0;
    leaders.done();
  }
  if (!pruned) return null;
  return exactTop(index, s, exact, n, depth);
}

/**
 * The most an article's share (its BM25's and its title's) can be while the pruned pass runs: the exact
 * part of the terms read whole (readShare), its title's, and the bound of every term not read whole.
 */
class ShareBounds {
  /** The article bounds of the terms not read whole, summed. */
  unread = 0;

  constructor(
    private readonly s: IndexState,
    private readonly terms: readonly PassTerm[],
    private readonly articleBounds: readonly number[],
    private readonly read: Uint8Array,
  ) {
    this.update();
  }

  /** Sums the unread terms' bounds again (after a term is read: summed afresh, not subtracted, so it never drifts under). */
  update(): void {
    let u = 0;
    for (let t = 0; t < this.terms.length; t++) if (!this.read[t]) u += this.articleBounds[t]!;
    this.unread = u;
  }

  of(article: number): number {
    return this.s.readShare[article]! + TITLE_WEIGHT * this.s.titleScore[article]! + this.unread;
  }
}

/** Keeps in running[0..n) (in their order) the chunks whose partial sum plus `left` and their article's share may reach theta; their count. */
function keepReaching(index: LoadedIndex, s: IndexState, shares: ShareBounds, n: number, left: number, theta: number): number {
  const { partial, running } = s;
  const { chunkArticle } = index;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const d = running[i]!;
    if (partial[d]! + left + shares.of(chunkArticle[d]!) >= theta) running[kept++] = d;
    else partial[d] = 0;
  }
  return kept;
}

/**
 * The `depth` chunks best by partial sum plus their article's share bound, kept as the lists are read:
 * after a list the best are looked for among the previous best and that list's chunks (the others'
 * guesses did not grow). Any `depth` chunks would do, good guesses only make the bar higher: their
 * exact scores (memoised: they do not change) give a score `depth` chunks reach.
 */
class Leaders {
  private best: number[] = [];

  constructor(
    private readonly index: LoadedIndex,
    private readonly s: IndexState,
    private readonly exact: ExactScores,
    private readonly shares: ShareBounds,
    private readonly depth: number,
  ) {}

  update(docs: Uint32Array): void {
    const { partial } = this.s;
    const chunkArticle = this.index.chunkArticle;
    const shares = this.shares;
    if (this.s.pool.length < docs.length + this.best.length) {
      this.s.pool = new Uint32Array(this.index.chunks.length + this.depth);
      this.s.guess = new Float32Array(this.index.chunks.length + this.depth);
    }
    const { pool, guess } = this.s;
    // A chunk of the list enters only above the least leader (their guesses changed too: read them again).
    let n = 0;
    let least = this.best.length < this.depth ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (const d of this.best) {
      const g = partial[d]! + shares.of(chunkArticle[d]!);
      least = Math.min(least, g);
      pool[n] = d;
      guess[n++] = g;
    }
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const g = partial[d]! + shares.of(chunkArticle[d]!);
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
    const { partial } = this.s;
    const guess = (d: number) => partial[d]! + this.shares.of(this.index.chunkArticle[d]!);
    for (const d of unscored.sort((x, y) => guess(x) - guess(y))) if ((least = Math.min(least, this.exact.score(d))) <= floor) return null;
    return least;
  }
}

/** Where gatherCounts() leaves a term's frequency and chunk count in an article. */
const counted = { tf: 0, df: 0 };

/**
 * A pass's exact first-stage scores of single chunks and of articles, the values fullTop computes,
 * memoised (asked again and again).
 */
class ExactScores {
  /**
   * This pass's number: its memo lives in the index state's arrays (a Map of thousands of chunks cost
   * more than the scores), valid where a chunk or article carries it. A pass asked after the next one
   * began only finds its entries overwritten, and computes them again.
   */
  private readonly pass: number;
  /** The question's terms found in the index, in the question's order (the order scores are summed in). */
  readonly terms: PassTerm[];
  readonly present: TermMatch[];

  constructor(
    private readonly index: LoadedIndex,
    private readonly s: IndexState,
    all: ReadonlyArray<PassTerm | null>,
  ) {
    this.pass = ++s.passes;
    this.terms = all.filter((t): t is PassTerm => t !== null);
    this.present = this.terms.map((t) => t.match);
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
    return Math.fround(c + ARTICLE_WEIGHT * this.articleScore(a) + TITLE_WEIGHT * this.s.titleScore[a]!);
  }

  /**
   * The article's BM25 over the question's terms, summed in their order into a Float32 as fullTop's
   * per-article loop sums it (a term the article lacks adds nothing, so skipping it changes no bit).
   */
  articleScore(article: number): number {
    const s = this.s;
    if (s.articlePass[article] === this.pass) return s.articleScore[article]!;
    const k1p1 = DEFAULT_BM25.k1 + 1;
    const norm = s.stats.norm[article]!;
    let score = 0;
    for (const t of this.terms) {
      const tf = this.articleCounts(t, article).tf;
      if (tf > 0) score = Math.fround(score + t.articleWeight * ((tf * k1p1) / (tf + norm)));
    }
    s.articlePass[article] = this.pass;
    s.articleScore[article] = score;
    return score;
  }

  /**
   * The term's frequency and chunk count in the article: from its sums when kept, else gathered from
   * the article's chunks in its postings (a few searches, not a pass over a common term's list).
   */
  articleCounts(t: PassTerm, article: number): { tf: number; df: number } {
    const sums = t.sums;
    if (sums) {
      const at = indexOfSorted(sums.articles, article);
      counted.tf = at < 0 ? 0 : sums.articleTf[at]!;
      counted.df = at < 0 ? 0 : sums.articleDf[at]!;
      return counted;
    }
    const { docs, tfs } = t.match;
    const { chunkStart, articleChunks } = this.s;
    let tf = 0;
    let df = 0;
    let p = 0;
    for (let k = chunkStart[article]!; k < chunkStart[article + 1]!; k++) {
      const c = articleChunks[k]!;
      p = k === chunkStart[article] ? lowerBound(docs, c) : seek(docs, p, c);
      if (p === docs.length) break;
      if (docs[p] !== c) continue;
      tf += tfs[p]!;
      df++;
    }
    counted.tf = tf;
    counted.df = df;
    return counted;
  }

  /** Every article's score at once (every list was read whole, so every term's sums are at hand), as the memo. */
  allArticleScores(): Float32Array {
    const s = this.s;
    const { articleScore, articlePass } = s;
    const norm = s.stats.norm;
    const k1p1 = DEFAULT_BM25.k1 + 1;
    articleScore.fill(0);
    for (const t of this.terms) {
      const sums = sumsFor(this.index, s, t);
      const w = t.articleWeight;
      for (let k = 0; k < sums.articles.length; k++) {
        const a = sums.articles[k]!;
        const tf = sums.articleTf[k]!;
        articleScore[a]! += w * ((tf * k1p1) / (tf + norm[a]!));
      }
    }
    articlePass.fill(this.pass);
    return articleScore;
  }
}

/** The first position in the sorted `docs` whose document is ≥ `doc` (binary search). */
function lowerBound(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

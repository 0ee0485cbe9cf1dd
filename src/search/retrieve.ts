/**
 * Retrieval: keyword (BM25 over paragraphs, helped by the article they sit in), dense (HNSW), and
 * their fusion, plus a confidence in [0, 1] per candidate that decides whether to answer at all.
 *
 * Confidence is "how much of the question's information the passage holds": the IDF-weighted share
 * of the question's content syllables (and of its syllable pairs the corpus knows) found in the
 * paragraph (full credit) or elsewhere in its article (half credit). A syllable the corpus has never
 * seen weighs the most, so "Giá vàng SJC hôm nay?" scores low against reports that never mention gold.
 */
import type { SearchMode } from '../answer/types.js';
import type { DenseCalibration } from '../embed/calibration.js';
import type { LoadedIndex } from '../index/load.js';
import { KeywordIndex, type TermMatch } from './keyword-index.js';
import type { AnalyzedQuery } from './query.js';
import { PAIR_SEP, indexTerms, isPair, tokenize } from './text.js';
import { statesCount } from './query.js';
import { splitSentences } from '../chunk/sentences.js';
import { topK } from './topk.js';

export interface RetrieveOptions {
  mode: SearchMode;
  /** Candidates kept from each retriever before fusion. */
  depth: number;
  keywordWeight: number;
  /** Null: the model's calibrated weight. */
  vectorWeight: number | null;
  /** How to read the model's cosine similarities (src/embed/calibration.ts); null without a model. */
  dense: DenseCalibration | null;
}

export interface Candidate {
  chunk: number;
  article: number;
  /** Fused score, higher is better. */
  score: number;
  keywordScore: number;
  keywordRank: number | null;
  cosine: number | null;
  vectorRank: number | null;
  coverage: number;
  windowCoverage: number;
  /** Sentence indices (splitSentences of the chunk text) of the window that covers the question best. */
  window: { first: number; last: number } | null;
  confidence: number;
}

/** Weight of the article's BM25 and its title's in a paragraph's first-stage keyword score. */
const ARTICLE_WEIGHT = 0.3;
const TITLE_WEIGHT = 0.3;
/** Credit for a question term the passage lacks but its article's title has (see contextCredit). */
const ARTICLE_CREDIT = 0.9;
/** The same for a term of the article's lead paragraph (who, where, when). */
const LEAD_CREDIT = 0.7;
/** For "bao nhiêu X" questions, the share of the question that "<number> X" in the passage is worth. */
const COUNT_SHARE = 0.2;
/** Keyword-mode ranking: best sentence window first, then the whole paragraph, then raw BM25. */
const WINDOW_WEIGHT = 1;
const PARAGRAPH_WEIGHT = 0.25;
const BM25_WEIGHT = 0.15;
/** Two sentences hold more words by chance than one: a slight discount keeps quotes tight. */
const PAIR_WINDOW_DISCOUNT = 0.9;
const UNSEEN_PAIR_SHARE = 0.5;
/** A caption names who is in a photo; it answers only when no paragraph does about as well. */
const CAPTION_FACTOR = 0.9;
/** Weight of a syllable whose two-syllable word (a pair the corpus knows) is also in the question. */
const SYLLABLE_IN_WORD_SHARE = 0.5;

interface ArticleStats {
  len: Float32Array;
  avg: number;
  /** Chunks per article. */
  chunks: Uint32Array;
}
const articleStatsCache = new WeakMap<LoadedIndex, ArticleStats>();

function articleStats(index: LoadedIndex): ArticleStats {
  let s = articleStatsCache.get(index);
  if (!s) {
    const len = new Float32Array(index.articles.length);
    const chunks = new Uint32Array(index.articles.length);
    for (let c = 0; c < index.chunks.length; c++) {
      len[index.chunkArticle[c]!]! += index.keyword.docLength(c);
      chunks[index.chunkArticle[c]!]!++;
    }
    const avg = len.reduce((a, b) => a + b, 0) / (len.length || 1);
    s = { len, avg, chunks };
    articleStatsCache.set(index, s);
  }
  return s;
}

interface KeywordPass {
  matches: Array<TermMatch | null>;
  /** Per match: article ordinal -> number of its chunks holding the term. */
  articleDf: Array<Uint32Array | null>;
  stats: ArticleStats;
  titleMatches: Array<TermMatch | null>;
  leadMatches: Array<TermMatch | null>;
  scores: Float32Array;
}

function keywordPass(index: LoadedIndex, q: AnalyzedQuery): KeywordPass {
  const { keyword, titles, chunkArticle } = index;
  const matches = q.terms.map((t) => keyword.match(t));
  const titleMatches = q.terms.map((t) => titles.match(t));
  const leadMatches = q.terms.map((t) => index.leads.match(t));
  const present = matches.filter((m): m is TermMatch => m !== null);
  const scores = new Float32Array(keyword.docCount);
  keyword.accumulate(present, scores);

  // Article-level BM25 from the same postings: a paragraph that answers "… Hải Phòng có bao nhiêu
  // đảng viên?" often names the place only in its article's lead.
  const stats = articleStats(index);
  const nArticles = index.articles.length;
  const articleScore = new Float32Array(nArticles);
  // Per term: article ordinal -> its chunks holding the term. Typed arrays, not Maps: a common term's
  // posting list runs to tens of thousands of chunks in a large corpus (same sums, same order per article).
  const articleDf: Array<Uint32Array | null> = [];
  const tf = new Float64Array(nArticles);
  const touched = new Uint32Array(nArticles);
  for (const m of matches) {
    if (!m) {
      articleDf.push(null);
      continue;
    }
    const df = new Uint32Array(nArticles);
    let size = 0;
    for (let i = 0; i < m.docs.length; i++) {
      const a = chunkArticle[m.docs[i]!]!;
      if (df[a] === 0) touched[size++] = a;
      tf[a]! += m.tfs[i]!;
      df[a]!++;
    }
    articleDf.push(df);
    const idf = Math.log(1 + (nArticles - size + 0.5) / (size + 0.5));
    for (let k = 0; k < size; k++) {
      const a = touched[k]!;
      const n = tf[a]!;
      tf[a] = 0;
      const norm = 1.2 * (0.25 + (0.75 * stats.len[a]!) / (stats.avg || 1));
      articleScore[a]! += (m.term.weight * idf * n * 2.2) / (n + norm);
    }
  }
  const titleScore = new Float32Array(nArticles);
  titles.accumulate(titleMatches.filter((m): m is TermMatch => m !== null), titleScore);

  for (let d = 0; d < scores.length; d++) {
    if (scores[d]! > 0) {
      const a = chunkArticle[d]!;
      scores[d] = scores[d]! + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
    }
  }

  return { matches, articleDf, stats, titleMatches, leadMatches, scores };
}

/** The question's terms with the weight each carries in coverage (see the header comment). */
interface CoverageTerm {
  term: string;
  weight: number;
  /** Index into pass.matches, or -1 when the corpus lacks the term. */
  match: number;
}

function coverageTerms(index: LoadedIndex, q: AnalyzedQuery, pass: KeywordPass): { terms: CoverageTerm[]; mass: number; countWeight: number } {
  const terms: CoverageTerm[] = [];
  let mass = 0;
  q.terms.forEach((t, i) => {
    const m = pass.matches[i] ?? null;
    // A pair the corpus never has may be no word at all ("quan thành" in "cơ quan thành phố"), or a
    // concept the reports lack ("Hà Nội"): it counts, at a fraction of an unseen syllable.
    const unseen = isPair(t.term) ? UNSEEN_PAIR_SHARE * index.keyword.unseenIdf : index.keyword.unseenIdf;
    const weight = (m ? m.idf : unseen) * Math.min(t.weight, 2);
    terms.push({ term: t.term, weight, match: m ? i : -1 });
  });
  // A syllable of a two-syllable word the corpus knows ("viên" of "đảng viên") is weak evidence on its
  // own: "Ủy viên … Trung ương Đảng" holds both syllables and not the word. The word carries the weight.
  const inKnownPair = new Set<string>();
  for (const t of terms) if (t.match >= 0 && isPair(t.term)) for (const part of t.term.split(PAIR_SEP)) inKnownPair.add(part);
  for (const t of terms) {
    if (!isPair(t.term) && inKnownPair.has(t.term)) t.weight *= SYLLABLE_IN_WORD_SHARE;
    mass += t.weight;
  }
  // The number is the answer: stating it weighs at least a fifth of the question ("4.466 đảng viên"
  // answers, "Ủy viên … Đảng" does not).
  let countWeight = 0;
  if (q.countUnit) {
    const unitTerms = new Set([...q.countUnit, q.countUnit.join(PAIR_SEP)]);
    for (const t of terms) if (unitTerms.has(t.term)) countWeight = Math.max(countWeight, t.weight);
    if (countWeight > 0) countWeight = Math.max(countWeight, COUNT_SHARE * mass);
  }
  return { terms, mass, countWeight };
}

/**
 * Credit a passage gets for a question term it lacks but its article has. What the whole report is
 * about (its title, or a term most of its paragraphs repeat: the committee, the city) is implied in
 * every paragraph; a term only a few paragraphs hold ("kết nạp") is what the question asks about,
 * and a paragraph without it does not answer.
 */
function contextCredit(pass: KeywordPass, match: number, article: number): number {
  const tm = pass.titleMatches[match];
  if (tm && KeywordIndex.contains(tm, article)) return ARTICLE_CREDIT;
  const df = pass.articleDf[match]?.[article] ?? 0;
  if (df === 0) return 0;
  const prevalence = ARTICLE_CREDIT * Math.min(1, df / Math.max(1, pass.stats.chunks[article]!));
  const lm = pass.leadMatches[match];
  return lm && KeywordIndex.contains(lm, article) ? Math.max(LEAD_CREDIT, prevalence) : prevalence;
}

interface Coverage {
  paragraph: number;
  /** Best window of one or two consecutive sentences. */
  window: number;
  /** That window, as indices into splitSentences(text): what the answer should quote. */
  first: number;
  last: number;
}

function coverage(q: AnalyzedQuery, pass: KeywordPass, cov: { terms: CoverageTerm[]; mass: number; countWeight: number }, text: string, article: number): Coverage {
  if (cov.mass <= 0) return { paragraph: 0, window: 0, first: 0, last: 0 };
  const sentences = splitSentences(text).map((s) => {
    const tokens = tokenize(text.slice(s.start, s.end));
    return { terms: new Set(indexTerms(tokens, q.unaccented)), counts: q.countUnit ? statesCount(tokens, q.countUnit, q.unaccented) : false };
  });
  // A counting question's "<number> <unit>" is one more thing the answer must hold.
  const mass = cov.mass + cov.countWeight;
  const score = (has: (t: string) => boolean, counts: boolean) => {
    let got = counts ? cov.countWeight : 0;
    for (const t of cov.terms) {
      if (t.match < 0) continue;
      if (has(t.term)) got += t.weight;
      else got += contextCredit(pass, t.match, article) * t.weight;
    }
    return got / mass;
  };
  const paragraph = score((t) => sentences.some((s) => s.terms.has(t)), sentences.some((s) => s.counts));
  let best = { window: 0, first: 0, last: 0 };
  for (let i = 0; i < sentences.length; i++) {
    const a = sentences[i]!;
    const one = score((t) => a.terms.has(t), a.counts);
    if (one > best.window) best = { window: one, first: i, last: i };
    const b = sentences[i + 1];
    if (!b) continue;
    const two = PAIR_WINDOW_DISCOUNT * score((t) => a.terms.has(t) || b.terms.has(t), a.counts || b.counts);
    if (two > best.window) best = { window: two, first: i, last: i + 1 };
  }
  return { paragraph, ...best };
}

export interface Retrieval {
  /** Best first. */
  candidates: Candidate[];
  /** IDF of each query term found in the index (for picking the sentence that answers). */
  termWeights: Map<string, number>;
}

export function retrieve(index: LoadedIndex, q: AnalyzedQuery, queryVector: Float32Array | null, opts: RetrieveOptions): Retrieval {
  const useKeyword = opts.mode !== 'vector';
  const useVector = opts.mode !== 'keyword' && queryVector !== null && index.vectors !== null;
  const pass = keywordPass(index, q);

  const byChunk = new Map<number, Candidate>();
  const get = (chunk: number): Candidate => {
    let c = byChunk.get(chunk);
    if (!c) {
      c = { chunk, article: index.chunkArticle[chunk]!, score: 0, keywordScore: pass.scores[chunk]!, keywordRank: null, cosine: null, vectorRank: null, coverage: 0, windowCoverage: 0, window: null, confidence: 0 };
      byChunk.set(chunk, c);
    }
    return c;
  };

  if (useKeyword) {
    topK(pass.scores, opts.depth).forEach((chunk, rank) => {
      get(chunk).keywordRank = rank + 1;
    });
  }
  if (useVector) {
    const k = Math.min(opts.depth, index.vectors!.getCurrentCount());
    if (k > 0) {
      const res = index.vectors!.searchKnn(Array.from(queryVector!), k);
      res.neighbors.forEach((label, rank) => {
        const chunk = index.labelToChunk.get(label);
        if (chunk === undefined) return;
        const c = get(chunk);
        c.vectorRank = rank + 1;
        c.cosine = 1 - res.distances[rank]!;
      });
    }
  }

  const out = [...byChunk.values()];
  const cov = coverageTerms(index, q, pass);
  let maxKeyword = 0;
  for (const c of out) maxKeyword = Math.max(maxKeyword, c.keywordScore);
  const dense = useVector ? opts.dense : null;
  const vectorWeight = opts.vectorWeight ?? dense?.weight ?? 0;
  for (const c of out) {
    const cv = coverage(q, pass, cov, index.chunks[c.chunk]!.text, c.article);
    c.coverage = cv.paragraph;
    c.windowCoverage = cv.window;
    if (cv.window > 0) c.window = { first: cv.first, last: cv.last };
    // Paragraph BM25 finds the place; the best one-or-two-sentence window says whether one sentence
    // there answers, which long report paragraphs otherwise drown.
    const keywordSide = WINDOW_WEIGHT * cv.window + PARAGRAPH_WEIGHT * cv.paragraph + BM25_WEIGHT * (maxKeyword > 0 ? c.keywordScore / maxKeyword : 0);
    if (dense && c.cosine === null) c.cosine = cosineOf(index, c.chunk, queryVector!);
    const denseConf = dense && c.cosine !== null ? clamp01((c.cosine - dense.lo) / (dense.hi - dense.lo)) : 0;
    c.confidence = dense?.vouches ? Math.max(c.coverage, denseConf) : c.coverage;
    if (opts.mode === 'vector') c.score = c.cosine ?? 0;
    else {
      c.score = (useKeyword ? opts.keywordWeight * keywordSide : 0) + vectorWeight * denseConf;
      if (index.chunks[c.chunk]!.kind === 'caption') c.score *= CAPTION_FACTOR;
    }
  }
  const termWeights = new Map<string, number>();
  pass.matches.forEach((m) => m && termWeights.set(m.term.term, m.idf));
  const candidates = out.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  return { candidates, termWeights };
}

/** Cosine of a chunk found by keywords only, read back from the HNSW graph (vectors are unit length). */
function cosineOf(index: LoadedIndex, chunk: number, q: Float32Array): number | null {
  try {
    const v = index.vectors!.getPoint(index.chunks[chunk]!.label);
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * q[i]!;
    return dot;
  } catch {
    return null;
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

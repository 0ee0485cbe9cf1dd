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
import type { LoadedIndex } from '../index/load.js';
import { KeywordIndex, type TermMatch } from './keyword-index.js';
import type { AnalyzedQuery } from './query.js';
import { isPair } from './text.js';
import { topK } from './topk.js';

export interface RetrieveOptions {
  mode: SearchMode;
  /** Candidates kept from each retriever before fusion. */
  depth: number;
  keywordWeight: number;
  vectorWeight: number;
  rrfK: number;
  /** Maps cosine similarity to a confidence: (cos - lo) / (hi - lo); null: dense scores never vouch alone. */
  denseCalibration: { lo: number; hi: number } | null;
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
  confidence: number;
}

/** Weight of the article's BM25 and its title's in a paragraph's keyword score. */
const ARTICLE_WEIGHT = 0.3;
const TITLE_WEIGHT = 0.3;
const ARTICLE_CREDIT = 0.5;

interface ArticleStats {
  len: Float32Array;
  avg: number;
}
const articleStatsCache = new WeakMap<LoadedIndex, ArticleStats>();

function articleStats(index: LoadedIndex): ArticleStats {
  let s = articleStatsCache.get(index);
  if (!s) {
    const len = new Float32Array(index.articles.length);
    for (let c = 0; c < index.chunks.length; c++) len[index.chunkArticle[c]!]! += index.keyword.docLength(c);
    const avg = len.reduce((a, b) => a + b, 0) / (len.length || 1);
    s = { len, avg };
    articleStatsCache.set(index, s);
  }
  return s;
}

interface KeywordPass {
  matches: Array<TermMatch | null>;
  /** Per match: article ordinal -> summed term frequency. */
  articleTf: Array<Map<number, number> | null>;
  titleMatches: Array<TermMatch | null>;
  scores: Float32Array;
}

function keywordPass(index: LoadedIndex, q: AnalyzedQuery): KeywordPass {
  const { keyword, titles, chunkArticle } = index;
  const matches = q.terms.map((t) => keyword.match(t));
  const titleMatches = q.terms.map((t) => titles.match(t));
  const present = matches.filter((m): m is TermMatch => m !== null);
  const scores = new Float32Array(keyword.docCount);
  keyword.accumulate(present, scores);

  // Article-level BM25 from the same postings: a paragraph that answers "… Hải Phòng có bao nhiêu
  // đảng viên?" often names the place only in its article's lead.
  const stats = articleStats(index);
  const nArticles = index.articles.length;
  const articleScore = new Float32Array(nArticles);
  const articleTf = matches.map((m) => {
    if (!m) return null;
    const tf = new Map<number, number>();
    for (let i = 0; i < m.docs.length; i++) {
      const a = chunkArticle[m.docs[i]!]!;
      tf.set(a, (tf.get(a) ?? 0) + m.tfs[i]!);
    }
    const idf = Math.log(1 + (nArticles - tf.size + 0.5) / (tf.size + 0.5));
    for (const [a, n] of tf) {
      const norm = 1.2 * (0.25 + (0.75 * stats.len[a]!) / (stats.avg || 1));
      articleScore[a]! += (m.term.weight * idf * n * 2.2) / (n + norm);
    }
    return tf;
  });
  const titleScore = new Float32Array(nArticles);
  titles.accumulate(titleMatches.filter((m): m is TermMatch => m !== null), titleScore);

  for (let d = 0; d < scores.length; d++) {
    if (scores[d]! > 0) {
      const a = chunkArticle[d]!;
      scores[d] = scores[d]! + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
    }
  }
  return { matches, articleTf, titleMatches, scores };
}

function coverage(index: LoadedIndex, q: AnalyzedQuery, pass: KeywordPass, chunk: number, article: number): number {
  let total = 0;
  let got = 0;
  q.terms.forEach((t, i) => {
    const m = pass.matches[i] ?? null;
    const pair = isPair(t.term);
    if (pair && !m) return; // a pair the corpus never has is often not a word at all
    const w = (m ? m.idf : index.keyword.unseenIdf) * Math.min(t.weight, 2);
    total += w;
    if (!m) return;
    if (KeywordIndex.contains(m, chunk)) got += w;
    else if (pass.articleTf[i]?.has(article)) got += ARTICLE_CREDIT * w;
    else {
      const tm = pass.titleMatches[i];
      if (tm && KeywordIndex.contains(tm, article)) got += ARTICLE_CREDIT * w;
    }
  });
  return total > 0 ? got / total : 0;
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
      c = { chunk, article: index.chunkArticle[chunk]!, score: 0, keywordScore: pass.scores[chunk]!, keywordRank: null, cosine: null, vectorRank: null, coverage: 0, confidence: 0 };
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
  const fused = useKeyword && useVector;
  for (const c of out) {
    c.coverage = coverage(index, q, pass, c.chunk, c.article);
    const dense = c.cosine !== null && opts.denseCalibration ? clamp01((c.cosine - opts.denseCalibration.lo) / (opts.denseCalibration.hi - opts.denseCalibration.lo)) : 0;
    c.confidence = Math.max(c.coverage, dense);
    if (fused) {
      c.score = (c.keywordRank ? opts.keywordWeight / (opts.rrfK + c.keywordRank) : 0) + (c.vectorRank ? opts.vectorWeight / (opts.rrfK + c.vectorRank) : 0);
    } else if (useKeyword) {
      c.score = c.keywordScore;
    } else {
      c.score = c.cosine ?? 0;
    }
  }
  const termWeights = new Map<string, number>();
  pass.matches.forEach((m) => m && termWeights.set(m.term.term, m.idf));
  const candidates = out.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  return { candidates, termWeights };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

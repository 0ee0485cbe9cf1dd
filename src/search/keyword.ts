/**
 * Keyword retriever: BM25 over paragraphs, helped by the article they sit in (its whole text and its
 * title), since a paragraph that answers "… Hải Phòng có bao nhiêu đảng viên?" often names the place
 * only in its article's lead.
 */
import { bm25Saturate, idf, type TermMatch } from '../index/keyword-index.js';
import type { LoadedIndex } from '../index/load.js';
import type { AnalyzedQuery } from './analyse.js';

/** Weight of the article's BM25 and its title's in a paragraph's first-stage keyword score. */
const ARTICLE_WEIGHT = 0.3;
const TITLE_WEIGHT = 0.3;

export interface ArticleStats {
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

export interface KeywordPass {
  matches: Array<TermMatch | null>;
  /** Per match: article ordinal -> number of its chunks holding the term. */
  articleDf: Array<Uint32Array | null>;
  stats: ArticleStats;
  titleMatches: Array<TermMatch | null>;
  leadMatches: Array<TermMatch | null>;
  /** Per chunk: paragraph BM25 plus the article's and its title's share. */
  scores: Float32Array;
  /** Per chunk: the paragraph's own BM25. */
  chunkScores: Float32Array;
}

export function keywordPass(index: LoadedIndex, q: AnalyzedQuery): KeywordPass {
  const { keyword, titles, chunkArticle } = index;
  const matches = q.terms.map((t) => keyword.match(t));
  const titleMatches = q.terms.map((t) => titles.match(t));
  const leadMatches = q.terms.map((t) => index.leads.match(t));
  const present = matches.filter((m): m is TermMatch => m !== null);
  const scores = new Float32Array(keyword.docCount);
  keyword.accumulate(present, scores);
  const chunkScores = scores.slice();

  // Article-level BM25 from the same postings (an article is the sum of its chunks).
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
    const w = m.term.weight * idf(nArticles, size);
    for (let k = 0; k < size; k++) {
      const a = touched[k]!;
      const n = tf[a]!;
      tf[a] = 0;
      articleScore[a]! += w * bm25Saturate(n, stats.len[a]!, stats.avg);
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
  return { matches, articleDf, stats, titleMatches, leadMatches, scores, chunkScores };
}

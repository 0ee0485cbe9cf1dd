/**
 * Keyword retriever: BM25 over paragraphs, helped by the article they sit in (its whole text and its
 * title), since a paragraph that answers "… Hải Phòng có bao nhiêu đảng viên?" often names the place
 * only in its article's lead.
 */
import { bm25Saturate, idf, type QueryTerm, type TermMatch } from '../index/keyword-index.js';
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

/** A term's postings in the keyword index and what they sum to per article (one pass over the postings). */
interface TermPostings {
  idf: number;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Articles holding the term, sorted; the term's frequency and chunk count in each. */
  articles: Uint32Array;
  articleTf: Uint32Array;
  articleDf: Uint32Array;
}

/**
 * Per loaded index: article statistics and scratch arrays a question's pass reuses.
 * Retrieval runs one question at a time to completion (it is synchronous), and nothing keeps a
 * scratch array past retrieve(): the candidates copy the scores they need.
 */
interface IndexState {
  stats: ArticleStats;
  scores: Float32Array;
  chunkScores: Float32Array;
  articleScore: Float32Array;
  titleScore: Float32Array;
  /** Per article, zero between uses: a term's frequency and chunk count while its postings are summed. */
  tf: Float64Array;
  df: Uint32Array;
  touched: Uint32Array;
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
    const docCount = index.keyword.docCount;
    s = {
      stats: { len, avg, chunks },
      scores: new Float32Array(docCount),
      chunkScores: new Float32Array(docCount),
      articleScore: new Float32Array(nArticles),
      titleScore: new Float32Array(nArticles),
      tf: new Float64Array(nArticles),
      df: new Uint32Array(nArticles),
      touched: new Uint32Array(nArticles),
    };
    states.set(index, s);
  }
  return s;
}

/** The term's postings and their per-article sums. */
function postingsOf(index: LoadedIndex, s: IndexState, q: QueryTerm): TermPostings | null {
  const m = index.keyword.match(q);
  if (!m) return null;
  const { chunkArticle } = index;
  const { tf, df, touched } = s;
  const { docs, tfs } = m;
  let size = 0;
  // Postings come in document order, and an article's chunks mostly follow each other: sum a run of
  // one article's postings before touching the per-article arrays.
  for (let i = 0; i < docs.length; ) {
    const a = chunkArticle[docs[i]!]!;
    let n = tfs[i]!;
    let c = 1;
    for (i++; i < docs.length && chunkArticle[docs[i]!] === a; i++) {
      n += tfs[i]!;
      c++;
    }
    if (df[a] === 0) touched[size++] = a;
    tf[a]! += n;
    df[a]! += c;
  }
  // Sorted: a sort when few, else read off `df` in order (a common syllable is in most articles).
  let articles: Uint32Array;
  if (size * 16 < df.length) articles = touched.slice(0, size).sort();
  else {
    articles = new Uint32Array(size);
    for (let a = 0, k = 0; a < df.length; a++) if (df[a] !== 0) articles[k++] = a;
  }
  const articleTf = new Uint32Array(size);
  const articleDf = new Uint32Array(size);
  for (let k = 0; k < size; k++) {
    const a = articles[k]!;
    articleTf[k] = tf[a]!;
    articleDf[k] = df[a]!;
    tf[a] = 0;
    df[a] = 0;
  }
  return { idf: m.idf, docs: m.docs, tfs: m.tfs, articles, articleTf, articleDf };
}

export interface KeywordPass {
  matches: Array<TermMatch | null>;
  /** Per match: the number of the article's chunks holding the term. */
  articleDf(match: number, article: number): number;
  stats: ArticleStats;
  titleMatches: Array<TermMatch | null>;
  leadMatches: Array<TermMatch | null>;
  /** Per chunk: paragraph BM25 plus the article's and its title's share. Valid until the next pass. */
  scores: Float32Array;
  /** Per chunk: the paragraph's own BM25. Valid until the next pass. */
  chunkScores: Float32Array;
}

export function keywordPass(index: LoadedIndex, q: AnalyzedQuery): KeywordPass {
  const { keyword, titles, chunkArticle } = index;
  const s = stateOf(index);
  const postings = q.terms.map((t) => postingsOf(index, s, t));
  const matches = postings.map((p, i): TermMatch | null => p && { term: q.terms[i]!, idf: p.idf, docs: p.docs, tfs: p.tfs });
  const titleMatches = q.terms.map((t) => titles.match(t));
  const leadMatches = q.terms.map((t) => index.leads.match(t));
  const present = matches.filter((m): m is TermMatch => m !== null);
  const { scores, chunkScores, articleScore, titleScore, stats } = s;
  chunkScores.fill(0);
  keyword.accumulate(present, chunkScores);

  // Article-level BM25 from the same postings (an article is the sum of its chunks).
  const nArticles = index.articles.length;
  articleScore.fill(0);
  postings.forEach((p, i) => {
    if (!p) return;
    const w = q.terms[i]!.weight * idf(nArticles, p.articles.length);
    for (let k = 0; k < p.articles.length; k++) {
      const a = p.articles[k]!;
      articleScore[a]! += w * bm25Saturate(p.articleTf[k]!, stats.len[a]!, stats.avg);
    }
  });
  titleScore.fill(0);
  titles.accumulate(titleMatches.filter((m): m is TermMatch => m !== null), titleScore);

  for (let d = 0; d < scores.length; d++) {
    const c = chunkScores[d]!;
    if (c > 0) {
      const a = chunkArticle[d]!;
      scores[d] = c + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]!;
    } else scores[d] = c;
  }
  const articleDf = (match: number, article: number): number => {
    const p = postings[match];
    if (!p) return 0;
    const list = p.articles;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]!;
      if (v === article) return p.articleDf[mid]!;
      if (v < article) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };
  return { matches, articleDf, stats, titleMatches, leadMatches, scores, chunkScores };
}

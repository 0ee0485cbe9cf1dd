/**
 * Retrieval pipeline: analysed question -> keyword and dense retrievers -> fusion -> confidence.
 * Each stage lives in its own file with its constants; this file only wires them.
 */
import type { LoadedIndex } from '../index/load.js';
import type { AnalyzedQuery } from './analyse.js';
import { NO_ANSWER_CAP, coverage, coverageModel } from './confidence.js';
import { cosineOf, denseConfidence, denseSearch } from './dense.js';
import { fuse } from './fusion.js';
import { keywordPass } from './keyword.js';
import type { Candidate, Retrieval, RetrieveOptions } from './types.js';

export function retrieve(index: LoadedIndex, q: AnalyzedQuery, queryVector: Float32Array | null, opts: RetrieveOptions): Retrieval {
  const useKeyword = opts.mode !== 'vector';
  const useVector = opts.mode !== 'keyword' && queryVector !== null && index.vectors !== null;
  const pass = keywordPass(index, q, opts.depth);

  const byChunk = new Map<number, Candidate>();
  const get = (chunk: number): Candidate => {
    let c = byChunk.get(chunk);
    if (!c) {
      c = { chunk, article: index.chunkArticle[chunk]!, score: 0, keywordScore: pass.score(chunk), keywordRank: null, cosine: null, vectorRank: null, coverage: 0, windowCoverage: 0, window: null, confidence: 0 };
      byChunk.set(chunk, c);
    }
    return c;
  };
  if (useKeyword) pass.top.forEach((chunk, rank) => (get(chunk).keywordRank = rank + 1));
  if (useVector) {
    for (const hit of denseSearch(index, queryVector!, opts.depth)) {
      const c = get(hit.chunk);
      c.vectorRank = hit.rank;
      c.cosine = hit.cosine;
    }
  }

  const out = [...byChunk.values()];
  const model = coverageModel(index, q, pass);
  let maxKeyword = 0;
  let maxChunk = 0;
  for (const c of out) {
    maxKeyword = Math.max(maxKeyword, c.keywordScore);
    maxChunk = Math.max(maxChunk, pass.chunkScore(c.chunk));
  }
  const neighbours = (chunk: number, article: number) => {
    let s = 0;
    if (chunk > 0 && index.chunkArticle[chunk - 1] === article) s += pass.chunkScore(chunk - 1);
    if (chunk + 1 < index.chunks.length && index.chunkArticle[chunk + 1] === article) s += pass.chunkScore(chunk + 1);
    return maxChunk > 0 ? s / maxChunk : 0;
  };
  const dense = useVector ? opts.dense : null;
  const vectorWeight = opts.vectorWeight ?? dense?.weight ?? 0;
  for (const c of out) {
    const cv = coverage(q, pass, model, index.chunks[c.chunk]!.text, c.article);
    c.coverage = cv.paragraph;
    c.windowCoverage = cv.window;
    if (cv.window > 0) c.window = { first: cv.first, last: cv.last };
    if (dense && c.cosine === null) c.cosine = cosineOf(index, c.chunk, queryVector!);
    const denseConf = dense ? denseConfidence(c.cosine, dense) : 0;
    c.confidence = dense?.vouches ? Math.max(c.coverage, denseConf) : c.coverage;
    if (cv.answerMissing) c.confidence = Math.min(c.confidence, NO_ANSWER_CAP);
    c.score =
      opts.mode === 'vector'
        ? (c.cosine ?? 0)
        : fuse(
            { coverage: cv, bm25Share: maxKeyword > 0 ? c.keywordScore / maxKeyword : 0, neighbourShare: neighbours(c.chunk, c.article), denseConfidence: denseConf, isCaption: index.chunks[c.chunk]!.kind === 'caption' },
            opts.keywordWeight,
            vectorWeight,
            useKeyword,
          );
  }
  const termWeights = new Map<string, number>();
  pass.matches.forEach((m) => m && termWeights.set(m.term.term, m.idf));
  const candidates = out.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  return { candidates, termWeights };
}

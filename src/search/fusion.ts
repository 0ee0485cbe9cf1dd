/**
 * Fusion: one score per candidate from the keyword side (best sentence window, whole paragraph, raw
 * BM25) and the dense side (calibrated cosine). A calibrated blend rather than rank fusion, so that a
 * weak model's weight can be set small enough never to pull keyword results down.
 */
import type { Coverage } from './confidence.js';

/** Keyword-side ranking: best sentence window first, then the whole paragraph, then raw BM25. */
const WINDOW_WEIGHT = 1;
const PARAGRAPH_WEIGHT = 0.25;
const BM25_WEIGHT = 0.15;
/** A caption names who is in a photo; it answers only when no paragraph does about as well. */
const CAPTION_FACTOR = 0.9;

export interface FusionInput {
  coverage: Coverage;
  /** The candidate's BM25 over the best BM25 among candidates, in [0, 1]. */
  bm25Share: number;
  denseConfidence: number;
  isCaption: boolean;
}

export function fuse(x: FusionInput, keywordWeight: number, vectorWeight: number, useKeyword: boolean): number {
  // Paragraph BM25 finds the place; the best one-or-two-sentence window says whether one sentence
  // there answers, which long report paragraphs otherwise drown.
  const keywordSide = WINDOW_WEIGHT * x.coverage.window + PARAGRAPH_WEIGHT * x.coverage.paragraph + BM25_WEIGHT * x.bm25Share;
  const score = (useKeyword ? keywordWeight * keywordSide : 0) + vectorWeight * x.denseConfidence;
  return x.isCaption ? score * CAPTION_FACTOR : score;
}

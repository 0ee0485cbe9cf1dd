/**
 * Fusion: one score per candidate from the keyword side (best sentence window, whole paragraph, raw
 * BM25) and the dense side (calibrated cosine). A calibrated blend rather than rank fusion, so that a
 * weak model's weight can be set small enough never to pull keyword results down.
 */
import type { Coverage } from './confidence.js';

/**
 * Keyword-side ranking: how much of the question the best sentence window and the whole paragraph
 * hold, the first-stage BM25 (paragraph plus its article), the BM25 of the paragraphs around it (a
 * question often takes its words from the sentence before the answer), and the question's word
 * sequences the paragraph repeats verbatim. Chosen on the tuning half of the news dev set (held-out
 * half and XQuAD reported beside it in the README).
 */
const WINDOW_WEIGHT = 0.5;
const PARAGRAPH_WEIGHT = 1;
const BM25_WEIGHT = 0.5;
const NEIGHBOUR_WEIGHT = 0.2;
const TRIGRAM_WEIGHT = 0.25;
const BIGRAM_WEIGHT = 0.5;
/** The window holds the kind of thing asked for (a name for "ai", a number for "bao nhiêu", a date for "khi nào", a reason for "vì sao"). */
const ANSWER_TYPE_WEIGHT = 0.15;
/** A caption names who is in a photo; it answers only when no paragraph does about as well. */
const CAPTION_FACTOR = 0.9;

export interface FusionInput {
  coverage: Coverage;
  /** The candidate's BM25 over the best BM25 among candidates, in [0, 1]. */
  bm25Share: number;
  /** The BM25 of the paragraphs before and after it in its article, on the same scale (their sum). */
  neighbourShare: number;
  denseConfidence: number;
  isCaption: boolean;
}

export function fuse(x: FusionInput, keywordWeight: number, vectorWeight: number, useKeyword: boolean): number {
  // Paragraph BM25 finds the place; the best one-or-two-sentence window says whether one sentence
  // there answers, which long report paragraphs otherwise drown.
  const c = x.coverage;
  const keywordSide =
    WINDOW_WEIGHT * c.window + PARAGRAPH_WEIGHT * c.paragraph + BM25_WEIGHT * x.bm25Share + NEIGHBOUR_WEIGHT * x.neighbourShare + TRIGRAM_WEIGHT * c.trigramShare + BIGRAM_WEIGHT * c.bigramShare + (c.windowHasAnswer ? ANSWER_TYPE_WEIGHT : 0);
  const score = (useKeyword ? keywordWeight * keywordSide : 0) + vectorWeight * x.denseConfidence;
  return x.isCaption ? score * CAPTION_FACTOR : score;
}

/** The shapes that pass between the retrieval stages (analyse -> retrievers -> fusion -> confidence). */
import type { DenseCalibration } from '../embed/calibration.js';

export type SearchMode = 'hybrid' | 'keyword' | 'vector';

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

export interface Retrieval {
  /** Best first. */
  candidates: Candidate[];
  /** IDF of each query term found in the index (for picking the sentence that answers). */
  termWeights: Map<string, number>;
}

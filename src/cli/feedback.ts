/** Feedback records as evaluation questions (the fields of tests/fixtures/eval/*.jsonl, plus where they came from). */
import type { FeedbackRecord } from '../store/types.js';

export interface FeedbackQuestion {
  id: string;
  question: string;
  /** Phrases a right passage contains: to be filled in by whoever reviews the record. */
  expect: string[];
  article: string | null;
  /** feedback_up: the answer was right; feedback_down: it was not. */
  kind: 'feedback_up' | 'feedback_down';
  chunk_ids: string[];
  index_version: string;
  time: string;
}

export function feedbackQuestions(records: readonly FeedbackRecord[]): FeedbackQuestion[] {
  return records
    .filter((r) => r.question.trim() !== '')
    .map((r, i) => ({
      id: `fb-${String(i + 1).padStart(4, '0')}`,
      question: r.question,
      expect: [],
      article: null,
      kind: r.vote === 'up' ? 'feedback_up' : 'feedback_down',
      chunk_ids: r.chunkIds,
      index_version: r.indexVersion,
      time: r.time,
    }));
}

/** The machine-readable form of an answer (`ask --json`, eval): one stable shape other tools rely on. */
import type { Answer } from './types.js';

export interface JsonAnswer {
  question: string;
  /** The question as the search read it. */
  interpreted: string;
  answered: boolean;
  /** high: answered; low: passages that may be related; none: not in the reports. */
  confidence: 'high' | 'low' | 'none';
  /** Places, names or years asked about that no report states. */
  missing: string[];
  results: Array<{
    rank: number;
    score: number;
    article: { id: string; title: string; date: string | null; date_text: string | null; source: string | null; url: string | null };
    paragraph: number;
    /** Page of a paged source (pdf); absent otherwise. */
    page?: number;
    text: string;
    quote: string;
  }>;
  reply: string;
  mode: string;
  timings_ms: Answer['timings'];
}

export function toJson(answer: Answer, reply: string): JsonAnswer {
  return {
    question: answer.question,
    interpreted: answer.interpreted,
    answered: answer.answered,
    confidence: answer.confidence,
    missing: answer.missing,
    results: answer.results.map((r) => ({
      rank: r.rank,
      score: r.score,
      article: {
        id: r.article.id,
        title: r.article.title,
        date: r.article.date?.iso ?? null,
        date_text: r.article.date?.raw ?? null,
        source: r.article.outlet,
        url: r.article.url,
      },
      paragraph: r.paragraph,
      ...(r.page !== undefined ? { page: r.page } : {}),
      text: r.text,
      quote: r.quote,
    })),
    reply,
    mode: answer.mode,
    timings_ms: answer.timings,
  };
}

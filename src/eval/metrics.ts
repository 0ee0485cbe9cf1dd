/** Retrieval and answer metrics for `npm run eval`: pure functions over per-question outcomes. */
import { squash } from '../text/normalise.js';

export type Kind = 'factoid' | 'paraphrase' | 'unaccented' | 'english' | 'out_of_corpus' | 'not_covered' | string;

export interface EvalQuestion {
  id: string;
  question: string;
  expect: string[];
  article: string | null;
  kind: Kind;
}

export interface Outcome {
  question: EvalQuestion;
  /** Texts of the ranked results (before the answer threshold), best first. */
  texts: string[];
  /** Quote shown for the first ranked result. */
  firstQuote: string | null;
  answered: boolean;
  topConfidence: number;
  ms: number;
  /** The question as the system read it. */
  interpreted?: string;
  missing?: string[];
}

export interface Row {
  group: string;
  n: number;
  /** The answer is in the top 1 / top 5 and the question was answered (a refusal is no hit). */
  hit1: number | null;
  hit5: number | null;
  /** The answer is in the top 5 as ranked, answered or not: what the ranking alone achieves. */
  ranked5: number | null;
  quoteHit1: number | null;
  mrr: number | null;
  answered: number | null;
  refusal: number | null;
  msPerQuestion: number;
}

/** A question the reports do not answer: out of corpus, or naming what they do not cover. */
export function isUnanswerable(q: EvalQuestion): boolean {
  return q.expect.length === 0 || q.kind === 'out_of_corpus' || q.kind === 'not_covered';
}

/** "compare after Unicode NFC, lower case and collapsed spaces" */
export function contains(text: string, phrases: readonly string[]): boolean {
  const t = squash(text);
  return phrases.some((p) => t.includes(squash(p)));
}

export function firstHitRank(o: Outcome, depth = 10): number | null {
  for (let i = 0; i < Math.min(depth, o.texts.length); i++) if (contains(o.texts[i]!, o.question.expect)) return i + 1;
  return null;
}

export function summarise(group: string, outcomes: readonly Outcome[]): Row {
  const inCorpus = outcomes.filter((o) => !isUnanswerable(o.question));
  const ooc = outcomes.filter((o) => isUnanswerable(o.question));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const rawRanks = inCorpus.map((o) => firstHitRank(o));
  const ranks = inCorpus.map((o, i) => (o.answered ? rawRanks[i]! : null));
  return {
    group,
    n: outcomes.length,
    hit1: mean(ranks.map((r) => (r === 1 ? 1 : 0))),
    hit5: mean(ranks.map((r) => (r !== null && r <= 5 ? 1 : 0))),
    ranked5: mean(rawRanks.map((r) => (r !== null && r <= 5 ? 1 : 0))),
    quoteHit1: mean(inCorpus.map((o) => (o.answered && o.firstQuote !== null && contains(o.firstQuote, o.question.expect) ? 1 : 0))),
    mrr: mean(ranks.map((r) => (r === null ? 0 : 1 / r))),
    answered: mean(inCorpus.map((o) => (o.answered ? 1 : 0))),
    refusal: mean(ooc.map((o) => (o.answered ? 0 : 1))),
    msPerQuestion: mean(outcomes.map((o) => o.ms)) ?? 0,
  };
}

/** One row per kind, then one for all questions. */
export function table(outcomes: readonly Outcome[]): Row[] {
  const kinds = [...new Set(outcomes.map((o) => o.question.kind))];
  return [...kinds.map((k) => summarise(k, outcomes.filter((o) => o.question.kind === k))), summarise('all', outcomes)];
}

export function markdown(title: string, rows: readonly Row[]): string {
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  const lines = [
    `### ${title}`,
    '',
    '| kind | n | hit@1 | hit@5 | ranked@5 | quote hit@1 | MRR | answered | refusal acc. | ms/question |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.group} | ${r.n} | ${f(r.hit1)} | ${f(r.hit5)} | ${f(r.ranked5)} | ${f(r.quoteHit1)} | ${f(r.mrr)} | ${f(r.answered)} | ${f(r.refusal)} | ${r.msPerQuestion.toFixed(1)} |`),
  ];
  return lines.join('\n');
}

export function parseQuestions(jsonl: string, file: string): EvalQuestion[] {
  return jsonl
    .split(/\r?\n/)
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== '')
    .map(([l, n]) => {
      let q: EvalQuestion;
      try {
        q = JSON.parse(l) as EvalQuestion;
      } catch {
        throw new Error(`${file}:${n}: not a JSON line`);
      }
      if (typeof q.question !== 'string' || !Array.isArray(q.expect)) throw new Error(`${file}:${n}: needs "question" and "expect"`);
      return { id: q.id ?? `line-${n}`, question: q.question, expect: q.expect, article: q.article ?? null, kind: q.kind ?? 'factoid' };
    });
}

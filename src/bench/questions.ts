/**
 * The benchmark's questions: the project's eval questions (tests/fixtures/eval/*.jsonl), some XQuAD-vi
 * questions, and questions made from sentences of the generated corpus (a run of its words plus a
 * question tail, some typed without diacritics), mixed in a fixed, seeded order.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../text/sentences.js';
import { fold } from '../text/normalise.js';
import type { GeneratedArticle } from './corpus.js';
import { Rng } from '../text/random.js';

export interface BenchQuestion {
  question: string;
  source: 'eval' | 'xquad' | 'generated';
}

const TAILS = ['?', ' là gì?', ' như thế nào?', ' khi nào?', ' ở đâu?', ' bao nhiêu?', ' ra sao?'];

async function jsonlQuestions(file: string): Promise<string[]> {
  const raw = await fs.readFile(file, 'utf8');
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const q = (JSON.parse(line) as { question?: unknown }).question;
    if (typeof q === 'string' && q.trim()) out.push(q);
  }
  return out;
}

/** Every question of tests/fixtures/eval/*.jsonl. */
export async function evalQuestions(root: string): Promise<string[]> {
  const dir = path.join(root, 'tests/fixtures/eval');
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const out: string[] = [];
  for (const f of files) out.push(...(await jsonlQuestions(path.join(dir, f))));
  return out;
}

/** A question from a sentence: 5-9 of its words and a question tail; 15% typed without diacritics. */
export function questionFrom(sentence: string, rng: Rng): string | null {
  const w = sentence.replace(/[.,;:!?…"“”'‘’()]/gu, ' ').split(/\s+/u).filter(Boolean);
  if (w.length < 6) return null;
  const len = Math.min(w.length, rng.int(5, 9));
  const start = rng.int(0, w.length - len);
  const q = w.slice(start, start + len).join(' ') + rng.pick(TAILS);
  return rng.chance(0.15) ? fold(q) : q;
}

export async function makeQuestions(opts: { root: string; articles: readonly GeneratedArticle[]; count: number; seed: number }): Promise<BenchQuestion[]> {
  const rng = new Rng(opts.seed ^ 0x5bd1e995);
  const out: BenchQuestion[] = [];
  const evalQs = await evalQuestions(opts.root);
  const xquad = await jsonlQuestions(path.join(opts.root, 'tests/fixtures/xquad_vi/questions.jsonl'));
  // A sixth of the set from each fixture file, the rest generated; small sets keep at least the eval questions.
  const nEval = Math.min(evalQs.length, Math.max(Math.ceil(opts.count / 6), Math.min(evalQs.length, Math.floor(opts.count / 3))));
  for (const q of rng.shuffle([...evalQs]).slice(0, nEval)) out.push({ question: q, source: 'eval' });
  const nXquad = Math.min(xquad.length, Math.floor(opts.count / 6));
  for (const q of rng.shuffle([...xquad]).slice(0, nXquad)) out.push({ question: q, source: 'xquad' });
  let guard = 0;
  while (out.length < opts.count && opts.articles.length > 0 && guard++ < opts.count * 20) {
    const p = rng.pick(rng.pick(opts.articles).paragraphs);
    const spans = splitSentences(p);
    if (spans.length === 0) continue;
    const s = rng.pick(spans);
    const q = questionFrom(p.slice(s.start, s.end), rng);
    if (q) out.push({ question: q, source: 'generated' });
  }
  return rng.shuffle(out);
}

/** /stats for admins: questions per day, how sure the answers were, votes, the questions most often left unanswered. */
import type { Lang } from '../answer/types.js';
import { oneLine } from '../text/normalise.js';

/** An unanswered question is shown on one line of at most this many characters (five fit one message). */
const MAX_QUESTION_SHOWN = 200;

/** The parts of the store's records the statistics read. */
interface AskedRecord {
  time: string;
  question: string;
  confidence: 'high' | 'low' | 'none';
}
interface VoteRecord {
  vote: 'up' | 'down';
}

export interface Stats {
  perDay: Array<{ day: string; questions: number }>;
  total: number;
  rates: { high: number; low: number; none: number };
  votes: { up: number; down: number };
  unanswered: Array<{ question: string; count: number }>;
}

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);

export function computeStats(questions: readonly AskedRecord[], votes: readonly VoteRecord[], days = 7, topUnanswered = 5): Stats {
  const perDay = new Map<string, number>();
  for (const q of questions) perDay.set(q.time.slice(0, 10), (perDay.get(q.time.slice(0, 10)) ?? 0) + 1);
  const count = (c: AskedRecord['confidence']) => questions.filter((q) => q.confidence === c).length;
  const unanswered = new Map<string, { question: string; count: number }>();
  for (const q of questions) {
    if (q.confidence !== 'none') continue;
    const k = q.question.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const e = unanswered.get(k) ?? { question: q.question, count: 0 };
    e.count += 1;
    unanswered.set(k, e);
  }
  const up = votes.filter((v) => v.vote === 'up').length;
  return {
    perDay: [...perDay].sort((a, b) => b[0].localeCompare(a[0])).slice(0, days).map(([day, n]) => ({ day, questions: n })),
    total: questions.length,
    rates: { high: pct(count('high'), questions.length), low: pct(count('low'), questions.length), none: pct(count('none'), questions.length) },
    votes: { up: pct(up, votes.length), down: pct(votes.length - up, votes.length) },
    unanswered: [...unanswered.values()].sort((a, b) => b.count - a.count).slice(0, topUnanswered),
  };
}

export function statsText(s: Stats, votes: number, lang: Lang): string {
  const en = lang === 'en';
  const lines = [
    en ? `Questions: ${s.total}` : `Câu hỏi: ${s.total}`,
    ...s.perDay.map((d) => `  ${d.day}: ${d.questions}`),
    en
      ? `Answered ${s.rates.high}% · unsure ${s.rates.low}% · not found ${s.rates.none}%`
      : `Trả lời được ${s.rates.high}% · chưa chắc ${s.rates.low}% · không tìm thấy ${s.rates.none}%`,
    en ? `Votes: ${votes} (👍 ${s.votes.up}% · 👎 ${s.votes.down}%)` : `Góp ý: ${votes} (👍 ${s.votes.up}% · 👎 ${s.votes.down}%)`,
  ];
  if (s.unanswered.length > 0) {
    lines.push(en ? 'Most frequent unanswered:' : 'Hay hỏi mà chưa trả lời được:', ...s.unanswered.map((u) => `  ${u.count}× ${oneLine(u.question, MAX_QUESTION_SHOWN)}`));
  }
  return lines.join('\n');
}

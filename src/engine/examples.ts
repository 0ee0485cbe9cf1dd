/**
 * Example questions for /start, /help and the empty-question hint. The built-in ones are about the seed
 * reports; a deployment with other reports must not offer questions its index cannot answer (a user who
 * tries one gets "not in the reports" and stops trusting the examples), so each index keeps only the
 * built-in examples it answers, and falls back on its newest articles' titles (a title finds its report).
 */
import type { Answer, ArticleRef } from '../answer/types.js';

/** Always Vietnamese: the reports are. The last one shows that marks and capitals may be left out. */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?',
  'Huế sẽ tổ chức festival gì trong năm 2021?',
  'Chủ tịch HĐND TPHCM yêu cầu Đảng ủy khối phát động đợt thi đua nào?',
  'bi thu thanh uy hue la ai',
];

/** Fewer answered built-in examples than this look like a different corpus: titles fill up to TITLES_SHOWN. */
const MIN_ANSWERED = 2;
/** Newest titles offered in their place: enough to show the range, few enough to read on a phone. */
const TITLES_SHOWN = 3;

/**
 * The built-in examples `ask` answers (high tier), else those plus the newest titles of `articles`.
 * `complete`: every example was asked; a question that failed (a model that broke meanwhile) is an example
 * not offered this time, not a /start that fails, and the caller asks again later.
 */
export async function examplesFor(ask: (question: string) => Promise<Answer>, articles: readonly ArticleRef[]): Promise<{ examples: string[]; complete: boolean }> {
  const answered: string[] = [];
  let complete = true;
  for (const q of EXAMPLE_QUESTIONS) {
    try {
      if ((await ask(q)).answered) answered.push(q);
    } catch {
      complete = false;
    }
  }
  if (answered.length >= MIN_ANSWERED) return { examples: answered, complete };
  const newest = [...articles].sort((a, b) => (b.date?.iso ?? '').localeCompare(a.date?.iso ?? '') || a.title.localeCompare(b.title));
  const titles = newest.map((a) => a.title.trim()).filter((t) => t !== '' && !answered.includes(t));
  return { examples: [...answered, ...titles.slice(0, Math.max(0, TITLES_SHOWN - answered.length))], complete };
}

/**
 * Questions a freshly started engine asks itself before its users do. V8 compiles and optimises the
 * search and answer code, and each regular expression, on their first calls, and the per-index memos
 * (pair scores, the postings' per-article sums) start empty: in a fresh process the first 30 questions
 * cost about 27 ms CPU each at 51,000 chunks, later ones 6–9 ms (`npm run bench -- --slowest`). Asking
 * these in idle time after the open moves that cost off the users' first questions.
 *
 * The questions cover the forms users type (counts, people, dates, places, reasons, lists, no marks,
 * chat words, English, abbreviations) in words that are no report's, plus a few made from the index's
 * own titles so the keyword pass reads real postings.
 */
import { fold } from '../text/normalise.js';

/** Each form of question the reader and the answer code treat apart, once. */
export const WARM_UP_QUESTIONS: readonly string[] = [
  'Đảng bộ tỉnh có bao nhiêu đảng viên?',
  'Năm 2024 kết nạp bao nhiêu đảng viên mới?',
  'Ai là Bí thư Tỉnh ủy?',
  'Ai chủ trì hội nghị?',
  'Hội nghị diễn ra khi nào?',
  'Hội nghị tổ chức ở đâu?',
  'Vì sao chỉ tiêu chưa đạt?',
  'Những ai dự hội nghị?',
  'Nghị quyết số mấy được ban hành?',
  'Tỷ lệ tăng trưởng kinh tế năm nay là bao nhiêu phần trăm?',
  'bot ơi cho em hỏi UBND huyện có bao nhiêu chi bộ ạ',
  'bi thu thanh uy la ai',
  'so dang vien moi ket nap nam 2023 la bao nhieu',
  'So sánh số đảng viên Hà Nội và Hải Phòng',
  'Who chaired the conference?',
  'How many party members does the province have?',
];

/** Titles asked as questions (as typed, and without marks): enough to read real postings of several sizes. */
const TITLES_ASKED = 4;

/** The built-in questions and, from `titles` spread over the index, a few asked as typed and without marks. */
export function warmUpQuestions(titles: readonly string[]): string[] {
  const out = [...WARM_UP_QUESTIONS];
  const step = Math.max(1, Math.floor(titles.length / TITLES_ASKED));
  for (let i = 0; i < titles.length && out.length < WARM_UP_QUESTIONS.length + 2 * TITLES_ASKED; i += step) {
    const title = titles[i]!.trim();
    if (title === '') continue;
    out.push(`${title}?`, fold(title).toLowerCase());
  }
  return out;
}

export interface WarmUpResult {
  questions: number;
  ms: number;
}

/**
 * Asks `questions` one at a time, yielding to the event loop between them so a user's question that
 * arrives meanwhile is not kept waiting for the rest; stops early when `stopped()` says so (a close, a
 * switch to another index) or after `budgetMs`. A question that fails is skipped: warming up is best effort.
 */
export async function warmUp(ask: (q: string) => Promise<unknown>, questions: readonly string[], opts: { budgetMs: number; stopped: () => boolean }): Promise<WarmUpResult> {
  const t0 = performance.now();
  let asked = 0;
  for (const q of questions) {
    if (opts.stopped() || performance.now() - t0 > opts.budgetMs) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await ask(q);
    } catch {
      // best effort: the first real question will report a real fault
    }
    asked++;
  }
  return { questions: asked, ms: performance.now() - t0 };
}

/** The bench's list of its slowest questions: the right ones, slowest first, their time by stage. */
import { describe, expect, it } from 'vitest';
import { slowestOf, slowestTable, type BenchResult, type ModeResult } from '../../src/bench/run.js';
import type { BenchQuestion } from '../../src/bench/questions.js';
import type { QuestionTiming } from '../../src/bench/worker.js';

const timing = (searchMs: number, answerMs: number, totalMs: number, cpuMs = 1): QuestionTiming => ({ embedMs: 0, searchMs, answerMs, totalMs, cpuMs, answered: true });
const questions: BenchQuestion[] = [
  { question: 'Hải Phòng có bao nhiêu đảng viên?', source: 'eval' },
  { question: 'Ai là Bí thư | Thành ủy?', source: 'generated' },
  { question: 'Hội nghị tổng kết năm 2021', source: 'xquad' },
];

describe('slowestOf', () => {
  it('keeps the n slowest by search + answer, slowest first, with the rest of ask() as reading', () => {
    const s = slowestOf([timing(2, 1, 4), timing(9, 3, 15, 7), timing(5, 4, 9.5)], questions, 2);
    expect(s.map((x) => x.order)).toEqual([1, 2]);
    expect(s[0]).toMatchObject({ question: 'Ai là Bí thư | Thành ủy?', source: 'generated', searchMs: 9, answerMs: 3, readingMs: 3, totalMs: 15, cpuMs: 7 });
    expect(s[1]!.readingMs).toBe(0.5);
  });

  it('breaks ties by the order asked and keeps none when none is asked for', () => {
    expect(slowestOf([timing(1, 1, 2), timing(2, 0, 2)], questions, 2).map((x) => x.order)).toEqual([0, 1]);
    expect(slowestOf([timing(1, 1, 2)], questions, 0)).toEqual([]);
  });
});

describe('slowestTable', () => {
  it('prints one row per kept question, its bars escaped, and nothing when none was kept', () => {
    const mode = (slowest: ReturnType<typeof slowestOf>) => ({ mode: 'keyword', model: 'none', serve: { questions: 3, slowest } }) as unknown as ModeResult;
    const result = (slowest: ReturnType<typeof slowestOf>) => ({ modes: [mode(slowest)] }) as unknown as BenchResult;
    const table = slowestTable(result(slowestOf([timing(2, 1, 4), timing(9, 3, 15, 7)], questions, 2)));
    const rows = table.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('| 12.00 | 9.00 | 3.00 | 3.00 | 0.00 | 7.00 | 1 | generated | Ai là Bí thư \\| Thành ủy? |');
    expect(slowestTable(result([]))).toBe('');
  });
});

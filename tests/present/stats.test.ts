import { describe, expect, it } from 'vitest';
import { computeStats, statsText } from '../../src/present/stats.js';

describe('/stats', () => {
  it('counts questions per day, answer rates, votes and the most frequent unanswered questions', () => {
    const q = (time: string, question: string, confidence: 'high' | 'low' | 'none') => ({ time, question, confidence });
    const s = computeStats(
      [q('2026-01-01T10:00:00Z', 'a', 'high'), q('2026-01-02T10:00:00Z', 'Giá vàng?', 'none'), q('2026-01-02T11:00:00Z', 'giá  vàng?', 'none'), q('2026-01-02T12:00:00Z', 'b', 'low')],
      [{ vote: 'up' }, { vote: 'up' }, { vote: 'up' }, { vote: 'down' }],
    );
    expect(s.perDay).toEqual([{ day: '2026-01-02', questions: 3 }, { day: '2026-01-01', questions: 1 }]);
    expect(s.rates).toEqual({ high: 25, low: 25, none: 50 });
    expect(s.votes).toEqual({ up: 75, down: 25 });
    expect(s.unanswered).toEqual([{ question: 'Giá vàng?', count: 2 }]);
    const text = statsText(s, 4, 'vi');
    expect(text).toContain('Câu hỏi: 4');
    expect(text).toContain('2× Giá vàng?');
    expect(statsText(computeStats([], []), 0, 'en')).toContain('Questions: 0');
  });

  it('fits one Telegram message however long the unanswered questions were (each shown on one line, cut)', () => {
    const q = (question: string) => ({ time: '2026-01-02T10:00:00Z', question, confidence: 'none' as const });
    const long = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c}${' rất nhiều chữ'.repeat(400)}\n${c.repeat(3000)}`);
    const text = statsText(computeStats(long.map(q), []), 0, 'vi');
    expect(text.length).toBeLessThan(4096);
    const lines = text.split('\n');
    expect(lines.filter((l) => /^ {2}1× /.test(l))).toHaveLength(5);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(210);
    expect(text).toContain('…');
  });
});

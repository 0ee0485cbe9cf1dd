/**
 * A figure asked without a year is the newest report's: "Quảng Ngãi có bao nhiêu đảng viên?" put the 2023
 * report's 110.900 first, above the 2024 report's 112.450 (probe7), because its sentence is shorter. When
 * reports of the place asked about answer about as well, the newest goes first; a year asked leaves the
 * ranking alone, and so does a question that is not a count ("ai chủ trì" asks about one meeting).
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { QUANG_NGAI_REPORTS } from '../helpers/quang-ngai.js';

const REPORTS = QUANG_NGAI_REPORTS;

describe('the newest report first among equal answers', () => {
  const engine = useCorpusEngine(REPORTS);

  it('a count asked without a year: the 2024 figure first, the 2023 one after it', async () => {
    for (const q of ['Quảng Ngãi có bao nhiêu đảng viên?', 'quang ngai co bao nhieu dang vien']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('112.450');
      expect(a.results.map((r) => r.quote).join('\n'), q).toContain('110.900');
    }
  });

  it('a year asked keeps its own report first', async () => {
    const a = await engine().ask('Năm 2023 Quảng Ngãi có bao nhiêu đảng viên?');
    expect(a.results[0]!.quote).toContain('110.900');
  });

  it('another province asked about keeps its own report first', async () => {
    const a = await engine().ask('Bắc Giang có bao nhiêu đảng viên?');
    expect(a.results[0]!.quote).toContain('178.300');
  });

  it('a question that is not a count keeps the ranking', async () => {
    const a = await engine().ask('Ai chủ trì hội nghị tổng kết công tác xây dựng Đảng của Tỉnh ủy Quảng Ngãi?');
    // The 2024 report also says who chaired its meeting; the meeting asked about is the 2023 one.
    expect(a.results[0]!.article.title).toBe('Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2023');
  });
});

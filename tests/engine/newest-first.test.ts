/**
 * A figure asked without a year is the newest report's: "Quảng Ngãi có bao nhiêu đảng viên?" put the 2023
 * report's 110.900 first, above the 2024 report's 112.450 (probe7), because its sentence is shorter. When
 * reports of the place asked about answer about as well, the newest goes first; a year asked leaves the
 * ranking alone, and so does a question that is not a count ("ai chủ trì" asks about one meeting).
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const REPORTS: Readonly<Record<string, string>> = {
  'quang-ngai-2024.txt': [
    '---',
    'title: Hội nghị Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi lần thứ 18',
    'date: 2024-07-12',
    '---',
    'Sáng 12/7/2024, Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi tổ chức Hội nghị lần thứ 18 để đánh giá kết quả 6 tháng đầu năm.',
    '',
    'Đồng chí Lê Văn Khoa, Bí thư Tỉnh ủy Quảng Ngãi chủ trì hội nghị.',
    '',
    'Theo báo cáo, toàn Đảng bộ tỉnh Quảng Ngãi hiện có 112.450 đảng viên, sinh hoạt tại 1.024 tổ chức cơ sở đảng. Trong năm 2024, Đảng bộ kết nạp 1.210 đảng viên mới.',
  ].join('\n'),
  'quang-ngai-2023.txt': [
    '---',
    'title: Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2023',
    'date: 2023-12-20',
    '---',
    'Ngày 20/12/2023, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.',
    '',
    'Đồng chí Đặng Minh Châu, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.',
    '',
    'Năm 2023, toàn Đảng bộ tỉnh Quảng Ngãi có 110.900 đảng viên. Đảng bộ đã kết nạp 2.350 đảng viên mới.',
  ].join('\n'),
  'bac-giang-2022.txt': [
    '---',
    'title: Bắc Giang tổng kết công tác xây dựng Đảng',
    'date: 2022-12-28',
    '---',
    'Ngày 28/12/2022, Tỉnh ủy Bắc Giang tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2022.',
    '',
    'Toàn Đảng bộ tỉnh Bắc Giang có 95.200 đảng viên.',
  ].join('\n'),
};

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

  it('another province asked about keeps its own, older report first', async () => {
    const a = await engine().ask('Bắc Giang có bao nhiêu đảng viên?');
    expect(a.results[0]!.quote).toContain('95.200');
  });

  it('a question that is not a count keeps the ranking', async () => {
    const a = await engine().ask('Ai chủ trì hội nghị tổng kết công tác xây dựng Đảng của Tỉnh ủy Quảng Ngãi?');
    // The 2024 report also says who chaired its meeting; the meeting asked about is the 2023 one.
    expect(a.results[0]!.article.title).toBe('Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2023');
  });
});

/** review7: conversation defects found in probe7's follow-ups and comparisons (reports written for this test). */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const report = (title: string, date: string, ...paragraphs: string[]) => ['---', `title: ${title}`, `date: ${date}`, 'source: Báo Thử', '---', paragraphs.join('\n\n')].join('\n');

const REPORTS: Readonly<Record<string, string>> = {
  'ha-tinh-2024.txt': report(
    'Hà Tĩnh tổng kết công tác xây dựng Đảng năm 2024',
    '2025-01-20',
    'Chiều 20/1/2025, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Đồng chí Nguyễn Duy Lâm, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.',
    'Năm 2024, Đảng bộ tỉnh Hà Tĩnh kết nạp 2.130 đảng viên mới, nâng tổng số đảng viên toàn Đảng bộ lên 120.150 đảng viên.',
    'Riêng Đảng bộ huyện Cẩm Xuyên hiện có 9.800 đảng viên, sinh hoạt tại 95 chi bộ.',
  ),
  'ha-tinh-2023.txt': report(
    'Hà Tĩnh: Năm 2023 kết nạp gần 1.900 đảng viên',
    '2024-01-15',
    'Chiều 15/1/2024, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023. Đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy chủ trì hội nghị.',
    'Trong năm 2023, Đảng bộ tỉnh Hà Tĩnh kết nạp 1.890 đảng viên mới, toàn Đảng bộ hiện có 118.300 đảng viên.',
  ),
  'nghe-an-2024.txt': report(
    'Đảng bộ tỉnh Nghệ An kết nạp đảng viên mới',
    '2025-01-12',
    'Trong năm 2024, Đảng bộ tỉnh Nghệ An kết nạp 3.215 đảng viên mới, nâng tổng số đảng viên toàn Đảng bộ lên 210.500 đảng viên.',
    'Trong 2023 chi bộ cơ sở được củng cố, chất lượng sinh hoạt chi bộ nâng lên rõ rệt.',
  ),
};

const engine = useCorpusEngine(REPORTS);

/** The messages of one chat, in turn; the last turn's answer. */
const chat = (top: number, ...messages: string[]) => chatAnswer(engine(), messages, { top });

describe('comparisons keep every constraint on every side', () => {
  it('"so sánh số đảng viên A và B năm 2024": the year goes with both provinces', async () => {
    const a = await chat(3, 'So sánh số đảng viên Hà Tĩnh và Nghệ An năm 2024');
    expect(a.interpreted.split('; ').every((side) => side.includes('2024')), a.interpreted).toBe(true);
    const quotes = a.results.map((r) => r.quote).join(' ');
    expect(quotes).not.toContain('118.300');
    expect(a.results.map((r) => r.article.id).sort()).toEqual(['ha-tinh-2024', 'nghe-an-2024']);
  });

  it('"so sánh số đảng viên của A và B năm 2024", "A năm 2023 hay B có nhiều đảng viên hơn?": the year goes with both', async () => {
    for (const q of ['So sánh số đảng viên của Hà Tĩnh và Nghệ An năm 2024', 'Hà Tĩnh năm 2023 hay Nghệ An có nhiều đảng viên hơn?']) {
      const a = await chat(3, q);
      const year = /20\d\d/u.exec(q)![0];
      expect(a.interpreted.split('; ').every((side) => side.includes(year)), a.interpreted).toBe(true);
    }
  });

  it('English: "compare the number of party members of A and B in 2024" asks both in 2024', async () => {
    const a = await chat(3, 'Compare the number of party members of Ha Tinh and Nghe An in 2024');
    expect(a.interpreted.split('; ').every((side) => side.includes('2024')), a.interpreted).toBe(true);
  });

  it('"số đảng viên A năm 2024 so với năm 2023": a year no report counts is no confident side', async () => {
    const a = await chat(3, 'Số đảng viên Nghệ An năm 2024 so với năm 2023');
    expect(a.confidence).not.toBe('high');
  });
});

describe('follow-ups', () => {
  it('"chi tiết hơn" is not a confident answer to the last question', async () => {
    const a = await chat(1, 'Hà Tĩnh có bao nhiêu đảng viên năm 2024?', 'chi tiết hơn');
    expect(a.results.map((r) => r.quote).join(' ')).toContain('9.800');
    expect(a.confidence).not.toBe('high');
  });

  it('"năm ngoái ai chủ trì?" after 2024 asks about 2023', async () => {
    const a = await chat(3, 'Hà Tĩnh có bao nhiêu đảng viên năm 2024?', 'năm ngoái ai chủ trì?');
    expect(a.interpreted).not.toContain('2024');
    expect(a.results[0]?.quote ?? '').not.toContain('Nguyễn Duy Lâm');
  });

  it('a remark ("hay quá") is no question about the last subject', async () => {
    const a = await chat(3, 'Hà Tĩnh có bao nhiêu đảng viên năm 2024?', 'hay quá');
    expect(a.answered).toBe(false);
  });

  it('an acknowledgement before a follow-up does not hide it', async () => {
    expect((await chat(3, 'Hà Tĩnh có bao nhiêu đảng viên năm 2024?', 'ok, còn Nghệ An?')).interpreted).toBe('Nghệ An có bao nhiêu đảng viên năm 2024?');
    expect((await chat(3, 'Hà Tĩnh có bao nhiêu đảng viên năm 2024?', 'vâng, còn năm ngoái?')).interpreted).toBe('Hà Tĩnh có bao nhiêu đảng viên năm 2023?');
  });
});

describe('a relative year with no year to count from', () => {
  it('"còn năm ngoái?" after a question that named no year is not answered with the same report', async () => {
    const a = await chat(3, 'Nghệ An kết nạp bao nhiêu đảng viên mới?', 'còn năm ngoái?');
    expect(a.answered).toBe(false);
    expect(a.results.map((r) => r.quote).join(' ')).not.toContain('3.215');
  });
});

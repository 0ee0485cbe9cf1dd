/**
 * probe11: what a Party office asks of a conference report — who chaired, what share, which resolution,
 * how many of a unit it writes abbreviated — over a report written for the tests. Each case failed
 * before its fix: the answer must be marked (underlined) whole in the quote, and only the answer.
 */
import { describe, expect, it } from 'vitest';
import { answerSpans } from '../../src/answer/quote.js';
import type { Answer } from '../../src/answer/types.js';
import { analyzeQuery } from '../../src/search/analyse.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';

/** A province's bloc conference (invented), written as the reports are. */
const KHANH_HOA = [
  '---',
  'title: Đảng ủy Khối các cơ quan tỉnh Khánh Hòa tổng kết công tác xây dựng Đảng năm 2024',
  'date: 2025-01-10',
  'source: KHO',
  '---',
  'Sáng 10/1/2025, Đảng ủy Khối các cơ quan tỉnh Khánh Hòa tổ chức hội nghị lần thứ 12 tổng kết công tác xây dựng Đảng năm 2024.',
  '',
  'Năm 2024, Đảng bộ Khối có 51/58 TCCS đảng hoàn thành tốt nhiệm vụ trở lên (chiếm 87,9%), trong đó có 11 TCCS đảng hoàn thành xuất sắc nhiệm vụ. Đảng bộ Khối kết nạp 318 đảng viên mới, đạt 106% so với chỉ tiêu đề ra.',
  '',
  'Đảng ủy Khối vận động hỗ trợ 365 trang thiết bị y tế cho các xã vùng cao; tổng kinh phí an sinh xã hội huy động được gần 18 tỉ đồng, giúp đỡ các xã nghèo miền Tây Khánh Hòa.',
  '',
  'Đảng ủy Khối triển khai Nghị quyết số 09-NQ/TU của Tỉnh ủy về phát triển kinh tế biển đến năm 2030, tầm nhìn đến năm 2045.',
  '',
  'Phát biểu chỉ đạo tại hội nghị, Phó Bí thư Tỉnh ủy Lương Văn Khải đề nghị Đảng ủy Khối tập trung nâng cao chất lượng sinh hoạt chi bộ.',
].join('\n');

/** A report that names no one present: only the thought studied and the term to come (invented). */
const NINH_BINH = [
  '---',
  'title: Đảng bộ Khối các cơ quan tỉnh Ninh Bình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'date: 2024-06-20',
  '---',
  'Năm 2024, Đảng bộ Khối các cơ quan tỉnh Ninh Bình tổ chức hội nghị đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chuẩn bị đại hội Đảng bộ Khối nhiệm kỳ 2025 - 2030.',
].join('\n');

const engine = useCorpusEngine({ 'khanh-hoa-2024.txt': KHANH_HOA, 'ninh-binh-2024.txt': NINH_BINH });

const ask = (q: string) => engine().ask(q);

/** What answerSpans marks in `text` for `question`. */
const marks = (text: string, question: string) => answerSpans(text, analyzeQuery(question)).map(([s, e]) => text.slice(s, e));

/** The underlined answers of the first result, as the quote writes them. */
function marked(a: Answer): string[] {
  const r = a.results[0];
  return r ? (r.answer ?? []).map(([s, e]) => r.quote.slice(s, e)) : [];
}

describe('a place in capitals is no person', () => {
  it('"miền Tây Khánh Hòa" answers no "ai chủ trì", and is not underlined as a name', async () => {
    for (const q of ['ai chủ trì hội nghị ở Khánh Hòa?', 'bot ơi cho mình hỏi ai chủ trì hội nghị ở Khánh Hòa vậy ạ?']) {
      const a = await ask(q);
      expect(a.answered, q).toBe(false);
      for (const r of a.results) expect((r.answer ?? []).map(([s, e]) => r.quote.slice(s, e)), q).not.toContain('Tây Khánh Hòa');
    }
  });
});

describe('"Hồ Chí Minh" of a thought studied is no one present', () => {
  it('"phong cách Hồ Chí Minh" answers no "ai dự", and is not underlined', async () => {
    const a = await ask('Ai dự hội nghị ở Ninh Bình?');
    expect(a.answered).toBe(false);
    for (const r of a.results) expect((r.answer ?? []).map(([s, e]) => r.quote.slice(s, e))).not.toContain('Hồ Chí Minh');
  });
});

describe('"đồng chí nào" asks who', () => {
  it('underlines the name of whoever gave the speech', async () => {
    const a = await ask('Đồng chí nào phát biểu chỉ đạo tại hội nghị của Đảng ủy Khối các cơ quan tỉnh Khánh Hòa?');
    expect(a.results[0]!.quote).toContain('Lương Văn Khải');
    expect(marked(a)).toEqual(['Lương Văn Khải']);
  });
});

describe('a share asked is a percentage, marked with its sign', () => {
  it('"bao nhiêu phần trăm", "bao nhiêu %", "tỷ lệ": the percent, not every number', async () => {
    expect(marked(await ask('Tỷ lệ TCCS đảng hoàn thành tốt nhiệm vụ của Đảng bộ Khối Khánh Hòa năm 2024 là bao nhiêu phần trăm?'))).toEqual(['87,9%']);
    expect(marked(await ask('Đảng bộ Khối Khánh Hòa kết nạp đảng viên mới đạt bao nhiêu % so với chỉ tiêu?'))).toEqual(['106%']);
  });
});

describe('the unit counted is marked whole', () => {
  it('a unit the report writes abbreviated ("TCCS"), asked either way', async () => {
    for (const q of ['Khánh Hòa có bao nhiêu TCCS đảng hoàn thành xuất sắc nhiệm vụ năm 2024?', 'Khánh Hòa có bao nhiêu tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ năm 2024?']) {
      expect(marked(await ask(q)), q).toEqual(['11 TCCS đảng']);
    }
  });

  it('"là bao nhiêu" with no unit: the amount', async () => {
    expect(marked(await ask('Tổng kinh phí an sinh xã hội của Đảng ủy Khối Khánh Hòa là bao nhiêu?'))).toEqual(['18 tỉ đồng']);
  });
});

describe('"số mấy", "lần thứ mấy": the number of the document or session', () => {
  it('underlines the resolution\'s number and the session\'s', async () => {
    expect(marked(await ask('Đảng ủy Khối Khánh Hòa triển khai nghị quyết số mấy của Tỉnh ủy về kinh tế biển?'))).toEqual(['09-NQ/TU']);
    expect(marked(await ask('Đảng ủy Khối các cơ quan tỉnh Khánh Hòa tổ chức hội nghị lần thứ mấy?'))).toEqual(['12']);
    expect(marks('Ban Chấp hành Đảng bộ Khối khóa IV tổ chức hội nghị lần thứ 12.', 'Ban Chấp hành Đảng bộ Khối Khánh Hòa khóa mấy?')).toEqual(['IV']);
  });
});

describe('what is marked in a quote, by the question', () => {
  it('"ngày nào": a year alone is no day, and is not underlined', () => {
    const text = 'Năm 2025, Đảng ủy Khối các cơ quan tỉnh Khánh Hòa cần đề cao trách nhiệm người đứng đầu.';
    expect(marks(text, 'Hội nghị của Đảng ủy Khối Khánh Hòa khai mạc ngày nào?')).toEqual([]);
    // Asked "khi nào", the year may be all there is.
    expect(marks(text, 'Đảng ủy Khối Khánh Hòa đề cao trách nhiệm người đứng đầu khi nào?')).toEqual(['Năm 2025']);
  });

  it('"khi nào": a term\'s years are not when it happened', () => {
    expect(marks('Năm 2024, Đảng bộ Khối chuẩn bị đại hội Đảng bộ Khối nhiệm kỳ 2025 - 2030.', 'Đảng bộ Khối Ninh Bình chuẩn bị đại hội khi nào?')).toEqual(['Năm 2024']);
  });

  it('a count whose action stands before it: the one the question\'s action leads', () => {
    const text = 'Qua đó, xử lý kỷ luật 3 đảng viên, đình chỉ sinh hoạt đảng đối với 5 đảng viên và 1 cấp ủy viên.';
    expect(marks(text, 'Đảng ủy Khối Khánh Hòa xử lý kỷ luật bao nhiêu đảng viên?')).toEqual(['3 đảng viên']);
    expect(marks(text, 'Đảng ủy Khối Khánh Hòa đình chỉ sinh hoạt đảng bao nhiêu đảng viên?')).toEqual(['5 đảng viên']);
  });
});

/**
 * A report that writes its counts in words ("ba mươi lăm dự án", "kết nạp mười hai đảng viên"): the count
 * answers "bao nhiêu …?", is underlined, states the "35" a question types, and is the figure a question
 * checks. Reports invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';
import { fold } from '../../src/text/normalise.js';

const XUAN_LOC = [
  '---',
  'title: Huyện ủy Xuân Lộc sơ kết công tác sáu tháng đầu năm 2025',
  'date: 2025-07-10',
  '---',
  'Sáng 10/7/2025, Ban Thường vụ Huyện ủy Xuân Lộc tổ chức hội nghị sơ kết công tác sáu tháng đầu năm 2025. Đồng chí Trần Văn Khánh, Bí thư Huyện ủy chủ trì hội nghị.',
  '',
  'Sáu tháng đầu năm, huyện khởi công ba mươi lăm dự án hạ tầng nông thôn, hoàn thành mười lăm công trình giao thông.',
  '',
  'Công tác xây dựng Đảng được chú trọng: Đảng bộ huyện kết nạp mười hai đảng viên mới, thành lập hai chi bộ tại các doanh nghiệp.',
  '',
  'Về chương trình nông thôn mới, tổng số xã đạt chuẩn của huyện đến nay là mười bảy.',
  '',
  'Hội nghị thống nhất năm giải pháp trọng tâm cho sáu tháng cuối năm, trong đó ưu tiên giải ngân vốn đầu tư công.',
].join('\n');

const TAN_PHU = [
  '---',
  'title: Huyện ủy Tân Phú tổng kết công tác năm 2024',
  'date: 2024-12-22',
  '---',
  'Chiều 22/12/2024, Huyện ủy Tân Phú tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Đồng chí Lê Thị Hoa, Bí thư Huyện ủy chủ trì hội nghị.',
  '',
  'Năm 2024, huyện thu hút đầu tư vào các khu công nghiệp, tư tưởng của cán bộ, đảng viên ổn định; một số chi bộ còn hạn chế.',
  '',
  'Năm 2024, Đảng bộ huyện Tân Phú kết nạp 87 đảng viên mới.',
].join('\n');

const engine = useCorpusEngine({ 'xuan-loc.txt': XUAN_LOC, 'tan-phu.txt': TAN_PHU });

/** The answer's marked words in the first quote. */
function marked(a: { results: readonly { quote: string; answer?: readonly (readonly [number, number])[] }[] }): string[] {
  const r = a.results[0];
  return r ? (r.answer ?? []).map(([s, e]) => r.quote.slice(s, e)) : [];
}

describe('a count written in words answers "bao nhiêu …?"', () => {
  it('answers with the count, underlined', async () => {
    for (const [q, count] of [
      ['Huyện Xuân Lộc khởi công bao nhiêu dự án?', 'ba mươi lăm dự án'],
      ['Xuân Lộc hoàn thành bao nhiêu công trình giao thông?', 'mười lăm công trình'],
      ['xuan loc khoi cong bao nhieu du an?', 'ba mươi lăm dự án'],
      ['Xuân Lộc thành lập mấy chi bộ?', 'hai chi bộ'],
    ] as const) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain(count);
      expect(marked(a), q).toEqual([count]);
    }
  });

  it('a numeral of several words after the unit is its count, as digits are ("tổng số xã … là mười bảy")', async () => {
    const a = await engine().ask('Xuân Lộc có bao nhiêu xã đạt chuẩn nông thôn mới?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('là mười bảy');
  });

  it('"một số chi bộ" states no count of chi bộ', async () => {
    const a = await engine().ask('Tân Phú có bao nhiêu chi bộ?');
    expect(a.answered).toBe(false);
  });
});

describe('a number the question types is stated by the same number in words', () => {
  it('"35" is stated by "ba mươi lăm", not "36"', async () => {
    const same = await engine().ask('Xuân Lộc khởi công 35 dự án hạ tầng ở đâu?');
    expect(same.answered).toBe(true);
    expect(same.results[0]!.quote).toContain('ba mươi lăm dự án');
    // Highlighted as the words the question typed are: "khởi công ba mươi lăm dự án hạ tầng".
    const r = same.results[0]!;
    expect(r.highlights.map(([s, e]) => r.quote.slice(s, e))).toContain('khởi công ba mươi lăm dự án hạ tầng');
    expect((await engine().ask('Xuân Lộc khởi công 36 dự án hạ tầng ở đâu?')).answered).toBe(false);
  });
});

describe('a figure to check finds the report\'s figure written in words', () => {
  it('typed in digits or in words, the count is asked and quoted', async () => {
    for (const q of ['Xuân Lộc khởi công 35 dự án phải không?', 'Xuân Lộc khởi công 40 dự án đúng không?', 'Xuân Lộc khởi công ba mươi lăm dự án phải không?', 'xuan loc khoi cong bon muoi du an phai khong?']) {
      const a = await chatAnswer(engine(), [q]);
      expect(fold(a.interpreted).toLowerCase(), q).toBe('xuan loc khoi cong bao nhieu du an?');
      expect(a.answered, q).toBe(true);
      expect(marked(a), q).toEqual(['ba mươi lăm dự án']);
    }
  });

  // review10: without marks "hai tram y te" is two health stations ("trạm"), not 200.
  it('leaves a year, an article, a name, and a magnitude that may be a noun without marks, as typed', async () => {
    for (const q of ['Xuân Lộc tổ chức hội nghị năm nay phải không?', 'Xuân Lộc có một số chi bộ yếu phải không?', 'Huyện có đồng chí Mười dự hội nghị không?', 'xuan loc hop sau khi bau cu phai khong?', 'xuan loc co mot so chi bo yeu phai khong?', 'xuan loc co hai tram y te phai khong?']) {
      expect(fold((await chatAnswer(engine(), [q])).interpreted), q).not.toContain('bao nhieu');
    }
  });
});

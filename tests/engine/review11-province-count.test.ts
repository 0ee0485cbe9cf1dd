/**
 * review11: provinceOwnsCount read a province named inside "( … )" or in an apposition as the count's owner,
 * and one province's count in a sentence as the whole sentence's (answerable questions refused).
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'dong-ha.txt': ['---', 'title: Đại hội Đảng bộ thành phố Đông Hà lần thứ VIII', 'date: 2025-05-10', '---', 'Sáng 10/5/2025, Đảng bộ thành phố Đông Hà khai mạc Đại hội đại biểu lần thứ VIII, nhiệm kỳ 2025 - 2030.', '', 'Đảng bộ thành phố Đông Hà (tỉnh Quảng Trị) có 6.200 đảng viên, sinh hoạt tại 48 tổ chức cơ sở đảng.'].join('\n'),
  'vinh.txt': ['---', 'title: Đại hội Đảng bộ thành phố Vinh lần thứ XXIII', 'date: 2025-05-12', '---', 'Sáng 12/5/2025, Đảng bộ thành phố Vinh khai mạc Đại hội đại biểu.', '', 'Đảng bộ thành phố Vinh, tỉnh Nghệ An có 21.000 đảng viên.'].join('\n'),
  'hung-yen.txt': ['---', 'title: Hội nghị Ban Chấp hành Đảng bộ tỉnh Hưng Yên lần thứ nhất', 'date: 2025-07-02', '---', 'Ngày 2/7/2025, Ban Chấp hành Đảng bộ tỉnh Hưng Yên tổ chức hội nghị lần thứ nhất sau khi hợp nhất.', '', 'Đảng bộ tỉnh Hưng Yên (sau hợp nhất với tỉnh Thái Bình) có 250.000 đảng viên, sinh hoạt tại 1.900 tổ chức cơ sở đảng.'].join('\n'),
  'quang-ngai.txt': ['---', 'title: Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2024', 'date: 2024-12-20', '---', 'Chiều 20/12/2024, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', '', 'Đảng bộ tỉnh Kon Tum có 38.000 đảng viên, Đảng bộ tỉnh Quảng Ngãi có 71.000 đảng viên.'].join('\n'),
  'quang-binh.txt': ['---', 'title: Quảng Bình dự hội nghị giao ban các tỉnh Bắc Trung Bộ', 'date: 2024-12-19', '---', 'Chiều 19/12/2024, đoàn công tác tỉnh Quảng Bình dự hội nghị giao ban các tỉnh Bắc Trung Bộ tổ chức ở Vinh.', '', 'Đoàn công tác tỉnh Quảng Bình đến dự hội nghị. Đảng bộ tỉnh Hà Tĩnh có 5.400 đảng viên.'].join('\n'),
});

describe('a count its own body owns, whatever province a parenthesis or apposition names', () => {
  it('answers a city whose body is located "(tỉnh …)" or ", tỉnh …"', async () => {
    const a = await engine().ask('Đông Hà có bao nhiêu đảng viên?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('6.200');
    const v = await engine().ask('Thành phố Vinh có bao nhiêu đảng viên?');
    expect(v.answered).toBe(true);
    expect(v.results[0]!.quote).toContain('21.000');
  });

  it('answers the merged province whose count names the province it took in, in brackets', async () => {
    const a = await engine().ask('Hưng Yên có bao nhiêu đảng viên?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('250.000');
  });

  it('answers a province whose count follows another province\'s in the same sentence', async () => {
    const a = await engine().ask('Quảng Ngãi có bao nhiêu đảng viên?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('71.000');
  });

  it('still refuses another province\'s count', async () => {
    const a = await engine().ask('Quảng Bình có bao nhiêu đảng viên?');
    expect(a.confidence).not.toBe('high');
  });
});

const cities = useCorpusEngine({
  'quang-binh.txt': ['---', 'title: Quảng Bình dự hội nghị giao ban các tỉnh miền Trung', 'date: 2024-12-19', '---', 'Chiều 19/12/2024, đoàn công tác tỉnh Quảng Bình dự hội nghị giao ban tổ chức ở Đà Nẵng.', '', 'Đoàn công tác tỉnh Quảng Bình đến dự hội nghị. Đảng bộ thành phố Đà Nẵng có 58.000 đảng viên.'].join('\n'),
  'da-nang.txt': ['---', 'title: Thành ủy Đà Nẵng tổng kết năm 2024', 'date: 2024-12-18', '---', 'Chiều 18/12/2024, Thành ủy Đà Nẵng tổ chức hội nghị tổng kết.', '', 'Đảng bộ thành phố Đà Nẵng có 58.000 đảng viên.'].join('\n'),
});

describe('a centrally governed city is a province too', () => {
  it('does not give a city\'s count to the province the report is about', async () => {
    expect((await cities().ask('Quảng Bình có bao nhiêu đảng viên?')).confidence).not.toBe('high');
    const d = await cities().ask('Đà Nẵng có bao nhiêu đảng viên?');
    expect(d.answered).toBe(true);
    expect(d.results[0]!.quote).toContain('58.000');
  });
});

const dashed = useCorpusEngine({
  'brvt.txt': ['---', 'title: Tỉnh ủy Bà Rịa - Vũng Tàu tổng kết công tác năm 2024', 'date: 2024-12-21', '---', 'Chiều 21/12/2024, Tỉnh ủy Bà Rịa - Vũng Tàu tổ chức hội nghị tổng kết công tác năm 2024.', '', 'Đảng bộ tỉnh Bà Rịa - Vũng Tàu có 64.000 đảng viên, sinh hoạt tại 700 chi bộ.'].join('\n'),
  'quang-ngai.txt': ['---', 'title: Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2024', 'date: 2024-12-20', '---', 'Chiều 20/12/2024, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết.', '', 'Đảng bộ tỉnh Quảng Ngãi có 71.000 đảng viên.'].join('\n'),
});

describe('a province whose name is written with a dash (Bà Rịa - Vũng Tàu)', () => {
  it('is stated by its own report, not "not mentioned"', async () => {
    for (const q of ['Bà Rịa - Vũng Tàu có bao nhiêu đảng viên?', 'Ba Ria Vung Tau co bao nhieu dang vien']) {
      const a = await dashed().ask(q);
      expect(a.missing, q).toEqual([]);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('64.000');
    }
  });
});

const compared = useCorpusEngine({
  'quang-binh.txt': ['---', 'title: Quảng Bình dự hội nghị giao ban các tỉnh Bắc Trung Bộ', 'date: 2024-12-19', '---', 'Chiều 19/12/2024, đoàn công tác tỉnh Quảng Bình dự hội nghị giao ban tổ chức ở Vinh.', '', 'Đảng bộ tỉnh Nghệ An có 170.000 đảng viên, nhiều hơn tỉnh Quảng Bình.'].join('\n'),
});

describe('a province named after another\'s count, with no count of its own', () => {
  it('is not given the other\'s count', async () => {
    expect((await compared().ask('Quảng Bình có bao nhiêu đảng viên?')).confidence).not.toBe('high');
  });
});

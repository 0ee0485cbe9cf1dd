import { describe, expect, it } from 'vitest';
import { findLeadDate, isDateOnlyLine, parseByline, parseDate, resolveDate, sourceFromLine, splitGluedDateStamp, splitOutletPrefix, outletFromLine, titleFromLead, toVietnamTime } from '../../src/corpus/metadata.js';
import { firstSentence } from '../../src/text/sentences.js';

describe('parseDate', () => {
  it.each([
    ['2024-10-16', '2024-10-16'],
    ['2024-10-16T07:56:00+07:00', '2024-10-16'],
    ['16/10/2024', '2024-10-16'],
    ['16-10-2024', '2024-10-16'],
    ['ngày 16.10.2024', '2024-10-16'],
    ['Ngày 9 tháng 1 năm 2021', '2021-01-09'],
    ['Ngày 9 tháng 1 năm 2021.', '2021-01-09'],
    ['9 tháng 1, 2021', '2021-01-09'],
    ['07:56 16/10/2024', '2024-10-16'],
    ['Thứ Tư, 16/10/2024 | 07:56 GMT+7', '2024-10-16'],
    ['1/2/2021', '2021-02-01'],
  ])('%s → %s (day precision)', (raw, iso) => {
    expect(parseDate(raw)).toMatchObject({ iso, precision: 'day', yearMissing: false });
  });

  it('month and year precision', () => {
    expect(parseDate('2021-01')).toMatchObject({ iso: '2021-01', precision: 'month', year: 2021, month: 1 });
    expect(parseDate('tháng 10 năm 2024')).toMatchObject({ iso: '2024-10', precision: 'month' });
    expect(parseDate('tháng 10/2024')).toMatchObject({ iso: '2024-10', precision: 'month' });
    expect(parseDate('2024')).toMatchObject({ iso: '2024', precision: 'year', year: 2024 });
  });

  it('a day and month without a year: yearMissing, iso null, the year never guessed', () => {
    const d = parseDate('Chiều 15-10');
    expect(d).toEqual({ iso: null, raw: 'Chiều 15-10', precision: 'day', yearMissing: true, month: 10, day: 15 });
    expect(parseDate('14/1')).toMatchObject({ iso: null, yearMissing: true, day: 14, month: 1 });
  });

  it('keeps the raw text', () => {
    expect(parseDate('Ngày 9 tháng 1 năm 2021.')?.raw).toBe('Ngày 9 tháng 1 năm 2021');
    expect(parseDate('  16/10/2024 ')?.raw).toBe('16/10/2024');
  });

  it('refuses impossible dates and non-dates', () => {
    expect(parseDate('31/2/2021')).toBeNull();
    expect(parseDate('10/16/2024')).toBeNull(); // month 16: D/M order only
    expect(parseDate('2021-13-01')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate('không có ngày')).toBeNull();
    expect(parseDate('4.466 đảng viên')).toBeNull();
    expect(parseDate('nhiệm kỳ 2020-2025')).toBeNull();
    expect(parseDate('29/2/2021')).toBeNull();
    expect(parseDate('29/2/2024')).toMatchObject({ iso: '2024-02-29' });
  });
});

describe('datelines and stamps', () => {
  it('recognises lines that are only a date', () => {
    for (const s of ['Ngày 9 tháng 1 năm 2021.', '07:56 16/10/2024', 'Thứ Hai, 16/10/2024 07:56 (GMT+7)', 'Cập nhật: 16-10-2024 10h30', '2024-10-16']) {
      expect(isDateOnlyLine(s), s).toBe(true);
    }
    for (const s of [
      'Chiều 14/1, Đảng ủy Khối Các cơ quan tỉnh tổ chức Hội nghị.',
      'Hoàn thành toàn diện 9 chỉ tiêu',
      'Năm 2021',
      'Sáng 16-10, đồng chí Lê Tiến Châu chủ trì.',
    ]) {
      expect(isDateOnlyLine(s), s).toBe(false);
    }
  });

  it('splits a machine stamp glued to the lead, never a natural opener', () => {
    expect(splitGluedDateStamp(' date 2021-01 Chiều 14/1, Đảng ủy Khối tổ chức hội nghị.')).toEqual({
      stamp: 'date 2021-01',
      rest: 'Chiều 14/1, Đảng ủy Khối tổ chức hội nghị.',
    });
    expect(splitGluedDateStamp('Cập nhật: 16/10/2024 07:56 Sáng 16-10, Thành ủy họp.')?.rest).toBe('Sáng 16-10, Thành ủy họp.');
    expect(splitGluedDateStamp('2024-10-16 Sáng 16-10, Thành ủy họp.')?.stamp).toBe('2024-10-16');
    expect(splitGluedDateStamp('Ngày 15/10, Thành ủy tổ chức hội nghị.')).toBeNull();
    expect(splitGluedDateStamp('Chiều 14/1, Đảng ủy Khối tổ chức hội nghị.')).toBeNull();
  });

  it('reads the date a lead opens with', () => {
    expect(findLeadDate('Chiều 15-10, Ban Chấp hành Đảng bộ khối tổ chức hội nghị.')).toMatchObject({
      raw: 'Chiều 15-10',
      day: 15,
      month: 10,
      yearMissing: true,
      iso: null,
    });
    expect(findLeadDate('Sáng 16-10-2024, Thành ủy làm việc.')).toMatchObject({ iso: '2024-10-16' });
    expect(findLeadDate('Sáng nay (16/10), Thành ủy làm việc.')).toMatchObject({ day: 16, month: 10 });
    expect(findLeadDate('Ngày 9 tháng 1 năm 2021, Đảng bộ tổ chức hội nghị.')).toMatchObject({ iso: '2021-01-09' });
    expect(findLeadDate('Năm 2020, trong điều kiện khó khăn.')).toBeNull();
    expect(findLeadDate('Đảng bộ có 4.466 đảng viên.')).toBeNull();
  });

  it('resolveDate: dateline beats the lead; a month stamp is completed by the lead day of the same month', () => {
    expect(resolveDate([{ raw: '07:56 16/10/2024', where: 'head' }], ['Sáng 16-10, …']).date?.iso).toBe('2024-10-16');
    expect(resolveDate([{ raw: 'date 2021-01', where: 'stamp' }], ['Chiều 14/1, …']).date).toMatchObject({
      iso: '2021-01-14',
      raw: 'date 2021-01 Chiều 14/1',
    });
    // Different month: keep what the stamp says, do not invent a day or a year.
    expect(resolveDate([{ raw: 'date 2021-02', where: 'stamp' }], ['Chiều 31/1, …']).date).toMatchObject({
      iso: '2021-02',
      precision: 'month',
    });
    const noYear = resolveDate([], ['Về nhiệm vụ trước mắt, …', 'Chiều 15-10, Ban Chấp hành …']);
    expect(noYear.date).toMatchObject({ iso: null, yearMissing: true, day: 15, month: 10 });
    expect(noYear.warnings[0]).toMatch(/without a year/);
    expect(resolveDate([], ['Năm 2020, trong điều kiện …']).date).toBeNull();
  });

  it('resolveDate: front matter wins; an unreadable front-matter date falls back with a warning', () => {
    expect(resolveDate([{ raw: '16/10/2024', where: 'head' }], [], '2023-05-01').date?.iso).toBe('2023-05-01');
    const bad = resolveDate([{ raw: '16/10/2024', where: 'head' }], [], 'hôm qua');
    expect(bad.date?.iso).toBe('2024-10-16');
    expect(bad.warnings[0]).toMatch(/front matter date/);
  });
});

describe('outlets', () => {
  it('outlet lines', () => {
    expect(outletFromLine('SGGPO')).toBe('SGGPO');
    expect(outletFromLine('TTXVN')).toBe('TTXVN');
    expect(outletFromLine('VOV.VN')).toBe('VOV.VN');
    expect(outletFromLine('baochinhphu.vn')).toBe('baochinhphu.vn');
    expect(outletFromLine('VIDEO')).toBeNull();
    expect(outletFromLine('Hoàn thành toàn diện')).toBeNull();
    expect(outletFromLine('THU HƯỜNG')).toBeNull();
  });

  it('outlet tags opening the lead', () => {
    expect(splitOutletPrefix('(HPĐT)- Sáng 16-10, đồng chí Lê Tiến Châu …')).toEqual({
      outlet: 'HPĐT',
      rest: 'Sáng 16-10, đồng chí Lê Tiến Châu …',
    });
    expect(splitOutletPrefix('(Chinhphu.vn) - Chiều 15/10, …')?.outlet).toBe('Chinhphu.vn');
    expect(splitOutletPrefix('(ĐCSVN) – Sáng nay, …')?.outlet).toBe('ĐCSVN');
    expect(splitOutletPrefix('(trong đó có 3 chi bộ) - …')).toBeNull();
  });

  it('source lines at the end', () => {
    expect(sourceFromLine('Theo TTXVN')).toBe('TTXVN');
    expect(sourceFromLine('(Theo Báo Nhân Dân)')).toBe('Báo Nhân Dân');
    expect(sourceFromLine('Nguồn: baochinhphu.vn')).toBe('baochinhphu.vn');
    expect(sourceFromLine('Theo đó, các cấp ủy cần tập trung lãnh đạo.')).toBeNull();
  });
});

describe('bylines', () => {
  it.each([
    ['THU HƯỜNG', 'THU HƯỜNG', null],
    ['Thái Hùng (Văn phòng HĐND – UBND thành phố Huế)', 'Thái Hùng', 'Văn phòng HĐND – UBND thành phố Huế'],
    ['Hồ Sỹ Trung-Phó Bí thư Thường trực Thành ủy Đông Hà', 'Hồ Sỹ Trung', 'Phó Bí thư Thường trực Thành ủy Đông Hà'],
    ['THU HÀ - MINH ANH', 'THU HÀ - MINH ANH', null],
    ['Bài và ảnh: Ngọc Lan', 'Ngọc Lan', null],
    ['PV', 'PV', null],
  ])('%s', (line, author, role) => {
    expect(parseByline(line)).toMatchObject({ author, role });
  });

  it('refuses sentences and headings', () => {
    for (const s of [
      'Hoàn thành toàn diện 9 chỉ tiêu',
      'Nắm tình hình tư tưởng, lãnh đạo, chỉ đạo sắc nét',
      'Đồng chí Lê Duy Minh mong muốn các sở, ngành thuộc khối cần kết nối.',
      '“Năm 2021 Đảng ủy Khối cần phải đề cao trách nhiệm”',
      'Hội',
    ]) {
      expect(parseByline(s), s).toBeNull();
    }
  });
});

describe('titles from the lead', () => {
  it('drops the opening date phrase and the final period', () => {
    expect(titleFromLead('Chiều 14/1, Đảng ủy Khối tổ chức Hội nghị tổng kết. Câu sau.')).toBe(
      'Đảng ủy Khối tổ chức Hội nghị tổng kết',
    );
  });

  it('cuts a long sentence at a word boundary, at most 120 characters', () => {
    const lead = `Đảng bộ ${'thành phố tiếp tục đổi mới phương thức lãnh đạo '.repeat(6)}trong năm tới.`;
    const t = titleFromLead(lead);
    expect(t.length).toBeLessThanOrEqual(120);
    expect(t.endsWith('…')).toBe(true);
    expect(lead.startsWith(t.slice(0, -1))).toBe(true);
    expect(lead[t.length - 1]).toBe(' '); // cut before a space, not inside a word
  });

  it('does not end a sentence at an abbreviation', () => {
    expect(firstSentence('Sáng nay, TP. Huế tổ chức hội nghị. Câu hai.')).toBe('Sáng nay, TP. Huế tổ chức hội nghị.');
  });
});

describe('toVietnamTime', () => {
  it('moves machine timestamps of other zones to UTC+7 and leaves everything else alone', () => {
    expect(toVietnamTime('2024-10-15T20:00:00Z')).toBe('2024-10-16T03:00:00+07:00');
    expect(toVietnamTime('2024-10-15T10:00:00.000+02:00')).toBe('2024-10-15T15:00:00+07:00');
    expect(toVietnamTime('2024-10-16T07:56:00+07:00')).toBe('2024-10-16T07:56:00+07:00');
    expect(toVietnamTime('2024-10-16')).toBe('2024-10-16');
    expect(toVietnamTime('Chiều 15-10')).toBe('Chiều 15-10');
  });
});

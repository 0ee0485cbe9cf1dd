/**
 * probe10: a byline and a date on one line under the title ("THANH HÀ - 05/06/2025 08:30", as many
 * provincial papers print it) gave no date ("Ngày: không rõ") and was cited as the paragraph's section
 * ("mục “THANH HÀ - 05/06/2025 08:30”"). It is the article's dateline and byline, not a heading.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/read.js';
import { splitBylineDate } from '../../src/corpus/metadata.js';
import { localizeLine } from '../../src/text/operator.js';

const BODY = 'Đảng bộ xã Tam Đảo hiện có 288 đảng viên sinh hoạt tại 12 chi bộ trực thuộc.';

describe('a byline and a date on one line', () => {
  it('dates the article, keeps the author and never makes the line a heading', () => {
    for (const line of ['THANH HÀ - 05/06/2025 08:30', 'Thanh Hà – 05/06/2025', 'MINH ANH | 07:56 05/06/2025']) {
      const a = parseArticle(`Hội nghị Đảng bộ xã Tam Đảo\n\n${line}\n\n${BODY}\n`, 'tam-dao.txt');
      expect(a.date?.iso, line).toBe('2025-06-05');
      expect(a.author, line).toMatch(/^(?:THANH HÀ|Thanh Hà|MINH ANH)$/u);
      expect(a.blocks.map((b) => b.text), line).toEqual([BODY]);
    }
  });

  it('splits only a name and a whole date: a sentence, a heading or a yearless date stays as it was', () => {
    expect(splitBylineDate('THANH HÀ - 05/06/2025 08:30')).toEqual({ byline: 'THANH HÀ', date: '05/06/2025 08:30' });
    expect(splitBylineDate('Đại hội lần thứ 5 - 05/06/2025')).toBeNull();
    expect(splitBylineDate('THANH HÀ - ngày 5/6')).toBeNull();
    expect(splitBylineDate('THANH HÀ')).toBeNull();
  });
});

describe('a date only in the title (probe10)', () => {
  it('dates the article from a whole date in its title when the text gives none, and says so', () => {
    const a = parseArticle(`Nghị quyết Hội nghị Ban Chấp hành Đảng bộ xã Phước Long lần thứ 12 ngày 12/7/2025\n\n${BODY}\n`, 'phuoc-long.txt');
    expect(a.date?.iso).toBe('2025-07-12');
    const note = a.warnings.find((w) => w.includes('title'));
    expect(note).toBe('the text gives no date; using the date in the title (12/7/2025)');
    expect(localizeLine(note!, 'vi')).toBe('bài không ghi ngày; dùng ngày trong tiêu đề (12/7/2025)');
    expect(a.warnings).not.toContain('no date found in the article');
  });

  it('the text wins over the title, and a title with a year or a yearless day only gives no date', () => {
    expect(parseArticle(`Hội nghị ngày 12/7/2025\n\nNgày 15/7/2025\n\n${BODY}\n`, 'a.txt').date?.iso).toBe('2025-07-15');
    expect(parseArticle(`Kết quả năm 2025 của Đảng bộ xã Phước Long\n\n${BODY}\n`, 'b.txt').date).toBeNull();
    expect(parseArticle(`Hội nghị ngày 12/7 của Đảng bộ xã Phước Long\n\n${BODY}\n`, 'c.txt').date).toBeNull();
  });
});

describe('a title date that is not the meeting\'s (review11)', () => {
  it('takes no date from an anniversary span or a numbered document\'s date', () => {
    expect(parseArticle(`Tỉnh ủy Nghệ An kỷ niệm 95 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2025)\n\n${BODY}\n`, 'k.txt').date).toBeNull();
    expect(parseArticle(`Hà Tĩnh sơ kết Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương\n\n${BODY}\n`, 'n.txt').date).toBeNull();
    expect(parseArticle(`Nghị quyết Hội nghị Ban Chấp hành Đảng bộ xã Phước Long lần thứ 12 ngày 12/7/2025\n\n${BODY}\n`, 'p.txt').date?.iso).toBe('2025-07-12');
  });
});

describe('a place and a date under the title (review11)', () => {
  it('dates the article but makes no author of the place', () => {
    const a = parseArticle(`Hội nghị Đảng bộ tỉnh Quảng Ninh\n\nHẠ LONG - 05/06/2025 08:30\n\n${BODY}\n`, 'hl.txt');
    expect(a.author).toBeNull();
    expect(a.date?.iso).toBe('2025-06-05');
    expect(a.blocks.map((b) => b.text)).toEqual([BODY]);
    expect(splitBylineDate('HẠ LONG - 05/06/2025 08:30')).toEqual({ byline: null, date: '05/06/2025 08:30' });
    expect(splitBylineDate('THANH HÀ - 05/06/2025 08:30')).toEqual({ byline: 'THANH HÀ', date: '05/06/2025 08:30' });
  });
});

/**
 * probe10: a byline and a date on one line under the title ("THANH HÀ - 05/06/2025 08:30", as many
 * provincial papers print it) gave no date ("Ngày: không rõ") and was cited as the paragraph's section
 * ("mục “THANH HÀ - 05/06/2025 08:30”"). It is the article's dateline and byline, not a heading.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/read.js';
import { splitBylineDate } from '../../src/corpus/metadata.js';

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

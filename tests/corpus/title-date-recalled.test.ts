/**
 * trust11: an undated report whose title holds a single historical date ("… kỷ niệm ngày 3/2/1930") took it
 * as its own date. A title's date is the report's only when it can be: not after an anniversary's words
 * (unless in the file's own year), not years before the file was made, not before the reports' era.
 */
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/corpus/clean.js';
import { extractMetadata } from '../../src/corpus/metadata.js';
import { parseArticle } from '../../src/corpus/read.js';

const BODY = 'Đảng bộ xã Tam Đảo hiện có 288 đảng viên sinh hoạt tại 12 chi bộ trực thuộc.';
const dateOf = (title: string) => parseArticle(`${title}\n\n${BODY}\n`, 't.txt').date?.iso ?? null;
const withFileDate = (title: string, fileDate: string) => extractMetadata(cleanArticleText(`${title}\n\n${BODY}\n`), { fileDate }).date?.iso ?? null;

describe('a title date the report recalls is not its date', () => {
  it('takes no date after an anniversary\'s words or before the reports\' era', () => {
    expect(dateOf('Tỉnh ủy Nghệ An tổ chức kỷ niệm ngày 3/2/1930')).toBeNull();
    expect(dateOf('Ôn lại Cách mạng tháng Tám 19/8/1945 ở xã Tam Đảo')).toBeNull();
    expect(dateOf('Huyện ủy Tam Đảo kỷ niệm 25 năm ngày tái lập huyện 1/1/1999')).toBeNull();
  });

  it('still dates a report from its meeting\'s day in the title', () => {
    expect(dateOf('Nghị quyết Hội nghị Ban Chấp hành Đảng bộ xã Phước Long lần thứ 12 ngày 12/7/2025')).toBe('2025-07-12');
  });

  it('weighs a title date against the file\'s own date', () => {
    // Years before the file: recalled; the file's date stands.
    expect(withFileDate('Hội nghị Ban Chấp hành Đảng bộ xã ngày 12/7/2015', '2025-07-20T08:00:00+07:00')).toBe('2025-07-20');
    // The meeting's day, the file written after it.
    expect(withFileDate('Hội nghị Ban Chấp hành Đảng bộ xã ngày 12/7/2025', '2025-07-20T08:00:00+07:00')).toBe('2025-07-12');
    // An anniversary held in the file's year: that day is the meeting's.
    expect(withFileDate('Mít tinh kỷ niệm 95 năm ngày thành lập Đảng, ngày 3/2/2025', '2025-02-05T08:00:00+07:00')).toBe('2025-02-03');
  });
});

/** review12a: a report's own day in its title, after a word the anniversary rule reads as a recall, or in a file created years earlier. */
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/corpus/clean.js';
import { extractMetadata } from '../../src/corpus/metadata.js';
import { parseArticle } from '../../src/corpus/read.js';

const BODY = 'Đảng bộ xã Hiếu Giang hiện có 1.250 đảng viên sinh hoạt tại 32 chi bộ trực thuộc.';
const dateOf = (title: string) => parseArticle(`${title}\n\n${BODY}\n`, 't.txt').date?.iso ?? null;
const withFileDate = (title: string, fileDate: string) => extractMetadata(cleanArticleText(`${title}\n\n${BODY}\n`), { fileDate }).date?.iso ?? null;

describe('a title date that is the report\'s own', () => {
  it('"công bố quyết định thành lập … ngày 30/6/2025" is the meeting\'s day', () => {
    expect(dateOf('Công bố quyết định thành lập Đảng bộ xã Hiếu Giang ngày 30/6/2025')).toBe('2025-06-30');
  });
  it('a Word template created years before the meeting does not override the title\'s day', () => {
    expect(withFileDate('Hội nghị Ban Chấp hành Đảng bộ xã Hiếu Giang ngày 12/7/2025', '2019-03-01T08:00:00+07:00')).toBe('2025-07-12');
  });
});

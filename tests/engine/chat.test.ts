import { describe, expect, it } from 'vitest';
import { compareSides, placeSides, readFilters } from '../../src/engine/chat.js';
import type { ArticleView } from '../../src/engine/types.js';

const article = (id: string, year: number | null, outlet: string | null): ArticleView => ({
  id,
  title: id,
  subject: null,
  date: year === null ? null : { iso: `${year}-01-01`, raw: String(year), precision: 'day', yearMissing: false, year, month: 1, day: 1 },
  outlet,
  author: null,
  url: null,
  paragraphs: 1,
  chunks: 1,
});
const ARTICLES = [article('hp', 2024, 'HPĐT'), article('hcm', 2021, 'SGGPO'), article('hue', 2021, null)];

describe('readFilters', () => {
  it('reads explicit filters and takes them out of the question', () => {
    expect(readFilters('năm:2021 Ai là Bí thư?', ARTICLES)).toEqual({ text: 'Ai là Bí thư?', articleIds: ['hcm', 'hue'], labels: ['năm 2021'] });
    expect(readFilters('nguồn:hpđt năm:2024 có bao nhiêu đảng viên?', ARTICLES).articleIds).toEqual(['hp']);
    expect(readFilters('năm:2019 x', ARTICLES).articleIds).toEqual([]);
  });

  it('reads an outlet named in the question', () => {
    expect(readFilters('báo SGGPO: Đảng ủy khối vận động bao nhiêu trang thiết bị?', ARTICLES)).toMatchObject({ text: 'Đảng ủy khối vận động bao nhiêu trang thiết bị?', articleIds: ['hcm'] });
    expect(readFilters('trong bài của báo HPĐT, kết nạp bao nhiêu?', ARTICLES).articleIds).toEqual(['hp']);
  });

  it('leaves a question without filters exactly as typed', () => {
    const q = 'Ai   là Bí thư Thành ủy Huế?';
    expect(readFilters(q, ARTICLES)).toEqual({ text: q, articleIds: null, labels: [] });
  });
});

describe('compareSides', () => {
  it('reads "so sánh X của A và B" and "A hay B nhiều X hơn"', () => {
    expect(compareSides('So sánh số đảng viên của Huế và Đông Hà?')).toEqual({ measure: 'số đảng viên', sides: ['Huế', 'Đông Hà'] });
    expect(compareSides('Huế hay Đông Hà nhiều đảng viên hơn?')).toEqual({ measure: 'đảng viên', sides: ['Huế', 'Đông Hà'] });
    expect(compareSides('Ai là Bí thư?')).toBeNull();
    expect(compareSides('Compare the number of party members of Hai Phong and Hue')).toEqual({ measure: 'number of party members', sides: ['Hai Phong', 'Hue'], english: true });
    // Not two places: no comparison of sides (the question is searched as it is).
    expect(compareSides('Compare the goals of the plan and the results')).toBeNull();
  });
});

describe('placeSides', () => {
  it('reads a question asked of two places at once ("Hải Phòng và Nghệ An có …"), and nothing else', () => {
    expect(placeSides('Hải Phòng và Nghệ An có bao nhiêu tổ chức đảng?')).toEqual({ measure: 'có bao nhiêu tổ chức đảng', sides: ['Hải Phòng', 'Nghệ An'], asks: true });
    expect(placeSides('thành phố Huế, Đông Hà có bao nhiêu đảng viên')).toEqual({ measure: 'có bao nhiêu đảng viên', sides: ['thành phố Huế', 'Đông Hà'], asks: true });
    expect(placeSides('Nguyễn Đức Trung và Nguyễn Nam Đình có mặt ở đâu?')).toBeNull();
    expect(placeSides('Hải Phòng có bao nhiêu đảng viên?')).toBeNull();
  });
});

/**
 * A place only the title writes is what the whole report is about: "Hưng Yên có bao nhiêu đảng viên?" over a
 * one-paragraph report titled with Hưng Yên was only "có thể liên quan" while no paragraph of any report wrote
 * the name (the title's credit was looked up through a paragraph's match, and a term no paragraph holds had none).
 */
import { expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'hung-yen.txt': ['Đảng bộ tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2025', 'Ngày 20 tháng 12 năm 2025.', '', 'Toàn Đảng bộ hiện có 245.000 đảng viên sinh hoạt tại 3.900 tổ chức cơ sở đảng.'].join('\n'),
  'nghe-an.txt': ['Đảng bộ tỉnh Nghệ An tổng kết công tác năm 2025', 'Ngày 18 tháng 12 năm 2025.', '', 'Đảng bộ tỉnh Nghệ An có 5.400 tổ chức cơ sở đảng với hơn 200.000 đảng viên.'].join('\n'),
});

it('answers with the report whose title alone names the province asked', async () => {
  const a = await engine().ask('Hưng Yên có bao nhiêu đảng viên?');
  expect(a.confidence).toBe('high');
  expect(a.results[0]!.quote).toContain('245.000 đảng viên');
  expect(a.results[0]!.article.title).toContain('Hưng Yên');
});

it('still gives that report nothing for another province it never names', async () => {
  const a = await engine().ask('Thái Bình có bao nhiêu đảng viên?');
  expect(a.confidence).not.toBe('high');
  expect(a.results.some((r) => r.quote.includes('245.000'))).toBe(false);
});

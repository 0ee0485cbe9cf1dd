/**
 * A count in a report whose title names the province asked beside the one it visits, in a sentence naming
 * only the visited one, is the visited one's: "Hưng Yên có bao nhiêu đảng viên?" was answered with
 * confidence by Thái Bình's 112.000 (countsElsewhere let the title decide whenever it named the place asked)
 * as soon as any paragraph of the corpus wrote "Hưng Yên" (review12b).
 */
import { expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'thai-binh.txt': ['Đoàn công tác tỉnh Hưng Yên thăm và làm việc tại Thái Bình', 'Ngày 15 tháng 12 năm 2025.', '', 'Tại buổi làm việc, đồng chí Bí thư Tỉnh ủy Thái Bình cho biết toàn Đảng bộ hiện có 112.000 đảng viên sinh hoạt tại 1.450 tổ chức cơ sở đảng.'].join('\n'),
  'nghe-an.txt': ['Đảng bộ tỉnh Nghệ An tổng kết công tác năm 2025', 'Ngày 18 tháng 12 năm 2025.', '', 'Đảng bộ tỉnh Nghệ An có 5.400 tổ chức cơ sở đảng với hơn 200.000 đảng viên.', '', 'Năm 2025, tỉnh đã cử đoàn đi học tập kinh nghiệm tại Hưng Yên và Bắc Ninh.'].join('\n'),
});

it("never answers Hưng Yên's count with the visited province's", async () => {
  for (const q of ['Hưng Yên có bao nhiêu đảng viên?', 'Hung Yen co bao nhieu dang vien?', 'Tỉnh Hưng Yên có bao nhiêu tổ chức cơ sở đảng?']) {
    const a = await engine().ask(q);
    expect(a.confidence === 'high' && a.results.some((r) => r.quote.includes('112.000')), q).toBe(false);
  }
});

it('still answers the visited province', async () => {
  const a = await engine().ask('Thái Bình có bao nhiêu đảng viên?');
  expect(a.confidence).toBe('high');
  expect(a.results[0]!.quote).toContain('112.000');
});

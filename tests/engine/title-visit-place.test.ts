/**
 * A place only a title names, beside another place the report is about, is no subject of its figures:
 * "Đoàn công tác tỉnh Hưng Yên thăm và làm việc tại Thái Bình" over Thái Bình's count, asked of Hưng Yên,
 * or "Nguyễn Văn An được bầu với bao nhiêu phần trăm số phiếu?" over a report titled with him that elects
 * Trần Văn Bảo, were answered with confidence once a term no paragraph writes took its title's credit (review12b).
 */
import { expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'thai-binh.txt': ['Đoàn công tác tỉnh Hưng Yên thăm và làm việc tại Thái Bình', 'Ngày 15 tháng 12 năm 2025.', '', 'Tại buổi làm việc, đồng chí Bí thư Tỉnh ủy Thái Bình cho biết toàn Đảng bộ hiện có 112.000 đảng viên sinh hoạt tại 1.450 tổ chức cơ sở đảng.'].join('\n'),
  'hung-yen.txt': ['Đảng bộ tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2025', 'Ngày 20 tháng 12 năm 2025.', '', 'Toàn Đảng bộ hiện có 245.000 đảng viên sinh hoạt tại 3.900 tổ chức cơ sở đảng.'].join('\n'),
  'tan-lap.txt': ['Đồng chí Nguyễn Văn An dự Đại hội Đảng bộ xã Tân Lập', 'Ngày 5 tháng 7 năm 2025.', '', 'Đại hội đã bầu đồng chí Trần Văn Bảo giữ chức Bí thư Đảng ủy xã nhiệm kỳ 2025 - 2030 với 98% số phiếu.'].join('\n'),
  'nghe-an.txt': ['Đảng bộ tỉnh Nghệ An tổng kết công tác năm 2025', 'Ngày 18 tháng 12 năm 2025.', '', 'Đảng bộ tỉnh Nghệ An có 5.400 tổ chức cơ sở đảng với hơn 200.000 đảng viên.'].join('\n'),
});

it("never answers Hưng Yên's count with the figures of the province its delegation visited", async () => {
  for (const q of ['Hưng Yên có bao nhiêu đảng viên?', 'Hung Yen co bao nhieu dang vien?']) {
    const a = await engine().ask(q);
    expect(a.results.filter((r) => r.quote.includes('112.000')).length === 0 || a.confidence !== 'high', q).toBe(true);
  }
});

it('never gives a person a title names in passing the votes its paragraph gives someone else', async () => {
  const a = await engine().ask('Nguyễn Văn An được bầu với bao nhiêu phần trăm số phiếu?');
  expect(a.results.some((r) => r.quote.includes('98%')) && a.confidence === 'high').toBe(false);
});

it("still answers with the report whose title alone names the province asked", async () => {
  const a = await engine().ask('Hưng Yên có bao nhiêu đảng viên?');
  expect(a.confidence).toBe('high');
  expect(a.results[0]!.quote).toContain('245.000');
});

it('still answers the visited province', async () => {
  const a = await engine().ask('Thái Bình có bao nhiêu đảng viên?');
  expect(a.confidence).toBe('high');
  expect(a.results[0]!.quote).toContain('112.000');
});

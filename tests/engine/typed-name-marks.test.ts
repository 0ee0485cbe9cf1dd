/**
 * A name typed with its marks in a question otherwise typed without them is that name: "… dong chi Nguyễn
 * Văn Hạ …" was matched folded (the whole question counted as unaccented) and answered with confidence by
 * Nguyễn Văn Hà's report, which the same question typed all with marks is refused by (review12b).
 */
import { expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'tan-lap.txt': ['Hội nghị Ban Chấp hành Đảng bộ xã Tân Lập lần thứ 12', 'Ngày 5 tháng 11 năm 2025.', '', 'Đồng chí Nguyễn Văn Hà, Bí thư Đảng ủy xã, chủ trì Hội nghị Ban Chấp hành Đảng bộ xã Tân Lập lần thứ 12.'].join('\n'),
  'ha-tinh.txt': ['Đảng bộ tỉnh Hà Tĩnh tổng kết công tác năm 2025', 'Ngày 18 tháng 12 năm 2025.', '', 'Đồng chí Nguyễn Văn Cường, Bí thư Tỉnh ủy Hà Tĩnh, chủ trì hội nghị. Năm 2025, Đảng bộ tỉnh kết nạp 2.100 đảng viên mới.'].join('\n'),
});

it('never answers for Nguyễn Văn Hạ, typed with marks among words without, with Nguyễn Văn Hà', async () => {
  const a = await engine().ask('cho em hoi voi a, hom truoc dong chi Nguyễn Văn Hạ da chu tri hoi nghi nao cua Dang bo xa Tan Lap vay a');
  expect(a.confidence).not.toBe('high');
});

it('still reads a name typed without marks folded', async () => {
  const a = await engine().ask('cho em hoi voi a, hom truoc dong chi Nguyen Van Ha da chu tri hoi nghi nao cua Dang bo xa Tan Lap vay a');
  expect(a.confidence).toBe('high');
  expect(a.results[0]!.quote).toContain('Nguyễn Văn Hà');
});

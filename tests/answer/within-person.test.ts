/** review12a: a city that is a person's given name ("đồng chí Triệu Tài Vinh") names no report "about Vinh (thuộc Nghệ An)". */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'ha-giang.txt': [
    'Lãnh đạo tỉnh thăm các xã vùng cao',
    '',
    'Ngày 5/3/2024, đồng chí Triệu Tài Vinh thăm và làm việc tại các xã vùng cao của tỉnh Hà Giang.',
    '',
    'Đồng chí Triệu Tài Vinh yêu cầu các xã tập trung phát triển cây chè, bảo vệ rừng đầu nguồn.',
  ].join('\n'),
  'hue.txt': ['HUẾ TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG', '', 'Ngày 20/12/2024, Thành ủy Huế tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', '', 'Đảng bộ thành phố Huế có 40.020 đảng viên.'].join('\n'),
});

describe('reports within a province', () => {
  it('a person named Vinh is no report about Vinh (Nghệ An)', async () => {
    const a = await engine().ask('Nghệ An có bao nhiêu đảng viên?');
    expect(a.missing).toContain('Nghệ An');
    expect((a.within ?? []).map((w) => w.place)).not.toContain('Vinh');
  });
});

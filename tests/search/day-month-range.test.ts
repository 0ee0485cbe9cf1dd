/**
 * A share of a count written with a slash ("42/49 TCCS đảng") is no day: it had made a paragraph without
 * any date a confident answer to "khi nào … đại hội …?" (probe11), and was underlined as the date.
 */
import { expect, it } from 'vitest';
import { DATE, DAY } from '../../src/search/confidence.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';

it('reads a day up to 31 and a month up to 12, so shares of counts are no dates', () => {
  for (const share of ['42/49 TCCS đảng', '6/49 TCCS đảng', 'đạt 32/12 chỉ tiêu', '15/13']) {
    expect(DATE.test(share)).toBe(false);
    expect(share.match(DAY)).toBeNull();
  }
  expect('ngày 16/10/2024'.match(DAY)).toEqual(['ngày 16/10/2024']);
  expect('ngày 9 tháng 10'.match(DAY)).toEqual(['ngày 9 tháng 10']);
  expect('khai mạc 31/12/2020 tại'.match(DAY)).toEqual(['31/12/2020']);
  expect(DATE.test('họp 9/1')).toBe(true);
});

const engine = useCorpusEngine({
  'cam-lo.txt': [
    'Đảng bộ huyện Cam Lộ tổng kết công tác xây dựng Đảng',
    '',
    'Huyện ủy Cam Lộ đã tổ chức thành công Đại hội Đảng bộ huyện lần thứ XV, là đơn vị được chọn tổ chức đại hội điểm. Năm 2020, Đảng bộ huyện có 42/49 TCCS đảng hoàn thành tốt nhiệm vụ trở lên; 6/49 TCCS đảng hoàn thành nhiệm vụ.',
  ].join('\n'),
});

it('"khi nào … đại hội …?" over a report giving no day is no confident answer', async () => {
  const a = await engine().ask('Khi nào Cam Lộ tổ chức Đại hội Đảng bộ huyện lần thứ XV?');
  expect(a.confidence).not.toBe('high');
});

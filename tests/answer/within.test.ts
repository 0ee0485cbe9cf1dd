/**
 * trust11: a report on a place inside the province asked is named ("Có báo cáo về Đông Hà (thuộc Quảng
 * Trị)") also when none of its passages shares a word with the question: looked up in the index, not only
 * among the retrieved passages.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'dong-ha-cay-xanh.txt': [
    '---',
    'title: Thành phố Đông Hà ra quân trồng cây xanh đầu xuân',
    'date: 2024-02-20',
    '---',
    'Sáng 20/2/2024, thành phố Đông Hà phát động Tết trồng cây đầu xuân tại phường 5.',
    '',
    'Hơn 2.000 cây sao đen, lim xanh được trồng dọc các tuyến phố và quanh sân trường học.',
  ].join('\n'),
  'nghe-an.txt': ['---', 'title: Tỉnh ủy Nghệ An tổng kết công tác năm 2024', 'date: 2024-12-20', '---', 'Chiều 20/12/2024, Tỉnh ủy Nghệ An tổ chức hội nghị tổng kết công tác xây dựng Đảng.', '', 'Đảng bộ tỉnh Nghệ An có 230.000 đảng viên.'].join('\n'),
});

describe('reports on a place inside the one asked, from the index', () => {
  it('names the Đông Hà report for a Quảng Trị count it shares no word with', async () => {
    const a = await engine().ask('Quảng Trị có bao nhiêu đảng viên?');
    expect(a.confidence).not.toBe('high');
    expect(a.missing).toContain('Quảng Trị');
    expect(a.within?.[0]).toMatchObject({ asked: 'Quảng Trị', place: 'Đông Hà' });
    expect(a.within![0]!.articles.map((x) => x.title)).toEqual(['Thành phố Đông Hà ra quân trồng cây xanh đầu xuân']);
  });

  it('names nothing for a province no report is inside', async () => {
    const a = await engine().ask('Hà Giang có bao nhiêu đảng viên?');
    expect(a.within ?? []).toEqual([]);
  });
});

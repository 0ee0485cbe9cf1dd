/**
 * review10: "hội nghị … diễn ra ở đâu?" is answered by a paragraph naming the venue in the words reports
 * use ("tại khách sạn …", "tại phòng họp …", "tại sân vận động …", "trực tuyến"), not refused because the
 * venue is no gazetteer place and no capital follows "tại". Reports invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const report = (title: string, lead: string, venue: string) => ['---', `title: ${title}`, 'date: 2024-12-18', '---', lead, '', venue].join('\n');

const engine = useCorpusEngine({
  'dn.txt': report('Đảng ủy Khối Doanh nghiệp tổ chức hội nghị giao ban', 'Chiều 18/12/2024, Đảng ủy Khối Doanh nghiệp tổ chức hội nghị giao ban quý IV.', 'Hội nghị diễn ra tại khách sạn Mường Thanh, có 80 đại biểu dự.'),
  'cx.txt': report('Huyện ủy Cẩm Xuyên sơ kết 6 tháng', 'Sáng 18/12/2024, Huyện ủy Cẩm Xuyên tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.', 'Hội nghị được tổ chức tại phòng họp số 1 của Huyện ủy, với sự tham dự của 120 đại biểu.'),
  'nd.txt': report('Hội Nông dân tổ chức đại hội', 'Sáng 20/12/2024, Hội Nông dân xã tổ chức đại hội đại biểu lần thứ X.', 'Đại hội diễn ra tại sân vận động trung tâm xã với 300 đại biểu.'),
});

describe('a meeting held at a venue the gazetteer does not name', () => {
  it('is answered with the paragraph naming it', async () => {
    for (const [q, venue] of [
      ['Hội nghị giao ban quý IV của Đảng ủy Khối Doanh nghiệp diễn ra ở đâu?', 'khách sạn Mường Thanh'],
      ['Hội nghị sơ kết của Huyện ủy Cẩm Xuyên được tổ chức ở đâu?', 'phòng họp số 1'],
      ['Đại hội Hội Nông dân xã diễn ra ở đâu?', 'sân vận động'],
    ] as const) {
      const a = await chatAnswer(engine(), [q]);
      expect(a.confidence, q).toBe('high');
      expect(a.results.some((r) => r.quote.includes(venue)), q).toBe(true);
    }
  });
});

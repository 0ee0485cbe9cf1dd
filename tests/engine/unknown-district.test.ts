/**
 * A district the gazetteer lacks, spelt with office words ("Đồng Văn": "đồng" of hội đồng, "văn" of văn
 * phòng), named after "ở" / "huyện": it is the place asked, and another district's report never answers
 * for it. Reports invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { DONG_VAN } from '../helpers/district-reports.js';

const YEN_MINH = [
  '---',
  'title: Huyện ủy Yên Minh tổng kết công tác năm 2024',
  'date: 2024-12-20',
  '---',
  'Chiều 20/12/2024, Huyện ủy Yên Minh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Đồng chí Sùng Mí Páo, Bí thư Huyện ủy chủ trì hội nghị.',
  '',
  'Phát biểu chỉ đạo hội nghị, đồng chí Sùng Mí Páo yêu cầu các chi bộ nâng cao chất lượng sinh hoạt.',
  '',
  'Năm 2024, Đảng bộ huyện Yên Minh kết nạp 150 đảng viên mới.',
].join('\n');

const engine = useCorpusEngine({ 'dong-van.txt': DONG_VAN, 'yen-minh.txt': YEN_MINH });

describe('a district spelt with office words, after "ở" or "huyện", is the place asked', () => {
  it('is never answered from another district\'s report', async () => {
    for (const q of ['ai phát biểu chỉ đạo hội nghị ở Đồng Văn?', 'huyện Đồng Văn kết nạp bao nhiêu đảng viên năm 2024?', 'ai chủ trì hội nghị của huyện Đồng Văn?']) {
      const a = await engine().ask(q);
      expect(a.results.every((r) => r.article.id.startsWith('dong-van')), q).toBe(true);
      expect(a.answered && a.results[0]!.quote.includes('Sùng Mí Páo'), q).toBe(false);
    }
  });

  it('still answers from its own report, and the other district from its own', async () => {
    const own = await engine().ask('huyện Đồng Văn kết nạp bao nhiêu đảng viên trong quý I năm 2025?');
    expect(own.answered).toBe(true);
    expect(own.results[0]!.quote).toContain('48 đảng viên');
    const other = await engine().ask('ai phát biểu chỉ đạo hội nghị ở Yên Minh?');
    expect(other.answered).toBe(true);
    expect(other.results[0]!.quote).toContain('Sùng Mí Páo');
  });

  it('"ai chủ trì …?" is not answered by a paragraph naming no one (the body held the meeting: nobody chaired it by name)', async () => {
    const none = await engine().ask('ai chủ trì hội nghị ở Đồng Văn?');
    expect(none.answered).toBe(false);
    const named = await engine().ask('ai chủ trì hội nghị ở Yên Minh?');
    expect(named.answered).toBe(true);
    expect(named.results[0]!.quote).toContain('Sùng Mí Páo');
  });
});

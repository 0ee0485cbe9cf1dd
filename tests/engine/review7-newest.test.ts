/** review7: "the newest report first" must not put a district's newer figure above the province's. */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const report = (title: string, date: string, ...paragraphs: string[]) => ['---', `title: ${title}`, `date: ${date}`, 'source: Báo Thử', '---', paragraphs.join('\n\n')].join('\n');

const engine = useCorpusEngine({
  'ha-tinh-2023.txt': report('Tỉnh ủy Hà Tĩnh tổng kết công tác xây dựng Đảng năm 2023', '2024-01-15', 'Chiều 15/1/2024, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.', 'Toàn Đảng bộ tỉnh Hà Tĩnh hiện có 118.300 đảng viên, sinh hoạt tại 1.250 tổ chức cơ sở đảng.'),
  'cam-xuyen-2024.txt': report('Huyện ủy Cẩm Xuyên (Hà Tĩnh) tổng kết công tác xây dựng Đảng', '2025-02-10', 'Sáng 10/2/2025, Huyện ủy Cẩm Xuyên, tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', 'Đảng bộ huyện Cẩm Xuyên, tỉnh Hà Tĩnh hiện có 9.800 đảng viên, sinh hoạt tại 95 tổ chức cơ sở đảng.'),
});

describe('a count asked of a province without a year', () => {
  it("answers with the province's figure first, not a newer district report's", async () => {
    for (const q of ['Hà Tĩnh có bao nhiêu đảng viên?', 'Hà Tĩnh có bao nhiêu tổ chức cơ sở đảng?']) {
      const a = await engine().ask(q);
      expect(a.results[0]!.article.id, q).toBe('ha-tinh-2023');
    }
  });
});

/** review8: newest report first must not put another body's, the capital city's or a district's newer figure above the province's; "năm ngoái" with no year in the chat is no sure answer. */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const report = (title: string, date: string, ...paragraphs: string[]) => ['---', `title: ${title}`, `date: ${date}`, 'source: Báo Thử', '---', paragraphs.join('\n\n')].join('\n');

const QN_2023 = report('Tỉnh ủy Quảng Ngãi tổng kết công tác xây dựng Đảng năm 2023', '2024-01-15', 'Chiều 15/1/2024, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.', 'Toàn Đảng bộ tỉnh Quảng Ngãi hiện có 110.900 đảng viên, sinh hoạt tại 1.050 tổ chức cơ sở đảng.');
const HT_2023 = report('Tỉnh ủy Hà Tĩnh tổng kết công tác xây dựng Đảng năm 2023', '2024-01-15', 'Chiều 15/1/2024, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023. Đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy chủ trì hội nghị.', 'Toàn Đảng bộ tỉnh Hà Tĩnh hiện có 118.300 đảng viên, sinh hoạt tại 1.250 tổ chức cơ sở đảng; Đảng bộ huyện Cẩm Xuyên dẫn đầu về kết nạp đảng viên.');

const body = useCorpusEngine({
  'qn-2023.txt': QN_2023,
  'ca-qn-2024.txt': report('Đảng ủy Công an tỉnh Quảng Ngãi tổng kết năm 2024', '2025-01-20', 'Sáng 20/1/2025, Đảng ủy Công an tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', 'Đảng bộ Công an tỉnh Quảng Ngãi hiện có 3.100 đảng viên, sinh hoạt tại 60 tổ chức cơ sở đảng.'),
});
const city = useCorpusEngine({
  'qn-2023.txt': QN_2023,
  'tp-qn-2024.txt': report('Thành ủy Quảng Ngãi tổng kết công tác xây dựng Đảng năm 2024', '2025-01-20', 'Sáng 20/1/2025, Thành ủy Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', 'Đảng bộ thành phố Quảng Ngãi hiện có 20.100 đảng viên, sinh hoạt tại 80 tổ chức cơ sở đảng.'),
});
const district = useCorpusEngine({
  'ht-2023.txt': HT_2023,
  'cx-2024.txt': report('Huyện ủy Cẩm Xuyên (Hà Tĩnh) tổng kết công tác xây dựng Đảng', '2025-02-10', 'Sáng 10/2/2025, Huyện ủy Cẩm Xuyên, tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', 'Đảng bộ huyện Cẩm Xuyên, tỉnh Hà Tĩnh hiện có 9.800 đảng viên, sinh hoạt tại 95 tổ chức cơ sở đảng.'),
});
const plain = useCorpusEngine({ 'qn-2023.txt': QN_2023, 'ht-2023.txt': HT_2023 });
const named = useCorpusEngine({
  'ml-2024.txt': report('Huyện ủy Mường La tổng kết công tác xây dựng Đảng năm 2024', '2025-01-18', 'Sáng 18/1/2025, Huyện ủy Mường La tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Dự hội nghị có đồng chí Cầm Văn Tòng, Bí thư Huyện ủy Mường La.', 'Năm 2024, Đảng bộ huyện Mường La kết nạp 312 đảng viên mới.'),
});

/** The messages of one chat, in turn; the last turn's answer. */
const chat = (...messages: string[]) => chatAnswer(plain(), messages, { top: 3 });

describe('newest report first', () => {
  it("keeps the province's figure above a newer report of a body inside it or of its capital city", async () => {
    for (const e of [body, city]) {
      const a = await e().ask('Quảng Ngãi có bao nhiêu đảng viên?');
      expect(a.results[0]!.article.id).toBe('qn-2023');
    }
  });
  it('keeps it above a newer district report even when the province passage names that district', async () => {
    const a = await district().ask('Hà Tĩnh có bao nhiêu đảng viên?');
    expect(a.results[0]!.article.id).toBe('ht-2023');
  });
});

describe('a relative year in a bare follow-up when the chat named no year', () => {
  it('is no confident answer', async () => {
    for (const [first, then] of [['Hà Tĩnh có bao nhiêu đảng viên?', 'năm ngoái ai chủ trì?'], ['Quảng Ngãi có bao nhiêu đảng viên?', 'năm ngoái bao nhiêu?']] as const) {
      const a = await chat(first, then);
      expect(a.answered, then).toBe(false);
      expect(a.confidence, then).not.toBe('high');
    }
  });
});

describe('comparisons', () => {
  it("'compare party members in A and B' asks each place for its count, as 'Compare the number of …' does", async () => {
    const a = await chat('compare party members in Ha Tinh and Quang Ngai');
    // Shown in English, as asked (probe8); each side is still asked for its count.
    expect(a.interpreted).toBe('How many party members in Ha Tinh?; How many party members in Quang Ngai?');
    expect(a.results.map((r) => r.quote).join(' ')).toMatch(/118\.300.*110\.900/u);
  });
  it("a year comparison's side reads without a dangling 'của'", async () => {
    const a = await chat('so sánh số đảng viên của tỉnh Hà Tĩnh năm 2023 và 2024');
    expect(a.interpreted).not.toMatch(/của(;|$)/u);
  });
});

describe("a holder whose name ends in a syllable that folds to 'tong'", () => {
  it("is still the office's holder (only 'Tổng' itself makes 'Tổng Bí thư')", async () => {
    const a = await named().ask('Bí thư Huyện ủy Mường La là ai?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toMatch(/Cầm Văn Tòng, Bí thư Huyện ủy/u);
  });
});

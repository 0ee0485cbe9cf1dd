/**
 * trust11: a province written by its initials ("BR-VT", "BRVT" for Bà Rịa - Vũng Tàu) is searched by its
 * name, as an abbreviation is: the place was found only as a constraint, the search matched no word of
 * it, and the report's count was "có thể liên quan" at best.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'brvt.txt': ['---', 'title: Tỉnh ủy Bà Rịa - Vũng Tàu tổng kết công tác năm 2024', 'date: 2024-12-21', '---', 'Chiều 21/12/2024, Tỉnh ủy Bà Rịa - Vũng Tàu tổ chức hội nghị tổng kết công tác năm 2024.', '', 'Đảng bộ tỉnh Bà Rịa - Vũng Tàu có 64.000 đảng viên, sinh hoạt tại 700 chi bộ.'].join('\n'),
  'quang-ngai.txt': ['---', 'title: Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2024', 'date: 2024-12-20', '---', 'Chiều 20/12/2024, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết.', '', 'Đảng bộ tỉnh Quảng Ngãi có 71.000 đảng viên.'].join('\n'),
});

describe('a province written by its initials', () => {
  it.each(['BR-VT có bao nhiêu đảng viên?', 'BRVT có bao nhiêu đảng viên?', 'Đảng bộ tỉnh BR-VT có bao nhiêu đảng viên?'])('answers %s with the report on Bà Rịa - Vũng Tàu', async (q) => {
    const a = await engine().ask(q);
    expect(a.answered).toBe(true);
    expect(a.interpreted).toContain('Bà Rịa - Vũng Tàu');
    expect(a.results[0]!.quote).toContain('64.000');
  });

  it('still refuses another province the reports do not state', async () => {
    expect((await engine().ask('Bình Dương có bao nhiêu đảng viên?')).confidence).toBe('none');
  });
});

/** splitCredit() skips its regex for a line without "Ảnh"/"ảnh": the labels it finds are found as before. */
import { describe, expect, it } from 'vitest';
import { splitCredit } from '../../src/corpus/clean.js';

describe('splitCredit', () => {
  it('finds "Ảnh:", "(Ảnh: …)" and "Nguồn ảnh:" credits, and nothing in a line without them', () => {
    expect(splitCredit('Các đại biểu dự hội nghị. Ảnh: Thanh Lê Đồng chí Nguyễn Văn An phát biểu.')).toEqual({
      caption: 'Các đại biểu dự hội nghị. Ảnh: Thanh Lê',
      rest: 'Đồng chí Nguyễn Văn An phát biểu.',
    });
    expect(splitCredit('Toàn cảnh hội nghị (Ảnh: TTXVN) Hội nghị diễn ra trong hai ngày.')).toEqual({
      caption: 'Toàn cảnh hội nghị (Ảnh: TTXVN)',
      rest: 'Hội nghị diễn ra trong hai ngày.',
    });
    expect(splitCredit('Lễ trao giải. Nguồn ảnh: baochinhphu.vn')?.caption).toBe('Lễ trao giải. Nguồn ảnh: baochinhphu.vn');
    // "ảnh:" inside prose is no credit (the label needs its capital), and a line with no label at all is left whole.
    expect(splitCredit('Báo cáo có nhiều hình ảnh: bảng, biểu đồ và số liệu.')).toBeNull();
    expect(splitCredit('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 đã thảo luận về công tác cán bộ. '.repeat(5))).toBeNull();
  });
});

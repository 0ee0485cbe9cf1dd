/** review12a: a share asked is underlined only where its clause says the measure asked, not another share. */
import { describe, expect, it } from 'vitest';
import { answerSpans } from '../../src/answer/quote.js';
import { analyzeQuery } from '../../src/search/analyse.js';

const marks = (text: string, question: string) => answerSpans(text, analyzeQuery(question)).map(([s, e]) => text.slice(s, e));
const MEMBERS = 'Năm 2024, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 92%, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 85,5%, thu ngân sách tăng 7% so với năm trước.';
const POOR = 'Tỷ lệ hộ nghèo của huyện giảm còn 3,2%, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.';

describe('a share of another measure is not the answer', () => {
  it('"tỷ lệ hộ nghèo" marks nothing in the party members\' shares', () => {
    expect(marks(MEMBERS, 'Tỷ lệ hộ nghèo ở Cam Lộ là bao nhiêu?')).toEqual([]);
    expect(marks(POOR, 'Tỷ lệ hộ nghèo ở Cam Lộ là bao nhiêu?')).toEqual(['3,2%']);
  });
  it('"tỷ lệ đảng viên" marks nothing in the poor households\' share', () => {
    expect(marks(POOR, 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ ở Cam Lộ là bao nhiêu?')).toEqual([]);
    expect(marks(MEMBERS, 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ ở Cam Lộ là bao nhiêu?')).toEqual(['92%']);
  });
  it('a lone share whose clause says the measure is still marked', () => {
    expect(marks('Tỷ lệ bao phủ bảo hiểm y tế đạt 95%.', 'Tỷ lệ bao phủ bảo hiểm y tế ở Cam Lộ?')).toEqual(['95%']);
  });
});

describe('a share in a count question is its condition', () => {
  it('"Có bao nhiêu xã đạt tỷ lệ … trên 95%?" marks the count, never the question\'s own 95%', () => {
    expect(marks('Toàn huyện có 12 xã đạt tỷ lệ bao phủ bảo hiểm y tế trên 95%.', 'Có bao nhiêu xã đạt tỷ lệ bao phủ bảo hiểm y tế trên 95%?')[0]).toMatch(/^12 xã/u);
    expect(marks('Năm 2024, có 8 chi bộ có tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 100%.', 'Bao nhiêu chi bộ có tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 100%?')).toEqual(['8 chi bộ']);
  });
});

describe('a name is the answer to "who" only where its sentence says what was asked', () => {
  const T = 'Ngày 18/12/2024, Huyện ủy Cam Lộ tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Đồng chí Lê Văn Tám, Bí thư Huyện ủy chủ trì hội nghị.';
  it('the chair is not marked as the one disciplined', () => {
    expect(marks(T, 'Đồng chí nào bị kỷ luật ở Cam Lộ?')).toEqual([]);
    expect(marks(T, 'Ở Cam Lộ có đồng chí nào bị kỷ luật không?')).toEqual([]);
  });
  it('the chair is marked as the chair', () => {
    expect(marks(T, 'Đồng chí nào chủ trì hội nghị ở Cam Lộ?')).toEqual(['Đồng chí Lê Văn Tám']);
    expect(marks(T, 'Ai chủ trì hội nghị ở Cam Lộ?')).toEqual(['Đồng chí Lê Văn Tám']);
  });
});

describe('"là bao nhiêu" with no unit: the question\'s own numbers are no answer', () => {
  it('marks the value, not the count the question names', () => {
    expect(marks('Đảng ủy Khối vận động hỗ trợ 365 trang thiết bị y tế, trị giá gần 18 tỉ đồng.', 'Hỗ trợ 365 trang thiết bị y tế trị giá là bao nhiêu?')).toEqual(['18 tỉ đồng']);
    expect(marks('Toàn tỉnh có 1.250 đảng viên được tặng Huy hiệu 30 năm tuổi Đảng.', 'Số đảng viên được tặng Huy hiệu 30 năm tuổi Đảng là bao nhiêu?')).toEqual(['1.250 đảng viên']);
  });
});

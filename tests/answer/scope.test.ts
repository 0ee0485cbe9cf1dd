import { describe, expect, it } from 'vitest';
import { narrowerBody } from '../../src/answer/scope.js';

describe('narrowerBody: whose figure a quote gives', () => {
  it('names a Party bloc the quote counts for, with the place asked when it does not say it', () => {
    const quote = 'Bí thư Đảng ủy Khối các cơ quan thành phố cho biết, Đảng bộ Khối các cơ quan thành phố có 442 chi bộ, với 4.466 đảng viên.';
    expect(narrowerBody(quote, 'Hải Phòng', quote.indexOf('4.466'))).toBe('Đảng bộ Khối các cơ quan thành phố (Hải Phòng)');
    expect(narrowerBody('Đảng bộ Khối Doanh nghiệp tỉnh Nghệ An có 5.000 đảng viên.', 'Nghệ An')).toBe('Đảng bộ Khối Doanh nghiệp tỉnh Nghệ An');
  });

  it('names a district or commune the quote counts for', () => {
    expect(narrowerBody('Đảng bộ huyện Cẩm Xuyên kết nạp 120 đảng viên mới.', 'Hà Tĩnh')).toBe('Đảng bộ huyện Cẩm Xuyên (Hà Tĩnh)');
  });

  it('finds none when the quote also speaks of the place itself', () => {
    expect(narrowerBody('Toàn tỉnh có 52.000 đảng viên, trong đó huyện Cẩm Xuyên có 4.000 đảng viên.', 'Hà Tĩnh')).toBeNull();
    expect(narrowerBody('Đảng bộ tỉnh Hà Tĩnh có 52.000 đảng viên; Đảng bộ Khối các cơ quan tỉnh có 4.000.', 'Hà Tĩnh')).toBeNull();
    expect(narrowerBody('Hà Tĩnh có 52.000 đảng viên, huyện Cẩm Xuyên dẫn đầu.', 'Hà Tĩnh')).toBeNull();
  });

  it('finds none in a quote naming no body inside the place ("khối lượng" is a word, not a bloc)', () => {
    expect(narrowerBody('Khối lượng công việc tăng, thành phố kết nạp 300 đảng viên.', 'Hải Phòng')).toBeNull();
    expect(narrowerBody('Năm 2024 kết nạp 300 đảng viên mới.', 'Hải Phòng')).toBeNull();
  });
});

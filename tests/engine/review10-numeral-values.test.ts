/** review10: numerals in words after a magnitude ("không trăm", a digit alone) read to their right value. */
import { describe, expect, it } from 'vitest';
import { numeralAt, numeralsIn } from '../../src/text/numerals.js';
import { tokenize } from '../../src/text/tokens.js';

const read = (text: string) => {
  const t = tokenize(text);
  return numeralsIn(text, t).map((n) => [t.slice(n.start, n.end).map((x) => x.term).join(' '), n.value]);
};

describe('numerals after a magnitude', () => {
  it('"không trăm" is no hundreds', () => {
    expect(read('Đảng bộ có một nghìn không trăm năm mươi đảng viên.')).toEqual([['một nghìn không trăm năm mươi', 1050]]);
    expect(read('hai nghìn không trăm linh năm')).toEqual([['hai nghìn không trăm linh năm', 2005]]);
  });
  it('a digit alone after it is not part of the number', () => {
    expect(read('Kỷ niệm một nghìn năm Thăng Long.')).toEqual([['một nghìn', 1000]]);
    expect(numeralAt(tokenize('hai nghìn năm lịch sử'), 0)?.value).toBe(2000);
  });
  it('what was read before still is', () => {
    expect(numeralAt(tokenize('mười hai nghìn năm trăm người'), 0)?.value).toBe(12_500);
    expect(numeralAt(tokenize('hai tỷ ba trăm triệu đồng'), 0)?.value).toBe(2_300_000_000);
    expect(numeralAt(tokenize('ba triệu năm trăm nghìn'), 0)?.value).toBe(3_500_000);
  });
});

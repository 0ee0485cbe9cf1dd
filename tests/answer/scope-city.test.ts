/** merger10: the narrower-body note knows a city of the gazetteer is inside its province (text/places.ts PROVINCE_OF). */
import { describe, expect, it } from 'vitest';
import { formerProvinceBody, narrowerBody } from '../../src/answer/scope.js';

describe('narrowerBody: a city inside the province asked', () => {
  it('names the city whose figure the quote gives, with the province', () => {
    const quote = 'Năm 2020, Đảng bộ thành phố Đông Hà có 6.120 đảng viên, sinh hoạt tại 58 tổ chức cơ sở đảng.';
    expect(narrowerBody(quote, 'Quảng Trị', quote.indexOf('6.120'))).toBe('Đảng bộ thành phố Đông Hà (Quảng Trị)');
    expect(narrowerBody('TP Vinh kết nạp 410 đảng viên mới.', 'Nghệ An')).toBe('TP Vinh (Nghệ An)');
  });

  it('finds none for a city of another province, or the place\'s own city, or a quote on the whole province', () => {
    expect(narrowerBody('Đảng bộ thành phố Đông Hà có 6.120 đảng viên.', 'Nghệ An')).toBeNull();
    expect(narrowerBody('Đảng bộ thành phố Hải Phòng có 140.000 đảng viên.', 'Hải Phòng')).toBeNull();
    expect(narrowerBody('Toàn tỉnh có 52.000 đảng viên, trong đó thành phố Đông Hà có 6.120.', 'Quảng Trị')).toBeNull();
  });

  it('keeps a bloc of the city as the body, not the city inside its name', () => {
    expect(narrowerBody('Đảng bộ Khối các cơ quan thành phố Đông Hà có 900 đảng viên.', 'Quảng Trị')).toBe('Đảng bộ Khối các cơ quan thành phố Đông Hà (Quảng Trị)');
  });
});

describe('formerProvinceBody: a province merged into the one asked', () => {
  it('names the former province whose figure the quote gives', () => {
    const quote = 'Trước khi hợp nhất, Đảng bộ tỉnh Bình Định có 78.500 đảng viên.';
    expect(formerProvinceBody(quote, 'Gia Lai', quote.indexOf('78.500'))).toBe('Đảng bộ tỉnh Bình Định');
    expect(formerProvinceBody('Tỉnh Hải Dương kết nạp 3.200 đảng viên mới.', 'Hải Phòng')).toBe('Tỉnh Hải Dương');
    expect(formerProvinceBody('Đảng bộ thành phố Quy Nhơn có 12.000 đảng viên.', 'Gia Lai')).toBe('Đảng bộ thành phố Quy Nhơn');
  });

  it('finds none when the quote gives the whole place\'s figure, or the province was not merged into it', () => {
    expect(formerProvinceBody('Sau khi hợp nhất với tỉnh Thái Bình, toàn Đảng bộ tỉnh có 245.000 đảng viên.', 'Hưng Yên')).toBeNull();
    expect(formerProvinceBody('Đảng bộ tỉnh Bình Định và tỉnh Gia Lai có 150.000 đảng viên.', 'Gia Lai')).toBeNull();
    expect(formerProvinceBody('Đảng bộ tỉnh Bình Định có 78.500 đảng viên.', 'Đắk Lắk')).toBeNull();
    expect(formerProvinceBody('Đảng bộ tỉnh Gia Lai có 70.000 đảng viên.', 'Gia Lai')).toBeNull();
  });
});

describe('narrowerBody: the province named only to locate the city (review11)', () => {
  it('still names the city when the quote adds ", tỉnh X" or "(tỉnh X)" after it', () => {
    expect(narrowerBody('Đảng bộ thành phố Vinh, tỉnh Nghệ An có 21.000 đảng viên.', 'Nghệ An')).toBe('Đảng bộ thành phố Vinh (Nghệ An)');
    expect(narrowerBody('Đảng bộ thành phố Đông Hà (tỉnh Quảng Trị) có 6.200 đảng viên.', 'Quảng Trị')).toBe('Đảng bộ thành phố Đông Hà (Quảng Trị)');
    expect(narrowerBody('Đảng bộ thành phố Vinh có 21.000 đảng viên, toàn tỉnh Nghệ An có 170.000.', 'Nghệ An')).toBeNull();
  });
});

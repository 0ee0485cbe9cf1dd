/** The gazetteer's hierarchy: each city's province, and the 2025 merger of the 63 provinces into 34. */
import { describe, expect, it } from 'vitest';
import { placesWithin, provinceLevel, provinceOf, provinceSince2025 } from '../../src/text/gazetteer.js';
import { MERGED_INTO, PLACES, PROVINCE_OF, PROVINCES } from '../../src/text/places.js';

const AFTER_2025 = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long',
  'Đồng Tháp', 'Cà Mau', 'An Giang',
];

describe('the 63 provinces and the 2025 merger', () => {
  it('lists 63 distinct provinces before 2025, and 34 units after', () => {
    expect(PROVINCES).toHaveLength(63);
    expect(new Set(PROVINCES).size).toBe(63);
    expect(new Set(AFTER_2025).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => provinceSince2025(p))).size).toBe(34);
  });

  it('maps every pre-2025 province to one of the 34, and each of the 34 to itself', () => {
    for (const p of PROVINCES) expect(AFTER_2025, p).toContain(provinceSince2025(p));
    for (const p of AFTER_2025) {
      expect(PROVINCES, p).toContain(p);
      expect(provinceSince2025(p), p).toBe(p);
    }
    // 29 provinces were merged away; none into one that was itself merged.
    expect(Object.keys(MERGED_INTO)).toHaveLength(29);
    for (const [from, to] of Object.entries(MERGED_INTO)) {
      expect(PROVINCES, from).toContain(from);
      expect(AFTER_2025, from).not.toContain(from);
      expect(MERGED_INTO[to], to).toBeUndefined();
    }
  });

  it('follows Resolution 202/2025/QH15', () => {
    expect(provinceSince2025('Bình Định')).toBe('Gia Lai');
    expect(provinceSince2025('Quảng Bình')).toBe('Quảng Trị');
    expect(provinceSince2025('Bà Rịa - Vũng Tàu')).toBe('Hồ Chí Minh');
    expect(provinceSince2025('Bình Dương')).toBe('Hồ Chí Minh');
    expect(provinceSince2025('Hải Dương')).toBe('Hải Phòng');
    expect(provinceSince2025('Hậu Giang')).toBe('Cần Thơ');
    expect(provinceSince2025('Kiên Giang')).toBe('An Giang');
    expect(provinceSince2025('Cao Bằng')).toBe('Cao Bằng');
    expect(provinceLevel('Hồ Chí Minh')).toBe('thành phố');
    expect(provinceLevel('Gia Lai')).toBe('tỉnh');
  });
});

describe('cities and districts in their province', () => {
  it('knows the province of a city, a town and a district, before and after the merger', () => {
    expect(provinceOf('Đông Hà')).toBe('Quảng Trị');
    expect(provinceOf('Quy Nhơn')).toBe('Bình Định');
    expect(provinceSince2025('Quy Nhơn')).toBe('Gia Lai');
    expect(provinceOf('Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
    expect(provinceSince2025('Vũng Tàu')).toBe('Hồ Chí Minh');
    expect(provinceOf('Ba Đình')).toBe('Hà Nội');
    expect(provinceOf('Hương Thủy')).toBe('Huế');
    expect(provinceOf('Hạ Long')).toBe('Quảng Ninh');
    // A province or a country lies in no province; a name two places share is not guessed.
    expect(provinceOf('Quảng Trị')).toBeNull();
    expect(provinceOf('Lào')).toBeNull();
    expect(provinceSince2025('Lào')).toBeNull();
    for (const shared of ['Tân Châu', 'Hoàng Mai', 'Tân Phú', 'Bình Tân', 'Tân Uyên', 'Phước Long', 'Sơn Tây', 'Thuận An']) expect(provinceOf(shared), shared).toBeNull();
  });

  it('names only places of the gazetteer, in one of the 63 provinces', () => {
    const labels = new Set(PLACES.map((f) => f[0]));
    for (const [city, province] of Object.entries(PROVINCE_OF)) {
      expect(labels.has(city), city).toBe(true);
      expect(PROVINCES, city).toContain(province);
    }
  });

  it('lists the places inside a province: its cities, then the provinces merged into it and their cities', () => {
    expect(placesWithin('Quảng Trị')).toEqual([
      { place: 'Đông Hà', via: null, merged: false },
      { place: 'Quảng Bình', via: null, merged: true },
      { place: 'Đồng Hới', via: 'Quảng Bình', merged: true },
      { place: 'Ba Đồn', via: 'Quảng Bình', merged: true },
    ]);
    expect(placesWithin('Gia Lai')).toContainEqual({ place: 'Bình Định', via: null, merged: true });
    expect(placesWithin('Gia Lai')).toContainEqual({ place: 'Quy Nhơn', via: 'Bình Định', merged: true });
    expect(placesWithin('Gia Lai')).toContainEqual({ place: 'Pleiku', via: null, merged: false });
    // A former province holds only its own cities: Gia Lai is no part of Bình Định.
    expect(placesWithin('Bình Định').map((w) => w.place)).toEqual(['Quy Nhơn', 'An Nhơn', 'Hoài Nhơn']);
    expect(placesWithin('Đông Hà')).toEqual([]);
    expect(placesWithin('Việt Nam')).toEqual([]);
  });
});

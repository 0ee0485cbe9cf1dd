/** Numbers written in words: their values, the tokens they span, and the everyday words they are not. */
import { describe, expect, it } from 'vitest';
import { numeralAt, numeralsIn } from '../../src/text/numerals.js';
import { tokenize } from '../../src/text/tokens.js';

/** Every numeral of `text` as "words=value", a word alone read before any word (a counted noun follows). */
function read(text: string, countedAt: (j: number) => boolean = () => true): string[] {
  const tokens = tokenize(text);
  const unaccented = tokens.every((t) => t.term === t.folded);
  return numeralsIn(text, tokens, { unaccented, countedAt }).map((n) => `${text.slice(tokens[n.start]!.start, tokens[n.end - 1]!.end)}=${n.value}`);
}

describe('numeralAt reads a number written in words', () => {
  it.each([
    ['ba mươi lăm dự án', 35, 3],
    ['mười hai đảng viên', 12, 2],
    ['mười lăm công trình', 15, 2],
    ['hai mươi mốt chi bộ', 21, 3],
    ['ba mươi tư xã', 34, 3],
    ['bốn mươi nhăm người', 45, 3],
    ['năm mươi năm', 50, 2],
    ['một trăm linh năm cơ sở đảng', 105, 4],
    ['hai trăm lẻ tư hộ', 204, 4],
    ['chín trăm chín mươi chín', 999, 5],
    ['năm trăm người', 500, 2],
    ['hai chục người', 20, 2],
    ['mười hai nghìn năm trăm người', 12_500, 5],
    ['một trăm nghìn đồng', 100_000, 3],
    ['hai tỷ ba trăm triệu đồng', 2_300_000_000, 5],
    ['ba tỉ đồng', 3_000_000_000, 2],
    ['một nghìn tỷ đồng', 1_000_000_000_000, 3],
    ['bảy ngàn hội viên', 7000, 2],
    ['hai chi bộ', 2, 1],
  ])('%s = %d (%d words)', (text, value, words) => {
    const n = numeralAt(tokenize(text), 0);
    expect(n).toEqual({ start: 0, end: words, value });
  });

  it('reads words typed without marks by their folded forms, and only then', () => {
    expect(numeralAt(tokenize('ba muoi lam du an'), 0, true)).toEqual({ start: 0, end: 3, value: 35 });
    expect(numeralAt(tokenize('muoi hai dang vien'), 0, true)).toEqual({ start: 0, end: 2, value: 12 });
    expect(numeralAt(tokenize('hai muoi mot chi bo'), 0, true)).toEqual({ start: 0, end: 3, value: 21 });
    expect(numeralAt(tokenize('mot tram linh nam'), 0, true)).toEqual({ start: 0, end: 4, value: 105 });
    expect(numeralAt(tokenize('ba muoi lam du an'), 0)).toEqual({ start: 0, end: 1, value: 3 });
  });

  it('does not run two digits together ("ba bốn người" is 3-4) nor read "mười năm", "hai mươi năm" as 15, 25', () => {
    expect(numeralAt(tokenize('ba bốn người'), 0)).toEqual({ start: 0, end: 1, value: 3 });
    expect(numeralAt(tokenize('mười năm qua'), 0)).toEqual({ start: 0, end: 1, value: 10 });
    expect(numeralAt(tokenize('hai mươi năm xây dựng'), 0)).toEqual({ start: 0, end: 2, value: 20 });
  });

  it('stops at punctuation between the words', () => {
    expect(numeralAt(tokenize('ba, mươi'), 0)).toEqual({ start: 0, end: 1, value: 3 });
    expect(numeralAt(tokenize('hai trăm. Năm'), 0)).toEqual({ start: 0, end: 2, value: 200 });
  });

  it('starts at no magnitude, "mươi", "trăm", "tư", "lăm" or "mốt" alone, nor at a number in digits', () => {
    for (const text of ['trăm phần trăm', 'nghìn năm văn hiến', 'mươi người', 'tư tưởng', 'lăm người', 'mốt', '35 dự án']) expect(numeralAt(tokenize(text), 0), text).toBeNull();
  });
});

describe('numeralsIn: which numbers in words a text states', () => {
  it('finds them with their spans in running text', () => {
    const text = 'Huyện khởi công ba mươi lăm dự án, kết nạp mười hai đảng viên và thành lập hai chi bộ.';
    const tokens = tokenize(text);
    const found = numeralsIn(text, tokens, { countedAt: (j) => ['dự', 'đảng', 'chi'].includes(tokens[j]!.term) });
    expect(found.map((n) => [text.slice(tokens[n.start]!.start, tokens[n.end - 1]!.end), n.value])).toEqual([
      ['ba mươi lăm', 35],
      ['mười hai', 12],
      ['hai', 2],
    ]);
  });

  it('reads a word alone only where a counted noun follows it (countedAt)', () => {
    expect(read('thành lập hai chi bộ', () => false)).toEqual([]);
    expect(read('thành lập hai chi bộ')).toEqual(['hai=2']);
    // A numeral of several words needs no noun after it.
    expect(read('tổng cộng ba mươi lăm.', () => false)).toEqual(['ba mươi lăm=35']);
  });

  it('"năm" is the year: before a year in digits, after a number, after "hằng", "mỗi", "trong", "cuối"', () => {
    for (const text of ['năm 2024 huyện kết nạp', 'trong 5 năm qua', 'hằng năm tổ chức', 'mỗi năm một lần', 'trong năm đảng viên', 'cuối năm tổng kết', 'mười năm qua']) {
      expect(read(text).filter((r) => r.startsWith('năm')), text).toEqual([]);
    }
    // "năm nay", "năm học": no counted noun after it.
    expect(read('năm nay huyện', (j) => false)).toEqual([]);
    // It is five before what is counted, and in a numeral of several words.
    expect(read('năm giải pháp trọng tâm')).toEqual(['năm=5']);
    expect(read('năm mươi hộ nghèo', () => false)).toEqual(['năm mươi=50']);
    expect(read('năm trăm người', () => false)).toEqual(['năm trăm=500']);
  });

  it('"một" before "số", "trong", "cách", "phần" is an article', () => {
    for (const text of ['một số chi bộ', 'một trong những nhiệm vụ', 'một cách quyết liệt', 'một phần kinh phí']) expect(read(text), text).toEqual([]);
    expect(read('một chi bộ')).toEqual(['một=1']);
    expect(read('một trăm người', () => false)).toEqual(['một trăm=100']);
  });

  it('"tư" alone is never four ("tư tưởng", "đầu tư", "tư pháp"); after the tens it is', () => {
    for (const text of ['tư tưởng chính trị', 'đầu tư công', 'cơ quan tư pháp', 'ngày thứ tư']) expect(read(text), text).toEqual([]);
    expect(read('ba mươi tư xã', () => false)).toEqual(['ba mươi tư=34']);
  });

  it('capitalised inside a sentence, or a capitalised pair opening one, is a name: "Ba Đình", "Ba Vì", "Bảy Núi", "anh Mười", "chú Mười Ba"', () => {
    for (const text of ['Ba Đình có nhiều phường', 'quận Ba Đình', 'huyện Ba Vì', 'vùng Bảy Núi', 'anh Mười kể lại', 'chú Mười Ba về quê']) expect(read(text), text).toEqual([]);
    // Opening the sentence, capitalised as every first word is.
    expect(read('Hai mươi lăm đảng viên được khen thưởng.', () => false)).toEqual(['Hai mươi lăm=25']);
    expect(read('Kết quả: Ba chi bộ đạt trong sạch vững mạnh.')).toEqual(['Ba=3']);
  });

  it('"ba mẹ" and other words: no counted noun after them', () => {
    const tokens = tokenize('ba mẹ em');
    expect(numeralsIn('ba mẹ em', tokens, { countedAt: (j) => tokens[j]!.term === 'chi' })).toEqual([]);
  });

  it('"trăm phần trăm": "trăm" alone is no number; "một trăm phần trăm" is a hundred', () => {
    expect(read('đạt trăm phần trăm')).toEqual([]);
    expect(read('đạt một trăm phần trăm', () => false)).toEqual(['một trăm=100']);
  });

  it('reads a text typed without marks', () => {
    expect(read('huyen co ba muoi lam du an', () => false)).toEqual(['ba muoi lam=35']);
    expect(read('nam 2024 ket nap')).toEqual([]);
    expect(read('mot so chi bo')).toEqual([]);
    expect(read('hang nam to chuc')).toEqual([]);
    expect(read('dau tu cong')).toEqual([]);
    // "sau" (after), "bay" (to fly), "tam" (tạm, tâm) alone are not read in a text without marks; "sáu" is six.
    for (const text of ['sau khi hop', 'may bay dan dung', 'tam dung hoat dong']) expect(read(text), text).toEqual([]);
    expect(read('sáu chi bộ')).toEqual(['sáu=6']);
    expect(read('sau muoi nguoi', () => false)).toEqual(['sau muoi=60']);
  });
});

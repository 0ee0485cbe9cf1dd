/** Places of the gazetteer in a question: read from their letters when typed without marks, never from a word. */
import { describe, expect, it } from 'vitest';
import { findPlaces, placeInitials } from '../../src/text/gazetteer.js';
import { tokenize } from '../../src/text/tokens.js';

const places = (q: string, unaccented = false, question = true) => findPlaces(q, tokenize(q), unaccented, question).map((h) => h.label);

describe('a place typed without its marks in a question typed with them', () => {
  it('is the place when two syllables or more are typed whole without marks, capitalised or not', () => {
    expect(places('Quang Nam có bao nhiêu đảng viên?')).toEqual(['Quảng Nam']);
    expect(places('quang nam có bao nhiêu đảng viên?')).toEqual(['Quảng Nam']);
    expect(places('Bí thư thành ủy da nang là ai?')).toEqual(['Đà Nẵng']);
  });

  it('is no place at the end of a person\'s name ("Nguyen Nam Dinh" is Nguyễn Nam Đình)', () => {
    expect(places('Nguyen Nam Dinh giữ chức vụ gì?')).toEqual([]);
  });

  it('is no place in a report\'s own text, where such letters are a photo credit or a firm ("Ảnh: Thanh Hoa")', () => {
    expect(places('Ảnh: Thanh Hoa. Hội nghị tổng kết năm 2020.', false, false)).toEqual([]);
    expect(places('Ha Long Group tài trợ hội nghị.', false, false)).toEqual([]);
  });

  it('is a word when one syllable is typed so, or its marks disagree with the place', () => {
    expect(places('Lao động có bao nhiêu đảng viên?')).toEqual([]);
    expect(places('Đà năng có gì mới?')).toEqual([]);
  });

  it('stays what it was in a question typed without any marks', () => {
    expect(places('quang nam co bao nhieu dang vien', true)).toEqual(['Quảng Nam']);
    expect(places('cay toc la gi', true)).toEqual([]);
  });
});

describe("a place's initials", () => {
  const initials = (q: string) => placeInitials(q, tokenize(q), 0);
  it('are read where a question opens with them, in any case', () => {
    expect(initials('hp co bao nhieu dang vien')).toBe(true);
    expect(initials('KH có bao nhiêu đảng viên?')).toBe(true);
  });

  it('are no initials in lower case when a function word has those letters with one left out (a slip of "khi", "các")', () => {
    expect(initials('kh bị rắn cắn thì nên làm gì?')).toBe(false);
    expect(initials('cc bệnh nhân được điều trị ra sao?')).toBe(false);
  });
});

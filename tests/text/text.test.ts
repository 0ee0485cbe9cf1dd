import { describe, expect, it } from 'vitest';
import { cleanQuestion, fold, hasDiacritics, squash } from '../../src/text/normalise.js';
import { indexTerms } from '../../src/index/terms.js';
import { isUnaccented, normaliseNumber, tokenize } from '../../src/text/tokens.js';
import { analyzeQuery } from '../../src/search/analyse.js';

const terms = (s: string) => tokenize(s).map((t) => t.term);

describe('fold', () => {
  it('removes tone marks, hats, horns and breves, and maps đ to d', () => {
    expect(fold('Đảng bộ Khối các cơ quan thành phố Hải Phòng')).toBe('Dang bo Khoi cac co quan thanh pho Hai Phong');
    expect(fold('ưu tú, ươn, ằ, ỹ, đ')).toBe('uu tu, uon, a, y, d');
  });
  it('handles NFD input the same as NFC', () => {
    const nfd = 'Nghệ An, Huế'.normalize('NFD');
    expect(fold(nfd)).toBe('Nghe An, Hue');
    expect(hasDiacritics(nfd)).toBe(true);
    expect(hasDiacritics('thanh pho')).toBe(false);
  });
});

describe('tokenize', () => {
  it('lower-cases, keeps offsets into the original string', () => {
    const s = 'Đảng Bộ  CÓ';
    const toks = tokenize(s);
    expect(toks.map((t) => t.term)).toEqual(['đảng', 'bộ', 'có']);
    for (const t of toks) expect(s.slice(t.start, t.end).toLowerCase()).toBe(t.term);
  });
  it('normalises NFD and mixed case to the same terms as NFC', () => {
    expect(terms('ĐẢNG VIÊN'.normalize('NFD'))).toEqual(terms('đảng viên'));
  });
  it('normalises numbers: thousands dots, leading zeros, decimal commas', () => {
    expect(terms('với 4.466 đảng viên')).toContain('4466');
    expect(terms('4466')).toEqual(['4466']);
    expect(terms('kết nạp được 07 đảng viên')).toContain('7');
    expect(terms('đạt tỷ lệ 64,5%')).toContain('64.5');
    expect(terms('1.234.567 đồng')).toContain('1234567');
    expect(normaliseNumber('2,50')).toBe('2.5');
    expect(normaliseNumber('0')).toBe('0');
    // Plain digits are read without normaliseNumber's expressions: the same terms.
    for (const raw of ['0', '00', '007', '70', '2021', '000123', '１２']) expect(tokenize(raw).map((t) => [t.term, t.folded, t.isNumber])).toEqual([[normaliseNumber(raw.normalize('NFKC')), normaliseNumber(raw.normalize('NFKC')), true]]);
  });
  it('splits dates and ranges into their numbers', () => {
    expect(terms('ngày 16.10.2024')).toEqual(['ngày', '16', '10', '2024']);
    expect(terms('nhiệm kỳ 2020-2025')).toEqual(['nhiệm', 'kỳ', '2020', '2025']);
    expect(terms('42/49 TCCS')).toEqual(['42', '49', 'tccs']);
  });
  it('survives emoji, punctuation only, control characters and RTL marks', () => {
    expect(tokenize('😀🎉!!!???')).toEqual([]);
    expect(tokenize('\u200f\u202eabc\u0000def')).toHaveLength(2);
    expect(tokenize('')).toEqual([]);
  });
  it('reads numbers glued to letters as the token pattern does, with or without astral characters in the text', () => {
    // The scanner mirrors \p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{M}]) backtracking; text with an emoji takes the regex itself.
    for (const tail of ['', ' 😀']) {
      expect(terms(`1.234a${tail}`)).toEqual(['1.23', '4a']);
      expect(terms(`1.2a${tail}`)).toEqual(['1', '2a']);
      expect(terms(`1.2.3a${tail}`)).toEqual(['1.2', '3a']);
      expect(terms(`abc1.5${tail}`)).toEqual(['abc1', '5']);
      expect(tokenize(`a\u00a0b\tc  d${tail}`).map((t) => t.joined)).toEqual([false, true, true, true]);
    }
  });
});

describe('index terms', () => {
  it('gives syllables and pairs of adjacent content syllables, not across punctuation', () => {
    const t = indexTerms(tokenize('Đảng viên, cơ quan'));
    expect(t).toEqual(['đảng', 'viên', 'đảng_viên', 'cơ', 'quan', 'cơ_quan']);
  });
  it('drops question words and glue syllables', () => {
    expect(indexTerms(tokenize('bao nhiêu là gì'))).toEqual([]);
    expect(indexTerms(tokenize('không hoàn thành'))).toContain('không');
  });
  it('uses folded forms for unaccented questions', () => {
    expect(indexTerms(tokenize('dang vien'), true)).toEqual(['dang', 'vien', 'dang_vien']);
  });
});

describe('unaccented detection', () => {
  it('tells typed-without-diacritics questions from accented ones', () => {
    expect(isUnaccented(tokenize('bi thu thanh uy hue la ai'))).toBe(true);
    expect(isUnaccented(tokenize('Bí thư Thành ủy Huế là ai'))).toBe(false);
    expect(isUnaccented(tokenize('Who won the World Cup'))).toBe(true);
    expect(isUnaccented(tokenize('2020'))).toBe(false);
  });
  it('an unaccented query produces folded terms that match folded text', () => {
    const q = analyzeQuery('dang bo khoi cac co quan tinh nghe an');
    expect(q.unaccented).toBe(true);
    expect(q.terms.every((t) => t.folded)).toBe(true);
    expect(q.syllables).toContain('nghe');
  });
});

describe('cleanQuestion', () => {
  it('strips control and bidi characters and squashes spaces', () => {
    expect(cleanQuestion('  Ai \u200f chủ\u0007trì?  ', 100)).toEqual({ text: 'Ai chủ trì?', truncated: false });
  });
  it('cuts very long questions at a word boundary', () => {
    const r = cleanQuestion('đảng viên '.repeat(10_000), 500);
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(500);
    expect(r.text.endsWith('viên')).toBe(true);
  });
  it('NFC-normalises', () => {
    expect(cleanQuestion('Hue\u0302\u0301', 100).text).toBe('Huế');
  });
  it('squash compares texts as the eval does', () => {
    expect(squash('  Với  4.466\nĐẢNG viên ')).toBe('với 4.466 đảng viên');
  });
});

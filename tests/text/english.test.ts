/** An English question is read in the reports' own words and order; anything else is left alone. */
import { describe, expect, it } from 'vitest';
import { isEnglish, readEnglish } from '../../src/text/english.js';

describe('telling an English question', () => {
  it('reads English, also around names', () => {
    expect(isEnglish('How many party members does the Hai Phong city agencies bloc have?')).toBe(true);
    expect(isEnglish('What did Nguyen Thi Le ask the Ho Chi Minh City party committee bloc to do?')).toBe(true);
  });

  it('leaves Vietnamese alone, with or without marks, and with English names in it', () => {
    expect(isEnglish('Hải Phòng có bao nhiêu đảng viên?')).toBe(false);
    expect(isEnglish('ai la bi thu thanh uy hue')).toBe(false);
    expect(isEnglish('to do the an can so')).toBe(false); // Vietnamese syllables spelt like English words
    expect(isEnglish('Bên cạnh "To the Christian Nobility of the German Nation", Luther viết gì?')).toBe(false);
    expect(readEnglish('Hải Phòng có bao nhiêu đảng viên?')).toBeNull();
  });
});

describe('reading it in the reports words', () => {
  it('puts the count last, its unit right after "bao nhiêu"', () => {
    expect(readEnglish('How many party members does the Hai Phong city agencies bloc have?')).toBe('khối các cơ quan thành phố Hai Phong bao nhiêu đảng viên?');
    expect(readEnglish('How many new party members did the Nghe An provincial agencies bloc admit in 2020?')).toBe('khối các cơ quan tỉnh Nghe An kết nạp 2020 bao nhiêu đảng viên mới?');
  });

  it('asks "X là ai" for "who is X", and puts a body before the place it belongs to', () => {
    expect(readEnglish('Who is the Secretary of the Hue City Party Committee?')).toBe('bí thư thành ủy Hue là ai?');
    expect(readEnglish('Who chaired the working session?')).toBe('ai chủ trì làm việc?');
  });

  it('keeps names whole, even where a word of them is English glue ("An" of Nghe An)', () => {
    expect(readEnglish('What did Nguyen Thi Le ask for?')).toBe('gì Nguyen Thi Le yêu cầu?');
    expect(readEnglish('How many party cells does Nghe An have?')).toBe('Nghe An bao nhiêu chi bộ?');
  });
});

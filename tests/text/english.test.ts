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
  it('reads Title Case and capitals as English, their capitals no names', () => {
    expect(readEnglish('HOW MANY PARTY MEMBERS DOES HAI PHONG HAVE?')).toBe('Hải Phòng bao nhiêu đảng viên?');
    expect(readEnglish('How Many Party Members Does Quang Nam Have?')).toBe('Quảng Nam bao nhiêu đảng viên?');
  });

  it('puts "nào" after its noun, keeps a number whole, and leaves a message that reads as nothing alone', () => {
    expect(readEnglish('Which city has 4,466 party members?')).toBe('thành phố nào 4,466 đảng viên?');
    expect(readEnglish('of of')).toBeNull();
  });

  it('puts the count last, its unit right after "bao nhiêu"', () => {
    expect(readEnglish('How many party members does the Hai Phong city agencies bloc have?')).toBe('khối các cơ quan thành phố Hải Phòng bao nhiêu đảng viên?');
    expect(readEnglish('How many new party members did the Nghe An provincial agencies bloc admit in 2020?')).toBe('khối các cơ quan tỉnh Nghệ An kết nạp 2020 bao nhiêu đảng viên mới?');
  });

  it('asks "X là ai" for "who is X", and puts a body before the place it belongs to', () => {
    expect(readEnglish('Who is the Secretary of the Hue City Party Committee?')).toBe('bí thư thành ủy Huế là ai?');
    expect(readEnglish('Who chaired the working session?')).toBe('ai chủ trì làm việc?');
  });

  it('reads places as the gazetteer writes them, in any case, and keeps other names whole, even where a word of them is English glue', () => {
    expect(readEnglish('how many party members does quang nam have')).toBe('Quảng Nam bao nhiêu đảng viên');
    expect(readEnglish('how many party members does nghe an have')).toBe('Nghệ An bao nhiêu đảng viên');
    expect(readEnglish('What did Nguyen Van An say?')).toBe('gì Nguyen Van An phát biểu?');
    expect(readEnglish('What did Nguyen Thi Le ask for?')).toBe('gì Nguyen Thi Le yêu cầu?');
    expect(readEnglish('How many party cells does Nghe An have?')).toBe('Nghệ An bao nhiêu chi bộ?');
  });
});

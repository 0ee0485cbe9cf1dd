/** The question read against the seed corpus: diacritics restored, slips repaired, abbreviations in the corpus's form. */
import { describe, expect, it } from 'vitest';
import { actionInClause, analyzeQuery, statesCount } from '../../src/search/analyse.js';
import { tokenize } from '../../src/text/tokens.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useSeedIndex } from '../helpers/index-fixture.js';

const seeds = useSeedIndex();
const lex = () => lexiconOf(seeds());

const read = (q: string) => analyzeQuery(q, lex()).text;

describe('reading a question against the corpus', () => {
  it("reads a question the same again, its syllables' readings remembered from other questions", () => {
    const questions = ['bí thu thàn ủy hai phong là ai', 'dang vien hai phong bao nhieu', 'Đảng bộ Khối các cơ quan Hải Phòng kết nạp bao nhiu đản viên'];
    const first = questions.map((q) => analyzeQuery(q, lex()));
    const again = [...questions].reverse().map((q) => analyzeQuery(q, lex())).reverse();
    expect(again).toEqual(first);
  });

  it('repairs a one-letter slip and restores marks from the pairs the corpus writes', () => {
    expect(read('bí thu thàn ủy hai phong là ai')).toBe('bí thư thành ủy hải phòng là ai');
    expect(read('Đảng bộ Khối các cơ quan Hải Phòng kết nạp bao nhiu đản viên')).toBe('Đảng bộ Khối các cơ quan Hải Phòng kết nạp bao nhiêu đảng viên');
  });

  it('repairs two swapped letters, a syllable with no vowel left, and a real syllable both neighbours reject', () => {
    expect(read('bí thư thàhn ủy hải phòng là ai')).toBe('bí thư thành ủy hải phòng là ai');
    expect(read('Bí th Thành ủy Hải Phòng là ai')).toBe('Bí thư Thành ủy Hải Phòng là ai');
    expect(read('Đảng bộ Khối các cơ quan thành phố có 62 tổ chứ cơ sở đảng')).toContain('tổ chức cơ sở');
    // A marked syllable the corpus lacks stays as typed rather than become a short word one letter off.
    expect(read('Huế tổ chức lễ hội ẩm thực quốc tế khi nào?')).toContain('ẩm thực');
  });

  it('reads a syllable that is exactly a corpus syllable with a letter dropped or swapped as that syllable, marks and all', () => {
    // No Vietnamese syllable: a letter left out ("viê", "đượ"), two letters swapped ("đnảg").
    expect(read('Hải Phòng kết nạp bao nhiêu đảng viê mới')).toContain('đảng viên mới');
    expect(read('Hải Phòng có bao nhiêu chi bộ đnảg viên')).toContain('đảng viên');
    expect(read('đảng viên đượ kết nạp như thế nào')).toBe('đảng viên được kết nạp như thế nào');
    // A question phrase is evidence enough for a real word's slip ("tế nào" -> "thế nào").
    expect(read('tình hình đảng viên tế nào')).toContain('thế nào');
    // Shaped like a syllable but unknown to the corpus ("tên"): a word the user may mean, kept without a pair.
    expect(read('Chủ tịch HĐND TPHCM tên là gì?')).toContain('tên là gì');
    // Never a function word typed as such, a code with digits, or a name.
    expect(read('ai là Bí thư Thành ủy Hải Phòng')).toBe('ai là Bí thư Thành ủy Hải Phòng');
    expect(read('Quảng Ninh có bao nhiêu chi bộ')).toBe('Quảng Ninh có bao nhiêu chi bộ');
    expect(read('quang ngai co bao nhieu chi bo')).toContain('quang ngai');
  });

  it('reads a place written as one with the gazetteer\'s marks, not the corpus\'s guess ("Bac Ninh" is no "Bác Ninh")', () => {
    expect(read('ty le dang vien hoan thanh xuat sac nhiem vu o Bac Ninh la bao nhieu')).toContain('Bắc Ninh');
    // Lower case and without marks, "cam pha" is as likely "cấm phá" as the town Cẩm Phả: the corpus decides.
    expect(read('luat cam pha thai co hieu luc khi nao')).not.toContain('Cẩm Phả');
  });

  it('knows what a question asks for: a count, a person, a date, a place', () => {
    expect(analyzeQuery('Hải Phòng có bao nhiêu chi bộ?', lex()).answerType).toBe('count');
    expect(analyzeQuery('Ai là Bí thư Thành ủy Huế?', lex()).answerType).toBe('person');
    expect(analyzeQuery('Hội nghị diễn ra khi nào?', lex()).answerType).toBe('date');
    // "xếp hạng mấy", like "lần thứ mấy", asks a rank, not a count.
    expect(analyzeQuery('Hải Phòng xếp hạng mấy trên cả nước?', lex()).countUnit).toBeNull();
    expect(analyzeQuery('Hội nghị diễn ra ở đâu?', lex()).answerType).toBe('place');
    expect(analyzeQuery('hoi nghi dien ra o dau', lex()).answerType).toBe('place');
    // "ở đầu nhiệm kỳ" is no question of place.
    expect(analyzeQuery('Kết quả ở đầu nhiệm kỳ thế nào?', lex()).answerType).toBe(null);
  });

  it('reads chat shorthand as the words the corpus writes ("bn", "dc", "ntn", "ko")', () => {
    expect(read('Hải Phòng có bn đảng viên')).toBe('Hải Phòng có bao nhiêu đảng viên');
    expect(read('đảng viên dc kết nạp ntn')).toBe('đảng viên được kết nạp như thế nào');
    expect(analyzeQuery('Hải Phòng có bn đảng viên', lex()).answerType).toBe('count');
  });

  it('restores a question typed without marks where the corpus decides, and keeps folded matching where it does not', () => {
    const q = analyzeQuery('dang bo khoi cac co quan tinh nghe an ket nap bao nhieu dang vien moi', lex());
    expect(q.text).toContain('nghệ an kết nạp');
    expect(q.text).toContain('viên mới');
    expect(q.unaccented).toBe(true);
  });

  it('keeps a marked word the corpus does not use rather than forcing one of its words', () => {
    expect(read('Chủ tịch HĐND TPHCM tên là gì?')).toContain('tên là gì');
    expect(read('có tổng cộng bao nhiêu')).toContain('tổng cộng');
  });

  it('rewrites an abbreviation to the form the corpus writes, both ways', () => {
    // The seeds write "TPHCM", never "Thành phố Hồ Chí Minh".
    expect(read('Thành phố Hồ Chí Minh có bao nhiêu dân?')).toBe('TPHCM có bao nhiêu dân?');
    expect(read('TP.HCM có bao nhiêu dân?')).toBe('TPHCM có bao nhiêu dân?');
  });

  it('sets chat and markup aside before reading', () => {
    expect(read('<b>Hải Phòng</b> có bao nhiêu chi bộ ạ?')).toBe('Hải Phòng có bao nhiêu chi bộ');
  });

  it('knows what the answer is', () => {
    expect(analyzeQuery('Hải Phòng có bao nhiêu chi bộ?', lex()).answerType).toBe('count');
    expect(analyzeQuery('Bí thư Thành ủy Huế là ai?', lex()).answerType).toBe('person');
    expect(analyzeQuery('Hội nghị diễn ra khi nào?', lex()).answerType).toBe('date');
    // "xếp hạng mấy", like "lần thứ mấy", asks a rank, not a count.
    expect(analyzeQuery('Hải Phòng xếp hạng mấy trên cả nước?', lex()).countUnit).toBeNull();
  });
});

describe('what a counting question counts', () => {
  const scope = (q: string) => analyzeQuery(q, lex()).countScope;
  it('the whole after "có", "gồm", "tổng cộng" or with no verb; a counted action by its words; else nothing said', () => {
    expect(scope('Hải Phòng có bao nhiêu đảng viên?')).toEqual({ action: null });
    expect(scope('hai phong co tat ca bao nhieu dang vien')).toEqual({ action: null });
    expect(scope('Huế kết nạp được bao nhiêu đảng viên?')).toEqual({ action: ['kết', 'nạp'] });
    expect(scope('Bệnh viện tiếp nhận bao nhiêu ca?')).toBeNull();
    expect(scope('Ai là Bí thư Thành ủy Huế?')).toBeNull();
  });

  it('a count in a clause a counted action leads is a part: "xử lý kỷ luật 4 đảng viên", "đình chỉ … đối với 4 đảng viên"', () => {
    const sentence = 'Qua đó, xử lý kỷ luật 4 đảng viên, đình chỉ sinh hoạt đảng đối với 3 đảng viên; toàn Đảng bộ có 5.907 đảng viên.';
    const tokens = tokenize(sentence);
    const terms = tokens.map((t) => t.term);
    const at = (n: string) => {
      const i = tokens.findIndex((t) => sentence.slice(t.start, t.end) === n);
      expect(i, n).toBeGreaterThan(0);
      return i;
    };
    expect(actionInClause(sentence, tokens, terms, at('4'))).toBe(true);
    expect(actionInClause(sentence, tokens, terms, at('3'))).toBe(true);
    expect(actionInClause(sentence, tokens, terms, at('5.907'))).toBe(false);
  });
});

describe('statesCount', () => {
  it('reads numbers, ranges, number words and magnitudes before the unit, not years', () => {
    const says = (text: string, unit: string[]) => statesCount(tokenize(text), unit);
    expect(says('Tứ giác Chính bao gồm sáu tứ giác', ['tứ', 'giác'])).toBe(true);
    expect(says('liên quan đến năm hoàng tử từ một phe', ['hoàng', 'tử'])).toBe(true);
    expect(says('tiêu thụ 1,5 tỷ tấn cacbon', ['tấn'])).toBe(true);
    expect(says('kết nạp 6-10 đảng viên mới', ['đảng', 'viên'])).toBe(true);
    expect(says('năm 2020 đảng viên được đánh giá', ['đảng', 'viên'])).toBe(false);
    expect(says('2021 đảng viên', ['đảng', 'viên'])).toBe(false);
    expect(says('một số chi bộ', ['chi', 'bộ'])).toBe(false);
  });
});

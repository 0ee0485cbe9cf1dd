/** The question read against the seed corpus: diacritics restored, slips repaired, abbreviations in the corpus's form. */
import { describe, expect, it } from 'vitest';
import { actionInClause, analyzeQuery, statesCount } from '../../src/search/analyse.js';
import { tokenize } from '../../src/text/tokens.js';
import { findConstraints } from '../../src/search/entities.js';
import { lexiconOf, type Lexicon } from '../../src/search/lexicon.js';
import { fold } from '../../src/text/normalise.js';
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

  it('keeps the syllables of a person\'s name as typed ("Kim Ngân" is no slip of "ngành")', () => {
    expect(read('Bà Nguyễn Thị Kim Ngân phát biểu gì tại cuộc làm việc ở Hải Phòng?')).toBe('Bà Nguyễn Thị Kim Ngân phát biểu gì tại cuộc làm việc ở Hải Phòng?');
    expect(read('Đồng chí Trần Văn Bìnhh phát biểu gì?')).toContain('Trần Văn Bìnhh');
    // Office words written with capitals are still repaired.
    expect(read('Bí thư Thàn ủy Hải Phòng là ai')).toBe('Bí thư Thành ủy Hải Phòng là ai');
  });

  it('repairs two swapped letters, a syllable with no vowel left, and a real syllable both neighbours reject', () => {
    expect(read('bí thư thàhn ủy hải phòng là ai')).toBe('bí thư thành ủy hải phòng là ai');
    expect(read('Bí th Thành ủy Hải Phòng là ai')).toBe('Bí thư Thành ủy Hải Phòng là ai');
    // … but letters without a vowel and no pair to say which word they lost are initials: no "hợp".
    expect(read('vi khuan hp lay qua duong nao')).toContain(' hp ');
    expect(read('vi khuẩn HP lây qua đường nào?')).toBe('vi khuẩn HP lây qua đường nào?');
  });

  it('reads a place\'s initials as the place where a question names a place: opening it, or after a place word', () => {
    expect(read('hp co bao nhieu dang vien')).toMatch(/^Hải Phòng /u);
    expect(read('HP có bao nhiêu chi bộ?')).toBe('Hải Phòng có bao nhiêu chi bộ?');
    expect(read('Bí thư Thành ủy HP là ai?')).toBe('Bí thư Thành ủy Hải Phòng là ai?');
    // Initials several places share ("hn": Hà Nội, Hà Nam …) are no place.
    expect(read('HN có bao nhiêu chi bộ?')).toBe('HN có bao nhiêu chi bộ?');
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

  it('knows what a question asks for: a count, a person, a date, a place, a reason', () => {
    expect(analyzeQuery('Hải Phòng có bao nhiêu chi bộ?', lex()).answerType).toBe('count');
    expect(analyzeQuery('Vì sao Đông Hà đạt kết quả tích cực?', lex()).answerType).toBe('reason');
    expect(analyzeQuery('tai sao dong ha dat ket qua tot', lex()).answerType).toBe('reason');
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
    // A number that could be a year counts when another word leads it: guests, not the year 2000.
    expect(says('bữa tiệc có sự tham dự của 2000 khách', ['khách'])).toBe(true);
    expect(says('từ 2000 khách sạn đã mở cửa', ['khách'])).toBe(false);
    expect(says('vào năm 2000 khách du lịch tăng', ['khách'])).toBe(false);
    // Any other word before it leaves it a year.
    expect(says('Hội nghị tổng kết 2024 đảng viên và cán bộ chủ chốt tham dự', ['đảng', 'viên'])).toBe(false);
    expect(says('Trong 2023 chi bộ cơ sở được củng cố', ['chi', 'bộ'])).toBe(false);
    expect(says('Tính đến hết 2024 đảng viên toàn tỉnh đã học tập nghị quyết', ['đảng', 'viên'])).toBe(false);
    // Half of the unit states no figure of it ("Hơn một nửa đảng viên …" is no answer to "bao nhiêu đảng viên").
    expect(says('Hơn một nửa đảng viên Đảng bộ tỉnh Quảng Trị đã tham gia', ['đảng', 'viên'])).toBe(false);
    expect(says('một số chi bộ', ['chi', 'bộ'])).toBe(false);
  });

  it('compares the unit as the question was read: typed with marks, "chi" is not the "chỉ" of "4 chỉ tiêu"', () => {
    const text = tokenize('hoàn thành 4 chỉ tiêu');
    expect(statesCount(text, ['chi'])).toBe(true);
    expect(statesCount(text, ['chi'], undefined, false)).toBe(false);
    expect(analyzeQuery('Có bao nhiêu chi bộ?', lex()).countUnitFolded).toBe(false);
    expect(analyzeQuery('co bao nhieu chi bo', lex()).countUnitFolded).toBe(true);
  });
});

describe('a place typed bare, among words the corpus writes with the same letters', () => {
  // A corpus that writes "luật cấm phá thai" often and the town Cẩm Phả (Quảng Ninh) once.
  const pairs = new Map([
    ['luật cấm', 4],
    ['cấm phá', 3],
    ['phá thai', 6],
    ['cẩm phả', 2],
  ]);
  const syllables = ['luật', 'cấm', 'cẩm', 'cam', 'phá', 'phả', 'pha', 'thai', 'đảng', 'viên'];
  const stub: Lexicon = {
    df: (s) => (syllables.includes(s) ? 3 : 0),
    pairDf: (a, b) => pairs.get(`${a} ${b}`) ?? 0,
    variants: (f) => syllables.filter((s) => fold(s) === f),
    neighbours: () => [],
    slips: () => [],
    spelling: () => null,
  };
  const places = (q: string) => findConstraints(analyzeQuery(q, stub)).filter((c) => c.kind === 'place').map((c) => c.label);

  it('is read as the words when the pairs around it say so', () => {
    expect(places('luat cam pha thai cam nhung gi')).toEqual([]);
    expect(analyzeQuery('luat cam pha thai cam nhung gi', stub).text).toContain('luật cấm phá thai');
  });

  it('stays the place when nothing around it pairs, or when written as a name', () => {
    expect(places('cam pha co bao nhieu dang vien')).toEqual(['Cẩm Phả']);
    expect(places('Luat Cam Pha')).toEqual(['Cẩm Phả']);
  });
});

describe('a pair with a function word\'s twin, typed without marks', () => {
  // "viên" mostly follows "đảng"; "tác" is seldom written after "cơ" (the question's "có" is never paired).
  const pairs = new Map([
    ['đảng viên', 8],
    ['cơ tác', 1],
    ['tác dụng', 9],
  ]);
  const df = new Map([
    ['đảng', 9],
    ['đang', 50],
    ['viên', 10],
    ['cơ', 5],
    ['có', 50],
    ['tác', 10],
    ['dụng', 9],
  ]);
  const stub: Lexicon = {
    df: (s) => df.get(s) ?? 0,
    pairDf: (a, b) => pairs.get(`${a} ${b}`) ?? 0,
    variants: (f) => [...df.keys()].filter((s) => fold(s) === f),
    neighbours: () => [],
    slips: () => [],
    spelling: () => null,
  };
  const weight = (q: string, term: string) => analyzeQuery(q, stub).terms.find((t) => t.term === term)?.weight;

  it('weighs in full when the corpus writes it as a word, a share when it is glue', () => {
    expect(weight('bao nhieu dang vien', 'dang_vien')).toBe(1);
    expect(weight('thuoc co tac dung gi', 'co_tac')).toBeLessThan(0.5);
  });
});

describe('a name typed without marks', () => {
  it('is read as the reports write it, when they write it one way', () => {
    expect(lex().spelling(['nguyen', 'thi', 'le'])).toEqual(['nguyễn', 'thị', 'lệ']);
    expect(lex().spelling(['tran', 'van', 'khong', 'co'])).toBeNull();
    expect(read('Dong chi Nguyen Thi Le yeu cau gi?')).toContain('Nguyễn Thị Lệ');
    expect(read('Le Tien Chau yeu cau gi?')).toContain('Lê Tiến Châu'); // the first word too, when the next is capitalised
    expect(read('Ba Nguyen Thi Le yeu cau gi?')).toContain('Nguyễn Thị Lệ'); // after a capitalised title
  });

  it('stays a folded constraint, so a report spelling it otherwise still states it', () => {
    const q = analyzeQuery('Dong chi Nguyen Thi Le yeu cau gi?', lex());
    const name = findConstraints(q).find((c) => c.kind === 'name');
    expect(name?.forms[0]?.every((t) => t.folded)).toBe(true);
  });
});

describe('question phrases typed without marks', () => {
  it('are glue, as their marked forms are ("vi sao", "khi nao"), though each syllable may be a word alone', () => {
    const terms = (q: string) => analyzeQuery(q, lex()).terms.map((t) => t.term);
    expect(terms('vi sao dang vien bi ky luat')).not.toContain('sao');
    expect(terms('hoi nghi to chuc khi nao')).not.toContain('khi');
    expect(terms('ngoi sao nao sang nhat')).toContain('sao'); // no question phrase: "sao" may be the word
    expect(terms('vi sao dai hoi dien ra').some((t) => t.startsWith('sao_'))).toBe(false); // nor pairs with the glue
  });
});

describe("the question's focus", () => {
  const weight = (q: string, term: string) => analyzeQuery(q, lex()).terms.find((t) => t.term === term)?.weight;

  it('the word before "gì" / "nào" names the kind of answer, not its words: it weighs half', () => {
    expect(weight('Hội nghị đã đạt được kết quả gì?', 'quả')).toBe(0.5);
    expect(weight('Hội nghị đã đạt được kết quả gì?', 'kết_quả')).toBe(0.5);
    expect(weight('Hội nghị đã đạt được kết quả gì?', 'hội_nghị')).toBe(1);
    expect(weight('Đảng bộ nào có nhiều đảng viên nhất?', 'bộ')).toBe(0.5);
    expect(weight('ket qua gi', 'kết_quả')).toBe(0.5); // restored from the pairs the reports write
  });

  it('a question ending "là gì" asks for what its first words name, unless they are all of it', () => {
    expect(weight('Kết quả của hội nghị là gì?', 'kết_quả')).toBe(0.75); // less than a focus: reports often name it too
    expect(weight('Kết quả của hội nghị là gì?', 'hội_nghị')).toBe(1);
    expect(weight('Hội nghị là gì?', 'hội_nghị')).toBe(1);
    expect(weight('Hội nghị là gì?', 'hội')).toBe(1);
  });

  it('not a date or place frame, nor a report verb, which the answering sentence says', () => {
    expect(weight('Hội nghị tổ chức ngày nào?', 'ngày')).toBe(1);
    expect(weight('Hội nghị diễn ra vào thời gian nào?', 'thời_gian')).toBe(1);
    expect(weight('Đồng chí Lê Tiến Châu yêu cầu gì?', 'yêu_cầu')).toBe(1);
  });
});

describe('a link or an address in a question', () => {
  it('is read as typed, never "repaired" into words', () => {
    expect(read('bai https://hpdt.vn/phat-huy noi gi')).toContain('https://hpdt.vn/phat-huy');
    expect(read('gui thu cho toasoan@hpdt.vn duoc khong')).toContain('toasoan@hpdt.vn');
    expect(findConstraints(analyzeQuery('Xem https://hpdt.vn/Ha-Noi abc', lex()))).toEqual([]); // no place in a link
  });
});

describe('words typed with their marks are read as typed when a phrase or a pair would make them slips', () => {
  // A corpus where "vị" pairs on both sides of a "với" and "là" is one letter off "làm".
  const pairs = new Map([
    ['hợp vị', 3],
    ['vị chính', 3],
    ['phối hợp', 5],
    ['chính quyền', 5],
  ]);
  const syllables = ['phối', 'hợp', 'vị', 'chính', 'quyền', 'nên', 'làm', 'là', 'với'];
  const stub: Lexicon = {
    df: (s) => (syllables.includes(s) ? 3 : 0),
    pairDf: (a, b) => pairs.get(`${a} ${b}`) ?? 0,
    variants: (f) => syllables.filter((s) => fold(s) === f),
    neighbours: (f) => (f === 'voi' ? ['vị'] : []),
    slips: (typed) => (typed === 'làm' ? ['là'] : []),
    spelling: () => null,
  };

  it('"làm gì" is asked, not "là gì"', () => {
    expect(analyzeQuery('Bác sĩ khuyên nên làm gì?', stub).text).toBe('Bác sĩ khuyên nên làm gì?');
  });

  it('a function word with its marks ("với") is never another word the pairs around it prefer', () => {
    expect(analyzeQuery('phối hợp với chính quyền làm gì?', stub).text).toBe('phối hợp với chính quyền làm gì?');
  });
});

describe('a function word typed without marks that is also a content word', () => {
  const terms = (question: string) => analyzeQuery(question, lex()).terms.map((t) => t.term);

  it('makes pairs with its neighbours ("hien nay": "nay" is này and the "nay" of "hiện nay"), not a term of its own', () => {
    expect(terms('hien nay dang bo co bao nhieu dang vien')).toContain('hien_nay');
    expect(terms('hien nay dang bo co bao nhieu dang vien')).not.toContain('nay');
    // An unmarked syllable of a question typed with marks, too.
    expect(terms('Hiện nay Đảng bộ có bao nhiêu đảng viên?')).toContain('hien_nay');
  });

  it('makes none when every reading the corpus writes of it is a function word ("cua": của), nor with another function word', () => {
    expect(terms('dang vien cua dang bo hai phong').filter((t) => t.split('_').includes('cua'))).toEqual([]);
    expect(terms('dang bo co bao nhieu dang vien').filter((t) => t.split('_').includes('bao') || t.split('_').includes('nhieu'))).toEqual([]);
  });
});

/** Places, names and years are constraints a passage's article must state as a whole name. */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { checkConstraints, findConstraints, nearName, plainWords } from '../../src/search/entities.js';
import { tokenize } from '../../src/text/tokens.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useSeedIndex } from '../helpers/index-fixture.js';

const seeds = useSeedIndex();

const constraints = (q: string) => findConstraints(analyzeQuery(q, lexiconOf(seeds())));
const labels = (q: string) => constraints(q).map((c) => `${c.kind}:${c.label}`);
const missing = (q: string) => checkConstraints(seeds(), constraints(q)).missing;

describe('finding constraints', () => {
  it('reads places from the gazetteer, with their short forms and without marks', () => {
    expect(labels('Hà Nội có bao nhiêu đảng viên?')).toEqual(['place:Hà Nội']);
    expect(labels('ha noi co bao nhieu dang vien')).toEqual(['place:Hà Nội']);
    expect(labels('Đảng ủy Khối TPHCM họp ngày nào?')).toEqual(['place:Hồ Chí Minh']);
    expect(labels('Bí thư Thành ủy Huế là ai?')).toEqual(['place:Huế']);
  });

  it('reads a one-syllable place that opens the question when its spelling is the place\'s, not a word\'s ("Huế có …", "Campuchia có …")', () => {
    expect(labels('Huế có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?')).toEqual(['place:Huế']);
    expect(labels('Campuchia có bao nhiêu đảng viên?')).toEqual(['place:Campuchia']);
    // Capitalised only because it opens the sentence, and spelt as the everyday word: no place.
    expect(labels('Vinh danh bao nhiêu đảng viên?')).toEqual([]);
  });

  it('reads initials the reports never write, where a place stands, as a place they do not state ("HN có …")', () => {
    expect(labels('HN có bao nhiêu chi bộ?')).toEqual(['name:HN']);
    expect(missing('Bí thư Thành ủy ĐN là ai?')).toEqual(['ĐN']);
    // Elsewhere initials may stand for words the reports write in full ("Mặt trận Tổ quốc", "kinh tế - xã hội").
    expect(labels('vi khuẩn HP lây qua đường nào?')).toEqual([]);
    expect(labels('Năm 2021 Đông Hà đặt nhiệm vụ gì cho MTTQ?')).toEqual(['place:Đông Hà', 'year:2021']);
    // Capitals the reports write are no constraint: an office, a place, a report's outlet.
    expect(labels('Chủ tịch HĐND tỉnh là ai?')).toEqual([]);
    expect(labels('Chủ tịch UBND TP Huế là ai?')).toEqual(['place:Huế']);
    // An outlet's name is stated by its articles, which need not write it.
    expect(missing('HPĐT đưa tin gì về Hải Phòng?')).toEqual([]);
  });

  it('states an outlet\'s name by exactly its articles, however the name is cased or marked ("hpđt", "HPDT")', () => {
    const index = seeds();
    const outletOf = (label: string) => {
      const { allows } = checkConstraints(index, [{ kind: 'name', label, forms: [[{ term: 'zzkhongco', folded: false }]] }]);
      // Chunk -1 is no chunk: only an article's own head or outlet states the name.
      return index.articles.flatMap((a, i) => (allows!(-1, i) ? [a.id] : []));
    };
    const hp = index.articles.filter((a) => a.outlet === 'HPĐT').map((a) => a.id);
    expect(hp.length).toBeGreaterThan(0);
    expect(outletOf('HPĐT')).toEqual(hp);
    expect(outletOf('hpđt')).toEqual(hp);
    expect(outletOf('HPDT')).toEqual(hp);
    expect(outletOf('sggpo')).toEqual(index.articles.filter((a) => a.outlet === 'SGGPO').map((a) => a.id));
    expect(outletOf('Báo Không Có')).toEqual([]);
  });

  it('does not read everyday words as places', () => {
    expect(labels('Cay toc la gi?')).toEqual([]); // "là gì", not the town La Gi
    expect(labels('Ai được trao Huân chương Lao động hạng Nhì?')).toEqual([]); // "Lao động", not Lào
  });

  it('reads names from capitals, not offices, acronyms or the first word', () => {
    expect(labels('Đồng chí Lê Tiến Châu yêu cầu gì?')).toEqual(['name:Lê Tiến Châu']);
    expect(labels('Ủy viên Ban Thường vụ Tỉnh ủy là ai?')).toEqual([]);
    expect(labels('Chủ tịch HĐND TPHCM là ai?')).toEqual(['place:Hồ Chí Minh']);
  });

  it('reads a name whose syllables fold to office words as a name ("Trần Văn Bình" is not "trận", "văn", "binh")', () => {
    expect(labels('Đồng chí Trần Văn Bình phát biểu gì?')).toEqual(['name:Trần Văn Bình']);
    expect(labels('Đồng chí Trần Quốc Trung yêu cầu gì?')).toEqual(['name:Trần Quốc Trung']);
    expect(missing('Đồng chí Trần Văn Bình phát biểu gì?')).toEqual(['Trần Văn Bình']);
    // A name that starts the question is named whole in the refusal, not "Văn Bình".
    expect(missing('Trần Văn Bình phát biểu gì?')).toEqual(['Trần Văn Bình']);
    expect(labels('Nguyễn Thị Lệ yêu cầu gì?')).toEqual(['name:Nguyễn Thị Lệ']);
    expect(missing('Nguyễn Thị Lệ yêu cầu gì?')).toEqual([]);
    expect(labels('Văn phòng Tỉnh ủy ở đâu?')).toEqual([]);
  });

  it('a Vietnamese name is stated only with its given name: "Nguyễn Đức Hùng" is not "Nguyễn Đức Trung"', () => {
    expect(missing('Đồng chí Nguyễn Đức Hùng phát biểu gì?')).toEqual(['Nguyễn Đức Hùng']);
    expect(missing('Đồng chí Lê Tiến Dũng chủ trì cuộc làm việc nào?')).toEqual(['Lê Tiến Dũng']);
    expect(missing('Đồng chí Hoàng Văn Nam được trao gì?')).toEqual(['Hoàng Văn Nam']);
    expect(missing('Đồng chí Nguyễn Đức Trung phát biểu gì?')).toEqual([]);
    expect(missing('Đồng chí Lê Thị Hồng Khanh nhận huân chương gì?')).toEqual([]);
    // Offices stay offices, with or without marks.
    expect(labels('Ủy viên Ban Thường vụ Tỉnh ủy là ai?')).toEqual([]);
    expect(labels('Phó Chủ tịch Liên đoàn Lao động là ai?')).toEqual([]);
    expect(labels('uy vien Ban Thuong vu Tinh uy la ai?')).toEqual([]);
  });

  it('reads an English question\'s capitalised offices as offices, not as names the reports must state', () => {
    expect(labels('Who is the Secretary of the Hai Phong Party Committee?')).toEqual(['place:Hải Phòng']);
    expect(labels("What did the Chairwoman of the HCMC People's Council ask for?")).toEqual(['place:Hồ Chí Minh']);
    expect(labels('Who chaired the Provincial Party Standing Committee meeting in Nghe An?')).toEqual(['place:Nghệ An']);
    expect(missing('Who is the Secretary of the Hai Phong Party Committee?')).toEqual([]);
    // A person's name is still one, read in English as the reports spell it.
    expect(labels('What did Comrade Nguyen Thi Le ask for?')).toEqual(['name:Nguyễn Thị Lệ']);
  });

  it('reads a name typed in lower case with marks when the reports capitalise its family name and next syllable', () => {
    expect(labels('nguyễn đức hùng phát biểu gì?')).toEqual(['name:Nguyễn Đức Hùng']);
    expect(missing('nguyễn đức hùng phát biểu gì?')).toEqual(['Nguyễn Đức Hùng']);
    expect(labels('nguyễn thị lệ yêu cầu gì?')).toEqual(['name:Nguyễn Thị Lệ']);
    expect(missing('nguyễn thị lệ yêu cầu gì?')).toEqual([]);
    // Everyday words that start with a family name: the reports never capitalise them.
    expect(labels('trần nhà bị dột thì sao')).toEqual([]);
    expect(labels('lý do đông hà đạt kết quả tốt')).toEqual(['place:Đông Hà']);
  });

  it('reads a name typed in lower case, with or without marks, when the question asks what that person said or is', () => {
    // The reports never name him: a constraint they do not state, whatever the words fold to ("nền", "văn").
    expect(labels('nguyen van nen noi gi')).toEqual(['name:Nguyen Van Nen']);
    expect(missing('nguyễn văn nên nói gì')).toEqual(['Nguyễn Văn Nên']);
    expect(missing('tran van binh phat bieu gi')).toEqual(['Tran Van Binh']);
    expect(missing('nguyen duc trung noi gi')).toEqual([]);
    // Two syllables the reports write as words are no name ("nguyên nhân", "Đảng ủy").
    expect(labels('nguyen nhan la gi')).toEqual([]);
    expect(labels('dang uy yeu cau gi')).toEqual([]);
  });

  it('reads years', () => {
    expect(labels('Năm 2019 Huế kết nạp bao nhiêu đảng viên?')).toEqual(['place:Huế', 'year:2019']);
  });
});

describe('checking them against the reports', () => {
  it('a name is matched whole: "Hà Nội" is not "Đông Hà", "Quảng Nam" not "Quảng Trị" plus "Việt Nam"', () => {
    expect(missing('Hà Nội có bao nhiêu đảng viên?')).toEqual(['Hà Nội']);
    expect(missing('Đảng bộ Khối các cơ quan tỉnh Quảng Nam có bao nhiêu đảng viên?')).toEqual(['Quảng Nam']);
    expect(missing('Bí thư Tỉnh ủy Đà Nẵng là ai?')).toEqual(['Đà Nẵng']);
  });

  it('a year named only as a document\'s date ("Nghị quyết 54 năm 2019") does not make a passage about that year', () => {
    const check = checkConstraints(seeds(), constraints('Năm 2019 Đảng bộ cơ quan chính quyền TP Huế kết nạp được bao nhiêu đảng viên?'));
    const hue = seeds().articleById.get('000_2f1c6def5fbb55b7')!;
    const resolutionChunk = seeds().chunks.findIndex((c) => c.text.includes('Nghị quyết 54 năm 2019'));
    expect(resolutionChunk).toBeGreaterThanOrEqual(0);
    expect(check.allows!(resolutionChunk, hue)).toBe(false);
    expect(check.missing).toEqual(['2019']);
  });

  it('a name with a function word inside is read whole from the text: "Đông Anh" is not the "Đông" of "Đông Hà"', () => {
    expect(missing('Huyện Đông Anh có bao nhiêu đảng viên được đánh giá năm 2020?')).toEqual(['Đông Anh']);
    expect(missing('Đông Hà có bao nhiêu đảng viên được đánh giá năm 2020?')).toEqual([]);
  });

  it('a question may start with a place in capitals ("TPHCM có …"); a report names Hồ Chí Minh City with a place word, not in "tư tưởng Hồ Chí Minh"', () => {
    expect(labels('TPHCM có bao nhiêu đảng viên?')).toEqual(['place:Hồ Chí Minh']);
    const check = checkConstraints(seeds(), constraints('TP Hồ Chí Minh có bao nhiêu đảng viên?'));
    // The Huế report speaks of "tư tưởng, đạo đức, phong cách Hồ Chí Minh"; it is no report about the city.
    const hue = seeds().articleById.get('000_2f1c6def5fbb55b7')!;
    expect(seeds().chunks.some((c, i) => seeds().chunkArticle[i] === hue && c.text.includes('Hồ Chí Minh'))).toBe(true);
    expect(check.allows!(seeds().chunkArticle.indexOf(hue), hue)).toBe(false);
  });

  it('a Party bloc is stated whole: "Khối Doanh nghiệp" is not "Khối các cơ quan", with or without marks', () => {
    expect(labels('Đảng ủy Khối Doanh nghiệp tỉnh Nghệ An có bao nhiêu tổ chức đảng?')).toEqual(['place:Nghệ An', 'body:Đảng ủy Khối Doanh nghiệp']);
    expect(missing('Khối Doanh nghiệp tỉnh Nghệ An có bao nhiêu tổ chức đảng?')).toEqual(['Khối Doanh nghiệp']);
    expect(missing('dang uy khoi doanh nghiep tinh nghe an co bao nhieu to chuc dang')).toEqual(['Đảng ủy Khối Doanh nghiệp']);
    expect(labels('Đảng bộ Khối các cơ quan tỉnh Nghệ An có bao nhiêu tổ chức đảng?')).toEqual(['place:Nghệ An', 'body:Đảng bộ Khối các cơ quan']);
    expect(missing('Đảng bộ Khối các cơ quan tỉnh Nghệ An có bao nhiêu tổ chức đảng?')).toEqual([]);
  });

  it('finds the name a missing one is a slip of: each syllable as typed, another accent or one letter off, its pairs written by the reports', () => {
    expect(nearName(seeds(), 'Phạm Quang Hiến')).toBe('Phạm Quang Hiển');
    expect(nearName(seeds(), 'Lê Tiến Chu')).toBe('Lê Tiến Châu');
    expect(nearName(seeds(), 'Hải')).toBeNull();
  });

  it('places the reports cover pass, and limit answers to the reports about them', () => {
    const q = constraints('Đảng bộ Khối các cơ quan Hải Phòng có bao nhiêu đảng viên?');
    const check = checkConstraints(seeds(), q);
    expect(check.missing).toEqual([]);
    const hp = seeds().articleById.get('004_7239dae0792dcdec')!;
    const hue = seeds().articleById.get('000_2f1c6def5fbb55b7')!;
    const chunkOf = (a: number) => seeds().chunkArticle.indexOf(a);
    expect(check.allows!(chunkOf(hp), hp)).toBe(true);
    expect(check.allows!(chunkOf(hue), hue)).toBe(false);
  });
});

describe('plain words a phrase needs', () => {
  const texts = [
    'Huyện Đông Anh tổ chức đại hội. ANH ấy nói: "anh"! Thanh niên, nhanh lên.',
    'Kỹ thuật \u212Aỹ năng, \u212Aanh (Kelvin sign), ĐÔNG ANH, Đông\tAnh, đông\u00a0anh, a\u0301nh, anh\u0301, 3anh, anh_x, x-anh.',
    'Không có từ ấy ở đây: thanh, nhanh, danh, khanh.',
  ];

  it('are found in every text that has a token spelt so, and only for a phrase matched as written', () => {
    for (const text of texts) {
      for (const t of tokenize(text)) {
        if (!/^[a-z]+$/u.test(t.term)) continue;
        const words = plainWords({ syllables: [t.term, 'đông'], folded: false });
        expect(words).toHaveLength(1);
        expect(words[0]!.test(text), `${t.term} in ${text}`).toBe(true);
      }
    }
    expect(plainWords({ syllables: ['dong', 'anh'], folded: true })).toEqual([]);
    expect(plainWords({ syllables: ['anh'], folded: false })[0]!.test(texts[2]!)).toBe(false);
  });
});

/** The coverage model on the seed corpus: what each question term weighs in a passage's confidence. */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { coverage, coverageModel } from '../../src/search/confidence.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { fold } from '../../src/text/normalise.js';
import { useSeedIndex } from '../helpers/index-fixture.js';

const seeds = useSeedIndex();

const weights = (question: string) => {
  const index = seeds();
  const q = analyzeQuery(question, lexiconOf(index));
  const pass = keywordPass(index, q, 50);
  const model = coverageModel(index, q, pass);
  return new Map(model.terms.map((x) => [x.term, { weight: x.weight, idf: x.match >= 0 ? pass.matches[x.match]!.idf : null }]));
};

describe('coverage model', () => {
  it('typed without marks, a syllable that may be a function word ("bi" of bị) weighs little; a content syllable keeps its idf', () => {
    const w = weights('vi sao dang vien bi ky luat');
    const bi = w.get('bi');
    expect(bi?.idf).not.toBeNull();
    expect(bi!.weight).toBeLessThan(0.5 * bi!.idf!);
    // "ky luat" is no function word's twin: its full weight.
    const word = [...w].find(([term]) => fold(term) === 'ky_luat')![1];
    expect(word.weight).toBeCloseTo(word.idf!, 5);
  });

  it('a pair with such a twin keeps its weight when the corpus writes it as a word ("dang vien")', () => {
    const dangVien = weights('dang bo co bao nhieu dang vien').get('dang_vien');
    expect(dangVien?.idf).not.toBeNull();
    expect(dangVien!.weight).toBeCloseTo(dangVien!.idf!, 5);
  });
});

describe('the answer a window holds', () => {
  it('for "vì sao", a reason ("do …", "vì …", "khiến …")', () => {
    const index = seeds();
    const q = analyzeQuery('Vì sao Đông Hà đạt kết quả tích cực?', lexiconOf(index));
    const pass = keywordPass(index, q, 50);
    const model = coverageModel(index, q, pass);
    const holds = (text: string) => coverage(q, pass, model, text, 0).windowHasAnswer;
    expect(holds('Đông Hà đạt nhiều kết quả tích cực do cấp ủy coi trọng công tác xây dựng Đảng.')).toBe(true);
    expect(holds('Đông Hà đạt nhiều kết quả tích cực trong năm 2020.')).toBe(false);
    // Not who did it, nor freedom, nor a code.
    expect(holds('Đông Hà đạt nhiều kết quả tích cực, hội nghị do đồng chí Lê Tiến Châu chủ trì.')).toBe(false);
    expect(holds('Đông Hà đạt nhiều kết quả tích cực về quyền tự do, dân chủ.')).toBe(false);
  });
});

describe('a pair at the edge of two words', () => {
  it('("đạo tổ" of "chỉ đạo tổ chức") counts only in part against a passage that does not write it', () => {
    const index = seeds();
    const q = analyzeQuery('Ban Thường vụ chỉ đạo tổ chức đại hội chi bộ thế nào?', lexiconOf(index));
    const pass = keywordPass(index, q, 50);
    const model = coverageModel(index, q, pass);
    const edge = model.terms.find((t) => t.term === 'đạo_tổ')!;
    expect(edge.edge).toBe(true);
    expect(model.terms.filter((t) => t.edge).map((t) => t.term)).toEqual(['đạo_tổ']);
    // An article that does not hold the pair, so that no context credit blurs the comparison.
    const article = index.articles.findIndex((_, a) => pass.articleDf(edge.match, a) === 0);
    expect(article).toBeGreaterThanOrEqual(0);
    const share = (text: string) => coverage(q, pass, model, text, article).paragraph;
    const held = share('Ban Thường vụ chỉ đạo tổ chức đại hội chi bộ.');
    // The same words, the pair not written (the comma parts its syllables): it loses well under the
    // pair's whole share of the question.
    const lacking = share('Ban Thường vụ chỉ đạo, tổ chức đại hội chi bộ.');
    expect(lacking).toBeLessThan(held);
    expect(held - lacking).toBeLessThan(0.8 * (edge.weight / (model.mass + edge.weight)));
  });
});

describe('a pair the corpus never writes', () => {
  it('weighs less at the seam of two words it writes ("nghị kết" of "hội nghị kết nạp") than where its word may be missing ("tỉnh kết")', () => {
    const seam = weights('Hội nghị kết nạp đảng viên mới ra sao?').get('nghị_kết');
    const lone = weights('Đảng bộ tỉnh kết nạp đảng viên mới bao nhiêu?').get('tỉnh_kết');
    expect(seam?.idf).toBeNull();
    expect(lone?.idf).toBeNull();
    expect(seam!.weight).toBeLessThan(lone!.weight);
  });
});

describe('an office asked for', () => {
  it('is read up to its body, not on to a modifier with a hat or a horn ("cuối cùng", "người đứng đầu")', () => {
    const index = seeds();
    const office = (question: string) => {
      const q = analyzeQuery(question, lexiconOf(index));
      return coverageModel(index, q, keywordPass(index, q, 50)).office;
    };
    expect(office('Ai là Chủ tịch cuối cùng của Hội đồng?')).toEqual(['chu', 'tich']);
    expect(office('Ai là Bí thư người đứng đầu?')).toEqual(['bi', 'thu']);
    // A body typed in lower case as an abbreviation is still read ("hđnd").
    expect(office('Ai là Chủ tịch hđnd tỉnh?')).toEqual(['chu', 'tich', 'hdnd', 'tinh']);
  });

  it('is named by "chủ tịch của …" as by "chủ tịch …", not by its deputy', () => {
    const index = seeds();
    const q = analyzeQuery('Ai được bổ nhiệm làm Chủ tịch Hội đồng quản trị?', lexiconOf(index));
    const pass = keywordPass(index, q, 50);
    const model = coverageModel(index, q, pass);
    const missing = (text: string) => coverage(q, pass, model, text, 0).answerMissing;
    expect(missing('Năm 2020, ông Nguyễn Văn An được bổ nhiệm làm Chủ tịch Hội đồng quản trị.')).toBe(false);
    expect(missing('Năm 2020, ông Nguyễn Văn An được bổ nhiệm làm chủ tịch của Hội đồng quản trị.')).toBe(false);
    expect(missing('Năm 2020, ông Nguyễn Văn An được bổ nhiệm làm Phó chủ tịch của Hội đồng quản trị.')).toBe(true);
    expect(missing('Năm 2020, ông Nguyễn Văn An được bổ nhiệm làm thành viên của Hội đồng quản trị.')).toBe(true);
  });
});

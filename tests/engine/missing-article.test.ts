/**
 * A question about a report the index does not hold is refused, not answered from a report that shares
 * its other words: a given name after a person word ("bà Hoa") that the report never writes with its
 * capital, or a number ("28 tuổi") it never states, tells of another case.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { findConstraints } from '../../src/search/entities.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useCorpus } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  'ba-lan.txt': [
    'Cụ bà 90 tuổi được phẫu thuật thay khớp háng',
    'Ngày 3 tháng 4 năm 2021.',
    '',
    'Bà Lan 90 tuổi, sinh vào thập niên 1930, nhập viện trong tình trạng đau nhiều, không đi lại được sau khi ngã tại nhà.',
    '',
    'Các bác sĩ đã phẫu thuật thay khớp háng cho bà Lan, ca mổ kéo dài hai giờ. Sau phẫu thuật, sức khỏe bà Lan ổn định và bà đã tập đi lại.',
  ].join('\n'),
  'thai-phu.txt': [
    'Cứu sống thai phụ bị băng huyết',
    'Ngày 24 tháng 6 năm 2021.',
    '',
    'Thai phụ 27 tuổi nhập viện trong tình trạng mang thai lần hai, thai 37 tuần, ra máu nhiều.',
    '',
    'Các bác sĩ đã mổ cấp cứu, truyền máu và cầm máu thành công cho thai phụ. Em bé nặng 3 kg.',
  ].join('\n'),
  'kim-loai.txt': [
    'Nhân viên nhà máy nhiễm độc kim loại nặng',
    'Ngày 9 tháng 5 năm 2021.',
    '',
    'Một nhân viên làm việc ở xưởng kim loại nhập viện vì nhiễm độc chì, các bác sĩ cho biết anh phải điều trị dài ngày.',
  ].join('\n'),
};

const corpus = useCorpus(ARTICLES);

const names = (q: string) => findConstraints(analyzeQuery(q, lexiconOf(corpus.index()))).filter((c) => c.kind === 'name').map((c) => c.label);

describe('a given name after a person word', () => {
  it('is a name the answering report must state, with or without marks; a capital elsewhere is not', () => {
    expect(names('Sau phẫu thuật, sức khỏe của bà Hoa như thế nào?')).toEqual(['Hoa']);
    expect(names('Ong Kim co mot nhan vien lam gi?')).toEqual(['Kim']);
    expect(names('Bác sĩ Quyền làm việc ở đâu?')).toEqual(['Quyền']);
    // A title's word or a proper noun's first syllable, not someone's name.
    expect(names('Rừng chiếm bao nhiêu diện tích trên Trái đất?')).toEqual([]);
    expect(names('Cơ quan nào nói rằng trừng phạt là Hợp hiến?')).toEqual([]);
  });

  it('refuses a question about someone no report names, and answers the one about the person it names', async () => {
    const other = await corpus.engine().ask('Sau phẫu thuật, sức khỏe của bà Hoa như thế nào?');
    expect(other.answered).toBe(false);
    expect(other.missing).toEqual(['Hoa']);
    const named = await corpus.engine().ask('Sau phẫu thuật, sức khỏe của bà Lan như thế nào?');
    expect(named.answered).toBe(true);
    expect(named.results[0]!.article.id).toBe('ba-lan');
  });

  it('is not stated by the same syllable written as a word ("kim loại" names no Kim)', async () => {
    const a = await corpus.engine().ask('Ông Kim có một nhân viên làm gì?');
    expect(a.answered).toBe(false);
    expect(a.missing).toEqual(['Kim']);
  });
});

describe('a number the question states', () => {
  it('must be stated by the answering report: "28 tuổi" is another patient than "27 tuổi"', async () => {
    const other = await corpus.engine().ask('Thai phụ 28 tuổi nhập viện trong tình trạng nào?');
    expect(other.answered).toBe(false);
    const same = await corpus.engine().ask('Thai phụ 27 tuổi nhập viện trong tình trạng nào?');
    expect(same.answered).toBe(true);
    expect(same.results[0]!.article.id).toBe('thai-phu');
  });

  it('need not be stated when it is a time the report may write otherwise ("thập niên 30" of "thập niên 1930")', async () => {
    const a = await corpus.engine().ask('Bà Lan sinh vào thập niên 30 nhập viện trong tình trạng nào?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.article.id).toBe('ba-lan');
  });
});

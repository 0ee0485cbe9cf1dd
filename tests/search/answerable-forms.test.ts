/**
 * Answers the reports write in another form than the question asks: a count as a sign ("32,9%" for
 * "bao nhiêu phần trăm"), a compound unit by its last syllable ("25 thi thể" for "bao nhiêu tử thi"),
 * a foreign name one letter off ("Lor Hawkins" for "Lord Hawkins"). Invented reports.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { coverage, coverageModel } from '../../src/search/confidence.js';
import { checkConstraints, findConstraints, foreignSlip } from '../../src/search/entities.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useCorpus } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  'don-bien.txt': [
    'Đồn biên giới phía bắc được xây dựng lại',
    'Ngày 3 tháng 5 năm 1956.',
    '',
    'Năm 1956, Lord Hawkins chỉ định Đại tá Peter Grant làm phó chỉ huy đồn biên giới phía bắc.',
    '',
    'Đoàn khảo cổ đã khai quật 25 thi thể quanh đồn biên giới trong mùa hè.',
    '',
    'Cuộc điều tra dân số cho thấy 32,9% cư dân của thị trấn không đi bầu cử.',
  ].join('\n'),
  'tho-nguyen.txt': [
    'Đại hội Chi bộ thôn Thổ Nguyên',
    'Ngày 12 tháng 3 năm 2020.',
    '',
    'Đồng chí Nguyễn Văn Doanh được bầu làm Bí thư Chi bộ thôn Thổ Nguyên nhiệm kỳ mới.',
    '',
    'Chi bộ có 40 đảng viên, tỷ lệ đảng viên dự họp đạt cao.',
  ].join('\n'),
  // No date and no year anywhere: an excerpt that never places itself in time.
  'hai-au.txt': ['Đội bóng Hải Âu', '', 'Hàng thủ của Hải Âu có 24 lần cướp bóng trong mùa giải và chỉ thua 18 bàn.'].join('\n'),
  // No date, but a year written: it says when it speaks of.
  'song-lon.txt': ['Đội bóng Sông Lớn', '', 'Năm 1999, hàng thủ của Sông Lớn có 31 lần cướp bóng trong mùa giải.'].join('\n'),
  'giai-dau.txt': ['Giải đấu khai mạc', 'Ngày 2 tháng 9 năm 2015.', '', 'Giải đấu năm 2015 khai mạc với mười đội bóng.'].join('\n'),
};

const corpus = useCorpus(ARTICLES);

/** The coverage of `text` for `question`, over the test corpus (its first article). */
function coverageOf(question: string, text: string) {
  const index = corpus.index();
  const q = analyzeQuery(question, lexiconOf(index));
  const pass = keywordPass(index, q, 50);
  return coverage(q, pass, coverageModel(index, q, pass), text, 0);
}

describe('a count written otherwise than the question asks it', () => {
  it('"bao nhiêu phần trăm" is answered by a number with its sign ("32,9%"), which the tokens drop', () => {
    const question = 'Bao nhiêu phần trăm cư dân của thị trấn không đi bầu cử?';
    const withSign = coverageOf(question, 'Cuộc điều tra dân số cho thấy 32,9% cư dân của thị trấn không đi bầu cử.');
    const otherMeasure = coverageOf(question, 'Cuộc điều tra dân số cho thấy 32,9 nghìn cư dân của thị trấn không đi bầu cử.');
    expect(withSign.paragraph).toBeGreaterThan(otherMeasure.paragraph);
  });

  it('a two-syllable unit is counted by its last syllable ("25 thi thể" for "tử thi"), not by a number of something else', () => {
    const question = 'Đoàn khảo cổ đã khai quật bao nhiêu tử thi quanh đồn biên giới?';
    expect(coverageOf(question, 'Đoàn khảo cổ đã khai quật 25 thi thể quanh đồn biên giới trong mùa hè.').answerMissing).toBe(false);
    expect(coverageOf(question, 'Đoàn khảo cổ đã khai quật quanh đồn biên giới trong 3 tháng mùa hè.').answerMissing).toBe(true);
  });
});

describe('a foreign name one letter off a name the reports write', () => {
  const check = (question: string) => {
    const index = corpus.index();
    return checkConstraints(index, findConstraints(analyzeQuery(question, lexiconOf(index))));
  };

  it('is read as that name ("Lor Hawkins" -> "Lord Hawkins"): nothing missing, its article allowed', () => {
    const index = corpus.index();
    // As the question's reading leaves it when the corpus offers other readings of "Lor" (the repair may fix it first here).
    const typed = { kind: 'name' as const, label: 'Lor Hawkins', forms: [[{ term: 'lor_hawkins', folded: false }]] };
    const c = checkConstraints(index, [typed]);
    expect(c.missing).toEqual([]);
    const article = index.articles.findIndex((a) => a.title.startsWith('Đồn biên giới'));
    expect(c.allows!(index.chunkArticle.indexOf(article), article)).toBe(true);
    const other = index.articles.findIndex((a) => a.title.startsWith('Đại hội'));
    expect(c.allows!(index.chunkArticle.indexOf(other), other)).toBe(false);
  });

  it('a Vietnamese syllable one letter off is not read so: it is as often another person ("Nguyễn Văn Danh")', () => {
    const index = corpus.index();
    expect(foreignSlip(index, { kind: 'name', label: 'Nguyễn Văn Danh', forms: [[{ term: 'văn_danh', folded: false }]] })).toBeNull();
    expect(foreignSlip(index, { kind: 'name', label: 'Lor Hawkins', forms: [[{ term: 'lor_hawkins', folded: false }]] })?.label).toBe('Lord Hawkins');
  });

  it('two letters off, or a name the reports never write, stays missing', () => {
    expect(check('Ai được chỉ định làm phó chỉ huy đồn sau Lo Hawkins?').missing).toEqual(['Lo Hawkins']);
    expect(check('Ai được chỉ định làm phó chỉ huy đồn sau Lord Jenkins?').missing).toEqual(['Lord Jenkins']);
  });
});

describe('a year the question names', () => {
  it('is no constraint on an article that has no date and writes no year: it says nothing against it', () => {
    const index = corpus.index();
    const c = checkConstraints(index, findConstraints(analyzeQuery('Hàng thủ có bao nhiêu lần cướp bóng trong mùa giải 2015?', lexiconOf(index))));
    expect(c.missing).toEqual([]);
    const allowed = (title: string) => {
      const a = index.articles.findIndex((x) => x.title === title);
      return c.allows!(index.chunkArticle.indexOf(a), a);
    };
    expect(allowed('Đội bóng Hải Âu')).toBe(true);
    // Another year written, or a date: that article is about its own time.
    expect(allowed('Đội bóng Sông Lớn')).toBe(false);
    expect(allowed('Đồn biên giới phía bắc được xây dựng lại')).toBe(false);
  });
});

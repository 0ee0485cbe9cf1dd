/**
 * Answers the reports give otherwise than the question asks: a compound unit counted by its last
 * syllable ("25 thi thể" for "bao nhiêu tử thi"), a year the question names in an article that never
 * places itself in time. Invented reports.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { coverage, coverageModel } from '../../src/search/confidence.js';
import { checkConstraints, findConstraints } from '../../src/search/entities.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useCorpus } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  'don-bien.txt': [
    'Đồn biên giới phía bắc được xây dựng lại',
    'Ngày 3 tháng 5 năm 1956.',
    '',
    'Năm 1956, Đại tá Peter Grant được chỉ định làm phó chỉ huy đồn biên giới phía bắc.',
    '',
    'Đoàn khảo cổ đã khai quật 25 thi thể quanh đồn biên giới trong mùa hè.',
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
  it('a two-syllable unit is counted by its last syllable ("25 thi thể" for "tử thi"), not by a number of something else', () => {
    const question = 'Đoàn khảo cổ đã khai quật bao nhiêu tử thi quanh đồn biên giới?';
    expect(coverageOf(question, 'Đoàn khảo cổ đã khai quật 25 thi thể quanh đồn biên giới trong mùa hè.').answerMissing).toBe(false);
    expect(coverageOf(question, 'Đoàn khảo cổ đã khai quật quanh đồn biên giới trong 3 tháng mùa hè.').answerMissing).toBe(true);
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

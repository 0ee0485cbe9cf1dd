/**
 * Answers the reports give otherwise than the question asks: a compound unit counted by its last
 * syllable ("25 thi thể" for "bao nhiêu tử thi"). Invented reports.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { coverage, coverageModel } from '../../src/search/confidence.js';
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

/**
 * What a count question's unit is stated by: its own words, not another word sharing one of its
 * syllables. Invented reports.
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

describe('a count of another word sharing a syllable of the unit', () => {
  // "25 thi thể" would answer "bao nhiêu tử thi", but the same rule counts "53 viên chức" as party
  // members ("đảng viên") and "3 bộ phận" as Party cells ("chi bộ"): another body's figure as an answer.
  it('is no count of the unit asked', () => {
    expect(coverageOf('Đồn biên giới có bao nhiêu đảng viên?', 'Đồn biên giới có 53 viên chức.').answerMissing).toBe(true);
    expect(coverageOf('Đồn biên giới có bao nhiêu chi bộ?', 'Đồn biên giới có 3 bộ phận.').answerMissing).toBe(true);
    expect(coverageOf('Đồn biên giới có bao nhiêu đảng viên?', 'Đồn biên giới có 53 đảng viên.').answerMissing).toBe(false);
  });
});

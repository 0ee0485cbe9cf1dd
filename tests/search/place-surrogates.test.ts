/**
 * A passage with characters outside the BMP (an emoji, a mathematical letter) is read for a place by the
 * expression placeStatedBy keeps for such texts (made at its first such text): it still tells the place
 * standing alone from its words inside a longer place.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { checkConstraints, findConstraints } from '../../src/search/entities.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useCorpus } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  'dong-ha.txt': ['Hội nghị ở Đông Hà 🎉', 'Ngày 5 tháng 1 năm 2024.', '', '🎉 Thành phố Đông Hà có 412 đảng viên mới trong năm 2023, tăng so với năm trước.'].join('\n'),
  'ha-noi.txt': ['Tin vắn 📌 thủ đô', 'Ngày 6 tháng 1 năm 2024.', '', '📌 Đảng bộ Khối các cơ quan thành phố Hà Nội có 5.300 đảng viên.'].join('\n'),
};

const corpus = useCorpus(ARTICLES);

describe('places in passages with surrogate pairs', () => {
  it('states the place of the passage that names it, and not the other one', () => {
    const index = corpus.index();
    const check = (q: string) => checkConstraints(index, findConstraints(analyzeQuery(q, lexiconOf(index))));
    const ids = (q: string) => {
      const { allows } = check(q);
      return index.articles.flatMap((a, i) => (allows!(-1, i) ? [a.file] : []));
    };
    expect(check('Đông Hà có bao nhiêu đảng viên mới?').missing).toEqual([]);
    expect(ids('Đông Hà có bao nhiêu đảng viên mới?')).toEqual(['dong-ha.txt']);
    expect(ids('Hà Nội có bao nhiêu đảng viên?')).toEqual(['ha-noi.txt']);
    // "Hà" alone is no place of either: the words of "Đông Hà" and "Hà Nội" state no "Hà Giang".
    expect(check('Hà Giang có bao nhiêu đảng viên?').missing).toEqual(['Hà Giang']);
  });
});

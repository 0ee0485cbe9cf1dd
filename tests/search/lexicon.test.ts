/** The lexicon's pair frequencies, remembered between questions, are the keyword index's own. */
import { describe, expect, it } from 'vitest';
import { PAIR_SEP } from '../../src/index/terms.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useSeedIndex } from '../helpers/index-fixture.js';

const seeds = useSeedIndex();

describe('pair frequencies', () => {
  it('are the index document frequencies of the pair term, asked once or again', () => {
    const index = seeds();
    const lex = lexiconOf(index);
    const pairs: Array<[string, string]> = [
      ['đảng', 'viên'],
      ['thành', 'ủy'],
      ['hải', 'phòng'],
      ['viên', 'đảng'],
      ['không', 'có_thật'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [a, b] of pairs) expect(lex.pairDf(a, b)).toBe(index.keyword.df(a + PAIR_SEP + b));
    }
    expect(lex.pairDf('đảng', 'viên')).toBeGreaterThan(0);
  });
});

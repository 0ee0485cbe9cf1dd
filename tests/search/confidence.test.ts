/** The coverage model on the seed corpus: what each question term weighs in a passage's confidence. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { analyzeQuery } from '../../src/search/analyse.js';
import { coverageModel } from '../../src/search/confidence.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { fold } from '../../src/text/normalise.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

let t: TempIndex;
let index: LoadedIndex;
beforeAll(async () => {
  t = tempIndex({ model: 'none' });
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  index = await loadIndex(t.indexDir);
});
afterAll(() => t.cleanup());

const weights = (question: string) => {
  const q = analyzeQuery(question, lexiconOf(index));
  const pass = keywordPass(index, q);
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
});

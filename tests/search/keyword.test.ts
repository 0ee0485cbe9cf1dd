/** The first stage prunes (MaxScore): its top must be the very top that scoring every chunk gives. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import type { TermMatch } from '../../src/index/keyword-index.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { analyzeQuery } from '../../src/search/analyse.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

let t: TempIndex;
let index: LoadedIndex;
beforeAll(async () => {
  t = tempIndex({ model: 'none' });
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  index = await loadIndex(t.indexDir);
});
afterAll(() => t.cleanup());

const QUESTIONS = [
  'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?',
  'dang bo khoi cac co quan tinh nghe an ket nap bao nhieu dang vien moi',
  'Hội nghị tổng kết công tác năm 2021 của Đảng bộ',
  'Ai là Bí thư Thành ủy?',
  'của và các có',
];

describe('keyword pass', () => {
  it('returns the chunks of the highest scores, ties to the earlier chunk, at any depth', () => {
    for (const question of QUESTIONS) {
      const q = analyzeQuery(question, lexiconOf(index));
      for (const depth of [1, 3, 10, 30]) {
        const pass = keywordPass(index, q, depth);
        const all = index.chunks.map((_, c) => c).filter((c) => pass.score(c) > 0);
        const expected = all.sort((a, b) => pass.score(b) - pass.score(a) || a - b).slice(0, depth);
        expect(pass.top, `${question} @${depth}`).toEqual(expected);
      }
    }
  });

  it('scores a chunk as scoring every posting at once does', () => {
    const q = analyzeQuery(QUESTIONS[0]!, lexiconOf(index));
    const pass = keywordPass(index, q, 30);
    const all = new Float32Array(index.chunks.length);
    index.keyword.accumulate(
      pass.matches.filter((m): m is TermMatch => m !== null),
      all,
    );
    for (let c = 0; c < all.length; c++) expect(pass.chunkScore(c)).toBe(all[c]);
  });

  it("keeps a pass's scores its own when another pass ran since (their memo shares the index's arrays)", () => {
    const [first, second] = QUESTIONS.slice(0, 2).map((question) => keywordPass(index, analyzeQuery(question, lexiconOf(index)), 30));
    const all = new Float32Array(index.chunks.length);
    index.keyword.accumulate(
      first!.matches.filter((m): m is TermMatch => m !== null),
      all,
    );
    for (const c of [...first!.top, ...second!.top]) expect(first!.chunkScore(c)).toBe(all[c]);
  });

  it('leaves no scratch state behind when scoring throws: the next pass is exact', () => {
    const brute = (question: string, depth: number) => {
      const pass = keywordPass(index, analyzeQuery(question, lexiconOf(index)), depth);
      const all = index.chunks.map((_, c) => c).filter((c) => pass.score(c) > 0);
      return { top: pass.top, expected: all.sort((a, b) => pass.score(b) - pass.score(a) || a - b).slice(0, depth) };
    };
    for (const question of QUESTIONS) {
      for (const depth of [1, 3]) {
        const q = analyzeQuery(question, lexiconOf(index));
        const spy = vi.spyOn(index.keyword, 'scoreOf').mockImplementation(() => {
          throw new Error('disk gone');
        });
        let threw = false;
        try {
          keywordPass(index, q, depth);
        } catch {
          threw = true;
        } finally {
          spy.mockRestore();
        }
        const { top, expected } = brute(question, depth);
        expect(top, `${question} @${depth} after ${threw ? 'a throw' : 'no throw'}`).toEqual(expected);
      }
    }
  });
});

/** The first stage prunes (MaxScore): its top must be the very top that scoring every chunk gives. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { bm25Norm, DEFAULT_BM25, idf, type TermMatch } from '../../src/index/keyword-index.js';
import { ByteLru } from '../../src/index/lru.js';
import { PAIR_SEP } from '../../src/index/terms.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { analyzeQuery } from '../../src/search/analyse.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { foldSyllable } from '../../src/text/normalise.js';
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

/**
 * The pass against scoring from the definitions: every chunk's BM25, every article's BM25 summed from its
 * chunks' postings (its IDF over articles), the title's, then a full sort. Random questions of the
 * index's own syllables, with the per-article sums kept and forgotten (then summed again).
 */
describe('keyword pass against every chunk scored', () => {
  const ARTICLE_WEIGHT = 0.3;
  const TITLE_WEIGHT = 0.3;

  function reference(q: ReturnType<typeof analyzeQuery>) {
    const present = q.terms.map((t) => index.keyword.match(t)).filter((m): m is TermMatch => m !== null);
    const chunkScores = new Float32Array(index.chunks.length);
    index.keyword.accumulate(present, chunkScores);
    const nArticles = index.articles.length;
    const len = new Float64Array(nArticles);
    for (let c = 0; c < index.chunks.length; c++) len[index.chunkArticle[c]!]! += index.keyword.docLength(c);
    const avg = len.reduce((a, b) => a + b, 0) / nArticles;
    const articleScore = new Float32Array(nArticles);
    const dfs = present.map((m) => {
      const tf = new Float64Array(nArticles);
      const df = new Uint32Array(nArticles);
      m.docs.forEach((d, i) => {
        tf[index.chunkArticle[d]!]! += m.tfs[i]!;
        df[index.chunkArticle[d]!]!++;
      });
      const w = m.term.weight * idf(nArticles, df.filter((x) => x > 0).length);
      for (let a = 0; a < nArticles; a++) if (tf[a]! > 0) articleScore[a]! += w * ((tf[a]! * (DEFAULT_BM25.k1 + 1)) / (tf[a]! + bm25Norm(len[a]!, avg)));
      return df;
    });
    const titleScore = new Float32Array(nArticles);
    index.titles.accumulate(
      q.terms.map((t) => index.titles.match(t)).filter((m): m is TermMatch => m !== null),
      titleScore,
    );
    const scores = new Float32Array(index.chunks.length);
    for (let c = 0; c < scores.length; c++) {
      const a = index.chunkArticle[c]!;
      scores[c] = chunkScores[c]! > 0 ? chunkScores[c]! + ARTICLE_WEIGHT * articleScore[a]! + TITLE_WEIGHT * titleScore[a]! : chunkScores[c]!;
    }
    const order = index.chunks.map((_, c) => c).filter((c) => scores[c]! > 0);
    order.sort((a, b) => scores[b]! - scores[a]! || a - b);
    return { order, scores, dfs };
  }

  function randomQuestions(count: number): string[] {
    let seed = 12345;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const syllables = [...index.keyword.vocabulary()].filter(([t]) => !t.includes(PAIR_SEP) && /\p{L}/u.test(t)).map(([t]) => t);
    return Array.from({ length: count }, () => {
      const words = Array.from({ length: 2 + Math.floor(next() * 10) }, () => syllables[Math.floor(next() * syllables.length)]!);
      return (next() < 0.3 ? words.map(foldSyllable) : words).join(' ');
    });
  }

  function check(label: string): void {
    for (const question of [...QUESTIONS, ...randomQuestions(40)]) {
      const q = analyzeQuery(question, lexiconOf(index));
      const { order, scores, dfs } = reference(q);
      for (const depth of [1, 5, 30]) {
        const pass = keywordPass(index, q, depth);
        expect(pass.top, `${label}: ${question} @${depth}`).toEqual(order.slice(0, depth));
        for (const c of pass.top) expect(pass.score(c)).toBe(scores[c]);
        const present = pass.matches.flatMap((m, i) => (m ? [i] : []));
        for (const c of pass.top) present.forEach((i, k) => expect(pass.articleDf(i, index.chunkArticle[c]!)).toBe(dfs[k]![index.chunkArticle[c]!]));
      }
    }
  }

  it('gives the same top, scores and chunk counts with the per-article sums kept', () => check('kept'));

  it('gives the same top, scores and chunk counts with them forgotten (summed again)', () => {
    const get = ByteLru.prototype.get;
    const spy = vi.spyOn(ByteLru.prototype, 'get').mockImplementation(function (this: ByteLru<unknown, unknown>, key: unknown) {
      const v = get.call(this, key);
      return v && typeof v === 'object' && 'articleTf' in v ? undefined : v;
    });
    try {
      check('forgotten');
    } finally {
      spy.mockRestore();
    }
  });
});

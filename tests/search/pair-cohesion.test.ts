/** Which question pairs are the edge of two words: invented document frequencies, no index needed. */
import { describe, expect, it } from 'vitest';
import type { TermMatch } from '../../src/index/keyword-index.js';
import { edgePairs, straddlingPairs } from '../../src/search/pair-cohesion.js';

/** Terms as analyzeQuery lists them (each pair right after its second syllable), with df per term (null: unseen). */
function read(list: Array<[string, number | null]>) {
  const terms = list.map(([term]) => ({ term, folded: false, weight: 1 }));
  const matches = list.map(([term, df], i): TermMatch | null => (df === null ? null : { term: terms[i]!, idf: 1, docs: new Uint32Array(df), tfs: new Uint16Array(df) }));
  return {
    terms,
    edges: (names: string[] = []) => [...edgePairs(terms, matches, new Set(names))].map((i) => terms[i]!.term),
    seams: () => [...straddlingPairs(terms, matches)].map((i) => terms[i]!.term),
  };
}

describe('edge pairs', () => {
  it('of two pairs sharing a syllable, the one the corpus seldom writes together is the edge ("lượng người" of "số lượng người")', () => {
    const q = read([
      ['số', 300],
      ['lượng', 270],
      ['số_lượng', 60],
      ['người', 1000],
      ['lượng_người', 2],
    ]);
    expect(q.edges()).toEqual(['lượng_người']);
  });

  it('pairs that share no syllable are both kept ("bẩm sinh", "tác dụng")', () => {
    const q = read([
      ['bẩm', 20],
      ['sinh', 470],
      ['bẩm_sinh', 20],
      ['tác', 200],
      ['dụng', 380],
      ['tác_dụng', 70],
    ]);
    expect(q.edges()).toEqual([]);
  });

  it('two pairs both often written together are words, however unequal ("sốt xuất huyết")', () => {
    const q = read([
      ['sốt', 55],
      ['xuất', 216],
      ['sốt_xuất', 11],
      ['huyết', 177],
      ['xuất_huyết', 27],
    ]);
    expect(q.edges()).toEqual([]);
  });

  it('a pair the corpus never writes is no edge (it weighs as unseen), nor is a pair of a name', () => {
    const unseen = read([
      ['tin', 120],
      ['bệnh', 1300],
      ['tin_bệnh', null],
      ['lý', 250],
      ['bệnh_lý', 50],
    ]);
    expect(unseen.edges()).toEqual([]);
    const name = read([
      ['nguyễn', 300],
      ['thị', 400],
      ['nguyễn_thị', 200],
      ['tình', 250],
      ['thị_tình', 1],
    ]);
    expect(name.edges()).toEqual(['thị_tình']);
    expect(name.edges(['thị_tình'])).toEqual([]);
  });
});

describe('seams of two known words', () => {
  it('a pair the corpus never writes between two pairs it does is a seam ("nhân_cẩm" of "bệnh nhân Cẩm Tú")', () => {
    const q = read([
      ['bệnh', 1300],
      ['nhân', 900],
      ['bệnh_nhân', 700],
      ['cẩm', 10],
      ['nhân_cẩm', null],
      ['tú', 12],
      ['cẩm_tú', 5],
    ]);
    expect(q.seams()).toEqual(['nhân_cẩm']);
  });

  it('not when a side has no pair the corpus writes ("văn_xyz" of a name the reports lack), nor at the end of the question', () => {
    const name = read([
      ['hoàng', 80],
      ['văn', 300],
      ['hoàng_văn', 40],
      ['xyz', null],
      ['văn_xyz', null],
      ['abc', null],
      ['xyz_abc', null],
    ]);
    expect(name.seams()).toEqual([]);
    const last = read([
      ['bệnh', 1300],
      ['nhân', 900],
      ['bệnh_nhân', 700],
      ['tệ', 30],
      ['nhân_tệ', null],
    ]);
    expect(last.seams()).toEqual([]);
  });
});

/**
 * The build's term counter (prepare.ts) walks the tokens itself, one look-up per token: what it counts
 * for a passage must be exactly what indexTerms() (terms.ts) says the keyword index stores for it.
 */
import { describe, expect, it } from 'vitest';
import { TermCounter } from '../../src/index/prepare.js';
import { indexTerms } from '../../src/index/terms.js';
import { tokenize } from '../../src/text/tokens.js';

/** Invented passages: stop words between, before and after syllables, punctuation splitting pairs, numbers, a repeated pair. */
const FIRST = [
  'Hội nghị Ban Chấp hành Đảng bộ tỉnh Lâm Hà lần thứ 12 đã bàn về công tác cán bộ của tỉnh.',
  'Đảng bộ có 4.321 đảng viên, trong đó 120 đảng viên mới; đảng viên trẻ chiếm 30%.',
  'Và, của, là: các từ này không tạo cặp với nhau.',
  '',
];
const SECOND = ['Ông Trần Văn Bình, Bí thư Tỉnh ủy Lâm Hà, phát biểu tại hội nghị.', 'Hội nghị hội nghị hội nghị.'];

function expected(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of indexTerms(tokenize(text))) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

describe('TermCounter', () => {
  it('counts every passage exactly as indexTerms() lists its terms, across calls of one counter', () => {
    const counter = new TermCounter();
    const vocabulary: string[] = [];
    for (const texts of [FIRST, SECOND]) {
      const r = counter.countAll(texts, tokenize);
      vocabulary.push(...r.newTerms);
      let at = 0;
      texts.forEach((text, c) => {
        const got = new Map<string, number>();
        for (let k = 0; k < r.distinct[c]!; k++) got.set(vocabulary[r.termIds[at + k]!]!, r.tfs[at + k]!);
        at += r.distinct[c]!;
        const want = expected(text);
        expect(got).toEqual(want);
        expect(r.lengths[c]).toBe([...want.values()].reduce((n, x) => n + x, 0));
      });
      expect(at).toBe(r.termIds.length);
    }
    // The checks above saw pairs and skipped stop words at all.
    expect(vocabulary).toContain('đảng_viên');
    expect(vocabulary).not.toContain('của');
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
  });
});

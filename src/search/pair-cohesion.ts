/**
 * Which of the question's two-syllable pairs are glue rather than words. Every adjacent pair of content
 * syllables is a term, so "số lượng người" gives "số lượng" (a word) and "lượng người" (two words' edge).
 * The edge pair is rare, so its IDF would make it the question's heaviest term, and no passage that
 * answers writes it. Of two pairs sharing a syllable, the one whose syllables the corpus writes together
 * less often (its df over its rarer syllable's) is the edge.
 */
import type { TermMatch } from '../index/keyword-index.js';
import { PAIR_SEP, isPair } from '../index/terms.js';

/**
 * A pair is an edge only when its neighbour is written together at least 1 / EDGE_RATIO times as often
 * and it is itself seldom written together (under EDGE_MAX_COHESION): on a small corpus (the seeds' 87
 * paragraphs) every count is small, and a looser rule took words of the seeds' own questions ("tổ chức
 * đảng") for edges. Chosen on the tuning half of the news dev set, checked on the seeds and XQuAD.
 */
const EDGE_RATIO = 0.2;
const EDGE_MAX_COHESION = 0.05;

/** How often the pair's syllables are written together: its df over its rarer syllable's df. */
function cohesion(pairDf: number, df: ReadonlyMap<string, number>, pair: string): number {
  const [a, b] = pair.split(PAIR_SEP);
  const rarer = Math.min(df.get(a!) ?? Number.POSITIVE_INFINITY, df.get(b!) ?? Number.POSITIVE_INFINITY);
  return Number.isFinite(rarer) && rarer > 0 ? pairDf / rarer : 1;
}

/**
 * Indices (into `terms`) of the pairs that overlap a more cohesive neighbour pair, except those in `names`
 * (a name's syllables, "Nguyễn Thị Lệ", are all one word however often the corpus writes them apart).
 * Terms are in the question's order (analyzeQuery adds each pair right after its second syllable).
 */
export function edgePairs(terms: ReadonlyArray<{ term: string }>, matches: ReadonlyArray<TermMatch | null>, names: ReadonlySet<string> = new Set()): Set<number> {
  const df = new Map<string, number>();
  terms.forEach((t, i) => {
    const m = matches[i];
    if (m && !isPair(t.term)) df.set(t.term, m.docs.length);
  });
  const pairs: Array<{ at: number; first: string; second: string; cohesion: number | null }> = [];
  terms.forEach((t, i) => {
    if (!isPair(t.term)) return;
    const [first, second] = t.term.split(PAIR_SEP);
    const m = matches[i];
    pairs.push({ at: i, first: first!, second: second!, cohesion: m ? cohesion(m.docs.length, df, t.term) : null });
  });
  const out = new Set<number>();
  const weaker = (x: (typeof pairs)[number], y: (typeof pairs)[number]) => {
    if (x.cohesion === null || names.has(terms[x.at]!.term)) return false;
    return y.cohesion !== null && x.cohesion < EDGE_RATIO * y.cohesion && x.cohesion < EDGE_MAX_COHESION;
  };
  for (let k = 0; k + 1 < pairs.length; k++) {
    const x = pairs[k]!;
    const y = pairs[k + 1]!;
    if (x.second !== y.first) continue;
    if (weaker(x, y)) out.add(x.at);
    else if (weaker(y, x)) out.add(y.at);
  }
  return out;
}

/**
 * Indices (into `terms`) of the pairs the corpus never writes whose syllables each make a pair it does
 * write with their other neighbour: "nhân cẩm" of "bệnh nhân Cẩm Tú", "nhận chức" of "đảm nhận chức
 * vụ". Such a pair is the seam of two known words, not a word of its own that the reports lack. A pair
 * with no pair on one side ("văn xyz" ending "Hoàng Văn Xyz") is not one: its word may be what is missing.
 */
export function straddlingPairs(terms: ReadonlyArray<{ term: string }>, matches: ReadonlyArray<TermMatch | null>): Set<number> {
  const pairs: Array<{ at: number; first: string; second: string; seen: boolean }> = [];
  terms.forEach((t, i) => {
    if (!isPair(t.term)) return;
    const [first, second] = t.term.split(PAIR_SEP);
    pairs.push({ at: i, first: first!, second: second!, seen: matches[i] != null });
  });
  const out = new Set<number>();
  for (let k = 1; k + 1 < pairs.length; k++) {
    const [before, x, after] = [pairs[k - 1]!, pairs[k]!, pairs[k + 1]!];
    if (!x.seen && before.seen && after.seen && before.second === x.first && x.second === after.first) out.add(x.at);
  }
  return out;
}

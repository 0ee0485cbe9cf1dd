/**
 * Reads each syllable of a question against the corpus: restores diacritics ("dang vien" ->
 * "đảng viên") and repairs a one-letter slip ("thàn ủy" -> "thành ủy", "nhiu" -> "nhiêu") by choosing,
 * over the whole question at once (Viterbi), the variants that make syllable pairs the corpus
 * writes. A syllable nothing supports keeps folded matching, so restoring never does worse than folding.
 */
import { isStop, type Token } from '../text/tokens.js';
import type { Lexicon } from './lexicon.js';

/** Costs of reading a typed syllable as a corpus syllable (lower is likelier). Chosen by hand, checked on the dev sets. */
const COST_ACCENT_UNACCENTED = 0.3; // the question was typed without marks: any variant is plausible
const COST_ACCENT_ACCENTED = 1.5; // the user typed marks elsewhere: this unmarked one is probably meant as typed
const COST_WRONG_ACCENT = 1.5; // marks typed, but not a corpus syllable: another accent of the same letters
const COST_TYPO = 3; // one letter off
const COST_UNSEEN = 4; // keep a syllable the corpus never writes (a word of another topic)
/** A known pair is strong evidence for both of its syllables. */
const PAIR_BONUS = 2;
const PAIR_DF_WEIGHT = 0.2;
const DF_WEIGHT = 0.15;
/** Candidates per syllable kept for the search (the likeliest first). */
const MAX_CANDIDATES = 24;

export interface ReadToken {
  token: Token;
  /** The corpus syllable chosen (lower case), or the token's own term. */
  form: string;
  /** Match every accent variant of `form`'s folded form: nothing decided between them. */
  folded: boolean;
  change: 'none' | 'accent' | 'typo';
}

interface Cand {
  form: string;
  cost: number;
  change: ReadToken['change'];
}

function candidates(t: Token, lex: Lexicon, unaccented: boolean): Cand[] {
  if (t.isNumber || !/\p{L}/u.test(t.term)) return [{ form: t.term, cost: 0, change: 'none' }];
  const marked = t.term !== t.folded;
  const out: Cand[] = [];
  const seen = lex.df(t.term) > 0;
  if (marked && seen) return [{ form: t.term, cost: 0, change: 'none' }];
  for (const v of lex.variants(t.folded)) {
    if (v === t.term) out.push({ form: v, cost: 0, change: 'none' });
    else out.push({ form: v, cost: marked ? COST_WRONG_ACCENT : unaccented ? COST_ACCENT_UNACCENTED : COST_ACCENT_ACCENTED, change: 'accent' });
  }
  if (!out.some((c) => lex.df(c.form) > 0)) {
    for (const n of lex.neighbours(t.folded)) out.push({ form: n, cost: COST_TYPO, change: 'typo' });
    out.push({ form: t.term, cost: COST_UNSEEN, change: 'none' });
  }
  for (const c of out) c.cost -= DF_WEIGHT * Math.log1p(lex.df(c.form));
  return out.sort((a, b) => a.cost - b.cost).slice(0, MAX_CANDIDATES);
}

function pairScore(a: string, b: string, lex: Lexicon): number {
  if (isStop(a) || isStop(b)) return 0;
  const df = lex.pairDf(a, b);
  return df > 0 ? PAIR_BONUS + PAIR_DF_WEIGHT * Math.log1p(df) : 0;
}

/** The most likely corpus reading of the question's tokens. */
export function readTokens(tokens: readonly Token[], lex: Lexicon, unaccented: boolean): ReadToken[] {
  if (tokens.length === 0) return [];
  const cands = tokens.map((t) => candidates(t, lex, unaccented));
  // best[i][k]: lowest cost of a reading of tokens 0..i ending in candidate k; from[i][k]: its predecessor.
  const best: number[][] = [cands[0]!.map((c) => c.cost)];
  const from: number[][] = [cands[0]!.map(() => -1)];
  for (let i = 1; i < tokens.length; i++) {
    const joined = tokens[i]!.joined;
    best.push([]);
    from.push([]);
    cands[i]!.forEach((c, k) => {
      let b = Infinity;
      let f = 0;
      cands[i - 1]!.forEach((p, j) => {
        const v = best[i - 1]![j]! - (joined ? pairScore(p.form, c.form, lex) : 0);
        if (v < b) {
          b = v;
          f = j;
        }
      });
      best[i]!.push(b + c.cost);
      from[i]!.push(f);
    });
  }
  const path: number[] = new Array(tokens.length);
  let k = best[tokens.length - 1]!.reduce((m, v, j, a) => (v < a[m]! ? j : m), 0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    path[i] = k;
    k = from[i]![k]!;
  }
  return tokens.map((t, i) => {
    const c = cands[i]![path[i]!]!;
    const prev = i > 0 ? cands[i - 1]![path[i - 1]!]!.form : null;
    const next = i + 1 < tokens.length ? cands[i + 1]![path[i + 1]!]!.form : null;
    const paired = (prev !== null && t.joined && pairScore(prev, c.form, lex) > 0) || (next !== null && tokens[i + 1]!.joined && pairScore(c.form, next, lex) > 0);
    const variants = cands[i]!.filter((x) => x.change !== 'typo' && lex.df(x.form) > 0).length;
    // Unmarked and undecided: keep matching every accent of it, as folding did.
    const folded = t.term === t.folded && !t.isNumber && c.change !== 'typo' && !paired && variants > 1 && unaccented;
    return { token: t, form: c.form, folded, change: c.change };
  });
}

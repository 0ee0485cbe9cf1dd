/**
 * A question typed without marks, read against one passage. Repair (repair.ts) restores a syllable to one
 * accented form for the whole corpus ("mo" as "mô"), where the passage being judged may write another of
 * the same fold ("mổ"). A reader takes the passage's own form: a restored term the passage lacks as
 * restored but writes with other marks counts as held there. A pair fully (two syllables that fold to a
 * pair the passage writes are that pair, and so are its two syllables there); a lone syllable for a share
 * only, since a fold is many words ("co" is có, cơ, cô, cỏ, cổ, cố, cọ).
 */
import { PAIR_SEP, isPair } from '../index/terms.js';
import { foldSyllable } from '../text/normalise.js';
import type { Token } from '../text/tokens.js';

/**
 * Share of a restored syllable's weight that a passage writing it with other marks, and not as part of a
 * pair of the question, earns. Chosen on the tuning half of the unaccented news dev set.
 */
export const FOLD_SYLLABLE_SHARE = 1;

/** The question's restored terms by their folded forms; built once per question. */
export interface FoldReading {
  /** Folded form -> indices of the terms (coverage's) restored to a form that folds to it. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** First folded syllables of the restored pairs. */
  readonly heads: ReadonlySet<string>;
  /** Per term: the indices of its syllables' terms, for a pair (held with it); else empty. */
  readonly partsOf: ReadonlyArray<readonly number[]>;
}

/** A passage's sentence as the fold reading holds it: bit k for term k (see FoldReading). */
export interface FoldHeld {
  /** Held in full: a restored pair the sentence writes with other marks, and its syllables. */
  full: number;
  /** A restored syllable the sentence writes with other marks only outside such a pair. */
  part: number;
}

/**
 * The fold reading of a question typed without marks (null when there is nothing to read: a question with
 * marks, no restored term, or more terms than a mask holds).
 */
export function foldReading(terms: ReadonlyArray<{ term: string }>, typedUnaccented: boolean, maxTerms: number): FoldReading | null {
  if (!typedUnaccented || terms.length > maxTerms) return null;
  const byKey = new Map<string, number[]>();
  const heads = new Set<string>();
  const keyOf = (term: string) => (isPair(term) ? term.split(PAIR_SEP).map(foldSyllable).join(PAIR_SEP) : foldSyllable(term));
  terms.forEach((t, k) => {
    const key = keyOf(t.term);
    // Read folded already (undecided) or written without marks: the passage's tokens are matched so anyway.
    if (key === t.term) return;
    byKey.set(key, [...(byKey.get(key) ?? []), k]);
    if (isPair(key)) heads.add(key.slice(0, key.indexOf(PAIR_SEP)));
  });
  if (byKey.size === 0) return null;
  const index = new Map(terms.map((t, k) => [t.term, k]));
  const partsOf = terms.map((t) => (isPair(t.term) ? t.term.split(PAIR_SEP).flatMap((p) => (index.has(p) ? [index.get(p)!] : [])) : []));
  return { byKey, heads, partsOf };
}

/** Which restored terms a sentence's tokens write, folded (see FoldHeld). */
export function foldHeld(reading: FoldReading, tokens: readonly Token[]): FoldHeld {
  let full = 0;
  let part = 0;
  for (let i = 0; i < tokens.length; i++) {
    const f = tokens[i]!.folded;
    const one = reading.byKey.get(f);
    if (one) for (const k of one) part |= 1 << k;
    const next = tokens[i + 1];
    if (!next || !next.joined || !reading.heads.has(f)) continue;
    const two = reading.byKey.get(f + PAIR_SEP + next.folded);
    if (two) for (const k of two) {
      full |= 1 << k;
      for (const p of reading.partsOf[k]!) full |= 1 << p;
    }
  }
  return { full, part: part & ~full };
}

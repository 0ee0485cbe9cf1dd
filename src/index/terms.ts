/**
 * What the keyword index stores for a passage: every non-stop syllable, plus every pair of adjacent
 * non-stop syllables (not across punctuation): the pairs stand in for two-syllable words ("đảng viên").
 */
import { isStop, tokenize, type Token } from '../text/tokens.js';

/** Bump when indexTerms() or tokenize() change what they produce: old keyword indexes are then rebuilt. */
export const TOKENIZER_VERSION = 'syllable-pair-v2';

/** The separator of a syllable pair term; a character no token contains. */
export const PAIR_SEP = '_';

/**
 * Walks the index terms of a token stream in order: `syllable(i)` for each non-stop syllable, then
 * `pair(i)` when it and the syllable before it (non-stop too, not split by punctuation) make a pair.
 */
export function walkIndexTerms(tokens: readonly Token[], useFolded: boolean, syllable: (i: number) => void, pair: (i: number) => void): void {
  let prevStop = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const stop = isStop(useFolded ? t.folded : t.term, useFolded);
    if (!stop) syllable(i);
    if (i > 0 && t.joined && !stop && !prevStop) pair(i);
    prevStop = stop;
  }
}

/** Index terms of a token stream, in order, duplicates kept. `useFolded`: the diacritic-folded forms. */
export function indexTerms(tokens: readonly Token[], useFolded = false): string[] {
  const terms: string[] = [];
  const termOf = (i: number) => (useFolded ? tokens[i]!.folded : tokens[i]!.term);
  walkIndexTerms(
    tokens,
    useFolded,
    (i) => terms.push(termOf(i)),
    (i) => terms.push(termOf(i - 1) + PAIR_SEP + termOf(i)),
  );
  return terms;
}

export function isPair(term: string): boolean {
  return term.includes(PAIR_SEP);
}

/** Index terms of a passage (paragraph or title). */
export function passageTerms(text: string): string[] {
  return indexTerms(tokenize(text));
}

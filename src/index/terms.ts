/**
 * What the keyword index stores for a passage: every non-stop syllable, plus every pair of adjacent
 * non-stop syllables (not across punctuation): the pairs stand in for two-syllable words ("đảng viên").
 */
import { isStop, tokenize, type Token } from '../text/tokens.js';

/** Bump when indexTerms() or tokenize() change what they produce: old keyword indexes are then rebuilt. */
export const TOKENIZER_VERSION = 'syllable-pair-v2';

/** The separator of a syllable pair term; a character no token contains. */
export const PAIR_SEP = '_';

/** Index terms of a token stream, in order, duplicates kept. `useFolded`: the diacritic-folded forms. */
export function indexTerms(tokens: readonly Token[], useFolded = false): string[] {
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const term = useFolded ? t.folded : t.term;
    const stop = isStop(term, useFolded);
    if (!stop) terms.push(term);
    const prev = i > 0 ? tokens[i - 1] : undefined;
    if (prev && t.joined) {
      const prevTerm = useFolded ? prev.folded : prev.term;
      if (!stop && !isStop(prevTerm, useFolded)) terms.push(prevTerm + PAIR_SEP + term);
    }
  }
  return terms;
}

export function isPair(term: string): boolean {
  return term.includes(PAIR_SEP);
}

/** Index terms of a passage (paragraph or title). */
export function passageTerms(text: string): string[] {
  return indexTerms(tokenize(text));
}

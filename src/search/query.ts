/**
 * From text to index terms and from a question to query terms: the one bridge between the
 * Vietnamese text rules (text.ts) and the keyword index.
 */
import { fold, indexTerms, isPair, isStop, isUnaccented, tokenize, type Token } from './text.js';
import type { QueryTerm } from './keyword-index.js';

/** Bump when indexTerms() or tokenize() change what they produce: old keyword indexes are then rebuilt. */
export const TOKENIZER_VERSION = 'syllable-pair-v1';

/** Index terms of a passage (paragraph or title). */
export function passageTerms(text: string): string[] {
  return indexTerms(tokenize(text));
}

export interface AnalyzedQuery {
  text: string;
  tokens: Token[];
  /** Typed without diacritics: match folded forms. */
  unaccented: boolean;
  /** Unique query terms (syllables and pairs) with their counts as weights. */
  terms: QueryTerm[];
  /** The content syllables (not pairs, not stop words), as matched: folded when unaccented. */
  syllables: string[];
}

export function analyzeQuery(text: string): AnalyzedQuery {
  const tokens = tokenize(text);
  const unaccented = isUnaccented(tokens);
  const counts = new Map<string, number>();
  for (const t of indexTerms(tokens, unaccented)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const terms: QueryTerm[] = [...counts].map(([term, n]) => ({ term, folded: unaccented, weight: n }));
  const syllables = terms.filter((t) => !isPair(t.term)).map((t) => t.term);
  return { text, tokens, unaccented, terms, syllables };
}

/** Does a token of a passage match one of the query's content syllables? (for highlighting and quote picking) */
export function tokenMatches(q: AnalyzedQuery, set: ReadonlySet<string>, tok: Token): boolean {
  const form = q.unaccented ? tok.folded : tok.term;
  return set.has(form) && !isStop(form, q.unaccented);
}

export { fold };

/**
 * Stage 1 of retrieval, analyse the question: its tokens, whether it was typed without diacritics,
 * its query terms for the keyword index, and what kind of answer it wants.
 */
import type { QueryTerm } from '../index/keyword-index.js';
import { indexTerms, isPair } from '../index/terms.js';
import { isStop, isUnaccented, tokenize, type Token } from '../text/tokens.js';

export interface AnalyzedQuery {
  text: string;
  tokens: Token[];
  /** Typed without diacritics: match folded forms. */
  unaccented: boolean;
  /** Unique query terms (syllables and pairs) with their counts as weights. */
  terms: QueryTerm[];
  /** The content syllables (not pairs, not stop words), as matched: folded when unaccented. */
  syllables: string[];
  /** For "bao nhiêu X" / "mấy X" questions: X, whose count the answer states. */
  countUnit: string[] | null;
}

/**
 * "bao nhiêu đảng viên", "mấy chi bộ": the syllables after a counting question word name the unit
 * counted, and the sentence that answers holds a number right before it ("4.466 đảng viên").
 */
const COUNT_WORDS = new Set(['bao nhiêu', 'bao nhieu', 'mấy', 'may']);

/** The counted unit of a counting question: one or two syllables (as matched: folded when unaccented). */
function countUnit(tokens: readonly Token[], unaccented: boolean): string[] | null {
  const form = (t: Token) => (unaccented ? t.folded : t.term);
  for (let i = 0; i < tokens.length; i++) {
    const one = form(tokens[i]!);
    const two = i + 1 < tokens.length && tokens[i + 1]!.joined ? `${one} ${form(tokens[i + 1]!)}` : '';
    const skip = COUNT_WORDS.has(two) ? 2 : COUNT_WORDS.has(one) && !unaccented ? 1 : 0;
    if (skip === 0) continue;
    const a = tokens[i + skip];
    const b = tokens[i + skip + 1];
    if (!a || !a.joined || a.isNumber || isStop(form(a), unaccented)) return null;
    return b && b.joined && !b.isNumber && !isStop(form(b), unaccented) ? [form(a), form(b)] : [form(a)];
  }
  return null;
}

/** Does the text say "<number> <unit>" (e.g. "4.466 đảng viên")? */
export function statesCount(tokens: readonly Token[], unit: readonly string[], unaccented: boolean): boolean {
  const form = (t: Token) => (unaccented ? t.folded : t.term);
  for (let i = 0; i + unit.length < tokens.length; i++) {
    if (!tokens[i]!.isNumber) continue;
    let ok = true;
    for (let k = 0; k < unit.length && ok; k++) {
      const t = tokens[i + 1 + k]!;
      ok = t.joined && form(t) === unit[k];
    }
    if (ok) return true;
  }
  return false;
}

export function analyzeQuery(text: string): AnalyzedQuery {
  const tokens = tokenize(text);
  const unaccented = isUnaccented(tokens);
  const counts = new Map<string, number>();
  for (const t of indexTerms(tokens, unaccented)) counts.set(t, (counts.get(t) ?? 0) + 1);

  const terms: QueryTerm[] = [...counts].map(([term, n]) => ({ term, folded: unaccented, weight: n }));
  const syllables = terms.filter((t) => !isPair(t.term)).map((t) => t.term);
  return { text, tokens, unaccented, terms, syllables, countUnit: countUnit(tokens, unaccented) };
}

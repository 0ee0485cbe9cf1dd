/**
 * A question typed without marks, read against one passage. Repair (repair.ts) restores a syllable to one
 * accented form for the whole corpus ("mo" as "mô"), or leaves it folded when undecided ("te bao"), where
 * the passage being judged writes its own ("mổ", "tế bào"). A reader takes the passage's forms:
 * - a pair is held where the passage writes its fold, and weighs what the passage's pair weighs (two
 *   syllables that fold to a pair the passage writes are that pair);
 * - a pair it does not write, of two syllables it does, weighs as the pair of the passage's forms would
 *   ("người mổ", never written, where the question was read "người mô", a pair the corpus has);
 * - a syllable the passage writes as a function word ("thì" for "thi") weighs nothing there, as it would
 *   typed with marks; one it writes with other marks than the restored ones is held for a share only
 *   (OTHER_MARKS_SHARE in confidence.ts) and never weighs more than the question's reading: a fold is many
 *   words ("co" is có, cơ, cô, cỏ, cổ, cố, cọ).
 * Measured on the tuning half of the unaccented news dev set and the split-half test: a syllable weighing
 * as the passage writes it, up as well as down, found more answers (hit@5 .807 against .800) but answered
 * more questions about articles left out of the index (others refused .353 against .379, .378 before).
 */
import { PAIR_SEP, isPair } from '../index/terms.js';
import { foldSyllable } from '../text/normalise.js';
import { isStop, type Token } from '../text/tokens.js';

/** The question's terms by their folded forms; built once per question. */
export interface FoldReading {
  /** Folded form -> indices of the terms (coverage's) that fold to it. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** First folded syllables of the pairs. */
  readonly heads: ReadonlySet<string>;
}

/** One passage as the question reads it (see FoldReading). */
export interface PassageReading {
  /** Per term: its weight in the passage's form. */
  weights: Float64Array;
  /** Per sentence: bit k when it writes term k's fold. */
  held: number[];
  /** Per sentence: bit k when it writes syllable k only with other marks than the question was read with. */
  part: number[];
}

/**
 * The fold reading of a question typed without marks; null for a question with marks, or with more terms
 * than a mask holds (`maxTerms`).
 */
export function foldReading(terms: ReadonlyArray<{ term: string }>, typedUnaccented: boolean, maxTerms: number): FoldReading | null {
  if (!typedUnaccented || terms.length > maxTerms) return null;
  const byKey = new Map<string, number[]>();
  const heads = new Set<string>();
  terms.forEach((t, k) => {
    const key = foldTerm(t.term);
    byKey.set(key, [...(byKey.get(key) ?? []), k]);
    if (isPair(key)) heads.add(key.slice(0, key.indexOf(PAIR_SEP)));
  });
  return { byKey, heads };
}

function foldTerm(term: string): string {
  return isPair(term) ? term.split(PAIR_SEP).map(foldSyllable).join(PAIR_SEP) : foldSyllable(term);
}

/**
 * The passage's sentences read by `reading`: which terms each holds, and each term's weight in the form
 * the passage first writes it (`idfOf` of a form, against `baseIdf`, the IDF its `weights` were made with).
 */
export function readPassage(reading: FoldReading, terms: ReadonlyArray<{ term: string; weight: number }>, baseIdf: readonly number[], sentences: ReadonlyArray<readonly Token[]>, idfOf: (form: string) => number): PassageReading {
  // Each fold's form where the passage first writes it.
  const forms = new Map<string, string>();
  const part: number[] = [];
  const held = sentences.map((tokens) => {
    let mask = 0;
    let other = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const one = reading.byKey.get(t.folded);
      if (one) {
        for (const k of one) if (terms[k]!.term === t.term || terms[k]!.term === t.folded) mask |= 1 << k;
        else other |= 1 << k;
        if (!forms.has(t.folded)) forms.set(t.folded, t.term);
      }
      const next = tokens[i + 1];
      if (!next || !next.joined || !reading.heads.has(t.folded)) continue;
      const key = t.folded + PAIR_SEP + next.folded;
      const two = reading.byKey.get(key);
      if (two) {
        for (const k of two) mask |= 1 << k;
        if (!forms.has(key)) forms.set(key, t.term + PAIR_SEP + next.term);
      }
    }
    part.push(other & ~mask);
    return mask;
  });
  const weights = Float64Array.from(terms, (t, k) => {
    const key = foldTerm(t.term);
    let form = forms.get(key);
    // A pair the passage does not write, of two syllables it does: the pair its forms would make
    // ("người mổ" of a passage writing "người" and "mổ", where the question was read "người mô").
    if (form === undefined && isPair(key)) {
      const [a, b] = key.split(PAIR_SEP);
      const fa = forms.get(a!);
      const fb = forms.get(b!);
      if (fa !== undefined && fb !== undefined) form = fa + PAIR_SEP + fb;
    }
    if (form === undefined || form === t.term || baseIdf[k]! <= 0) return t.weight;
    if (!isPair(form)) return isStop(form) ? 0 : Math.min(t.weight, (t.weight * idfOf(form)) / baseIdf[k]!);
    // A pair with a function word ("con có") was weighed as the question reads it.
    return form.split(PAIR_SEP).some((s) => isStop(s)) ? t.weight : (t.weight * idfOf(form)) / baseIdf[k]!;
  });
  return { weights, held, part };
}

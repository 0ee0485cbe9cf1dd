/**
 * Abbreviations both ways: a name the question writes in one form (TPHCM, UBND, "Hội đồng nhân dân")
 * is rewritten to the form the corpus writes most, so that the keyword index finds it. Forms come from
 * the table in src/text/words.ts.
 */
import { placeInitials, placeOfInitials } from '../text/gazetteer.js';
import { fold } from '../text/normalise.js';
import { PLACES } from '../text/places.js';
import { isStop, tokenize, type Token } from '../text/tokens.js';
import { ABBREVIATION_GROUPS, CHAT_SHORTHANDS } from '../text/words.js';
import type { Lexicon } from './lexicon.js';

interface Form {
  text: string;
  /** Folded syllables of the form. */
  syllables: string[];
  /** Its syllables as written (tokenize(text) terms). */
  accented: string[];
  /** Per syllable: joined to the one before by a space only (the index makes no pair across "-"). */
  joined: boolean[];
}

/** A form's letters, folded, without the dots, dashes and spaces between them ("BR-VT" -> "brvt"). */
const letters = (form: string) => fold(form).toLowerCase().replace(/[\s.\-–/]+/gu, '');
const initials = (name: string) => tokenize(name).map((t) => t.folded[0]!).join('');

/**
 * A place's short form made of its name's initials ("BR-VT", "BRVT" for Bà Rịa - Vũng Tàu), written by
 * questions where the reports write the name: rewritten as the abbreviations above are (it matched no
 * word of the reports, and the place was found only through its constraint, never by the search).
 */
function placeInitialGroups(): string[][] {
  const known = new Set([...ABBREVIATION_GROUPS, ...CHAT_SHORTHANDS].flat().map(letters));
  return PLACES.flatMap((forms) => {
    const name = forms[0]!;
    const short = forms.filter((f) => /^[\p{Lu}.\-\s]+$/u.test(f) && letters(f).length > 1 && letters(f) === initials(name) && !known.has(letters(f)));
    return short.length > 0 ? [[name, ...short]] : [];
  });
}

const GROUPS: Form[][] = [...ABBREVIATION_GROUPS, ...CHAT_SHORTHANDS, ...placeInitialGroups()].map((g) =>
  g.map((text) => {
    const tokens = tokenize(text);
    return { text, syllables: tokens.map((t) => t.folded), accented: tokens.map((t) => t.term), joined: tokens.map((t) => t.joined) };
  }),
);
/** Longest forms first, so that "tp hcm" wins over "tp". */
const ALL = GROUPS.flatMap((forms, group) => forms.map((form) => ({ form, group }))).sort((a, b) => b.form.syllables.length - a.form.syllables.length);
/** ALL by first syllable (in ALL's order): a question's token is compared with the few forms it can start, not all 89. */
const BY_FIRST = new Map<string, typeof ALL>();
for (const entry of ALL) {
  const first = entry.form.syllables[0] ?? '';
  const list = BY_FIRST.get(first);
  if (list) list.push(entry);
  else BY_FIRST.set(first, [entry]);
}
const NONE: typeof ALL = [];

/** How much the corpus writes a form: its rarest syllable pair (or its one syllable), over every accent variant. */
function presence(form: Form, lex: Lexicon): number {
  const { accented } = form;
  if (accented.length === 1) return lex.variants(form.syllables[0]!).reduce((n, v) => Math.max(n, v === accented[0] ? lex.df(v) : 0), 0);
  let min = Infinity;
  for (let i = 1; i < accented.length; i++) {
    const [a, b] = [accented[i - 1]!, accented[i]!];
    // Function words make no indexed pairs ("bao nhiêu", "như thế nào"), nor do syllables across a dash
    // ("Bà Rịa - Vũng Tàu"): their own frequency stands in.
    min = Math.min(min, isStop(a) || isStop(b) || !form.joined[i] ? Math.min(lex.df(a), lex.df(b)) : lex.pairDf(a, b));
  }
  return min === Infinity ? 0 : min;
}

/**
 * A place's initials ("hp", "HP"): read as the place where a question names a place, opening it or
 * after a place word ("Thành ủy HP"), when the reports state that place and never write the letters
 * themselves. Elsewhere ("vi khuẩn HP") they are what they are.
 */
function initialsAt(text: string, tokens: readonly Token[], i: number, lex: Lexicon): string | null {
  const t = tokens[i]!;
  if (!placeInitials(text, tokens, i) || lex.df(t.term) > 0) return null;
  const place = placeOfInitials(t.folded);
  const stated = (form: Token[]) => form.every((s, k) => k === 0 || lex.pairDf(form[k - 1]!.term, s.term) > 0);
  return place && place.forms.some((f) => f.length > 1 && stated(f)) ? place.label : null;
}

export function rewriteAbbreviations(text: string, lex: Lexicon): string {
  const tokens = tokenize(text);
  const folded = tokens.map((t) => t.folded);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = (BY_FIRST.get(folded[i]!) ?? NONE).find(({ form }) => form.syllables.every((s, k) => folded[i + k] === s && (k === 0 || tokens[i + k]!.joined || /^[\s.\-/]*$/u.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start)))));
    if (!hit) {
      const place = initialsAt(text, tokens, i, lex);
      if (place) edits.push({ start: tokens[i]!.start, end: tokens[i]!.end, text: place });
      i++;
      continue;
    }
    const n = hit.form.syllables.length;
    const here = presence(hit.form, lex);
    let best = hit.form;
    let bestPresence = here;
    for (const f of GROUPS[hit.group]!) {
      const p = presence(f, lex);
      if (p > bestPresence) {
        best = f;
        bestPresence = p;
      }
    }
    // An abbreviation is written in capitals ("HĐND"), a full name (a group's first form) as it comes.
    const shown = best !== GROUPS[hit.group]![0] && !best.text.includes(' ') && best.text.length <= 8 ? best.text.toUpperCase() : best.text;
    if (best !== hit.form) edits.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end, text: shown });
    i += n;
  }
  let out = text;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}



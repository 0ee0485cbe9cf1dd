/**
 * Tokens of Vietnamese text: syllables (Vietnamese is written in syllables separated by spaces; most
 * words are one or two syllables, and no word segmenter exists for Node) and numbers in Vietnamese
 * notation. Everything that compares words (BM25, highlighting, quote picking, eval) goes through here.
 */
import { canon, foldSyllable, normaliseTone } from './normalise.js';
import { STOP_FOLDED_SYLLABLES, STOP_SYLLABLES, STOP_WORDS_EN } from './words.js';

export interface Token {
  /** Lower-case NFC form (numbers normalised). */
  term: string;
  /** `term` without diacritics. */
  folded: string;
  /** Offsets in the tokenised string. */
  start: number;
  end: number;
  isNumber: boolean;
  /** True when this token directly follows the previous one with only spaces between (a pair may form). */
  joined: boolean;
}

/** Is `raw` one number in Vietnamese or English notation (as opposed to a date like "16.10.2024")? */
function isSingleNumber(raw: string): boolean {
  return /^\d+$/.test(raw) || /^\d{1,3}(\.\d{3})+$/.test(raw) || /^\d+,\d+$/.test(raw) || /^\d{1,3}(,\d{3})+$/.test(raw) || /^\d+\.\d{1,2}$/.test(raw);
}

/**
 * Number normalisation, Vietnamese conventions: "." groups thousands, "," marks decimals.
 * "4.466" -> "4466", "07" -> "7", "64,5" -> "64.5", "1.234.567" -> "1234567", "2,50" -> "2.5".
 * Call only on what `isSingleNumber` accepts; other digit groups are separate numbers.
 */
export function normaliseNumber(raw: string): string {
  let s = raw;
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, ''); // English-style thousands, rare in Vietnamese
  // Leading zeros: "07" = "7"; decimals lose trailing zeros: "2.50" = "2.5".
  let [intPart = '', frac] = s.split('.');
  intPart = intPart.replace(/^0+(?=\d)/, '');
  if (frac !== undefined) {
    frac = frac.replace(/0+$/, '');
    return frac === '' ? intPart : `${intPart}.${frac}`;
  }
  return intPart;
}

/**
 * A word's term and folded form, memoised by its raw spelling: a corpus repeats a few tens of thousands
 * of spellings, and tokenising candidate paragraphs for every question is the hot path of a search.
 */
const formsMemo = new Map<string, readonly [string, string]>();
const FORMS_MEMO_MAX = 200_000;
function wordForms(raw: string): readonly [string, string] {
  let f = formsMemo.get(raw);
  if (f === undefined) {
    const term = normaliseTone(canon(raw));
    f = [term, foldSyllable(term)];
    if (formsMemo.size >= FORMS_MEMO_MAX) formsMemo.clear();
    formsMemo.set(raw, f);
  }
  return f;
}

// A number with Vietnamese/English separators, or a run of letters, marks and digits.
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+/gu;
const ALL_DIGITS = /^\p{N}+(?:[.,]\p{N}+)*$/u;

/**
 * Splits text into tokens with offsets into `text` itself. Input may be NFD, mixed case, contain
 * control characters or anything else; offsets always refer to the given string.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  const push = (raw: string, start: number, isNumber: boolean) => {
    const end = start + raw.length;
    const joined = prevEnd >= 0 && spacesOnly(text, prevEnd, start);
    if (isNumber) {
      const term = normaliseNumber(raw);
      out.push({ term, folded: term, start, end, isNumber, joined });
    } else {
      const [term, folded] = wordForms(raw);
      out.push({ term, folded, start, end, isNumber, joined });
    }
    prevEnd = end;
  };
  // exec on the one regex (sync, never re-entered) rather than matchAll, which copies it per call.
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    if (!maybeDigits(raw)) {
      push(raw, m.index, false);
      continue;
    }
    const ascii = raw.normalize('NFKC');
    if (ascii.length === raw.length && isSingleNumber(ascii)) {
      push(ascii, m.index, true);
      continue;
    }
    // "16.10.2024": each group is a number of its own.
    for (const g of raw.matchAll(/\p{N}+/gu)) {
      const part = g[0].normalize('NFKC');
      push(/^\d+$/.test(part) ? part : g[0], m.index + g.index, /^\d+$/.test(part));
    }
  }
  return out;
}

/** ALL_DIGITS, answered without the regex for the usual token (one starting with an ASCII letter). */
function maybeDigits(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128 && (c < 48 || c > 57)) return false;
  return ALL_DIGITS.test(raw);
}

/** Only spaces, tabs or no-break spaces in text[from, to) (checked without slicing it). */
function spacesOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

const STOP = new Set([...STOP_SYLLABLES, ...STOP_WORDS_EN]);
const STOP_FOLDED = new Set([...STOP_FOLDED_SYLLABLES, ...STOP_WORDS_EN]);

/** Is this token form a stop word? `folded`: the form is diacritic-folded (an unaccented question). */
export function isStop(term: string, folded = false): boolean {
  return folded ? STOP_FOLDED.has(term) : STOP.has(term);
}

const STOP_TWINS = new Set([...STOP].map((w) => foldSyllable(w)));

/** Could this folded syllable be a stop word with its marks ("anh" of "Tuấn Anh", "co" of có)? The index makes no pair with one. */
export function isStopTwin(folded: string): boolean {
  return STOP_TWINS.has(folded);
}

/** Share of marked syllables under which a question counts as typed without diacritics. */
const UNACCENTED_SHARE = 0.15;

/**
 * Is the question typed without diacritics? Vietnamese prose has marks on well over a third of its
 * syllables, so a question with (almost) none was typed unaccented, and its mark-less syllables
 * should match accented ones ("dang vien" = "đảng viên").
 */
export function isUnaccented(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => !t.isNumber && /\p{L}/u.test(t.term));
  if (words.length === 0) return false;
  const accented = words.filter((t) => t.term !== t.folded).length;
  return accented / words.length < UNACCENTED_SHARE;
}

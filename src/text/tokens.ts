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

const YEAR = /^(19|20)\d\d$/u;

/** A number written as a year (1900–2099): it dates a figure ("năm 2021") rather than counting one. */
export function looksLikeYear(term: string): boolean {
  return YEAR.test(term);
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
/** Slots of the spelling memo: a corpus's few tens of thousands of spellings fit with few collisions. */
const MEMO_SLOTS = 1 << 18;
/**
 * The memo, one flat array of MEMO_WIDTH entries a slot: the raw spelling, its term, its folded form.
 * Side by side, a look-up reads one cache line of the table and the spelling it compares, where a
 * table of spellings and another of [term, folded] pairs cost two lines more (a serving process's
 * memo is cold: the keyword pass between two questions' sentences evicts it).
 */
const MEMO_WIDTH = 3;
const memo: Array<string | undefined> = new Array<string | undefined>(MEMO_SLOTS * MEMO_WIDTH).fill(undefined);

/** FNV-1a over UTF-16 code units: the memo's slot for a spelling, computed while the scanner reads it. */
const HASH_START = 0x811c9dc5;
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * Where in `memo` the forms of text[start, end), whose hash is `h`, are: term at the result + 1,
 * folded form at + 2. The memo is direct-mapped (a colliding spelling takes the slot over) and compared
 * in place, so a known spelling costs no string slice nor Map hash.
 */
function formsAt(text: string, start: number, end: number, h: number): number {
  const at = ((h ^ (h >>> 15)) & (MEMO_SLOTS - 1)) * MEMO_WIDTH;
  const known = memo[at];
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return at;
  const raw = text.slice(start, end);
  const term = normaliseTone(canon(raw));
  memo[at] = raw;
  memo[at + 1] = term;
  memo[at + 2] = foldSyllable(term);
  return at;
}

function wordForms(raw: string): readonly [string, string] {
  let h = HASH_START;
  for (let k = 0; k < raw.length; k++) h = hashStep(h, raw.charCodeAt(k));
  const at = formsAt(raw, 0, raw.length, h);
  return [memo[at + 1]!, memo[at + 2]!];
}

// A number with Vietnamese/English separators, or a run of letters, marks and digits.
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+/gu;
const ALL_DIGITS = /^\p{N}+(?:[.,]\p{N}+)*$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Character classes of UTF-16 code units outside the surrogates, filled in as met (a code unit is a code point there). */
const OTHER = 1;
const LETTER = 2; // \p{L} or \p{M}
const DIGIT = 3; // \p{N}
/** Half of an astral character: the text is read by TOKEN_RE instead (see tokenize). */
const SURROGATE_HALF = 4;
const classes = new Uint8Array(0x10000).fill(SURROGATE_HALF, 0xd800, 0xe000);
function classOf(c: number): number {
  let k = classes[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = /\p{N}/u.test(ch) ? DIGIT : /[\p{L}\p{M}]/u.test(ch) ? LETTER : OTHER;
    classes[c] = k;
  }
  return k;
}

/** Appends a token of `text`; it is joined to the previous one when only spaces lie between them. */
function addToken(out: Token[], text: string, term: string, folded: string, start: number, end: number, isNumber: boolean): void {
  const prevEnd = out.length > 0 ? out[out.length - 1]!.end : -1;
  let joined = prevEnd >= 0;
  for (let k = prevEnd; joined && k < start; k++) {
    const c = text.charCodeAt(k);
    joined = c === 0x20 || c === 0x09 || c === 0xa0;
  }
  out.push({ term, folded, start, end, isNumber, joined });
}

function pushRaw(out: Token[], text: string, raw: string, start: number, isNumber: boolean): void {
  if (isNumber) {
    const term = normaliseNumber(raw);
    addToken(out, text, term, term, start, start + raw.length, true);
  } else {
    const [term, folded] = wordForms(raw);
    addToken(out, text, term, folded, start, start + raw.length, false);
  }
}

/** Is `raw` ASCII digits only (the commonest number: "2021", "15")? */
function isAsciiDigits(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function pushWord(out: Token[], text: string, raw: string, start: number, digitsOnly: boolean): void {
  if (!digitsOnly) {
    pushRaw(out, text, raw, start, false);
    return;
  }
  if (isAsciiDigits(raw)) {
    // What normaliseNumber makes of it, without its regular expressions: the leading zeros dropped ("07" = "7").
    let k = 0;
    while (k + 1 < raw.length && raw.charCodeAt(k) === 0x30) k++;
    const term = k > 0 ? raw.slice(k) : raw;
    addToken(out, text, term, term, start, start + raw.length, true);
    return;
  }
  const ascii = raw.normalize('NFKC');
  if (ascii.length === raw.length && isSingleNumber(ascii)) {
    pushRaw(out, text, ascii, start, true);
    return;
  }
  // "16.10.2024": each group is a number of its own.
  for (const g of raw.matchAll(/\p{N}+/gu)) {
    const part = g[0].normalize('NFKC');
    pushRaw(out, text, /^\d+$/.test(part) ? part : g[0], start + g.index, /^\d+$/.test(part));
  }
}

function isSepAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c === 0x2e || c === 0x2c;
}

/**
 * Splits text into tokens with offsets into `text` itself. Input may be NFD, mixed case, contain
 * control characters or anything else; offsets always refer to the given string. (No closures inside:
 * this runs on every candidate sentence, and the tsx loader wraps each closure made in a call.)
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // The same tokens as TOKEN_RE, read with a class table instead (no pass over the text beforehand
  // to look for astral characters: the table's SURROGATE_HALF stops the scan at the first one).
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = classOf(text.charCodeAt(i));
    if (k === OTHER) {
      i++;
      continue;
    }
    if (k === SURROGATE_HALF) return tokenizeAstral(text);
    if (k === DIGIT) {
      // \p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{M}]) with the regular expression's backtracking: when a
      // letter follows, the last group gives up a digit, or is dropped when it has only one.
      let e = i + 1;
      while (e < n && classOf(text.charCodeAt(e)) === DIGIT) e++;
      let groups = 0;
      let lastSep = -1;
      while (e + 1 < n && isSepAt(text, e) && classOf(text.charCodeAt(e + 1)) === DIGIT) {
        lastSep = e;
        e += 2;
        while (e < n && classOf(text.charCodeAt(e)) === DIGIT) e++;
        groups++;
      }
      if (groups > 0) {
        const end = e >= n || classOf(text.charCodeAt(e)) !== LETTER ? e : e - lastSep > 2 ? e - 1 : groups >= 2 ? lastSep : -1;
        if (end >= 0) {
          pushWord(out, text, text.slice(i, end), i, true);
          i = end;
          continue;
        }
      }
    }
    let e = i + 1;
    let digitsOnly = k === DIGIT;
    let h = hashStep(HASH_START, text.charCodeAt(i));
    let c = OTHER;
    for (; e < n; e++) {
      const u = text.charCodeAt(e);
      c = classOf(u);
      if (c === OTHER || c === SURROGATE_HALF) break;
      if (c === LETTER) digitsOnly = false;
      h = hashStep(h, u);
    }
    if (c === SURROGATE_HALF && e < n) return tokenizeAstral(text);
    if (digitsOnly) pushWord(out, text, text.slice(i, e), i, true);
    else {
      const at = formsAt(text, i, e, h);
      addToken(out, text, memo[at + 1]!, memo[at + 2]!, i, e, false);
    }
    i = e;
  }
  return out;
}

/** tokenize() of a text with astral characters (emoji, rare CJK: code points of two units), which the regular expression reads. */
function tokenizeAstral(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) pushWord(out, text, m[0], m.index, ALL_DIGITS.test(m[0]));
  return out;
}

/** Is the code unit at text[k] written in capitals (as gazetteer's isCapitalised reads a token's first letter)? */
function capitalAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = text.charAt(k);
  return ch !== ch.toLowerCase();
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Where a capitalised run may start (every letter or mark that lower case changes is Lu or Lt;
 * capitalAt decides), found by the expression engine rather than a loop over every character.
 */
const CAPITAL = /[\p{Lu}\p{Lt}]/gu;

/**
 * The terms of each place where `text` writes the syllables `folded` as a name: each token capitalised
 * (its first letter, as gazetteer's isCapitalised) and joined to the one before, in text order. What
 * scanning tokenize(text) for them finds, reading only the words that start with a capital: a name's
 * passages are read for each question that names it, and most of their words are no part of it. Null
 * when that cannot be promised this way (syllables other than letters, or astral characters in the text).
 */
export function capitalisedRuns(text: string, folded: readonly string[]): string[][] | null {
  if (folded.length === 0 || SURROGATE.test(text) || !folded.every((f) => LETTERS_ONLY.test(f))) return null;
  // A token that starts with a letter is a whole run of letters, marks and digits (tokenize: only a
  // number reaches over "." or ","), and the next token starts at the next such character.
  const out: string[][] = [];
  const n = text.length;
  CAPITAL.lastIndex = 0;
  for (let m = CAPITAL.exec(text); m !== null; m = CAPITAL.exec(text)) {
    let s = m.index;
    // Inside a run ("iPhone", "TPHCM"'s second letter): no token starts there.
    if (s > 0 && classOf(text.charCodeAt(s - 1)) !== OTHER) continue;
    const terms: string[] = [];
    for (let k = 0; k < folded.length; k++) {
      if (k > 0) {
        // Joined: only spaces, tabs or no-break spaces before the next token.
        let c = text.charCodeAt(s);
        while (s < n && (c === 0x20 || c === 0x09 || c === 0xa0)) c = text.charCodeAt(++s);
        if (s >= n || classOf(c) === OTHER) break;
      }
      if (classOf(text.charCodeAt(s)) !== LETTER || !capitalAt(text, s)) break;
      let e = s + 1;
      while (e < n && classOf(text.charCodeAt(e)) !== OTHER) e++;
      const [term, fold] = wordForms(text.slice(s, e));
      if (fold !== folded[k]) break;
      terms.push(term);
      s = e;
    }
    if (terms.length === folded.length) out.push(terms);
  }
  return out;
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

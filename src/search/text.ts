/**
 * Vietnamese text normalisation and tokenisation: the one place where these rules live.
 * Everything that compares words (BM25, highlighting, quote picking, eval) goes through here.
 *
 * Vietnamese is written in syllables separated by spaces; most words are one or two syllables and no
 * word segmenter exists for Node, so the keyword index uses syllables and adjacent syllable pairs.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Canonical form for comparison: NFC, lower case. */
export function canon(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Removes Vietnamese diacritics: "Đảng viên" -> "Dang vien". Case is kept; output is NFC. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * fold() of a syllable, memoised: a language has a few thousand syllables and every paragraph
 * repeats them, so this takes most of the folding out of tokenising. Bounded, in case of garbage input.
 */
const foldMemo = new Map<string, string>();
function foldCached(syllable: string): string {
  let f = foldMemo.get(syllable);
  if (f === undefined) {
    f = fold(syllable);
    if (foldMemo.size >= 100_000) foldMemo.clear();
    foldMemo.set(syllable, f);
  }
  return f;
}

/** True when the word carries a diacritic (tone mark, hat, horn, breve or đ). */
export function hasDiacritics(word: string): boolean {
  return fold(word) !== word.normalize('NFC');
}

/** Collapses whitespace and trims: for the "compare after NFC, lower case and collapsed spaces" rule. */
export function squash(text: string): string {
  return canon(text).replace(/\s+/g, ' ').trim();
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

// A number with Vietnamese/English separators, or a run of letters, marks and digits.
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+/gu;
const ALL_DIGITS = /^\p{N}+(?:[.,]\p{N}+)*$/u;
const SPACES_ONLY = /^[ \t\u00a0]*$/;

/**
 * Splits text into tokens with offsets into `text` itself. Input may be NFD, mixed case, contain
 * control characters or anything else; offsets always refer to the given string.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  const push = (raw: string, start: number, isNumber: boolean) => {
    const end = start + raw.length;
    const term = isNumber ? normaliseNumber(raw) : canon(raw);
    const joined = prevEnd >= 0 && SPACES_ONLY.test(text.slice(prevEnd, start));
    out.push({ term, folded: isNumber ? term : foldCached(term), start, end, isNumber, joined });
    prevEnd = end;
  };
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    if (!ALL_DIGITS.test(raw)) {
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

/**
 * Function syllables that carry no topic: question words and grammatical glue. Kept short on purpose:
 * BM25's IDF already discounts common words, and negations like "không" or "chưa" change meaning
 * ("không hoàn thành nhiệm vụ"), so they stay searchable.
 */
const STOP_SYLLABLES = [
  'ai', 'gì', 'nào', 'sao', 'bao', 'nhiêu', 'mấy', 'đâu', 'hả', 'nhỉ', 'vậy', 'thế',
  'là', 'của', 'và', 'các', 'những', 'có', 'được', 'trong', 'cho', 'với', 'về', 'theo', 'tại',
  'này', 'đó', 'kia', 'thì', 'mà', 'để', 'từ', 'đã', 'đang', 'sẽ', 'một', 'như', 'hay', 'hoặc',
  'cũng', 'rất', 'bị', 'ra', 'vào', 'ở', 'khi', 'nếu', 'vì', 'do', 'nên', 'lại', 'còn', 'hơn',
  'ông', 'bà', 'anh', 'chị', 'hãy', 'xin', 'cho', 'biết', 'nói', 'ạ',
];
const STOP_WORDS_EN = [
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'and', 'or', 'is', 'are', 'was', 'were',
  'be', 'been', 'what', 'who', 'whom', 'which', 'when', 'where', 'why', 'how', 'many', 'much', 'does',
  'do', 'did', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'with', 'as', 'from', 'about',
];
/**
 * Without diacritics many glue syllables collide with content ones (đang/đảng -> "dang", có/cơ -> "co",
 * bị/bí -> "bi", trong/trọng -> "trong"), so the folded list keeps only forms with no such twin.
 */
const STOP_FOLDED_SYLLABLES = [
  'ai', 'gi', 'bao', 'nhieu', 'la', 'cua', 'va', 'cac', 'nhung', 'duoc', 'voi', 'theo', 'nay', 'se', 'mot',
  'nhu', 'hoac', 'rat', 'khi', 'hon', 'hay', 'xin', 'biet', 'vay', 'the', 'nhi',
];
const STOP = new Set([...STOP_SYLLABLES, ...STOP_WORDS_EN]);
const STOP_FOLDED = new Set([...STOP_FOLDED_SYLLABLES, ...STOP_WORDS_EN]);

export function isStop(term: string, folded = false): boolean {
  return folded ? STOP_FOLDED.has(term) : STOP.has(term);
}

/** The separator of a syllable pair term; a character no token contains. */
export const PAIR_SEP = '_';

/**
 * Index terms of a token stream: every non-stop syllable, plus every pair of adjacent non-stop
 * syllables (not across punctuation): the pairs stand in for two-syllable words ("đảng viên").
 * Returns terms in order, duplicates kept.
 */
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

/** Fold an index term (syllable or pair). */
export function foldTerm(term: string): string {
  return fold(term);
}

/**
 * Is the question typed without diacritics? Vietnamese prose has marks on well over a third of its
 * syllables, so a question with (almost) none was typed unaccented, and its mark-less syllables
 * should match accented ones ("dang vien" = "đảng viên").
 */
export function isUnaccented(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => !t.isNumber && /\p{L}/u.test(t.term));
  if (words.length === 0) return false;
  const accented = words.filter((t) => t.term !== t.folded).length;
  return accented / words.length < 0.15;
}

/**
 * Makes a question safe to search: NFC, control characters and bidi marks removed, spaces squashed,
 * cut to `maxChars` at a word boundary. Returns the text and whether it was cut.
 */
export function cleanQuestion(input: string, maxChars: number): { text: string; truncated: boolean } {
  let text = input
    .normalize('NFC')
    // C0/C1 controls, zero-width and bidi controls (LRM, RLM, embeddings, isolates), BOM
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let truncated = false;
  if (text.length > maxChars) {
    truncated = true;
    // One character more: a space right at the limit means the last word fits whole.
    const lastSpace = text.slice(0, maxChars + 1).lastIndexOf(' ');
    let end = lastSpace > maxChars * 0.6 ? lastSpace : maxChars;
    const c = text.charCodeAt(end);
    if (c >= 0xdc00 && c <= 0xdfff) end -= 1; // never split an emoji's surrogate pair
    text = text.slice(0, end).trim();
  }
  return { text, truncated };
}

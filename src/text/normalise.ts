/**
 * Unicode rules for Vietnamese text, in one place: canonical form, diacritic folding, invisible and
 * odd space characters, and the cleaning every incoming question gets. Pure functions only.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Characters that are never part of a word and are dropped wherever text comes in: C0/C1 controls
 * (tab and newline excepted), zero-width characters, bidi controls (LRM, RLM, embeddings, isolates),
 * word joiners, the BOM and the soft hyphen. One list, so the corpus and the question agree.
 */
const INVISIBLE_CLASS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff';
const INVISIBLES = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');
/** Spaces other than the ASCII one that scrapes leave behind (NBSP, thin and ideographic spaces). */
export const ODD_SPACE_CLASS = '\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000';
const ODD_SPACES = new RegExp(`[${ODD_SPACE_CLASS}]`, 'gu');

/** Canonical form for comparison: NFC, lower case. */
export function canon(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Removes Vietnamese diacritics: "Đảng viên" -> "Dang vien". Case is kept; output is NFC. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * fold() of a syllable, memoised: a language has a few thousand syllables and every paragraph repeats
 * them, so this takes most of the folding out of tokenising. Bounded, in case of garbage input.
 */
const foldMemo = new Map<string, string>();
const FOLD_MEMO_MAX = 100_000;
export function foldSyllable(syllable: string): string {
  let f = foldMemo.get(syllable);
  if (f === undefined) {
    f = fold(syllable);
    if (foldMemo.size >= FOLD_MEMO_MAX) foldMemo.clear();
    foldMemo.set(syllable, f);
  }
  return f;
}

/**
 * Two spellings of one syllable: the tone mark on the first or the second vowel of a final "oa", "oe"
 * or "uy" ("hoà" / "hòa", "uỷ" / "ủy"). Both appear in one article; terms use the first-vowel form.
 */
const TONE_MOVES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const TONE_AT_END = /(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])$/u;

/** One spelling per syllable (lower case NFC in, lower case NFC out). */
export function normaliseTone(syllable: string): string {
  return syllable.replace(TONE_AT_END, (m) => TONE_MOVES[m] ?? m);
}

/** True when the word carries a diacritic (tone mark, hat, horn, breve or đ). */
export function hasDiacritics(word: string): boolean {
  return fold(word) !== word.normalize('NFC');
}

/** Collapses whitespace and trims after canon(): the "compare after NFC, lower case and collapsed spaces" rule. */
export function squash(text: string): string {
  return canon(text).replace(/\s+/g, ' ').trim();
}

/** Drops invisible characters (see INVISIBLES). */
export function stripInvisibles(text: string): string {
  return text.replace(INVISIBLES, '');
}

/** Whole-file normalisation: strip a UTF-8 BOM, CRLF/CR -> LF, Unicode NFC. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').normalize('NFC');
}

/** Inside one paragraph: odd spaces -> space, invisibles dropped, runs collapsed, trimmed. */
export function normalizeInline(text: string): string {
  return stripInvisibles(text).replace(ODD_SPACES, ' ').replace(/[\t\f\v]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Makes a question safe to search: NFC, invisible characters removed, spaces squashed, cut to
 * `maxChars` at a word boundary. Returns the text and whether it was cut.
 */
export function cleanQuestion(input: string, maxChars: number): { text: string; truncated: boolean } {
  const text = input.normalize('NFC').replace(INVISIBLES, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return { text, truncated: false };
  return { text: cutAtWord(text, maxChars, 0.6), truncated: true };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair (towards the start). */
export function safeOffset(s: string, i: number): number {
  if (i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1))) return i - 1;
  return i;
}

/**
 * The longest prefix of `text` of at most `max` UTF-16 units that ends at a word boundary, when a
 * space falls at or after `minShare` of the room (else a hard cut, never inside a surrogate pair).
 * A space right at the limit counts: the last word then fits whole. No trailing spaces.
 */
export function cutAtWord(text: string, max: number, minShare = 0.5): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = safeOffset(text, max);
  const ws = text.slice(0, end + 1).search(/\s\S*$/);
  if (ws >= Math.floor(max * minShare)) end = ws;
  return text.slice(0, end).trimEnd();
}

/** Trailing separators a cut should not leave behind ("…, " or "… –"). */
const TRAILING_SEPARATORS = /[\s,;:–—-]+$/u;

/** Cuts text to at most `max` units including a final "…" (unchanged when it already fits). */
export function cutWithEllipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cutAtWord(text, Math.max(0, max - 1)).replace(TRAILING_SEPARATORS, '')}…`;
}

/** Whitespace folded to single spaces, then cut with "…": for one-line log and error texts. */
export function oneLine(text: string, max = 200): string {
  return cutWithEllipsis(text.replace(/\s+/g, ' ').trim(), max);
}

/**
 * An ASCII file-name slug: diacritics folded ("Hội nghị Đảng bộ" -> "hoi-nghi-dang-bo"), lower case,
 * anything but letters, digits and "_" a single "-", at most `max` characters, cut at a "-"; "" when
 * nothing is left.
 */
export function asciiSlug(text: string, max = 80): string {
  const slug = fold(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9_]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/gu, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at >= max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/u, '');
}

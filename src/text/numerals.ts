/**
 * Vietnamese numbers written in words ("ba mươi lăm", "một trăm linh năm", "hai tỷ ba trăm triệu"), read
 * to their value with the tokens they span. Reports write small counts in words ("hai chi bộ", "kết nạp mười
 * hai đảng viên"), press style every number under ten.
 *
 * The words are also everyday words: "năm" is far more often the year ("năm 2024", "năm nay", "hằng năm",
 * "5 năm") than five, "một" an article ("một số", "một trong những"), "tư" a syllable of "tư tưởng", "đầu
 * tư", "ba" of "ba mẹ", "Ba Đình", "Mười" a name. So one word alone is read only where the caller knows a
 * counted noun follows it (countedAt), and "tư" only after the tens; a numeral of several words ("ba mươi", "năm trăm")
 * is one wherever it stands, except capitalised inside a sentence (a name: "chú Mười Ba", "Ba Mươi").
 */
import { fold } from './normalise.js';
import type { Token } from './tokens.js';

/** A numeral in words: tokens [start, end) and its value. */
export interface Numeral {
  start: number;
  end: number;
  value: number;
}

/** Digits, by their written form and by the form typed without marks. */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['năm', 5], ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);
const DIGITS_FOLDED: ReadonlyMap<string, number> = new Map([
  ['mot', 1], ['hai', 2], ['ba', 3], ['bon', 4], ['nam', 5], ['sau', 6], ['bay', 7], ['tam', 8], ['chin', 9],
]);
/** The unit digit after "mươi" / "mười" / "linh" may be written otherwise: "hai mươi mốt", "mười lăm", "ba mươi tư". */
const LAST_DIGIT: ReadonlyMap<string, number> = new Map([['mốt', 1], ['tư', 4], ['lăm', 5], ['nhăm', 5]]);
const LAST_DIGIT_FOLDED: ReadonlyMap<string, number> = new Map([['mot', 1], ['tu', 4], ['lam', 5], ['nham', 5]]);
const TEN = 'mười';
/** The words a numeral opens with: a digit or "mười" (read first, as most tokens are none). */
const STARTS = new Set([...DIGITS.keys(), 'mười']);
const STARTS_FOLDED = new Set([...DIGITS_FOLDED.keys(), 'muoi']);
const TENS = 'mươi';
/** "mười" and "mươi" fold alike: which one is told by what stands before. */
const TEN_FOLDED = 'muoi';
const HUNDRED = 'trăm';
const ZERO_TENS = new Set(['linh', 'lẻ']);
const ZERO_TENS_FOLDED = new Set(['linh', 'le']);
/** "hai chục" (20): the spoken tens. */
const TENS_SPOKEN = 'chục';
const MAGNITUDES: ReadonlyMap<string, number> = new Map([['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9]]);
const MAGNITUDES_FOLDED: ReadonlyMap<string, number> = new Map([['nghin', 1e3], ['ngan', 1e3], ['trieu', 1e6], ['ty', 1e9], ['ti', 1e9]]);

/**
 * Typed without marks, digits that alone are as often other words, whatever follows: "sau" (after), "bay"
 * (to fly), "tam" (tạm, tâm). ("tư" never opens a numeral: "tư tưởng", "đầu tư", "tư pháp", "thứ tư".)
 */
const BARE_NOT_ALONE = new Set(['sau', 'bay', 'tam']);
/** Words after "một" that make it an article ("một số", "một trong những", "một cách", "một phần"). */
const ARTICLE_AFTER_ONE = new Set(['số', 'trong', 'cách', 'phần', 'vài', 'loạt', 'chút', 'ít', 'lúc', 'khi', 'mặt', 'nửa', 'nào', 'khác']);
/** Words before "năm" that make it the year: "hằng năm", "mỗi năm", "các năm", "trong năm", "cuối năm". */
const YEAR_BEFORE = new Set(['hằng', 'hàng', 'mỗi', 'các', 'những', 'nhiều', 'trong', 'cuối', 'đầu', 'giữa', 'cả', 'cùng', 'từng', 'qua']);

const ARTICLE_AFTER_ONE_FOLDED = new Set([...ARTICLE_AFTER_ONE].map((w) => fold(w)));
const YEAR_BEFORE_FOLDED = new Set([...YEAR_BEFORE].map((w) => fold(w)));

/** One token as the reader sees it: its written form, or (typed without marks) its folded one. */
interface Reader {
  word(i: number): string | undefined;
  /** Is token `i` typed without marks, read by its folded form? */
  bare: boolean;
}

function digitOf(r: Reader, i: number): number | undefined {
  const w = r.word(i);
  return w === undefined ? undefined : (r.bare ? DIGITS_FOLDED : DIGITS).get(w);
}

/**
 * The unit digit after "mười" / "mươi" / "linh". Five after the tens is "lăm": "mười năm", "hai mươi năm" are
 * ten and twenty years, so "năm" is five there only after "linh" / "lẻ" (`five`).
 */
function lastDigitOf(r: Reader, i: number, five = false): number | undefined {
  const w = r.word(i);
  if (w === undefined) return undefined;
  const d = digitOf(r, i);
  if (d === 5 && !five) return undefined;
  return d ?? (r.bare ? LAST_DIGIT_FOLDED : LAST_DIGIT).get(w);
}

const isTen = (r: Reader, i: number) => r.word(i) === (r.bare ? TEN_FOLDED : TEN);
const isTens = (r: Reader, i: number) => r.word(i) === (r.bare ? TEN_FOLDED : TENS) || r.word(i) === TENS_SPOKEN || (r.bare && r.word(i) === 'chuc');
const isHundred = (r: Reader, i: number) => r.word(i) === (r.bare ? 'tram' : HUNDRED);
const isZeroTens = (r: Reader, i: number) => (r.bare ? ZERO_TENS_FOLDED : ZERO_TENS).has(r.word(i) ?? '');
const magnitudeOf = (r: Reader, i: number) => (r.bare ? MAGNITUDES_FOLDED : MAGNITUDES).get(r.word(i) ?? '');

/** The tens and units after a hundred or alone: "mười lăm", "ba mươi tư", "linh năm" (after a hundred only), "bảy". */
function readTens(r: Reader, i: number, afterHundred: boolean): { value: number; end: number } | null {
  if (afterHundred && isZeroTens(r, i)) {
    const d = lastDigitOf(r, i + 1, true);
    return d === undefined ? null : { value: d, end: i + 2 };
  }
  if (isTen(r, i)) {
    const d = lastDigitOf(r, i + 1);
    return d !== undefined ? { value: 10 + d, end: i + 2 } : { value: 10, end: i + 1 };
  }
  const d = digitOf(r, i);
  if (d === undefined || d === 1 || !isTens(r, i + 1)) return null;
  const unit = lastDigitOf(r, i + 2);
  return unit !== undefined ? { value: d * 10 + unit, end: i + 3 } : { value: d * 10, end: i + 2 };
}

/** A block under a thousand from token `i`: "[d trăm] [tens]" or a digit alone. */
function readBlock(r: Reader, i: number): { value: number; end: number } | null {
  const d = digitOf(r, i);
  if (d !== undefined && isHundred(r, i + 1)) {
    const rest = readTens(r, i + 2, true);
    return rest ? { value: d * 100 + rest.value, end: rest.end } : { value: d * 100, end: i + 2 };
  }
  const tens = readTens(r, i, false);
  if (tens) return tens;
  return d !== undefined ? { value: d, end: i + 1 } : null;
}

/** A reader of the words from `from` to the first not joined to the one before (punctuation between them). */
function readerOf(tokens: readonly Token[], bare: boolean, from: number): Reader {
  // Extended as far as words are read: a run of joined words may be a whole sentence.
  let end = from + 1;
  return {
    bare,
    word: (i) => {
      while (end <= i && end < tokens.length && tokens[end]!.joined) end++;
      return i >= from && i < end ? (bare ? tokens[i]!.folded : tokens[i]!.term) : undefined;
    },
  };
}

/**
 * The numeral in words starting at token `i`, as long as it runs ("mười hai nghìn năm trăm" = 12.500), or
 * null. `unaccented`: the text is typed without marks, its words read by their folded forms ("ba muoi
 * lam"). Words must follow one another with only spaces between.
 */
export function numeralAt(tokens: readonly Token[], i: number, unaccented = false): Numeral | null {
  const t = tokens[i];
  if (t?.isNumber !== false || !(unaccented ? STARTS_FOLDED : STARTS).has(unaccented ? t.folded : t.term)) return null;
  const r = readerOf(tokens, unaccented, i);
  let total = 0;
  let current = 0;
  let at = i;
  let end = i;
  while (r.word(at) !== undefined) {
    const m = at > i ? magnitudeOf(r, at) : undefined;
    if (m !== undefined && end === at) {
      if (current > 0) {
        total += current * m;
        current = 0;
      } else {
        // "một nghìn tỷ": the magnitude multiplies what is below it.
        const low = total % m;
        if (low === 0) break;
        total += low * (m - 1);
      }
      at++;
      end = at;
      continue;
    }
    // A second block follows only a magnitude ("hai tỷ ba trăm triệu"), never another block ("ba bốn" is 3-4).
    if (current > 0) break;
    const afterMagnitude = total > 0;
    // "một nghìn không trăm năm mươi" (1.050): no hundreds, then the tens.
    if (afterMagnitude && r.word(at) === (r.bare ? 'khong' : 'không') && isHundred(r, at + 1)) {
      const rest = readTens(r, at + 2, true);
      if (!rest) break;
      current = rest.value;
      at = rest.end;
      end = at;
      continue;
    }
    const block = readBlock(r, at);
    if (!block) break;
    // After a magnitude a digit alone is no part of the number: "một nghìn năm" is a thousand years (1.005 is
    // "một nghìn không trăm linh năm"), "hai nghìn năm lịch sử".
    if (afterMagnitude && block.end === at + 1 && digitOf(r, at) !== undefined) break;
    current = block.value;
    at = block.end;
    end = at;
  }
  const value = total + current;
  return value > 0 && end > i ? { start: i, end, value } : null;
}

/** The text's token at `i` is capitalised (a name: "Ba Vì", "Mười", "Bảy Núi"). */
function capitalised(text: string, t: Token): boolean {
  const c = text[t.start] ?? '';
  return c !== c.toLowerCase();
}

/** Does token `i` open its sentence (nothing before it, or a stop: ".", "!", "?", ":", a line break)? */
function opensSentence(text: string, tokens: readonly Token[], i: number): boolean {
  const before = text.slice(i > 0 ? tokens[i - 1]!.end : 0, tokens[i]!.start);
  return i === 0 || /[.!?:;\n•\-–(\["“]/u.test(before);
}

/**
 * The numerals in words the text states as numbers, in order. A numeral of several words counts wherever it
 * stands; a word alone only where `countedAt(j)` says token `j`, right after it, is something counted
 * ("hai chi bộ", "năm giải pháp") and it is no article, year or syllable of another word (see BARE_NOT_ALONE,
 * ARTICLE_AFTER_ONE, YEAR_BEFORE). Capitalised inside a sentence, a numeral is a name ("Ba Đình", "anh Mười").
 */
export function numeralsIn(text: string, tokens: readonly Token[], opts: { unaccented?: boolean; countedAt?: (j: number) => boolean } = {}): Numeral[] {
  const out: Numeral[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = numeralAt(tokens, i, opts.unaccented);
    if (!n) continue;
    if (isNumeral(text, tokens, n, opts)) {
      out.push(n);
      i = n.end - 1;
    }
  }
  return out;
}

function isNumeral(text: string, tokens: readonly Token[], n: Numeral, opts: { unaccented?: boolean; countedAt?: (j: number) => boolean }): boolean {
  for (let k = n.start; k < n.end; k++) if (capitalised(text, tokens[k]!) && (k > n.start || !opensSentence(text, tokens, k))) return false;
  const next = tokens[n.end];
  // "Ba Đình", "Bảy Núi" opening a sentence: a name, capitalised on.
  if (next?.joined && capitalised(text, tokens[n.start]!) && capitalised(text, next)) return false;
  // "năm 2024", "ba 3": a number right after is the year's, or the words are no numeral.
  if (next?.isNumber && next.joined) return false;
  if (n.end - n.start > 1) return true;
  const t = tokens[n.start]!;
  const word = opts.unaccented ? t.folded : t.term;
  if (opts.unaccented && BARE_NOT_ALONE.has(word)) return false;
  if ((t.term === 'một' || (opts.unaccented && word === 'mot')) && next && (opts.unaccented ? ARTICLE_AFTER_ONE_FOLDED.has(next.folded) : ARTICLE_AFTER_ONE.has(next.term))) return false;
  const before = tokens[n.start - 1];
  // "5 năm", "mười năm qua", "hằng năm": years counted.
  const afterNumber = before !== undefined && (before.isNumber || numeralAt(tokens, n.start - 1, opts.unaccented) !== null || (opts.unaccented ? YEAR_BEFORE_FOLDED.has(before.folded) : YEAR_BEFORE.has(before.term)));
  if ((t.term === 'năm' || (opts.unaccented && word === 'nam')) && afterNumber) return false;
  return next !== undefined && next.joined && !next.isNumber && (opts.countedAt?.(n.end) ?? false);
}

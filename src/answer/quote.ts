/**
 * Picks the one to three sentences of a paragraph that best answer the question, and the words to
 * highlight in them. The quote is always a verbatim slice of the paragraph: nothing is rewritten.
 */
import { passageTermSet, type AnalyzedQuery } from '../search/analyse.js';
import { DATE, DAY, PERSON_NAME, asksDay, namesNoOne, sentenceTerms, unitSyllables } from '../search/confidence.js';
import { sentenceTokens } from '../search/sentence-tokens.js';
import { findPlaces } from '../text/gazetteer.js';
import { OPENS_WITH_PERSON_MARKER, isFamilyName } from '../text/names.js';
import { fold } from '../text/normalise.js';
import { numeralsIn } from '../text/numerals.js';
import { PAIR_SEP, isPair } from '../index/terms.js';
import { isStop, looksLikeYear, tokenize, type Token } from '../text/tokens.js';
import { DOCUMENT_NAMES, MAGNITUDE_WORDS, OFFICE_TITLES } from '../text/words.js';
import type { Span } from './types.js';

export interface QuoteOptions {
  maxSentences: number;
  /** Stop growing the quote past this many characters. */
  maxChars: number;
  /** A best sentence shorter than this (in words) takes its neighbour along for context. */
  minWords: number;
}

export const DEFAULT_QUOTE_OPTIONS: QuoteOptions = { maxSentences: 3, maxChars: 600, minWords: 12 };

export interface Quote {
  text: string;
  /** Offsets in `text` of the answer itself: the number of a counting question, the name for "ai", the date for "khi nào". */
  answer: Span[];
  /** Offsets of the quote in the paragraph. */
  start: number;
  end: number;
  /** Offsets in `text` of the words that match the question. */
  highlights: Span[];
}

/**
 * @param weightOf IDF-like weight of a query term (rare words decide which sentence answers).
 * @param window The sentences retrieval found to cover the question best (indices into
 *   splitSentences(paragraph)); without it, the sentence holding the heaviest question words.
 */
export function pickQuote(
  paragraph: string,
  q: AnalyzedQuery,
  weightOf: (term: string) => number,
  options: Partial<QuoteOptions> = {},
  window: { first: number; last: number } | null = null,
): Quote {
  const opts = { ...DEFAULT_QUOTE_OPTIONS, ...options };
  // The sentences retrieval read (splitSentences), with the question's terms each holds.
  const sentences = sentenceTerms(paragraph, q);
  if (sentences.length === 0) return { text: paragraph, start: 0, end: paragraph.length, highlights: [], answer: [] };

  const queryTerms = new Map(q.terms.map((t) => [t.term, weightOf(t.term)]));
  const scores = sentences.map((s) => termsWeight(s.terms, queryTerms));
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });

  const fromRetrieval = window !== null && window.last < sentences.length && window.first <= window.last;
  let first = fromRetrieval ? window.first : best;
  let last = fromRetrieval ? window.last : best;
  while (last - first + 1 < opts.maxSentences) {
    const prev = first > 0 ? scores[first - 1]! : -1;
    const next = last < sentences.length - 1 ? scores[last + 1]! : -1;
    const short = wordCount(paragraph, sentences[first]!.start, sentences[last]!.end) < opts.minWords;
    if (prev <= 0 && next <= 0 && !short) break;
    // Prefer the neighbour that also matches; a short sentence takes the next one (what follows a
    // lead-in like "Cụ thể:" is the content).
    const takeNext = next > prev || (next === prev && next >= 0);
    const candidate = takeNext ? last + 1 : first - 1;
    if (candidate < 0 || candidate >= sentences.length) break;
    const newLen = takeNext ? sentences[candidate]!.end - sentences[first]!.start : sentences[last]!.end - sentences[candidate]!.start;
    if (newLen > opts.maxChars && !short) break;
    if (takeNext) last = candidate;
    else first = candidate;
    if (sentences[last]!.end - sentences[first]!.start > opts.maxChars) break;
  }

  const start = sentences[first]!.start;
  const end = sentences[last]!.end;
  const text = paragraph.slice(start, end);
  // The quote's tokens are its sentences' (kept since retrieval read them), moved to its offsets.
  const read = sentenceTokens(paragraph, q);
  const tokens: Token[] = [];
  for (let i = first; i <= last; i++) {
    const shift = read[i]!.start - start;
    // Every field written out: a spread copy of each token cost more than the rest of the quote.
    for (const t of read[i]!.tokens) tokens.push({ term: t.term, folded: t.folded, start: t.start + shift, end: t.end + shift, isNumber: t.isNumber, joined: t.joined });
  }
  return { text, start, end, highlights: withNumbersInWords(text, q, tokens, highlightSpans(text, q, tokens)), answer: answerSpans(text, q) };
}

/**
 * The question's numbers in digits where the quote writes them in words ("35" / "ba mươi lăm"), added to the
 * highlights; spans with only spaces between merge, as highlightSpans merges words.
 */
function withNumbersInWords(text: string, q: AnalyzedQuery, tokens: readonly Token[], spans: Span[]): Span[] {
  const values = new Set(q.tokens.filter((t) => t.isNumber && /^\d{2,}$/u.test(t.term) && !looksLikeYear(t.term)).map((t) => Number(t.term)));
  if (values.size === 0) return spans;
  const found = numeralsIn(text, tokens, { countedAt: (j) => tokens[j]!.joined }).filter((n) => values.has(n.value));
  if (found.length === 0) return spans;
  const all = [...spans, ...found.map((n) => [tokens[n.start]!.start, tokens[n.end - 1]!.end] as const)].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && last[1] >= s) last[1] = Math.max(last[1], e);
    else if (last && /^\s*$/u.test(text.slice(last[1], s))) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

/*
 * Helpers here are module functions rather than closures of the calls that use them: those run for every
 * result of every question, and under the tsx loader each closure made there is also named at each call.
 */

/** The summed weights of the question's terms a sentence holds. */
function termsWeight(terms: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  let score = 0;
  for (const t of terms) score += weights.get(t) ?? 0;
  return score;
}

/** JavaScript's \s: what split(/\s+/) splits at. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** text.slice(from, to).split(/\s+/).length, without the slice and the array: runs of spaces, plus one. */
function wordCount(text: string, from: number, to: number): number {
  let n = 1;
  for (let i = from; i < to; i++) if (isSpace(text.charCodeAt(i)) && (i === from || !isSpace(text.charCodeAt(i - 1)))) n++;
  return n;
}

/** /^\s*$/ of text.slice(from, to), without the slice: asked between every two highlighted words. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Spans of the question's words in `text`: whole syllables only, and a syllable that belongs to one of
 * the question's two-syllable words only where that word stands ("đảng bộ", not the "bộ" of "bộ phận").
 * Adjacent matched words merge into one span.
 */
export function highlightSpans(text: string, q: AnalyzedQuery, tokens: readonly Token[] = tokenize(text)): Span[] {
  const { wanted, pairs, inPair } = highlightTerms(q);
  const both = q.unaccented;
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!isWanted(tok, both, wanted)) continue;
    const alone = !(inPair.has(tok.term) || (both && inPair.has(tok.folded)));
    if (!alone && !pairAt(tokens, i, both, pairs) && !pairAt(tokens, i + 1, both, pairs)) continue;
    const lastSpan = spans[spans.length - 1];
    if (lastSpan && tok.joined && lastSpan[1] <= tok.start && onlySpaces(text, lastSpan[1], tok.start)) lastSpan[1] = tok.end;
    else spans.push([tok.start, tok.end]);
  }
  return spans;
}

/** A question word, not a stop word (read folded only in its folded form of an unaccented question). */
function isWanted(t: Token, both: boolean, wanted: ReadonlySet<string>): boolean {
  if (wanted.has(t.term) && !isStop(t.term)) return true;
  return both && wanted.has(t.folded) && !isStop(t.folded, t.folded !== t.term);
}

/** Tokens i - 1 and i make one of the question's pairs (either form of each, for an unaccented question). */
function pairAt(tokens: readonly Token[], i: number, both: boolean, pairs: ReadonlySet<string>): boolean {
  const a = tokens[i - 1];
  const b = tokens[i];
  if (!a || !b || !b.joined) return false;
  if (pairs.has(a.term + PAIR_SEP + b.term)) return true;
  if (!both) return false;
  return pairs.has(a.term + PAIR_SEP + b.folded) || pairs.has(a.folded + PAIR_SEP + b.term) || pairs.has(a.folded + PAIR_SEP + b.folded);
}

let highlightSets: { q: AnalyzedQuery; wanted: Set<string>; pairs: Set<string>; inPair: Set<string> } | null = null;

/** The question's syllables, its pairs and their syllables: the same for every result of a question (the last one's are kept). */
function highlightTerms(q: AnalyzedQuery): { wanted: Set<string>; pairs: Set<string>; inPair: Set<string> } {
  if (highlightSets?.q !== q) {
    const pairs = new Set(q.terms.filter((t) => isPair(t.term)).map((t) => t.term));
    highlightSets = { q, wanted: new Set(q.syllables), pairs, inPair: new Set([...pairs].flatMap((p) => p.split(PAIR_SEP))) };
  }
  return highlightSets;
}


/**
 * A number or a range with its unit after it ("4.466 đảng viên", "64,5%", "6-10 đảng viên", "1,5 tỷ tấn
 * cacbon", "3 Chi bộ": some reports capitalise the unit, "9 TCCS đảng": or abbreviate it), not a date.
 */
const COUNT = /(?<![\p{L}\p{N}/-])\p{N}+(?:[.,]\p{N}+)*(?:\s*[-–]\s*\p{N}+(?:[.,]\p{N}+)*)?(?:\s*%|(?:\s+\p{L}(?:\p{Ll}*|\p{Lu}+)(?!\p{L})){1,3})?(?![\p{N}/-])/gu;
const RANGE = /^\p{N}+(?:[.,]\p{N}+)*\s*[-–]\s*\p{N}/u;
const MAGNITUDE = new Set(MAGNITUDE_WORDS);
const OFFICES = OFFICE_TITLES.map((o) => tokenize(o).map((t) => t.folded));

/**
 * Of the names a quote gives, those the office asked about belongs to: in a list of attendees
 * ("Nguyễn Đức Trung – Phó Bí thư …; Cao Thị Hiền – Phó Chủ tịch HĐND tỉnh"), "Phó Chủ tịch HĐND tỉnh là
 * ai?" is answered by the name whose entry (between semicolons) holds most of the question's terms. A
 * question naming no office ("Ai dự hội nghị?") is answered by every name.
 */
function askedNames(text: string, names: Span[], q: AnalyzedQuery): Span[] {
  const folded = q.tokens.map((t) => t.folded);
  if (names.length < 2 || !OFFICES.some((o) => folded.some((_, i) => o.every((s, k) => folded[i + k] === s)))) return names;
  const score = names.map(([s, e]) => {
    const held = passageTermSet(tokenize(text.slice(text.lastIndexOf(';', s) + 1, text.includes(';', e) ? text.indexOf(';', e) : text.length)), q);
    return q.terms.reduce((sum, t) => sum + (held.has(t.term) ? (isPair(t.term) ? 2 : 1) : 0), 0);
  });
  const best = Math.max(...score);
  return names.filter((_, i) => score[i] === best);
}

/** Folded words of a "who" question that ask who, or name the meeting, not what the person did. */
const WHO_WORDS = new Set(['ai', 'dong', 'chi', 'nao', 'ong', 'ba', 'nguoi', 'la', 'o', 'tai', 'hoi', 'nghi', 'co', 'khong', 'vay', 'a']);

/**
 * The names whose sentence says what the question asks of them ("bị kỷ luật", "chủ trì"): the chair of a
 * meeting is no answer to "đồng chí nào bị kỷ luật?". All of them when the question asks nothing but who.
 */
function namesDoing(text: string, names: Span[], q: AnalyzedQuery): Span[] {
  if (names.length === 0) return names;
  const qTokens = tokenize(q.text);
  const place = new Set(findPlaces(q.text, qTokens, false).flatMap((h) => qTokens.slice(h.first, h.first + h.length).map((t) => t.folded)));
  const asked = new Set(qTokens.filter((t) => !isStop(t.term) && !WHO_WORDS.has(t.folded) && !place.has(t.folded)).map((t) => t.folded));
  if (asked.size === 0) return names;
  // Sentences, not clauses: a list's "; " shares its verb ("Dự hội nghị các đồng chí A; B; C").
  const ends = endsOf(text, /[.!?](?=\s|$)/gu);
  return names.filter(([s, e]) => {
    const [from, to] = around(ends, s, e, text.length);
    return tokenize(text.slice(from, s) + ' ' + text.slice(e, to)).some((t) => asked.has(t.folded));
  });
}

/** Where `re` (global) matches in `text`: the ends of its sentences or clauses. */
function endsOf(text: string, re: RegExp): number[] {
  return [...text.matchAll(re)].map((m) => m.index);
}

/** The stretch holding [s, e] between two of `ends` (the last before it, the first at or after its end). */
function around(ends: readonly number[], s: number, e: number, length: number): Span {
  return [Math.max(0, ...ends.filter((k) => k < s)), ends.find((k) => k >= e) ?? length];
}

/**
 * A run of capitals may open with the place or body before a name ("Thành ủy Huế Phan Thiên Định"): a
 * run that neither starts with a family name nor a title starts at the first one that leaves two syllables.
 */
function fromFamilyName(text: string, [s, e]: Span): Span {
  const tokens = tokenize(text.slice(s, e));
  if (tokens.length < 3 || isFamilyName(tokens[0]!.term) || OPENS_WITH_PERSON_MARKER.test(text.slice(s, e))) return [s, e];
  const at = tokens.findIndex((t, i) => i > 0 && i <= tokens.length - 2 && isFamilyName(t.term));
  return at > 0 ? [s + tokens[at]!.start, e] : [s, e];
}

const globals = new Map<RegExp, RegExp>();

/** A copy of `re` with the g flag, made once: matchAll starts from its lastIndex, and this copy's is never advanced (a shared one's may be). */
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return g;
}

/** Every match of `re` in `text`, as spans. */
function matchSpans(text: string, re: RegExp): Span[] {
  return [...text.matchAll(globalOf(re))].map((m) => [m.index, m.index + m[0].length] as const);
}

/** Words before a year that make it a term's or a period's bound ("nhiệm kỳ 2020 - 2025", "giai đoạn 2021-2030"). */
const TERM_BEFORE = /(?:nhiệm kỳ|giai đoạn|khóa|khoá)\s*(?:\d{4}\s*[-–]\s*)?$/iu;
/** A percentage with its sign ("87,9%", "106 %"). */
const PERCENT = /(?<![\p{L}\p{N}.,])\p{N}+(?:[.,]\p{N}+)?\s*%/gu;
/** A share asked, folded: "bao nhiêu phần trăm", "bao nhiêu %" (the sign kept by folding the text), "tỷ lệ". */
const SHARE_ASKED = / bao nhieu (?:phan tram|%)| t[yi] le /u;
/** The share itself is what is counted: "bao nhiêu phần trăm", "bao nhiêu %" (folded, signs kept). */
const SHARE_COUNTED = / bao nhieu (?:phan tram|%)/u;
/** "số mấy", "thứ mấy" (folded): the number of a document or a session is asked, not a count. */
const NUMBER_ASKED = / (?:so|thu) may /u;
/** A document's kind, then "số", then its number or code ("Nghị quyết số 09-NQ/TU", "Chỉ thị 05"). */
const DOCUMENT_NUMBER = new RegExp(`(?<![\\p{L}])(${DOCUMENT_NAMES.join('|')})(?:\\s+số)?\\s+(\\p{N}+(?:[-/.][\\p{L}\\p{N}]+)*)`, 'giud');
/** A session's or congress's rank ("lần thứ 12", "lần thứ XIII"). */
const SESSION_NUMBER = /(?<![\p{L}])lần thứ\s+(\p{N}+|[IVXLC]+)(?![\p{L}\p{N}])/giud;
/** A committee's term ("khóa III", "khoá XII"). */
const TERM_NUMBER = /(?<![\p{L}])kh(?:óa|oá)\s+(\p{N}+|[IVXLC]+)(?![\p{L}\p{N}])/giud;
/** A clause's end: a sentence's or a semicolon's; with `COMMA_END`, a comma's too (not the point or comma inside "4.466", "87,9"). */
const CLAUSE_END = /[.;!?](?=\s|$)/gu;
const COMMA_END = /[.;,!?](?=\s|$)/gu;
/** The words between the commas around an answer weigh this many times those of the rest of its clause. */
const NEAR_WEIGHT = 2;

/** The question's line folded, its signs kept (" bao nhieu % "). */
function foldedQuestion(q: AnalyzedQuery): string {
  return ` ${fold(q.text).toLowerCase().replace(/%/gu, ' % ').replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;
}

/**
 * Of several answers in a quote, those whose clause holds most of the question's syllables, those
 * between the commas around it most of all: "961 đảng viên hoàn thành xuất sắc nhiệm vụ (chiếm 16,3%)" answers the
 * share of the excellent, "đạt 81,63% so với chỉ tiêu" the admissions' share; all of them when no clause
 * says more than another.
 */
function inAskedClause(text: string, spans: Span[], q: AnalyzedQuery, sayOnly?: ReadonlySet<string>): Span[] {
  if (spans.length < (sayOnly ? 1 : 2)) return spans;
  const asked = new Set(q.syllables.map((x) => fold(x)).filter((x) => x !== 'nam' && !sayOnly?.has(x)));
  if (asked.size === 0) return spans;
  // Each stretch's ends found once, not again for every answer in it.
  const commas = endsOf(text, COMMA_END);
  const clauses = endsOf(text, CLAUSE_END);
  const held = (ends: readonly number[], [s, e]: Span) => {
    const [from, to] = around(ends, s, e, text.length);
    return new Set(tokenize(text.slice(from, to)).map((t) => t.folded).filter((f) => asked.has(f))).size;
  };
  const scores = spans.map((span) => NEAR_WEIGHT * held(commas, span) + held(clauses, span));
  const best = Math.max(...scores);
  // Words that only say what kind of answer is asked (`sayOnly`: "tỷ lệ … bao nhiêu") leave the measure
  // unsaid: a clause with none of the rest is a share of something else ("tỷ lệ đảng viên … 92%" for
  // "tỷ lệ hộ nghèo"), no answer.
  if (sayOnly && best === 0) return [];
  return spans.filter((_, i) => scores[i] === best);
}

/** The folded words of a share question that say a share is asked, not of what. */
const SHARE_WORDS: ReadonlySet<string> = new Set(['ty', 'ti', 'le', 'bao', 'nhieu', 'phan', 'tram', 'la', 'dat', 'chiem', 'muc']);

/**
 * The number of the document, session or term asked ("Nghị quyết số mấy …?", "nghị quyết nào …?", "lần
 * thứ mấy?", "khóa mấy?"), of the kind the question names; null when none is asked.
 */
function numberAsked(text: string, q: AnalyzedQuery, line: string): Span[] | null {
  if (/ lan thu may /u.test(line)) return matchGroups(text, SESSION_NUMBER);
  if (/ khoa may /u.test(line)) return matchGroups(text, TERM_NUMBER);
  const kinds = DOCUMENT_NAMES.filter((d) => line.includes(` ${fold(d)} `));
  if (kinds.length === 0 || !(NUMBER_ASKED.test(line) || kinds.some((d) => line.includes(` ${fold(d)} nao `)))) return null;
  const wanted = new Set(kinds.map((d) => fold(d)));
  return inAskedClause(text, matchGroups(text, DOCUMENT_NUMBER, (m) => wanted.has(fold(m[1]!).toLowerCase())), q);
}

/** The spans of each match's last group (`re` has the d flag), of the matches `keep` keeps. */
function matchGroups(text: string, re: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true): Span[] {
  const group = (m: RegExpMatchArray) => m.indices![m.length - 1]!;
  return [...text.matchAll(globalOf(re))].filter(keep).map((m) => [group(m)[0], group(m)[1]] as const);
}

/** Where the answer stands in a quote, by what the question asks for. */
export function answerSpans(text: string, q: AnalyzedQuery): Span[] {
  const line = foldedQuestion(q);
  const numbered = numberAsked(text, q, line);
  if (numbered !== null) return numbered;
  // "Có bao nhiêu xã đạt tỷ lệ … trên 95%?" counts the communes: the share is the question's condition.
  const countOfUnit = q.answerType === 'count' && (q.countUnit?.length ?? 0) > 0 && !SHARE_COUNTED.test(line);
  if (SHARE_ASKED.test(line) && !countOfUnit) {
    // A percentage the question writes itself ("trên 95%") is its condition, not the answer.
    const given = new Set([...q.text.matchAll(PERCENT)].map((m) => m[0].replace(/\s+/gu, '')));
    const shares = matchSpans(text, PERCENT).filter(([s, e]) => !given.has(text.slice(s, e).replace(/\s+/gu, '')));
    // A share asked and none given: no other number is the answer.
    return inAskedClause(text, shares, q, SHARE_WORDS);
  }
  // "Tổng kinh phí … là bao nhiêu?": an amount whose unit the question leaves unsaid.
  if (q.answerType === null && line.includes(' bao nhieu ')) return inAskedClause(text, notGiven(text, anyCounts(text, matchSpans(text, COUNT)), q), q);
  if (q.answerType === 'person') return namesDoing(text, askedNames(text, matchSpans(text, PERSON_NAME).map((n) => fromFamilyName(text, n)).filter(([s, e]) => !namesNoOne(text, s, e)), q), q);
  if (q.answerType === 'date') {
    // A day ("15-10", "ngày 9") answers "khi nào" better than the years of a term ("2020-2025").
    const days = matchSpans(text, DAY);
    // "ngày nào" is not answered by a year ("Năm 2021, …"): nothing is marked then; nor is a term's span
    // ("nhiệm kỳ 2020 - 2025") when it happened.
    return days.length > 0 ? days : asksDay(q) ? [] : matchSpans(text, DATE).filter(([s]) => !TERM_BEFORE.test(text.slice(Math.max(0, s - 25), s)));
  }
  if (q.answerType !== 'count') return [];
  const unit = q.countUnit ?? [];
  const spans = matchSpans(text, COUNT).filter(([s, e]) => !/^(19|20)\d\d\b/u.test(text.slice(s, e)));
  // With the unit the question counts, only those ("442 chi bộ", not "62 tổ chức"); else every count.
  const withUnit: Span[] = [];
  for (const [s, e] of unit.length > 0 ? spans : []) {
    const tokens = tokenize(text.slice(s, e));
    // Or the unit's one-word abbreviation ("11 TCCS đảng" for "tổ chức cơ sở đảng").
    const end = unitEnd(tokens, unit.map((u) => fold(u))) ?? shortUnitEnd(tokens, q);
    if (end !== null) withUnit.push([s, s + end]);
  }
  const inWords = countsInWords(text, unit.map((u) => fold(u)));
  if (inWords.withUnit.length > 0) {
    withUnit.push(...inWords.withUnit);
    withUnit.sort((a, b) => a[0] - b[0]);
  }
  // Another measure's number is not the answer: any count is marked only where any count answers
  // ("bao nhiêu người", "bao nhiêu tiền").
  // A range before no unit is more likely a date ("16-10") than a count.
  if (withUnit.length > 0 || unitSyllables(q).length > 0) return qualifiedCounts(text, withUnit, q, unit);
  const any = anyCounts(text, spans);
  return inWords.any.length > 0 ? [...any, ...inWords.any].sort((a, b) => a[0] - b[0]) : any;
}

/** The numbers a question writes itself ("hỗ trợ 365 trang thiết bị … trị giá là bao nhiêu?"), digits only. */
const numbersOf = (text: string) => new Set([...text.matchAll(/\p{N}+(?:[.,]\p{N}+)*/gu)].map((m) => m[0].replace(/[.,]/gu, '')));

/** Of `spans`, those whose number the question does not write itself: its condition or its subject, not the answer. */
function notGiven(text: string, spans: Span[], q: AnalyzedQuery): Span[] {
  const given = numbersOf(q.text);
  return given.size === 0 ? spans : spans.filter(([s, e]) => !given.has([...numbersOf(text.slice(s, e))][0] ?? ''));
}

/** Every count of `spans` (COUNT's) but a range (more likely a date), with at most FALLBACK_UNIT_WORDS words; a percentage keeps its sign. */
function anyCounts(text: string, spans: Span[]): Span[] {
  return spans
    .filter(([s, e]) => !RANGE.test(text.slice(s, e)) && !/^(19|20)\d\d\b/u.test(text.slice(s, e)))
    .map(([s, e]): Span => (text.slice(s, e).endsWith('%') ? [s, e] : [s, s + wordsEnd(tokenize(text.slice(s, e)), FALLBACK_UNIT_WORDS)]));
}

/**
 * Counts written in words (text/numerals.ts): "ba mươi lăm dự án", and "hai chi bộ" (a word alone only
 * before the unit asked, `unit` folded): the numeral, any magnitude words, the unit. `any`: numerals of
 * several words, each with up to FALLBACK_UNIT_WORDS words after it, for a question whose unit is none.
 */
function countsInWords(text: string, unit: readonly string[]): { withUnit: Span[]; any: Span[] } {
  const tokens = tokenize(text);
  const unitEndAt = (j: number): number | null => {
    while (tokens[j]?.joined && MAGNITUDE.has(tokens[j]!.term)) j++;
    let k = 0;
    while (k < unit.length && tokens[j + k]?.joined && tokens[j + k]!.folded === unit[k]) k++;
    return unit.length > 0 && k === unit.length ? j + k : null;
  };
  const withUnit: Span[] = [];
  const any: Span[] = [];
  for (const n of numeralsIn(text, tokens, { countedAt: (j) => unitEndAt(j) !== null })) {
    const end = unitEndAt(n.end);
    const start = tokens[n.start]!.start;
    if (end !== null) withUnit.push([start, tokens[end - 1]!.end]);
    else if (n.end - n.start > 1) {
      let last = n.end - 1;
      while (last + 1 < tokens.length && last + 1 < n.end + FALLBACK_UNIT_WORDS && tokens[last + 1]!.joined && !tokens[last + 1]!.isNumber) last++;
      any.push([start, tokens[last]!.end]);
    }
  }
  return { withUnit, any };
}

/** Words after a count's unit (or before its number) read as what qualifies it ("961 đảng viên hoàn thành xuất sắc nhiệm vụ"). */
const QUALIFIER_WORDS = 6;

/**
 * Of several counts of the asked unit in one sentence ("5.907 đảng viên được đánh giá có 4.706 đảng viên
 * hoàn thành tốt …, 961 đảng viên hoàn thành xuất sắc …"), those whose next words (and the action before
 * the number) say most of what the question asks besides the unit; all of them when no count's words do (nothing tells them apart).
 */
function qualifiedCounts(text: string, spans: Span[], q: AnalyzedQuery, unit: readonly string[]): Span[] {
  if (spans.length < 2) return spans;
  // The unit's syllables and "năm" qualify nothing ("cao hơn 2.000 đảng viên của năm 2023"); syllables are
  // compared as typed, folded only when typed without marks ("tĩnh" of Hà Tĩnh is no "tỉnh").
  const units = new Set(unit.flatMap((u) => fold(u).split(/\s+/u)));
  const form = (t: { term: string; folded: string }) => (q.unaccented ? t.folded : t.term);
  const asked = new Set(q.syllables.filter((s) => !units.has(fold(s)) && fold(s) !== 'nam').map((s) => (q.unaccented ? fold(s) : s)));
  const scores = spans.map(([start, end], i) => {
    // Up to the next count, or the end of its clause.
    const stop = Math.min(spans[i + 1]?.[0] ?? text.length, ...[',', ';', '.', '('].map((c) => text.indexOf(c, end)).filter((k) => k >= 0));
    // And the action before it, back to the count before or its clause's start ("xử lý kỷ luật 4 đảng
    // viên, đình chỉ sinh hoạt đối với 4 đảng viên").
    const from = Math.max(spans[i - 1]?.[1] ?? 0, ...[', ', '; ', '. ', '('].map((c) => {
      const k = text.lastIndexOf(c, start);
      return k < 0 ? 0 : k + c.length;
    }));
    const before = tokenize(text.slice(from, start)).slice(-QUALIFIER_WORDS);
    return [...tokenize(text.slice(end, stop)).slice(0, QUALIFIER_WORDS), ...before].filter((t) => asked.has(form(t))).length;
  });
  const best = Math.max(...scores);
  return best === 0 ? spans : spans.filter((_, i) => scores[i] === best);
}

/** Words kept after a number whose unit is not the asked one ("62 tổ chức"). */
const FALLBACK_UNIT_WORDS = 2;

/** Where the unit ends in "<number> [magnitudes] <unit…>" (offset in the span), or null when the span counts something else. */
function unitEnd(tokens: readonly Token[], unit: readonly string[]): number | null {
  let k = 0;
  for (const t of tokens) {
    if (k === 0 && (t.isNumber || MAGNITUDE.has(t.term))) continue;
    if (t.folded !== unit[k]) return null;
    if (++k === unit.length) return t.end;
  }
  return null;
}

/**
 * Where a count's unit written as its one-word abbreviation ends (countUnitShort: "TCCS" for "tổ chức cơ
 * sở đảng"), with the syllable of the question's name the initials leave out when the report writes it
 * too ("TCCS đảng"); null when the count is of something else.
 */
function shortUnitEnd(tokens: readonly Token[], q: AnalyzedQuery): number | null {
  const unit = (q.countUnit ?? []).map((u) => fold(u));
  const at = q.tokens.findIndex((_, i) => unit.length > 0 && unit.every((u, k) => q.tokens[i + k]?.folded === u));
  for (const short of q.countUnitShort) {
    const end = unitEnd(tokens, [short]);
    if (end === null) continue;
    const next = tokens.findIndex((t) => t.end === end) + 1;
    const rest = at >= 0 ? q.tokens[at + short.length]?.folded : undefined;
    return rest !== undefined && tokens[next]?.folded === rest ? tokens[next]!.end : end;
  }
  return null;
}

/** The end of the number and at most `max` words after it. */
function wordsEnd(tokens: readonly Token[], max: number): number {
  let words = 0;
  let end = 0;
  for (const t of tokens) {
    if (!t.isNumber && ++words > max) break;
    end = t.end;
  }
  return end;
}

/**
 * Stage 1 of retrieval, analyse the question: take the chat and markup around it away, read each
 * syllable against the corpus (diacritics, typos, abbreviations), then its query terms for the keyword
 * index and what kind of answer it wants. The question as read (`text`) is shown to the user.
 */
import type { QueryTerm } from '../index/keyword-index.js';
import { PAIR_SEP } from '../index/terms.js';
import { stripChat } from '../text/chat.js';
import { readEnglish } from '../text/english.js';
import { arePlaceInitials, findPlaces, isCapitalised, onePlaceSpelling, placeForms, placeInitials, type PlaceHit } from '../text/gazetteer.js';
import { stripMarkup } from '../text/markup.js';
import { isFamilyName, isFamilyNameFolded, isOfficeWord, isTitleCase } from '../text/names.js';
import { fold, foldSyllable } from '../text/normalise.js';
import { numeralAt } from '../text/numerals.js';
import { isWellFormedSyllable } from '../text/syllable.js';
import { isStop, isStopTwin, isUnaccented, looksLikeYear, tokenize, type Token } from '../text/tokens.js';
import { ABBREVIATION_GROUPS, COUNT_LINKS, COUNT_WHOLE_WORDS, COUNTED_ACTIONS, MAGNITUDE_WORDS, NUMBER_WORDS, QUESTION_PHRASES, REPORTING_VERBS } from '../text/words.js';
import { rewriteAbbreviations } from './abbreviations.js';
import type { Lexicon } from './lexicon.js';
import { readTokens, type NameKind, type ReadToken } from './repair.js';

export interface AnalyzedQuery {
  /** The question as read: chat and markup set aside, syllables repaired. */
  text: string;
  /** Tokens of `text`. */
  tokens: Token[];
  /** Some syllables are matched by their folded form (typed without diacritics, undecided). */
  unaccented: boolean;
  /** Per token: part of a person's name typed in lower case with marks ("nguyễn đức hùng"), a name as capitals would be. */
  lowerName: boolean[];
  /** Per token: a word alone no Vietnamese syllable is shaped like, which the reports write ("Sakthivel", "Ebola"), capitalised or as they do: a name. */
  foreignName: boolean[];
  /**
   * Initials typed in capitals where a question names its place, opening it or after a place word ("HN
   * có …", "Thành ủy HN …"), that the reports never write and no one place they state has (see
   * abbreviations.ts): a place they do not cover, which no passage can answer for. Token indices.
   */
  unknownAcronyms: number[];
  /** Per token of `text`: matched folded (any accent) rather than exactly. */
  foldedAt: boolean[];
  /** Per token of `text`: typed with marks by the asker (not restored), so it means what its marks say. */
  markedAt: boolean[];
  /** Per token: a one-syllable place typed as no name is ("vinh", "hue", the first word "Vinh") that stands alone as the place (see lonePlaces). */
  lonePlace: boolean[];
  /** The question was typed without diacritics (its restored syllables are a guess). */
  typedUnaccented: boolean;
  /** Unique query terms (syllables and pairs) with their counts as weights. */
  terms: QueryTerm[];
  /** The content syllables (not pairs, not stop words), as matched. */
  syllables: string[];
  /** For "bao nhiêu X" / "mấy X" questions: X, whose count the answer states. */
  countUnit: string[] | null;
  /**
   * The question was typed without marks and some syllable of the unit was read folded (undecided): a
   * count's unit is then compared folded; typed with marks, as typed ("chi bộ" is no "chỉ tiêu").
   */
  countUnitFolded: boolean;
  /** One-word abbreviations of the unit's name ("tccs" for "tổ chức cơ sở đảng"), lower case: reports count in them too. */
  countUnitShort: string[];
  /**
   * What a counting question counts: the whole (`action` null: "có bao nhiêu đảng viên"), or what one of
   * COUNTED_ACTIONS did (`action`, its syllables: "kết nạp được bao nhiêu"); null when neither is said.
   */
  countScope: { action: string[] | null } | null;
  /** What the answer is: a number (bao nhiêu, mấy), a person (ai), a date (khi nào, ngày nào), or not known. */
  answerType: AnswerType;
}

export type AnswerType = 'count' | 'person' | 'date' | 'place' | 'reason' | null;

/**
 * Typed without marks, a syllable that may be a function word ("tai" of tại sao, "bi" of bị, "dang" of
 * đang) is most often that word: it weighs this share, so its accented twins elsewhere do not decide.
 */
const STOP_TWIN_SHARE = 0.3;
/**
 * … unless the pair it makes is a word of the corpus: its other syllable makes this pair at least this
 * share of the times the corpus writes it (half: 0.3 also took glue pairs of the news dev set for words).
 */
const WORD_OF_TWIN_SHARE = 0.5;

/** Question words of each answer type, folded (typed with or without marks). */
const PERSON_WORDS = ['ai', 'who'];
/** "Đồng chí nào phát biểu?": a Party office asks who by the comrade's title, folded. */
const PERSON_PHRASES = ['dong chi nao'];
const DATE_WORDS = ['khi nao', 'bao gio', 'ngay nao', 'thoi gian nao', 'luc nao', 'when', 'ngay bao nhieu', 'thang nao', 'nam nao'];

/** Question words asking why, folded: the answering sentence gives a reason ("do …", "vì …", "khiến …"). */
const REASON_WORDS = ['vi sao', 'tai sao', 'vi dau', 'do dau', 'ly do', 'nguyen nhan', 'why'];

/** "ở đâu", "tại đâu": matched as typed (folded, "o dau" is also "ở đầu nhiệm kỳ"), folded only in a question typed without marks. */
const PLACE_WORDS = ['ở đâu', 'tại đâu', 'nơi nào', 'địa điểm nào', 'chỗ nào', 'where'];
const PLACE_WORDS_FOLDED = PLACE_WORDS.map((w) => fold(w));

/** The tokens' folded forms between spaces (" co bao nhieu "), where folded phrases are looked for whole (holdsAny). */
export function foldedLine(tokens: readonly Token[]): string {
  return ` ${tokens.map((t) => t.folded).join(' ')} `;
}

/** Does `line` (foldedLine) hold one of the folded `phrases` as whole words? */
export function holdsAny(line: string, phrases: readonly string[]): boolean {
  return phrases.some((w) => line.includes(` ${w} `));
}

function answerTypeOf(tokens: readonly Token[], countUnitFound: boolean, typedUnaccented: boolean): AnswerType {
  const f = foldedLine(tokens);
  if (holdsAny(f, DATE_WORDS)) return 'date';
  if (countUnitFound) return 'count';
  const typed = ` ${tokens.map((t) => t.term).join(' ')} `;
  if (PLACE_WORDS.some((w, k) => typed.includes(` ${w} `) || (typedUnaccented && f.includes(` ${PLACE_WORDS_FOLDED[k]} `)))) return 'place';
  // "ai" is the question word only typed as such ("ái", "ải" are other words).
  if (tokens.some((t) => PERSON_WORDS.includes(t.term)) || holdsAny(f, PERSON_PHRASES)) return 'person';
  if (holdsAny(f, REASON_WORDS)) return 'reason';
  return null;
}

/**
 * "bao nhiêu đảng viên", "mấy chi bộ": the syllables after a counting question word name the unit
 * counted, and the sentence that answers holds a number right before it ("4.466 đảng viên").
 */
const COUNT_FOLDED = 'bao nhieu';
const COUNT_ONE = 'mấy';
/** Before "mấy", a rank is asked ("lần thứ mấy", "xếp hạng mấy"), not a count. */
const ORDINALS = ['thứ', 'hạng'];
const ORDINALS_FOLDED = ORDINALS.map((o) => fold(o));

/** As written and folded: a question typed without marks reads them folded. */
const withFolded = (words: readonly string[]) => [...new Set([...words, ...words.map((w) => fold(w))])];
const ACTIONS = withFolded(COUNTED_ACTIONS).map((a) => a.split(' '));
const LINKS = new Set(withFolded(COUNT_LINKS));
const WHOLE = new Set(withFolded(COUNT_WHOLE_WORDS));

/** `seq` ends just before index `end` of `forms`. */
function endsAt(forms: readonly string[], end: number, seq: readonly string[]): boolean {
  return end >= seq.length && seq.every((s, k) => forms[end - seq.length + k] === s);
}

/**
 * ACTIONS by their last syllable, each list in ACTIONS' order: only those can end before a token, and a
 * passage's every number asks at every token of its clause (all 36 tried there were most of the cost).
 */
const ACTIONS_BY_LAST = new Map<string, string[][]>();
for (const a of ACTIONS) {
  const last = a[a.length - 1]!;
  const list = ACTIONS_BY_LAST.get(last);
  if (list) list.push(a);
  else ACTIONS_BY_LAST.set(last, [a]);
}

/** Does one of COUNTED_ACTIONS end just before token `end` (forms as written)? Which one (the first in ACTIONS). */
function actionEndingAt(forms: readonly string[], end: number): string[] | null {
  const list = end > 0 ? ACTIONS_BY_LAST.get(forms[end - 1]!) : undefined;
  if (list === undefined) return null;
  for (const a of list) if (endsAt(forms, end, a)) return a;
  return null;
}

/** What the counting question whose "bao nhiêu" is at token `at` counts (see AnalyzedQuery.countScope). */
function countScopeAt(forms: readonly string[], at: number): AnalyzedQuery['countScope'] {
  let end = at;
  while (end > 0 && LINKS.has(forms[end - 1]!)) end--;
  if (end === 0 || WHOLE.has(forms[end - 1]!)) return { action: null };
  const action = actionEndingAt(forms, end);
  return action ? { action } : null;
}

/** Do the passage's forms (its terms, or folded for a question typed without marks) say the syllables of `action`? */
export function saysAction(forms: readonly string[], action: readonly string[]): boolean {
  for (let end = action.length; end <= forms.length; end++) if (endsAt(forms, end, action)) return true;
  return false;
}

/**
 * Does a counted action lead the clause of the number at token `at` ("xử lý kỷ luật 4 đảng viên",
 * "đình chỉ sinh hoạt đảng đối với 4 đảng viên")? The clause starts after the last comma, semicolon or
 * colon before the number. `terms`: the tokens' terms.
 */
export function actionInClause(sentence: string, tokens: readonly Token[], terms: readonly string[], at: number): boolean {
  let start = at;
  while (start > 0 && !clauseBreak(sentence, tokens[start - 1]!.end, tokens[start]!.start)) start--;
  for (let end = start + 1; end <= at; end++) if (actionEndingAt(terms, end)) return true;
  return false;
}

/** A comma, semicolon or colon in sentence[from, to): no slice and expression per token walked back. */
function clauseBreak(sentence: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = sentence.charCodeAt(k);
    if (c === 0x2c || c === 0x3b || c === 0x3a) return true;
  }
  return false;
}

/**
 * Where a counting question's "bao nhiêu" / "mấy" is (token index), or -1. "may" alone is ambiguous once
 * folded ("máy"): only a typed "mấy" counts.
 */
function countWordAt(tokens: readonly Token[], foldedAt: readonly boolean[]): number {
  return tokens.findIndex((t, i) => (i + 1 < tokens.length && tokens[i + 1]!.joined && `${t.folded} ${tokens[i + 1]!.folded}` === COUNT_FOLDED) || (t.term === COUNT_ONE && !foldedAt[i]));
}

const NAMED_GROUPS = ABBREVIATION_GROUPS.map((g) => g.map((f) => tokenize(f).map((t) => t.folded)));

/** The one-word abbreviations of the names the unit (starting at token `start`) starts with, folded. */
function unitAbbreviations(folded: readonly string[], start: number): string[] {
  // Every name it starts with: "tổ chức cơ sở đảng" is written "TCCSĐ" and "TCCS đảng".
  const groups = NAMED_GROUPS.filter((g) => g.some((f) => f.length > 1 && f.every((s, k) => folded[start + k] === s)));
  return groups.flatMap((g) => g.filter((f) => f.length === 1).map((f) => f[0]!));
}

/** Where the unit after the "bao nhiêu" / "mấy" at token `i` starts. */
function unitStart(tokens: readonly Token[], foldedAt: readonly boolean[], i: number): number {
  return i + (tokens[i]!.term === COUNT_ONE && !foldedAt[i] ? 1 : 2);
}

/** The counted unit of a counting question whose "bao nhiêu" / "mấy" is at token `i`: one or two syllables, as matched. */
function countUnit(tokens: readonly Token[], foldedAt: readonly boolean[], i: number): string[] | null {
  const form = (t: Token) => (foldedAt[tokens.indexOf(t)] ? t.folded : t.term);
  const stopAt = (k: number) => isStop(form(tokens[k]!), foldedAt[k]);
  if (i < 0) return null;
  const skip = unitStart(tokens, foldedAt, i) - i;
  const before = tokens[i - 1];
  if (before && ORDINALS.some((o, k) => before.term === o || (foldedAt[i - 1] && before.folded === ORDINALS_FOLDED[k]))) return null;
  const a = tokens[i + skip];
  const b = tokens[i + skip + 1];
  if (!a || !a.joined || a.isNumber || stopAt(i + skip)) return null;
  return b && b.joined && !b.isNumber && !stopAt(i + skip + 1) ? [form(a), form(b)] : [form(a)];
}

const NUMBER_WORD = new Set(NUMBER_WORDS);
const MAGNITUDE = new Set(MAGNITUDE_WORDS);
/**
 * Words (folded) that lead a count, not a year: "có sự tham dự của 2000 khách" counts guests. Only these:
 * any other word may lead a year ("năm 2000 khách du lịch", "tổng kết 2024 đảng viên …", "trong 2023
 * chi bộ …", "hết 2024 đảng viên …").
 */
const COUNT_BEFORE = new Set(['cua', 'co', 'gom', 'voi', 'khoang', 'gan', 'hon', 'tren', 'duoi', 'nap', 'them', 'len', 'tong']);

/** A number that could be a year counts what follows when a word that leads counts leads it (not "2021 đảng viên" opening a sentence). */
function countsDespiteYear(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before !== undefined && tokens[i]!.joined && !before.isNumber && COUNT_BEFORE.has(before.folded);
}

/**
 * Does the text count `unit` ("4.466 đảng viên", "6-10 đảng viên", "1,5 tỷ tấn", "sáu tứ giác", "ba mươi lăm
 * dự án")? A number (not one a year's word leads) or a number in words (all its words: text/numerals.ts),
 * any magnitude words, then the unit's syllables, matched exactly or (`folded`) by their folded forms.
 * `skip`: numbers (by token index) that do not count here.
 */
export function statesCount(tokens: readonly Token[], unit: readonly string[], skip?: (at: number) => boolean, folded = true): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.isNumber ? !looksLikeYear(t.term) || countsDespiteYear(tokens, i) : NUMBER_WORD.has(t.term)) || skip?.(i)) continue;
    let j = t.isNumber ? i + 1 : (numeralAt(tokens, i)?.end ?? i + 1);
    while (j < tokens.length && MAGNITUDE.has(tokens[j]!.term)) j++;
    let k = 0;
    while (k < unit.length && tokens[j + k]?.joined && (tokens[j + k]!.term === unit[k] || (folded && tokens[j + k]!.folded === unit[k]))) k++;
    if (unit.length > 0 && k === unit.length) return true;
  }
  return false;
}

/** Names run to four syllables ("Nguyễn Thị Kim Ngân"); a longer capitalised run is read from its start. */
const MAX_NAME_SYLLABLES = 4;
const LINK = /(?:https?:\/\/|www\.)\S+|[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}+/giu;
/**
 * What every LINK match holds: a question without any is read without the expression, whose address
 * branch retries its letter run at every letter (most of the time linkTokens took, three calls a question).
 */
const LINK_MARK = /:\/\/|www\.|@/iu;

/**
 * Per token: part of a name written as one, read as written elsewhere (a place of the gazetteer, each
 * syllable capitalised or with the place's own marks: "Bac Ninh", not the "cam pha" of "luật cấm phá
 * thai"; or a name typed without marks the reports spell one way), or capitalised after the first word.
 */
function namesAt(text: string, tokens: readonly Token[], lex: Lexicon): NameKind[] {
  const out: NameKind[] = tokens.map((t, i) => (i > 0 && isCapitalised(text, t) ? 'capitalised' : null));
  // The first word opens a capitalised run ("Cam Lộ có …"): it is the name's, not a slip to repair ("Cảm Lộ").
  if (out[1] === 'capitalised' && tokens[1]!.joined && isCapitalised(text, tokens[0]!) && !isTitleCase(tokens.map((t) => text.slice(t.start, t.end)))) out[0] = 'capitalised';
  const inLink = linkTokens(text, tokens);
  // A name of two or more capitalised syllables typed without marks is read as the reports write it;
  // the first word too when the next one is capitalised ("Hoa Da noi tieng …"). Not in a question typed
  // in title case, where every word is capitalised.
  const bare = (j: number) => isCapitalised(text, tokens[j]!) && tokens[j]!.term === tokens[j]!.folded && !tokens[j]!.isNumber && !inLink[j];
  const titleCase = isTitleCase(tokens.map((t) => text.slice(t.start, t.end)));
  for (let i = 0; i < tokens.length && !titleCase; i++) {
    let j = i;
    while (j < tokens.length && bare(j) && (j === i || tokens[j]!.joined)) j++;
    // A title before the name is capitalised too ("Ong Nguyen Thi Le", "Ba …"): the name may start one later.
    for (let from = i; from <= i + 1; from++) {
      const end = Math.min(j, from + MAX_NAME_SYLLABLES);
      const spelling = end - from >= 2 ? lex.spelling(tokens.slice(from, end).map((t) => t.folded)) : null;
      if (!spelling) continue;
      spelling.forEach((form, k) => (out[from + k] = { written: form }));
      break;
    }
    i = Math.max(i, j - 1);
  }
  const unaccented = isUnaccented(tokens);
  for (const hit of findPlaces(text, tokens, unaccented, true)) {
    if (inLink.slice(hit.first, hit.first + hit.length).some(Boolean)) continue;
    const form = placeForms(hit.place).find((f) => f.length === hit.length && f.every((t, k) => t.folded === tokens[hit.first + k]!.folded));
    if (!form) continue;
    const span = tokens.slice(hit.first, hit.first + hit.length);
    // Typed bare in a question typed with marks ("da nang có …"): the place, not the words its letters
    // make ("da nâng"), unless the reports' pairs read them as words (readAsWords).
    const bareInMarked = !unaccented && hit.length > 1 && span.every((t) => t.term === t.folded);
    // Or each syllable capitalised or typed as the place writes it, some with its marks ("lào cai"): not "là ai".
    const asWritten = span.every((t, k) => isCapitalised(text, t) || t.term === form[k]!.term) && span.some((t) => isCapitalised(text, t) || t.term !== t.folded);
    if (!bareInMarked && !asWritten) continue;
    span.forEach((_, k) => (out[hit.first + k] = { written: form[k]!.term }));
  }
  // A link or an address pasted in is read as typed ("https://hpdt.vn/…" is no "hpdt.văn").
  inLink.forEach((l, i) => l && (out[i] = { written: tokens[i]!.term }));
  return out;
}

/** Per token: part of a link or an e-mail address. */
export function linkTokens(text: string, tokens: readonly Token[]): boolean[] {
  const out = tokens.map(() => false);
  if (!LINK_MARK.test(text)) return out;
  for (const m of text.matchAll(LINK)) tokens.forEach((t, i) => t.start >= m.index && t.end <= m.index + m[0].length && (out[i] = true));
  return out;
}

/**
 * A place typed bare ("cam pha") is read as other words when the corpus's pairs read those letters,
 * with the syllables around them, better as words ("luật cấm phá thai") than as the place ("Cẩm
 * Phả"): the question is about what the reports say, not a constraint nobody asked for. A place the
 * pairs around it do not argue against stays a place ("ha noi co …", "cam pha co bao nhieu …").
 */
function readAsWords(read: ReadToken[], hit: PlaceHit, lex: Lexicon): void {
  const from = Math.max(0, hit.first - 1);
  const to = Math.min(read.length, hit.first + hit.length + 1);
  // Each syllable typed without marks may be any of its corpus variants; one typed with marks is as typed.
  const options = (k: number) => {
    const t = read[k]!.token;
    const v = t.term === t.folded ? lex.variants(t.folded) : [];
    return v.length > 0 ? v : [t.term];
  };
  const inSpan = (k: number) => k >= hit.first && k < hit.first + hit.length;
  const seqs = Array.from({ length: to - from }, (_, j) => options(from + j));
  const placeSeqs = placeForms(hit.place).filter((f) => f.length === hit.length);
  const asPlace = Math.max(...placeSeqs.map((f) => bestReading(seqs.map((o, j) => (inSpan(from + j) ? [f[from + j - hit.first]!.term] : o)), lex).score));
  // The best reading that is not the place: one of its syllables read otherwise.
  let words = { forms: [] as string[], score: -1 };
  for (let k = hit.first; k < hit.first + hit.length; k++) {
    const placeSyllables = new Set(placeSeqs.map((f) => f[k - hit.first]!.term));
    const other = bestReading(seqs.map((o, j) => (from + j === k ? o.filter((x) => !placeSyllables.has(x)) : o)), lex);
    if (other.score > words.score) words = other;
  }
  if (words.forms.length === 0) return;
  // The words must also pair with a syllable around them: letters alone ("cam pha co …") are the place.
  const crosses = (hit.first > from && lex.pairDf(words.forms[0]!, words.forms[1]!) > 0) || (to > hit.first + hit.length && lex.pairDf(words.forms[to - from - 2]!, words.forms[to - from - 1]!) > 0);
  if (words.score <= asPlace || !crosses) return;
  for (let k = hit.first; k < hit.first + hit.length; k++) {
    const r = read[k]!;
    r.form = words.forms[k - from]!;
    r.folded = false;
    r.change = r.form === r.token.term ? 'none' : 'accent';
  }
}

/** The forms, one per position, whose adjacent pairs the corpus writes most (log df summed; Viterbi); none when a position has no option. */
function bestReading(options: readonly (readonly string[])[], lex: Lexicon): { forms: string[]; score: number } {
  if (options.some((o) => o.length === 0)) return { forms: [], score: -1 };
  // score[k][i]: the best sum of a reading of positions 0..k ending in options[k][i]; back[k][i]: its predecessor.
  const score: number[][] = [options[0]!.map(() => 0)];
  const back: number[][] = [options[0]!.map(() => -1)];
  for (let k = 1; k < options.length; k++) {
    score.push([]);
    back.push([]);
    for (const o of options[k]!) {
      let best = -1;
      let from = 0;
      options[k - 1]!.forEach((p, j) => {
        const v = score[k - 1]![j]! + Math.log1p(lex.pairDf(p, o));
        if (v > best) [best, from] = [v, j];
      });
      score[k]!.push(best);
      back[k]!.push(from);
    }
  }
  const last = score[options.length - 1]!;
  let i = last.reduce((m, v, j) => (v > last[m]! ? j : m), 0);
  const forms: string[] = new Array(options.length);
  for (let k = options.length - 1; k >= 0; k--) {
    forms[k] = options[k]![i]!;
    i = back[k]![i]!;
  }
  return { forms, score: Math.max(...last) };
}

/**
 * Typed without marks, a function word's folded form may be a content word's too ("nhieu" of nhiều
 * beside nhiêu, "nay" of "hiện nay" beside này, "va" of "miếng vá" beside và, "nhi" of "bệnh nhi"):
 * alone it stays glue, but it still makes pairs with its neighbours, which only the content reading
 * makes in the index (function words make no indexed pair). A form whose every reading the corpus
 * writes is a function word makes none.
 */
function pairsAsContent(term: string, folded: boolean, lex: Lexicon | null): boolean {
  return folded && lex !== null && lex.variants(term).some((v) => !isStop(v) && lex.df(v) > 0);
}

/**
 * Is a folded pair with a function word's twin ("dang vien") a word of the corpus rather than glue
 * ("co tac dung" of "có tác dụng", whose "có" the index never pairs)? Yes when most occurrences of its
 * other syllable make this pair: "viên" mostly follows "đảng" in Party reports; "tác" seldom follows "cơ".
 */
function isWordOfTwin(term: string, lex: Lexicon): boolean {
  return remembered(twinWords, lex, term, () => wordOfTwin(term, lex));
}

function wordOfTwin(term: string, lex: Lexicon): boolean {
  const parts = term.split(PAIR_SEP);
  if (parts.length !== 2) return false;
  const [a, b] = parts as [string, string];
  const content = isStopTwin(a) ? (isStopTwin(b) ? null : b) : a;
  if (content === null) return false;
  const contentDf = lex.variants(content).reduce((n, v) => n + lex.df(v), 0);
  let pairDf = 0;
  for (const x of lex.variants(a)) for (const y of lex.variants(b)) pairDf += lex.pairDf(x, y);
  return contentDf > 0 && pairDf >= WORD_OF_TWIN_SHARE * contentDf;
}

/**
 * Question phrases typed without marks ("vi sao", "khi nao"): glue, as their marked forms are, though
 * each syllable alone may be a word ("sao" a star, "khi" a gas). Not "o dau", also "ở đầu nhiệm kỳ".
 */
const GLUE_PHRASES = QUESTION_PHRASES.filter((p) => p !== 'ở đâu').map((p) => tokenize(p).map((t) => t.folded));

/** GLUE_PHRASES by first syllable: a token is tried against the few that start with it. */
const GLUE_BY_HEAD = new Map<string, string[][]>();
for (const p of GLUE_PHRASES) GLUE_BY_HEAD.set(p[0]!, [...(GLUE_BY_HEAD.get(p[0]!) ?? []), p]);
const NO_PHRASES: readonly string[][] = [];

function questionPhrasesAt(tokens: readonly Token[]): boolean[] {
  const out = tokens.map(() => false);
  for (let i = 0; i < tokens.length; i++) {
    for (const p of GLUE_BY_HEAD.get(tokens[i]!.folded) ?? NO_PHRASES) {
      // On the letters as typed: the reading may have restored one of them ("bao gio" -> "bao giờ").
      if (!p.every((s, k) => tokens[i + k]?.folded === s && (k === 0 || tokens[i + k]!.joined))) continue;
      out.fill(true, i, i + p.length);
    }
  }
  return out;
}

/**
 * The question's focus: the word right before "gì" / "nào" ("lợi ích gì", "điều gì", "loại nào"), or
 * what a question ending "… là gì?" opens with, names the kind of answer, which the answering sentence
 * states rather than names ("giúp giảm cân", not "lợi ích là giảm cân"): the word weighs this share …
 */
const FOCUS_SHARE = 0.5;
/** … and a question's opening words before "là gì" this share: reports often name them in the answer too ("chủ đề năm …"). */
const HEAD_SHARE = 0.75;
const FOCUS_MARKERS = ['gì', 'nào'];
const FOCUS_MARKERS_FOLDED = FOCUS_MARKERS.map((w) => fold(w));
/** A question ending so asks what its first words name ("Nguyên nhân … là gì?"). */
const DEFINED = ['la', 'gi'];
const REPORTED = REPORTING_VERBS.map((v) => tokenize(v).map((t) => t.folded));
const FRAMED = [...DATE_WORDS, ...PLACE_WORDS].map((w) => fold(w).split(' ')).filter((w) => w.length >= 2);

function focusTerms(tokens: readonly Token[], foldedAt: readonly boolean[]): Map<string, number> {
  const out = new Map<string, number>();
  const mark = (term: string, share: number) => out.set(term, Math.min(share, out.get(term) ?? 1));
  const folded = tokens.map((t) => t.folded);
  const form = (i: number) => (foldedAt[i] ? tokens[i]!.folded : tokens[i]!.term);
  const content = (i: number) => !isStop(form(i), foldedAt[i]);
  // A pair as the question's terms write it: folded when either syllable is.
  const pairOf = (a: number, b: number) => (foldedAt[a] || foldedAt[b] ? foldSyllable(form(a)) + PAIR_SEP + foldSyllable(form(b)) : form(a) + PAIR_SEP + form(b));
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.joined || !(foldedAt[i] ? FOCUS_MARKERS_FOLDED.includes(t.folded) : FOCUS_MARKERS.includes(t.term)) || !content(i - 1)) continue;
    // "ngày nào", "nơi nào": the answer states the date or the place with its word ("ngày 15/10").
    if (FRAMED.some((f) => endsAt(folded, i + 1, f))) continue;
    // "yêu cầu gì": a report's verb, which the answering sentence says ("… yêu cầu các cấp ủy …").
    if (REPORTED.some((v) => endsAt(folded, i, v))) continue;
    mark(form(i - 1), FOCUS_SHARE);
    if (i >= 2 && tokens[i - 1]!.joined && content(i - 2)) mark(pairOf(i - 2, i - 1), FOCUS_SHARE);
  }
  // "Lợi ích khi tập … là gì?": the question's first word, with the next when it makes a word, is
  // what is asked for (unless that is the whole question: "Cấy tóc là gì?").
  const n = tokens.length;
  if (n > DEFINED.length + 2 && tokens[n - 1]!.joined && DEFINED.every((s, k) => tokens[n - DEFINED.length + k]!.folded === s) && content(0)) {
    mark(form(0), HEAD_SHARE);
    if (tokens[1]!.joined && content(1)) {
      mark(form(1), HEAD_SHARE);
      mark(pairOf(0, 1), HEAD_SHARE);
    }
  }
  return out;
}

/** After a name, what its bearer did ("nguyễn đức hùng phát biểu gì"): no syllable of the name. */
const AFTER_NAME = [...REPORTING_VERBS, 'chủ trì', 'tham dự', 'dự', 'làm', 'giữ', 'được', 'là', 'có'].map((v) => tokenize(v).map((t) => t.term));
const AFTER_NAME_FOLDED = AFTER_NAME.map((v) => v.map((w) => fold(w)));
/** … and what asks for the words or the office of the person named just before ("… nói gì", "… là ai"). */
const SAID_BY = [...REPORTING_VERBS.map((v) => tokenize(v).map((t) => t.folded)), ['la', 'ai']];

/**
 * A person's name typed in lower case: a common family name and the next one or two syllables, when the
 * reports write that family name and the next syllable capitalised as a name ("nguyễn đức" of Nguyễn
 * Đức Trung), or when what follows asks what that person said or is ("nguyen van nen noi gi", "… là
 * ai") and the reports write the first two syllables as no words ("nguyen nhan" is "nguyên nhân",
 * "dang uy" is "Đảng ủy"). "trần nhà", "lý do" are not names: the reports never capitalise them.
 * Typed without marks, letters are compared folded, and only the second way holds.
 */
function lowerCaseNames(text: string, tokens: readonly Token[], lex: Lexicon, unaccented: boolean): boolean[] {
  const out = tokens.map(() => false);
  const form = (k: number) => (unaccented ? tokens[k]!.folded : tokens[k]!.term);
  const after = unaccented ? AFTER_NAME_FOLDED : AFTER_NAME;
  const verbAt = (k: number) => after.some((v) => v.every((w, m) => tokens[k + m] !== undefined && form(k + m) === w));
  const saidAt = (k: number) => SAID_BY.some((v) => v.every((w, m) => tokens[k + m]?.folded === w && (m === 0 || tokens[k + m]!.joined)));
  // A given name may be a function word's syllable ("Nguyễn Văn Nên", "van" of vẫn): what follows the name tells.
  const plain = (k: number) => k < tokens.length && !isCapitalised(text, tokens[k]!) && !tokens[k]!.isNumber && tokens[k]!.joined;
  const lower = (i: number) => plain(i) && !isStop(form(i), unaccented);
  // The corpus writes these two syllables as words, in some accent ("nguyên nhân").
  const words = (i: number) => i + 1 < tokens.length && lex.variants(tokens[i]!.folded).some((a) => lex.variants(tokens[i + 1]!.folded).some((b) => lex.pairDf(a, b) > 0));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const family = unaccented ? isFamilyNameFolded(tokens[i]!.folded) : isFamilyName(tokens[i]!.term, true);
    if (!family || isCapitalised(text, tokens[i]!) || !plain(i + 1)) continue;
    const n = plain(i + 2) && saidAt(i + 3) ? 3 : saidAt(i + 2) ? 2 : lower(i + 2) && !verbAt(i + 2) ? 3 : 2;
    // Typed without marks, letters fold to many words ("vu duoc danh gia" is "vú được đánh giá"): only a
    // whole name of three syllables before what it asks of the person is read as one.
    const written = !unaccented && lower(i + 1) && lex.spelling([tokens[i]!.folded, tokens[i + 1]!.folded]) !== null;
    // Nor are letters that make the reports' words with the syllable after them ("do tro thanh" of "trở
    // thành", "ket noi" of "kết nối"): a name's syllables make no words together or with the verb.
    const unbroken = !unaccented || (!words(i + 1) && !words(i + n - 1));
    if (!written && !(saidAt(i + n) && !words(i) && (!unaccented || n === 3) && unbroken)) continue;
    out.fill(true, i, i + n);
    i += n - 1;
  }
  return out;
}

/**
 * A one-syllable place typed in lower case ("vinh có bao nhiêu …", "đảng bộ hue có …"), or as the
 * question's first word, where its capital says nothing ("Vinh có …"), before a function word, before a
 * word the corpus writes whole ("Vinh kết nạp …") or at the end: the place, unless it is part of a name
 * or the corpus writes its letters as a word with the syllable before or after it.
 * A capital inside the question already makes it the place (findPlaces).
 */
function lonePlaces(text: string, tokens: readonly Token[], lex: Lexicon, lowerName: readonly boolean[]): boolean[] {
  const pairs = (a: Token, b: Token) => !isStopTwin(a.folded) && !isStopTwin(b.folded) && lex.variants(a.folded).some((x) => lex.variants(b.folded).some((y) => lex.pairDf(x, y) > 0));
  return tokens.map((t, i) => {
    const place = onePlaceSpelling(t.folded);
    if (place === null || lowerName[i] || (i > 0 && isCapitalised(text, t))) return false;
    // Spelt as the place ("huế"), or bare where the corpus writes no bare word so: "lao" (tuberculosis) is no "Lào".
    if (t.term !== place && (t.term !== t.folded || lex.df(t.term) > 0)) return false;
    const next = tokens[i + 1];
    // "Vinh Phúc …", "Hue Nguyen": a longer name, which findPlaces or the names read.
    if (next?.joined && isCapitalised(text, next)) return false;
    // A subject ends where a function word follows, where a word the corpus writes whole starts ("Vinh
    // kết nạp …") or where the question ends ("vinh có …", "… bí thư vinh"). A lone content word after
    // it may make a word with it that the corpus lacks ("Vinh danh …"), and one the corpus pairs it with does.
    const after = tokens[i + 2];
    if (next?.joined && !isStopTwin(next.folded) && (pairs(t, next) || !(after?.joined && pairs(next, after)))) return false;
    return !(i > 0 && t.joined && pairs(tokens[i - 1]!, t));
  });
}

/** Shortest foreign word read as a name: shorter ones are mostly units and codes ("kg", "mg"). */
const MIN_FOREIGN_NAME = 3;

/**
 * A word no Vietnamese syllable is shaped like, with or without marks ("Sakthivel", not "Dieu" of
 * "điều"), that the reports write: a name, even as the question's first word. One they never write may
 * be another spelling of one they do ("Superbowl", "Ghandi"): a keyword, as before. English glue is none.
 */
function isForeignName(t: Token, lex: Lexicon): boolean {
  if (t.isNumber || t.term.length < MIN_FOREIGN_NAME || !/^\p{L}+$/u.test(t.term) || isStop(t.term) || isOfficeWord(t.term)) return false;
  // A word's folded form is its term's (tokenize), so the term decides.
  return remembered(foreignWords, lex, t.term, () => lex.df(t.term) > 0 && !isWellFormedSyllable(t.term) && !lex.variants(t.folded).some((v) => isWellFormedSyllable(v)));
}

/**
 * Answers about a word or a pair that depend on the lexicon only, remembered per lexicon between
 * questions (the same words come back question after question); forgotten all at once past this many.
 */
const WORD_MEMO_MAX = 10_000;
const twinWords = new WeakMap<Lexicon, Map<string, boolean>>();
const foreignWords = new WeakMap<Lexicon, Map<string, boolean>>();

function remembered(memos: WeakMap<Lexicon, Map<string, boolean>>, lex: Lexicon, key: string, answer: () => boolean): boolean {
  let memo = memos.get(lex);
  if (!memo) memos.set(lex, (memo = new Map()));
  let v = memo.get(key);
  if (v === undefined) {
    v = answer();
    if (memo.size >= WORD_MEMO_MAX) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/**
 * The tokens of `text` typed as a place's initials would be, where a place stands (see placeInitials),
 * no accent of which the corpus writes: in capitals, or in lower case when they are some place's initials
 * ("hn có bao nhiêu chi bộ"; chat shorthand such as "bn" was read before). Initials elsewhere ("cho MTTQ",
 * "KT-XH", "vi khuẩn HP") may stand for words the reports write in full.
 */
function acronymsUnknown(text: string, tokens: readonly Token[], lex: Lexicon): number[] {
  const inLink = linkTokens(text, tokens);
  const typed = (t: Token) => /^\p{Lu}+$/u.test(text.slice(t.start, t.end)) || arePlaceInitials(t.folded);
  return tokens.flatMap((t, i) => (!inLink[i] && placeInitials(text, tokens, i) && typed(t) && lex.variants(t.folded).length === 0 ? [i] : []));
}

/** The question as the search reads it; without a lexicon (no index at hand) nothing is repaired. */
export function analyzeQuery(question: string, lex: Lexicon | null = null): AnalyzedQuery {
  const plain = stripChat(stripMarkup(question)) || question;
  // Asked in English: read in the reports' words, which the reading below then repairs like any question.
  const core = readEnglish(plain) ?? plain;
  let text = core;
  let foldedAt: boolean[];
  let markedAt: boolean[];
  // Each text tokenised once: the same text read again (no abbreviation rewritten, no syllable changed) keeps its tokens.
  const coreTokens = tokenize(core);
  let tokens: Token[] | null = null;
  const typedUnaccented = isUnaccented(coreTokens);
  if (lex) {
    text = rewriteAbbreviations(text, lex);
    const typed = text === core ? coreTokens : tokenize(text);
    const read = readTokens(typed, lex, isUnaccented(typed), namesAt(text, typed, lex));
    for (const hit of findPlaces(text, typed, true)) if (hit.bare) readAsWords(read, hit, lex);
    // The reading as text: each token replaced by the corpus syllable chosen (its case kept).
    let out = '';
    let at = 0;
    read.forEach((r) => {
      const form = r.folded ? r.token.folded : r.form;
      const raw = text.slice(r.token.start, r.token.end);
      const same = form === r.token.term || (r.folded && form === r.token.folded);
      out += text.slice(at, r.token.start) + (same ? raw : raw[0] !== raw[0]!.toLowerCase() ? form.charAt(0).toUpperCase() + form.slice(1) : form);
      at = r.token.end;
    });
    const readText = out + text.slice(at);
    if (readText === text) tokens = typed;
    text = readText;
    foldedAt = read.map((r) => r.folded);
    markedAt = read.map((r) => r.token.term !== r.token.folded);
  } else {
    tokens = coreTokens;
    foldedAt = tokens.map(() => typedUnaccented);
    markedAt = tokens.map((t) => t.term !== t.folded);
  }
  tokens ??= tokenize(text);
  if (foldedAt.length !== tokens.length) foldedAt = tokens.map((_, i) => foldedAt[i] ?? false);
  if (markedAt.length !== tokens.length) markedAt = tokens.map((_, i) => markedAt[i] ?? false);
  const unaccented = foldedAt.some(Boolean);

  const counts = new Map<string, { n: number; folded: boolean }>();
  const add = (term: string, folded: boolean) => {
    const c = counts.get(term);
    if (c) c.n++;
    else counts.set(term, { n: 1, folded });
  };
  const syllables: string[] = [];
  const glue = typedUnaccented ? questionPhrasesAt(tokens) : [];
  tokens.forEach((t, i) => {
    const folded = foldedAt[i]!;
    const term = folded ? t.folded : t.term;
    const stop = isStop(term, folded) || glue[i] === true;
    if (!stop) {
      add(term, folded);
      if (!syllables.includes(term)) syllables.push(term);
    }
    const prev = tokens[i - 1];
    if (prev && t.joined && glue[i] !== true && (!stop || pairsAsContent(term, folded, lex))) {
      const pf = foldedAt[i - 1]!;
      const prevTerm = pf ? prev.folded : prev.term;
      const prevStop = isStop(prevTerm, pf);
      if (glue[i - 1] !== true && (!prevStop || pairsAsContent(prevTerm, pf, lex)) && !(prevStop && stop)) {
        const anyFolded = pf || folded;
        add(anyFolded ? foldSyllable(prevTerm) + PAIR_SEP + foldSyllable(term) : prevTerm + PAIR_SEP + term, anyFolded);
      }
    }
  });
  const focus = focusTerms(tokens, foldedAt);
  const twinShare = (term: string, folded: boolean) => (typedUnaccented && folded && term.split(PAIR_SEP).some((part) => isStopTwin(part)) && !(lex && isWordOfTwin(term, lex)) ? STOP_TWIN_SHARE : 1);
  const focusShare = (term: string) => focus.get(term) ?? 1;
  const terms: QueryTerm[] = [...counts].map(([term, c]) => ({ term, folded: c.folded, weight: c.n * twinShare(term, c.folded) * focusShare(term) }));
  const countAt = countWordAt(tokens, foldedAt);
  const unit = countUnit(tokens, foldedAt, countAt);
  const start = unit ? unitStart(tokens, foldedAt, countAt) : 0;
  const countUnitShort = unit ? unitAbbreviations(tokens.map((t) => t.folded), start) : [];
  const countUnitFolded = typedUnaccented && unit !== null && unit.some((_, k) => foldedAt[start + k]);
  const countScope = unit ? countScopeAt(tokens.map((t, i) => (foldedAt[i] ? t.folded : t.term)), countAt) : null;
  const lowerName = lex ? lowerCaseNames(text, tokens, lex, typedUnaccented) : tokens.map(() => false);
  const unknownAcronyms = lex ? acronymsUnknown(text, tokens, lex) : [];
  const lonePlace = lex ? lonePlaces(text, tokens, lex, lowerName) : tokens.map(() => false);
  // Typed in lower case ("cho em hỏi sakthivel …"), still a name when the reports write it capitalised.
  const foreignName = tokens.map((t) => lex !== null && isForeignName(t, lex) && (isCapitalised(text, t) || lex.spelling([t.folded]) !== null));
  return { text, tokens, unaccented, lowerName, foreignName, unknownAcronyms, foldedAt, markedAt, lonePlace, typedUnaccented, terms, syllables, countUnit: unit, countUnitFolded, countUnitShort, countScope, answerType: answerTypeOf(tokens, unit !== null, typedUnaccented) };
}

/**
 * The question's terms a passage holds, in the forms they are matched in (exact, and folded when some
 * are): the same as intersecting the passage's index terms with the question's, without building every
 * pair of the passage (this runs for each sentence of each candidate).
 */
export function passageTermSet(tokens: readonly Token[], q: AnalyzedQuery): Set<string> {
  const wanted = queryForms(q);
  const out = new Set<string>();
  // Both forms of a marked syllable when the question is unaccented; no array per token (every candidate's tokens pass here).
  const both = q.unaccented;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const f = wanted.get(t.term) ?? 0;
    const g = both && t.folded !== t.term ? (wanted.get(t.folded) ?? 0) : 0;
    if ((f & IS_TERM) !== 0) out.add(t.term);
    if ((g & IS_TERM) !== 0) out.add(t.folded);
    if (((f | g) & IS_HEAD) === 0) continue;
    const next = tokens[i + 1];
    if (!next || !next.joined) continue;
    if ((f & IS_HEAD) !== 0) addPairs(out, wanted, t.term, next, both);
    if ((g & IS_HEAD) !== 0) addPairs(out, wanted, t.folded, next, both);
  }
  return out;
}

/** The question's pairs that `head` (which starts one) makes with the next token's forms. */
function addPairs(out: Set<string>, wanted: ReadonlyMap<string, number>, head: string, next: Token, both: boolean): void {
  const pair = head + PAIR_SEP + next.term;
  if (((wanted.get(pair) ?? 0) & IS_TERM) !== 0) out.add(pair);
  if (!both || next.folded === next.term) return;
  const folded = head + PAIR_SEP + next.folded;
  if (((wanted.get(folded) ?? 0) & IS_TERM) !== 0) out.add(folded);
}

/**
 * What a form is to the question: IS_TERM one of its terms, IS_HEAD the first syllable of one of its
 * pairs. One look-up per form of a passage's token instead of one per set (most of them are neither).
 */
const IS_TERM = 1;
const IS_HEAD = 2;
const queryFormSets = new WeakMap<AnalyzedQuery, Map<string, number>>();

function queryForms(q: AnalyzedQuery): Map<string, number> {
  let s = queryFormSets.get(q);
  if (!s) {
    s = new Map();
    for (const { term } of q.terms) s.set(term, (s.get(term) ?? 0) | IS_TERM);
    for (const { term } of q.terms) {
      if (!term.includes(PAIR_SEP)) continue;
      const head = term.split(PAIR_SEP)[0]!;
      s.set(head, (s.get(head) ?? 0) | IS_HEAD);
    }
    queryFormSets.set(q, s);
  }
  return s;
}

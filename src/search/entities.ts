/**
 * Names, places and years in a question are constraints, not keywords: a passage answers only when its
 * article states each of them as a whole name. "Hà Nội" is not matched by "Đông Hà", nor "Quảng Nam"
 * by "Quảng Trị" plus "Việt Nam". Places come from the gazetteer (src/text/places.ts); other names are
 * read from the question's capitalised words and "đồng chí / ông / bà X"; years are 4-digit numbers.
 */
import type { LoadedIndex } from '../index/load.js';
import { indexOfSorted } from '../index/keyword-index.js';
import { intersectSorted, unionSorted } from '../index/sorted.js';
import { ByteLru } from '../index/lru.js';
import { PAIR_SEP } from '../index/terms.js';
import { parseByline } from '../corpus/metadata.js';
import { fold } from '../text/normalise.js';
import { findPlaces, inPersonName, isCapitalised, placeForms } from '../text/gazetteer.js';
import { PLACES } from '../text/places.js';
import { DOCUMENT_NAMES, PARTY_BLOCS } from '../text/words.js';
import { PERSON_MARKERS, isFamilyName, isFamilyNameFolded, isOfficeWord, isTitleCase } from '../text/names.js';
import { splitSentences } from '../text/sentences.js';
import { isStop, isStopTwin, tokenize, type Token } from '../text/tokens.js';
import { isWellFormedSyllable } from '../text/syllable.js';
import { linkTokens, type AnalyzedQuery } from './analyse.js';
import { lexiconOf } from './lexicon.js';
import { keptSentenceTokens } from './sentence-tokens.js';

/** A foreign word alone names a subject when at most this share of the reports (or one) states it. */
const SOFT_NAME_SHARE = 0.02;
/** Years a report can be about. */
const MIN_YEAR = 1930;
const MAX_YEAR = 2100;
/** A Vietnamese name is three syllables in most reports ("Đặng Xuân Phong"); past that a Title Case question goes on with its verb. */
const TITLE_CASE_NAME_SYLLABLES = 3;
/**
 * Paragraphs that must state a constraint for the whole report to count as being about it. A place
 * or a year named once in passing ("Nghị quyết 54 năm 2019") does not make another report's figures
 * its own; a person's name, once, does tie the article to that person (XQuAD: requiring two cost
 * 0.7 points of hit@5).
 */
const ARTICLE_MENTIONS: Record<Constraint['kind'], number> = { place: 2, year: Infinity, name: 1, body: 1 };
/**
 * Memory for what the index says of the constraints asked lately (where each is stated, and the texts
 * read to tell): the same places and years come back question after question, and finding one a
 * report states can mean reading many passages.
 */
const CHECKERS_BYTES = 16 << 20;
/** Bytes a checker may come to hold per article it knows of (a set or memo entry), for the budget above. */
const BYTES_PER_MAYBE_CHUNK = 64;
/** Names whose signed articles are kept per index (a scan of every byline is some ms at 50,000 articles). */
const SIGNED_MEMO = 1000;

export interface Constraint {
  /** 'body': a Party bloc (PARTY_BLOCS), stated whole like a place. */
  kind: 'place' | 'name' | 'year' | 'body';
  /**
   * A foreign word alone ("Sakthivel", "Nobel"): no refusal without it, since such a word is as often a
   * concept of the answer's article as its subject ("giải Nobel"), but the passages whose article states
   * the most of these answer before the others (see ConstraintCheck.named).
   */
  soft?: true;
  /** As shown to the user ("Quảng Nam", "2019"). */
  label: string;
  /** Alternative spellings; each is the list of index terms that must all occur in the article. */
  forms: Array<Array<{ term: string; folded: boolean }>>;
  /**
   * Per form: its whole syllables, when its terms leave some out (a function word inside a name: the
   * "Anh" of "Đông Anh" makes no index term), so the text itself must be read to tell it from "Đông Hà".
   */
  phrases?: Array<Phrase | null>;
}

export interface Phrase {
  syllables: string[];
  folded: boolean;
  /** A one-syllable place ("Vinh", "Mỹ"): stated only with its capital, not by "vinh dự", "mỹ phẩm". */
  capital?: true;
}

/** A place's one-syllable form as a phrase that must be written with its capital (see Phrase.capital). */
function capitalPhrase(form: readonly Token[]): Phrase | null {
  return form.length === 1 ? { syllables: [form[0]!.term], folded: false, capital: true } : null;
}

/** Does `text` write the syllable `s` with its capital, as a whole word ("Vinh", "VINH")? */
function capitalised(s: string): (text: string) => boolean {
  const word = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${s.charAt(0).toUpperCase()}${s.slice(1)}|${s.toUpperCase()})(?![\\p{L}\\p{M}\\p{N}])`, 'u');
  return (text) => word.test(text.normalize('NFC'));
}

/** The phrase a form's terms do not pin down whole, or null when they do. */
function phraseOf(tokens: readonly Token[], folded: boolean): Phrase | null {
  const stop = (t: Token) => (folded ? isStopTwin(t.folded) : isStop(t.term));
  return tokens.length > 1 && tokens.some(stop) ? { syllables: tokens.map((t) => (folded ? t.folded : t.term)), folded } : null;
}

/**
 * Before a year, what makes it a document's date rather than the time the passage speaks of: "Nghị quyết
 * 54 năm 2019", "Quyết định số 123/QĐ-UBND ngày 5/3/2019", "54/2019".
 */
const DOCUMENT_DATE = new RegExp(
  `(?:(?:${[...DOCUMENT_NAMES, 'kế hoạch', 'hướng dẫn'].join('|')})\\s+(?:số\\s+)?[\\p{L}\\p{N}\\-/.]*\\p{N}[\\p{L}\\p{N}\\-/.]*\\s+(?:năm|ngày\\s+[\\p{N}/\\-.]+(?:\\s+tháng\\s+\\p{N}+)?(?:\\s+năm)?)?\\s*|\\p{N}\\/)$`,
  'iu',
);
/** How far back the document's name may start. */
const DOCUMENT_DATE_REACH = 60;

/** The year standing alone as a number, for yearStated (made once per constraint: matchAll copies it). */
function yearPattern(year: string): RegExp {
  return new RegExp(`(?<!\\p{N})${year}(?!\\p{N})`, 'gu');
}

/**
 * "… tăng 12% so với năm 2023", "so với cùng kỳ năm 2023": the year a figure is measured against, not the
 * year of the figure ("Năm 2024, Đảng bộ kết nạp 215 đảng viên, tăng 12% so với năm 2023" answered
 * "kết nạp bao nhiêu đảng viên năm 2023?" with 215).
 */
const COMPARISON_BASE = /(?:so với|so voi|so cùng kỳ|so cung ky)(?:\s+(?:cùng kỳ|cung ky))?(?:\s+(?:năm|nam))?\s*$/iu;
/** How far back "so với …" may start. */
const COMPARISON_BASE_REACH = 25;

/** Does `text` name the year (yearPattern) other than as a document's date or a comparison's base? */
function yearStated(text: string, year: RegExp): boolean {
  for (const m of text.matchAll(year)) {
    if (DOCUMENT_DATE.test(text.slice(Math.max(0, m.index - DOCUMENT_DATE_REACH), m.index))) continue;
    if (!COMPARISON_BASE.test(text.slice(Math.max(0, m.index - COMPARISON_BASE_REACH), m.index))) return true;
  }
  return false;
}

/**
 * Words a text must hold, each standing alone, to hold the phrase: its syllables of plain letters a-z
 * ("anh" of "Đông Anh", which the index does not hold), in any case. A token's term is its spelling in
 * NFC lower case, so a term of plain letters is spelt with those letters in some case (or the Kelvin
 * sign, which folds to k), with no letter, mark or digit beside it: a sentence without such a word has no
 * such token, and need not be tokenised. None for a phrase matched folded (its syllables may be spelt
 * with marks).
 */
export function plainWords(p: Phrase): RegExp[] {
  if (p.folded) return [];
  return [...new Set(p.syllables.filter((w) => /^[a-z]+$/u.test(w)))].map((w) => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${w}(?![\\p{L}\\p{M}\\p{N}])`, 'iu'));
}

/**
 * Does `text` hold the phrase as whole syllables in a row? A phrase never spans two sentences (one
 * sentence's last token and the next one's first are never joined), so it is looked for sentence by
 * sentence: in the tokens coverage kept for a candidate passage, else in the sentences holding the
 * phrase's plain words (`words`, see plainWords), tokenised here and not kept (a constraint may scan
 * thousands of passages no question will read).
 */
function holds(text: string, p: Phrase, words: readonly RegExp[]): boolean {
  const kept = keptSentenceTokens(text);
  if (kept) return kept.some(({ tokens }) => holdsIn(tokens, p));
  if (words.length === 0) return holdsIn(tokenize(text), p);
  if (!words.every((w) => w.test(text))) return false;
  return splitSentences(text).some(({ start, end }) => {
    const sentence = text.slice(start, end);
    return words.every((w) => w.test(sentence)) && holdsIn(tokenize(sentence), p);
  });
}

/** Does `text` write the syllable (a term: any tone placement, "Hoá" or "Hóa"; or folded) with its capital? */
function writesCapitalised(text: string, syllable: string, folded: boolean): boolean {
  const is = (t: Token) => (folded ? t.folded : t.term) === syllable;
  // A sentence's first word is capitalised whatever it is ("Kim ngạch xuất khẩu …"): a name there only
  // with another capitalised word after it ("Kim Thị Hoa").
  const named = (sentence: string, tokens: readonly Token[], k: number) => {
    const t = tokens[k]!;
    if (!is(t) || !isCapitalised(sentence, t)) return false;
    if (/[\p{L}\p{N}]/u.test(sentence.slice(0, t.start).replace(/[.!?…]\s*$/u, '')) && !/[.!?…:]\s*["“]?$/u.test(sentence.slice(0, t.start))) return true;
    const next = tokens[k + 1];
    return next !== undefined && next.joined && isCapitalised(sentence, next);
  };
  const kept = keptSentenceTokens(text);
  if (kept) return kept.some((s) => s.tokens.some((_, k) => named(s.sentence, s.tokens, k)));
  const tokens = tokenize(text);
  return tokens.some((_, k) => named(text, tokens, k));
}

function holdsIn(tokens: readonly Token[], p: Phrase): boolean {
  for (let i = 0; i + p.syllables.length <= tokens.length; i++) {
    if (p.syllables.every((s, k) => (p.folded ? tokens[i + k]!.folded : tokens[i + k]!.term) === s && (k === 0 || tokens[i + k]!.joined))) return true;
  }
  return false;
}

const PERSON = PERSON_MARKERS.map((m) => tokenize(m).map((t) => t.term));
const BLOCS = PARTY_BLOCS.map((forms) => forms.map((f) => tokenize(f.toLowerCase())));
const COMMITTEES = new Map([
  ['dang bo', 'Đảng bộ'],
  ['dang uy', 'Đảng ủy'],
]);

/** Index terms that pin a name down: its adjacent pairs (whole-word order), or its one syllable. */
function termsOf(tokens: readonly Token[], folded: boolean): Array<{ term: string; folded: boolean }> {
  const form = (t: Token) => (folded ? t.folded : t.term);
  // The index makes no pair with a stop word; folded, any syllable that may be one is left out too.
  const stop = (t: Token) => (folded ? isStopTwin(t.folded) : isStop(t.term));
  const pairs: Array<{ term: string; folded: boolean }> = [];
  for (let i = 1; i < tokens.length; i++) {
    // No pair across a dash ("Bà Rịa - Vũng Tàu"): the index makes none there.
    if (!stop(tokens[i - 1]!) && !stop(tokens[i]!) && tokens[i]!.joined) pairs.push({ term: form(tokens[i - 1]!) + PAIR_SEP + form(tokens[i]!), folded });
  }
  if (pairs.length > 0) return pairs;
  return tokens.filter((t) => !stop(t)).map((t) => ({ term: form(t), folded }));
}

/**
 * Words after which capitals name a place, whatever words they are made of: a district the gazetteer lacks
 * may be spelt with office words ("ở Đồng Văn": "đồng" of hội đồng, "văn" of văn phòng), and was read as an
 * office, so another district's report answered for it.
 */
const PLACE_BEFORE = new Set(['ở', 'tại', 'huyện', 'quận', 'xã', 'phường', 'tỉnh', 'trấn', 'phố']);
/**
 * First words of a body's name ("Sở Văn hóa", "Bộ Giáo dục", "Ban Dân vận", "Hội Cựu chiến binh"): a
 * question opening with one names an office, whose capitalised second word is no place ("Sở Văn"). Also
 * a kind before a name ("Người La Mã", "Nhà Trần", "Tiếng Anh"): the name is what follows it.
 */
const BODY_HEADS = new Set(['sở', 'bộ', 'ban', 'cục', 'vụ', 'viện', 'hội', 'đoàn', 'ủy', 'uỷ', 'tòa', 'toà', 'phòng', 'trường', 'ngành', 'chi', 'đảng', 'báo', 'đài', 'tổng', 'liên', 'mặt', 'học', 'bệnh', 'quân', 'công', 'trung', 'thành', 'nhà', 'người', 'tiếng']);
/**
 * First words of a time said at the question's start ("Hôm Qua ai chủ trì …?", "Chiều Qua …", "Tuần Trước
 * …"): typed capitalised, such a run is no name, and no report writes it ("Chiều 14/1"): read as one, it
 * refused a question the reports answer.
 */
const TIME_HEADS = new Set(['hôm', 'chiều', 'sáng', 'tối', 'trưa', 'đêm', 'vừa', 'tuần', 'tháng', 'ngày', 'gần', 'sắp', 'cuối', 'đầu', 'hiện', 'sau', 'trước', 'khi', 'lúc', 'dịp']);
/** An office word: compared with its marks when typed with them, so "Trần Văn Bình" is no "trận", "văn", "binh"; folded for syllables typed without marks ("ban thuong vu"). */
const isInstitution = (t: Token) => (t.term === t.folded ? isOfficeWord(t.folded, true) : isOfficeWord(t.term));

/** "UBND", "TPHCM": an abbreviation, not part of a name. */
function isAcronym(text: string, t: Token): boolean {
  const raw = text.slice(t.start, t.end);
  return raw.length >= 2 && raw === raw.toUpperCase();
}

/**
 * Words after which one capitalised syllable is a person's given name ("ông Kim", "chị Li", "bác sĩ
 * Quyền"). Elsewhere a lone capital is as often a word of a title or a proper noun ("Hợp hiến", "Trái
 * đất", "Kỷ băng hà" in XQuAD's questions: 8 of its right answers were lost without this condition).
 */
const GIVEN_NAME_AFTER = [...PERSON_MARKERS, 'cụ', 'bé', 'cháu', 'bác sĩ'].map((m) => tokenize(m));

/**
 * Token i (capitalised, and no longer name's) is a given name standing alone: right after a person word
 * (GIVEN_NAME_AFTER), no office word ("Bộ", "Sở"), stop word, number nor abbreviation, its marks not
 * restored (a guess), more than an initial, and a Vietnamese syllable: a foreign word is a soft name
 * (see Constraint.soft), and one the reports never write is as often a slip of one they do ("Monsato").
 */
function givenName(q: AnalyzedQuery, i: number): boolean {
  const t = q.tokens[i]!;
  if (!t.joined || t.end - t.start < 2) return false;
  // Typed with marks, a person word is compared as typed ("bà", not the "ba" of three); without, folded.
  const is = (k: number, w: Token) => k >= 0 && (q.typedUnaccented ? q.tokens[k]!.folded === w.folded : q.tokens[k]!.term === w.term);
  if (!GIVEN_NAME_AFTER.some((m) => m.every((w, k) => is(i - m.length + k, w)))) return false;
  return !q.foldedAt[i] && !q.lowerName[i] && !t.isNumber && isWellFormedSyllable(t.term) && !isStop(t.term) && !isInstitution(t) && !isAcronym(q.text, t);
}

/**
 * The question opens with a name of two or more capitalised syllables ("Đồng Văn kết nạp bao nhiêu đảng
 * viên?", "Yên Minh có …", and the English reading "Đồng Văn kết nạp 2024 …"): its first word is capitalised
 * as the sentence's, yet it is the name's too. Read so when each syllable is a Vietnamese one (not "Người
 * Norman", "Vườn Saxon": a common word before a foreign name), the first no function word, and the word
 * after the run a plain lower-case one: an office goes on in lower case ("Ban Thường vụ", "Sở Y tế").
 * Only where the run without its first word names nothing (one syllable, or office words): without this
 * it was read as no place, and another district's report answered for it.
 * `cap(k)`: token k is capitalised. Returns the run's last token, or -1.
 */
function openingName(q: AnalyzedQuery, cap: (k: number) => boolean): number {
  const { tokens } = q;
  let j = 0;
  while (j + 1 < tokens.length && tokens[j + 1]!.joined && cap(j + 1) && !tokens[j + 1]!.isNumber && !isAcronym(q.text, tokens[j + 1]!)) j++;
  if (j < 1 || j + 1 >= tokens.length) return -1;
  const run = tokens.slice(0, j + 1);
  // Read without its first word, a longer run still names something ("Người La Mã" -> "La Mã"): kept so.
  if (j >= 2 && !run.slice(1).every(isInstitution)) return -1;
  // "Huyện Cẩm Xuyên …": the place word is not the name's (read below, after PLACE_BEFORE).
  if (isStop(run[0]!.term) || PLACE_BEFORE.has(run[0]!.term) || BODY_HEADS.has(run[0]!.term) || TIME_HEADS.has(run[0]!.term) || isAcronym(q.text, run[0]!) || !run.every((t) => isWellFormedSyllable(t.term))) return -1;
  const next = tokens[j + 1]!;
  return cap(j + 1) || next.isNumber || isInstitution(next) ? -1 : j;
}

/** The constraint that a report states the gazetteer's place `place` (an index into PLACES). */
function placeConstraintOf(place: number): Constraint {
  const forms = placeForms(place);
  return { kind: 'place', label: PLACES[place]![0]!, forms: forms.map((f) => termsOf(f, false)), phrases: forms.map((f) => capitalPhrase(f) ?? phraseOf(f, false)) };
}

/** The constraint that a report states the place shown as `label` ("Đông Hà"), or null when the gazetteer has none so named. */
export function placeConstraint(label: string): Constraint | null {
  const place = PLACES.findIndex((forms) => forms[0] === label);
  return place < 0 ? null : placeConstraintOf(place);
}

/** The constraints a question states. */
export function findConstraints(q: AnalyzedQuery): Constraint[] {
  const { tokens, text } = q;
  const out: Constraint[] = [];
  // A link's words ("https://hpdt.vn/Ha-Noi") state nothing the reports must.
  const used = linkTokens(text, tokens);

  // Places of the gazetteer.
  for (const hit of findPlaces(text, tokens, q.typedUnaccented, true, (i) => q.lonePlace[i] === true)) {
    if (used.slice(hit.first, hit.first + hit.length).some(Boolean)) continue;
    // A person's given name ("Ông Trần Hà Nam", "Lê Văn Vinh"): the names below read it whole, as a
    // report's is read (inPersonName), or the place alone was asked about and the person dropped.
    if (inPersonName(text, tokens, hit.first)) continue;
    out.push(placeConstraintOf(hit.place));
    for (let k = 0; k < hit.length; k++) used[hit.first + k] = true;
  }

  // Party blocs, in any case, with or without marks.
  BLOCS.forEach((forms, b) => {
    for (const [fi, f] of forms.entries()) {
      const at = tokens.findIndex((_, i) => f.every((s, k) => !used[i + k] && tokens[i + k]?.folded === s.folded && (k === 0 || tokens[i + k]!.joined)));
      if (at < 0) continue;
      // Shown with its committee when the question names it ("Đảng bộ Khối các cơ quan"): what a report writes.
      const committee = at >= 2 ? COMMITTEES.get(`${tokens[at - 2]!.folded} ${tokens[at - 1]!.folded}`) : undefined;
      const label = [committee, PARTY_BLOCS[b]![fi]].filter(Boolean).join(' ');
      out.push({ kind: 'body', label, forms: forms.map((x) => termsOf(x, false)), phrases: forms.map((x) => phraseOf(x, false)) });
      used.fill(true, at, at + f.length);
      return;
    }
  });

  // Other names: two or more capitalised syllables in a row. The question's first word and a title
  // before a name ("Ông", "Bà", "Mẹ") are capitalised for other reasons and are not part of it, unless
  // that first word is a family name ("Nguyễn Văn An phát biểu gì?": the name is not "Văn An").
  // In a question typed in Title Case or capitals ("Huế Có Bao Nhiêu Đảng Viên?") a capital names nothing.
  const titleCase = isTitleCase(tokens.map((t) => text.slice(t.start, t.end)));
  const titled = titleCase ? titleCaseNames(text, tokens, used) : null;
  for (let i = 0; i < tokens.length; i++) {
    // A name typed in lower case (q.lowerName) is read as its capitals would be.
    const cap = (k: number) => (titled ? titled[k] === true : isCapitalised(text, tokens[k]!)) || q.lowerName[k] === true;
    if (used[i] || tokens[i]!.isNumber || !(cap(i) || q.foreignName[i] === true)) continue;
    if (isAcronym(text, tokens[i]!)) continue;
    if (q.foreignName[i] === true && !(i + 1 < tokens.length && tokens[i + 1]!.joined && cap(i + 1) && !used[i + 1])) {
      out.push({ kind: 'name', label: text.slice(tokens[i]!.start, tokens[i]!.end), forms: [[{ term: tokens[i]!.term, folded: false }]], soft: true });
      used[i] = true;
      continue;
    }
    const opening = i === 0 && !titled && q.lowerName[0] !== true && !isFamilyName(tokens[0]!.term, true) ? openingName(q, cap) : -1;
    if ((i === 0 && !isFamilyName(tokens[0]!.term, true) && q.lowerName[0] !== true && opening < 0) || PERSON.some((m) => m.length === 1 && (tokens[i]!.term === m[0] || tokens[i]!.folded === fold(m[0]!)))) continue;
    let j = i;
    while (j + 1 < tokens.length && !used[j + 1] && tokens[j + 1]!.joined && cap(j + 1) && (q.lowerName[j + 1] === true) === (q.lowerName[i] === true) && !tokens[j + 1]!.isNumber && !isAcronym(text, tokens[j + 1]!)) j++;
    const n = j - i + 1;
    // A name read from its family name and what follows it ("tran van binh phat bieu gi") is no office, whatever its letters fold to.
    if (n >= 2 && (q.lowerName[i] === true || opening === j || !tokens.slice(i, j + 1).every(isInstitution) || (i > 0 && PLACE_BEFORE.has(tokens[i - 1]!.term)))) {
      const span = tokens.slice(i, j + 1);
      // Restored diacritics are a guess: a name typed without marks is matched folded.
      // A name typed with its marks in a question otherwise without them ("… dong chi Nguyễn Văn Hạ …") is that name, not "Nguyễn Văn Hà".
      const isFolded = (q.typedUnaccented && !q.markedAt.slice(i, j + 1).some(Boolean)) || q.foldedAt.slice(i, j + 1).some(Boolean);
      // A Vietnamese name ("Nguyễn Đức Hùng") is pinned by its given name: of its pairs, the last one
      // must be stated, or "Nguyễn Đức" would let a report on Nguyễn Đức Trung answer for him.
      const terms = termsOf(span, isFolded);
      const personal = n >= 3 && (isFamilyName(span[0]!.term) || (isFolded && q.lowerName[i] === true && isFamilyNameFolded(span[0]!.folded))) && terms.length === n - 1;
      const typed = text.slice(span[0]!.start, span[n - 1]!.end);
      const label = q.lowerName[i] ? typed.replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase()) : typed;
      out.push({ kind: 'name', label, forms: [personal ? terms.slice(-1) : terms], phrases: [phraseOf(span, isFolded)] });
      for (let k = i; k <= j; k++) used[k] = true;
    } else if (n === 1 && !titled && givenName(q, i)) {
      // "ông Kim", "chị Li": one capitalised syllable after a person word is someone's given name, and a
      // report that never writes it with its capital is about someone else ("Kim" is no "kim loại").
      // Typed without marks ("sao Hoa" of "sao Hỏa"), it is compared folded, as names typed so are.
      const t = tokens[i]!;
      const folded = q.typedUnaccented;
      const syllable = folded ? t.folded : t.term;
      out.push({ kind: 'name', label: text.slice(t.start, t.end), forms: [[{ term: syllable, folded }]], phrases: [{ syllables: [syllable], folded, capital: true }] });
      used[i] = true;
    }
    i = j;
  }

  // Capitals the reports never write ("HN có bao nhiêu chi bộ?"): asked about, stated nowhere.
  // Shown in capitals however typed ("hn" -> "HN"), as a newsroom writes initials.
  for (const i of q.unknownAcronyms) if (!used[i]) out.push({ kind: 'name', label: text.slice(tokens[i]!.start, tokens[i]!.end).toUpperCase(), forms: [[{ term: tokens[i]!.term, folded: false }]] });

  // Years.
  for (const t of tokens) {
    const y = Number(t.term);
    if (t.isNumber && /^\d{4}$/u.test(t.term) && y >= MIN_YEAR && y <= MAX_YEAR) out.push({ kind: 'year', label: t.term, forms: [[{ term: t.term, folded: false }]] });
  }
  return out.filter((c) => c.forms.some((f) => f.length > 0));
}

/**
 * In a question typed in Title Case ("Ông Hoàng Văn Tám Trình Bày Báo Cáo Gì?") capitals mark every word,
 * yet a person is still named: a common family name and the capitalised syllables after it, up to
 * TITLE_CASE_NAME_SYLLABLES, stopping at a function word. Without this the name was dropped and
 * another official's report answered for him.
 */
function titleCaseNames(text: string, tokens: readonly Token[], used: readonly boolean[]): boolean[] {
  const out: boolean[] = tokens.map(() => false);
  // Office words are not a stop: names share them ("Văn", "An").
  const inName = (t: Token) => isCapitalised(text, t) && !t.isNumber && !isStop(t.term);
  for (let i = 0; i < tokens.length; i++) {
    // After a title ("Ông", "Đồng Chí") any family name opens a name ("Hồ", "Hà", "Lại"); elsewhere only a
    // common one, as those rarer ones are also words and places.
    const titled = PERSON.some((m) => m.every((w, k) => tokens[i - m.length + k]?.term === w));
    if (used[i] || !isFamilyName(tokens[i]!.term, !titled) || !isCapitalised(text, tokens[i]!)) continue;
    let j = i;
    while (j + 1 < tokens.length && j + 1 - i < TITLE_CASE_NAME_SYLLABLES && !used[j + 1] && tokens[j + 1]!.joined && inName(tokens[j + 1]!)) j++;
    if (j === i) continue;
    out.fill(true, i, j + 1);
    i = j;
  }
  return out;
}

/**
 * Where a constraint is stated: chunks that state it, and articles that are about it (all of their
 * chunks qualify): their title, lead or date state it, or at least ARTICLE_MENTIONS[kind] of their
 * paragraphs do. A name mentioned once in passing does not make another report about it.
 */
interface Stated {
  /** Sorted, distinct chunk ids (posting lists are long for a year or a province: no Set of them). */
  chunks: Uint32Array;
  articles: Set<number>;
  /**
   * Forms whose terms leave a syllable out ("Đông Anh"): the chunks and heads that may state them, read
   * in their text only when a passage is asked about (a province's syllable can sit in thousands of chunks).
   */
  maybe: Array<{ test: (text: string) => boolean; chunks: Uint32Array; heads: Uint32Array; headByChunk?: true }>;
}

const hasSorted = (list: Uint32Array, x: number): boolean => indexOfSorted(list, x) >= 0;

const NONE: Uint32Array = new Uint32Array(0);

function whereStated(index: LoadedIndex, c: Constraint): Stated {
  let chunks: Uint32Array = NONE;
  const articles = new Set<number>();
  // A place or year is stated whole; a name read from capitals may carry a word more or less than
  // the article writes ("Chợ Grainger Market" / "Grainger Market"): any of its pairs will do.
  const combine = c.kind === 'name' ? unionSorted : intersectSorted;
  const perArticle = new Uint32Array(index.articles.length);
  const maybe: Stated['maybe'] = [];
  for (const [f, form] of c.forms.entries()) {
    let inChunk: Uint32Array | null = null;
    let inHead: Uint32Array | null = null;
    for (const { term, folded } of form) {
      const q = { term, folded, weight: 1 };
      const docs = index.keyword.match(q)?.docs ?? NONE;
      inChunk = inChunk ? combine(inChunk, docs) : docs;
      const head = unionSorted(index.titles.match(q)?.docs ?? NONE, index.leads.match(q)?.docs ?? NONE);
      inHead = inHead ? combine(inHead, head) : head;
    }
    const phrase = c.phrases?.[f] ?? null;
    if (phrase) {
      const words = plainWords(phrase);
      // A place's words inside a longer place or a person's name state no place of theirs (placeStatedBy).
      // Only places have one-syllable capital phrases (capitalPhrase).
      const test = c.kind === 'place' ? placeStatedBy(c.label, phrase.syllables, phrase.capital) : phrase.capital ? (text: string) => writesCapitalised(text, phrase.syllables[0]!, phrase.folded) : (text: string) => holds(text, phrase, words);
      maybe.push({ test, chunks: inChunk ?? NONE, heads: inHead ?? NONE });
      continue;
    }
    if (c.kind === 'year') {
      // A title or lead that names the year is about it; a paragraph may name it only as a document's date.
      const year = yearPattern(c.label);
      maybe.push({ test: (text) => yearStated(text, year), chunks: inChunk ?? NONE, heads: NONE });
      for (const x of inHead ?? NONE) articles.add(x);
      continue;
    }
    if (c.kind === 'place') {
      // Its words inside a longer place or a person's name ("Trà Vinh", "Trần Hà Nam") state no place of
      // theirs: read in the passages asked about only (a province's words sit in tens of thousands of
      // chunks; reading them all at its first question took half a second at 515,000). A head whose
      // article has a passage stating it states it too (the lead is that passage).
      const test = placeStatedBy(c.label, [form[0]!.term.split(PAIR_SEP)[0]!, ...form.flatMap((t) => t.term.split(PAIR_SEP).slice(1))]);
      maybe.push({ test, chunks: inChunk ?? NONE, heads: inHead ?? NONE, headByChunk: true });
      continue;
    }
    const stating = inChunk ?? NONE;
    for (const x of stating) perArticle[index.chunkArticle[x]!]!++;
    for (const x of stating) {
      const a = index.chunkArticle[x]!;
      if (perArticle[a]! >= ARTICLE_MENTIONS[c.kind]) articles.add(a);
      perArticle[a] = 0;
    }
    chunks = unionSorted(chunks, stating);
    for (const x of inHead ?? NONE) articles.add(x);
  }
  if (c.kind === 'year') {
    const year = Number(c.label);
    index.articles.forEach((a, i) => a.date?.year === year && articles.add(i));
  }
  // An outlet's name ("HPĐT") is stated by its own articles, which may not write it.
  if (c.kind === 'name') for (const i of articlesOfOutlet(index, c.label)) articles.add(i);
  return { chunks, articles, maybe };
}

/** Per index, its articles by outlet as a name is compared with it (folded, lower case), in article order. */
const outletArticles = new WeakMap<LoadedIndex, Map<string, number[]>>();

/**
 * The articles whose outlet is `label` (folded, case aside): worked out once per loaded index (its articles
 * never change). Folding every article's outlet and the label again at each name asked cost some
 * 10 µs an article, a tenth of a second or more per name at 20,000 articles.
 */
function articlesOfOutlet(index: LoadedIndex, label: string): readonly number[] {
  let byOutlet = outletArticles.get(index);
  if (!byOutlet) {
    const made = new Map<string, number[]>();
    const keyOf = new Map<string, string>();
    index.articles.forEach((a, i) => {
      if (a.outlet === null) return;
      let key = keyOf.get(a.outlet);
      if (key === undefined) keyOf.set(a.outlet, (key = fold(a.outlet).toLowerCase()));
      const list = made.get(key);
      if (list) list.push(i);
      else made.set(key, [i]);
    });
    outletArticles.set(index, (byOutlet = made));
  }
  return byOutlet.get(fold(label).toLowerCase()) ?? [];
}

/**
 * A test of whether a text states the place `label` by its syllables (one spelling, lower case): some
 * whole occurrence that is not part of another, longer place ("Vinh" of "Trà Vinh", "Mỹ" of "Mỹ Tho") nor
 * a person's given name ("Trần Hà Nam", "Nguyễn Văn Vinh": see inPersonName); with `capital`, written with
 * its capital (see Phrase.capital). Texts that write no capitalised word beside the place are not
 * tokenised: a province's syllables sit in thousands of passages.
 */
function placeStatedBy(label: string, syllables: readonly string[], capital = false): (text: string) => boolean {
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  // "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu": a dash between two syllables of a place's name is its own spelling.
  const gap = '(?:[ \\t\\u00a0]*[-–—][ \\t\\u00a0]*|[ \\t\\u00a0]+)';
  const written = syllables.map((w) => `[${esc(w.charAt(0).toUpperCase())}${esc(w.charAt(0))}]${esc(w.slice(1))}`).join(gap);
  const edge = '(?![\\p{L}\\p{M}\\p{N}])';
  // The expressions with Unicode classes made at their first use: making one costs a fifth of a
  // millisecond or more, a checker is made for every place inside a place asked (within.ts), and most
  // never meet a text with surrogates (beside) or without the place as written (anyCase).
  let beside: RegExp | null = null;
  let anyCase: RegExp | null = null;
  const occurrences = new RegExp(written, 'gu');
  const present = capital ? capitalised(syllables[0]!) : (text: string) => (anyCase ??= new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${syllables.map(esc).join(gap)}${edge}`, 'iu')).test(text);
  return (raw) => {
    const text = raw.normalize('NFC');
    const found = SURROGATE.test(text) ? ((beside ??= new RegExp(`\\p{Lu}[\\p{L}\\p{M}]*[ \\t\\u00a0]+${written}${edge}|(?<![\\p{L}\\p{M}\\p{N}])${written}[ \\t\\u00a0]+\\p{Lu}`, 'u')).test(text) ? BESIDE_CAPITAL : NOT_WHOLE) : placeWritten(text, occurrences);
    // A whole occurrence as written is one in any case: the case-blind expression need not scan the text again.
    if (found === WHOLE) return capital ? present(text) : true;
    if (found === NOT_WHOLE) return present(text);
    const tokens = tokenize(text);
    const longer = findPlaces(text, tokens, false).filter((h) => h.label !== label && h.length > 1);
    for (let i = 0; i + syllables.length <= tokens.length; i++) {
      if (!syllables.every((s, k) => tokens[i + k]!.term === s && (k === 0 || tokens[i + k]!.joined || DASHED.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start))))) continue;
      if (capital && !present(text.slice(tokens[i]!.start, tokens[i]!.end))) continue;
      const end = i + syllables.length;
      if (longer.some((h) => h.first <= i && h.first + h.length >= end && h.length > syllables.length)) continue;
      if (!inPersonName(text, tokens, i)) return true;
    }
    return false;
  };
}

/** Only a dash, spaces around it or not, between two syllables ("Rịa - Vũng"). */
const DASHED = /^[ \t\u00a0]*[-–—][ \t\u00a0]*$/u;

/** Without the u flag: a surrogate pair is two code units here, not one code point outside the range. */
const SURROGATE = /[\uD800-\uDFFF]/;
/** Classes of UTF-16 code units outside the surrogates, filled in as met. */
const UNIT_CLASS = new Uint8Array(0x10000);
const OTHER_UNIT = 1;
const LOWER_UNIT = 2; // \p{L} or \p{M}, not \p{Lu}
const UPPER_UNIT = 3; // \p{Lu}
const DIGIT_UNIT = 4; // \p{N}

function unitClass(text: string, k: number): number {
  const c = text.charCodeAt(k);
  let v = UNIT_CLASS[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = /\p{Lu}/u.test(ch) ? UPPER_UNIT : /[\p{L}\p{M}]/u.test(ch) ? LOWER_UNIT : /\p{N}/u.test(ch) ? DIGIT_UNIT : OTHER_UNIT;
    UNIT_CLASS[c] = v;
  }
  return v;
}

const isSpaceUnit = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0;

/** What placeWritten found: no whole occurrence of the place, one (no capital beside any), or a capital beside one. */
const NOT_WHOLE = 0;
const WHOLE = 1;
const BESIDE_CAPITAL = 2;

/**
 * placeStatedBy's `beside` test without its regular expression, for a text without surrogates: some
 * occurrence of the place (`occurrences`, global) has a capitalised word right before it (spaces between,
 * no letter, mark or digit after it) or one right after it (spaces between, none before it). The
 * expression tried a capital at every position of every passage: most of a place check's time. Else
 * whether some occurrence stands whole (no letter, mark or digit on either side).
 */
function placeWritten(text: string, occurrences: RegExp): number {
  let whole = false;
  occurrences.lastIndex = 0;
  for (let m = occurrences.exec(text); m !== null; m = occurrences.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    // Overlapping occurrences are occurrences too.
    occurrences.lastIndex = s + 1;
    const edgeAfter = e >= text.length || unitClass(text, e) === OTHER_UNIT;
    const edgeBefore = s === 0 || unitClass(text, s - 1) === OTHER_UNIT;
    whole ||= edgeAfter && edgeBefore;
    // A word before it, some syllable of which is capitalised from there on: \p{Lu}[\p{L}\p{M}]*[ \t\u00a0]+ and no letter after.
    if (edgeAfter) {
      let j = s - 1;
      if (j >= 0 && isSpaceUnit(text.charCodeAt(j))) {
        while (j >= 0 && isSpaceUnit(text.charCodeAt(j))) j--;
        for (; j >= 0; j--) {
          const k = unitClass(text, j);
          if (k === UPPER_UNIT) return BESIDE_CAPITAL;
          if (k !== LOWER_UNIT) break;
        }
      }
    }
    // A capital after it: no letter, mark or digit before it, [ \t\u00a0]+\p{Lu} after.
    if (edgeBefore) {
      let j = e;
      if (j < text.length && isSpaceUnit(text.charCodeAt(j))) {
        while (j < text.length && isSpaceUnit(text.charCodeAt(j))) j++;
        if (j < text.length && unitClass(text, j) === UPPER_UNIT) return BESIDE_CAPITAL;
      }
    }
  }
  return whole ? WHOLE : NOT_WHOLE;
}

/** `chunks` grouped by article, in their order: article a's are chunks[at[a]..at[a + 1]). */
function byArticle(index: LoadedIndex, chunks: Uint32Array): { at: Uint32Array; chunks: Uint32Array } {
  const at = new Uint32Array(index.articles.length + 1);
  for (const x of chunks) at[index.chunkArticle[x]! + 1]!++;
  for (let a = 0; a < index.articles.length; a++) at[a + 1]! += at[a]!;
  const next = at.slice(0, -1);
  const out = new Uint32Array(chunks.length);
  for (const x of chunks) out[next[index.chunkArticle[x]!]!++] = x;
  return { at, chunks: out };
}

/** Answers "does this chunk / article state the constraint?", reading texts for `maybe` forms once each. */
function statedChecker(index: LoadedIndex, c: Constraint, s: Stated) {
  // Per maybe form, per chunk of its list: 0 not read yet, 1 the text does not hold the form, 2 it does
  // (a Map of a common syllable's 100,000 chunks outgrew the checkers' budget and was read again at every
  // question; one byte per chunk of the index, 515 KB a checker at 515,000 chunks, let the budget keep
  // some 30 checkers, and a province asked again was read again).
  const formMemo = s.maybe.map((m) => new Uint8Array(m.chunks.length));
  const articleMemo = new Map<number, boolean>();
  // Per maybe form, its chunks by article: asking each article of thousands to scan them all took seconds.
  const grouped: Array<ReturnType<typeof byArticle>> = [];
  const chunkHolds = (x: number) => {
    let text: string | undefined;
    for (let i = 0; i < s.maybe.length; i++) {
      const m = s.maybe[i]!;
      const k = indexOfSorted(m.chunks, x);
      if (k < 0) continue;
      const memo = formMemo[i]!;
      if (memo[k] === 0) memo[k] = m.test((text ??= index.chunks[x]!.text)) ? 2 : 1;
      if (memo[k] === 2) return true;
    }
    return false;
  };
  const chunkStates = (x: number) => hasSorted(s.chunks, x) || (s.maybe.length > 0 && chunkHolds(x));
  const articleStates = (a: number) => {
    if (s.articles.has(a)) return true;
    if (s.maybe.length === 0) return false;
    let v = articleMemo.get(a);
    if (v === undefined) {
      const head = `${index.articles[a]!.title}\n${index.articles[a]!.subject ?? ''}`;
      v = s.maybe.some((m, i) => {
        const inHead = hasSorted(m.heads, a);
        if (inHead && m.test(head)) return true;
        const g = (grouped[i] ??= byArticle(index, m.chunks));
        // headByChunk: a head that may state it does when one of the article's passages does.
        const needed = inHead && m.headByChunk ? 1 : ARTICLE_MENTIONS[c.kind];
        let n = 0;
        for (let k = g.at[a]!; k < g.at[a + 1]!; k++) if (chunkHolds(g.chunks[k]!) && ++n >= needed) return true;
        return false;
      });
      articleMemo.set(a, v);
    }
    return v;
  };
  // Stated anywhere: stops at the first text that holds it; asked once.
  let stated: boolean | undefined;
  const anywhere = () => (stated ??= s.chunks.length > 0 || s.articles.size > 0 || s.maybe.some((m) => m.heads.some((a) => articleStates(a)) || m.chunks.some((x) => chunkHolds(x))));
  // The articles that may state it, those whose title or lead holds its words first (for articlesAbout).
  function* mayState(): Generator<number> {
    yield* s.articles;
    for (const m of s.maybe) yield* m.heads;
    for (const m of s.maybe) for (const x of m.chunks) yield index.chunkArticle[x]!;
  }
  return { chunkStates, articleStates, anywhere, articleCount: () => s.articles.size, mayState };
}

type Checker = ReturnType<typeof statedChecker>;

const checkers = new WeakMap<LoadedIndex, ByteLru<string, Checker>>();

/** The checker of a constraint, kept per index: its answers and the texts it read hold for every question. */
function checkerOf(index: LoadedIndex, c: Constraint): Checker {
  let cache = checkers.get(index);
  if (!cache) checkers.set(index, (cache = new ByteLru(CHECKERS_BYTES)));
  const key = JSON.stringify([c.kind, c.label, c.forms, c.phrases ?? null]);
  let checker = cache.get(key);
  if (!checker) {
    const s = whereStated(index, c);
    checker = statedChecker(index, c, s);
    // Per maybe chunk: its id, its place by article, its memo byte.
    cache.set(key, checker, 4 * s.chunks.length + BYTES_PER_MAYBE_CHUNK * s.articles.size + s.maybe.reduce((n, m) => n + 9 * m.chunks.length + (4 + BYTES_PER_MAYBE_CHUNK) * m.heads.length, 0));
  }
  return checker;
}

/** What the question's constraints allow: a passage qualifies when, for each constraint, it or its article's head states it. */
export interface ConstraintCheck {
  /** Null: the question states no constraint. */
  allows: ((chunk: number, article: number) => boolean) | null;
  /** Constraints no report states, as shown to the user ("Quảng Nam"). */
  missing: string[];
  /** Null: no soft constraint; else how many of them a passage or its article states. */
  named: ((chunk: number, article: number) => number) | null;
}

/**
 * The candidates a check admits, in their order: those it allows and, among them, those stating as
 * many of the soft names as any of them does. With `rest`, the others follow, those it allows first
 * (the ranking alone, for eval).
 */
export function admitted<C extends { chunk: number; article: number }>(check: ConstraintCheck, candidates: readonly C[], rest = false): C[] {
  const { allows, named } = check;
  const allowed = allows === null ? [...candidates] : candidates.filter((c) => allows(c.chunk, c.article));
  const counts = named ? allowed.map((c) => named(c.chunk, c.article)) : null;
  const best = counts ? Math.max(0, ...counts) : 0;
  const first = best > 0 ? allowed.filter((_, i) => counts![i] === best) : allowed;
  if (!rest) return first;
  const kept = new Set(first);
  const allowedRest = allowed.filter((c) => !kept.has(c));
  for (const c of allowedRest) kept.add(c);
  return [...first, ...allowedRest, ...candidates.filter((c) => !kept.has(c))];
}

/** How many readings of a missing name are tried at most (every syllable as typed or one slip away). */
const MAX_NAME_READINGS = 2000;

/**
 * A name the reports write that a missing name may be a slip of ("Tôn Danh" -> "Tôn Doanh", "Quảng Nhìn"
 * -> "Quảng Ninh"): each syllable as typed, another accent of it or one letter off, every adjacent pair of
 * them written by the reports, as few syllables changed as can be. Null when none, or for one syllable.
 */
export function nearName(index: LoadedIndex, label: string): string | null {
  const lex = lexiconOf(index);
  const tokens = tokenize(label);
  if (tokens.length < 2) return null;
  const options = tokens.map((t) => [...new Set([t.term, ...lex.variants(t.folded), ...lex.neighbours(t.folded)])].filter((s) => lex.df(s) > 0));
  if (options.reduce((n, o) => n * Math.max(1, o.length), 1) > MAX_NAME_READINGS) return null;
  const best = { syllables: [] as string[], changed: Infinity };
  const walk = (k: number, chosen: string[], changed: number) => {
    if (changed >= best.changed) return;
    if (k === tokens.length) {
      if (changed > 0) Object.assign(best, { syllables: [...chosen], changed });
      return;
    }
    for (const s of options[k]!) {
      if (k > 0 && lex.pairDf(chosen[k - 1]!, s) === 0) continue;
      chosen.push(s);
      walk(k + 1, chosen, changed + (s === tokens[k]!.term ? 0 : 1));
      chosen.pop();
    }
  };
  walk(0, [], 0);
  if (best.syllables.length === 0) return null;
  // Only a name the reports write as one (capitalised), as they spell it: "Cam Lộ" is no slip of the
  // everyday "chăm lo" ("Có phải bạn muốn hỏi về Chăm Lo?").
  const written = lex.spelling(best.syllables.map((s) => fold(s)));
  return written ? written.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(' ') : null;
}

/**
 * Is article `article` about what `c` states: its title or lead states it, or ARTICLE_MENTIONS of its
 * paragraphs do (not a passage naming it in passing)?
 */
export function articleAbout(index: LoadedIndex, c: Constraint, article: number): boolean {
  return checkerOf(index, c).articleStates(article);
}

/**
 * Up to `max` articles about what `c` states (as articleAbout), looked up in the index rather than among a
 * question's passages; at most `reach` articles are read for it.
 */
export function articlesAbout(index: LoadedIndex, c: Constraint, max: number, skip: ReadonlySet<number>, reach: number): number[] {
  const checker = checkerOf(index, c);
  const out: number[] = [];
  const seen = new Set<number>();
  for (const a of checker.mayState()) {
    if (out.length >= max || seen.size >= reach) break;
    if (seen.has(a)) continue;
    seen.add(a);
    if (!skip.has(a) && checker.articleStates(a)) out.push(a);
  }
  return out;
}

/**
 * The signed articles of an index, made once at the first name asked: each one's signers as words between
 * spaces, lower case, as written and folded (a name typed without marks is matched folded). Only articles
 * with a byline or author: folding every byline again for each name had cost some 100 ms per name at
 * 20,000 articles.
 */
const signedArticles = new WeakMap<LoadedIndex, Array<{ article: number; words: string; folded: string }>>();

const asWords = (text: string) => ` ${text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * The articles whose byline writes a person's name ("Hồ Sỹ Trung - Phó Bí thư …" at the end of a report):
 * the report is theirs though no paragraph names them, so "bài của ông Hồ Sỹ Trung" is not "not in the
 * reports". A name typed without marks matches the byline folded.
 */
function signedBy(index: LoadedIndex, c: Constraint): readonly number[] {
  return c.kind !== 'name' || c.soft ? [] : articlesSignedBy(index, c.label);
}

/** The articles (ordinals, in index order) a byline's or the author's name signs: the person, not their office. */
export function articlesSignedBy(index: LoadedIndex, name: string): readonly number[] {
  let memo = signedMemo.get(index);
  if (!memo) signedMemo.set(index, (memo = new Map()));
  let found = memo.get(name);
  if (!found) {
    if (memo.size >= SIGNED_MEMO) memo.clear();
    memo.set(name, (found = bylinesNaming(index, name)));
  }
  return found;
}

const signedMemo = new WeakMap<LoadedIndex, Map<string, readonly number[]>>();

function bylinesNaming(index: LoadedIndex, label: string): number[] {
  let signed = signedArticles.get(index);
  if (!signed) {
    signed = [];
    index.articles.forEach((a, article) => {
      if (!a.author && !a.byline) return;
      const s = signers(a);
      if (s.length === 0) return;
      const words = s.map(asWords).join('|');
      signed!.push({ article, words, folded: fold(words) });
    });
    signedArticles.set(index, signed);
  }
  const name = asWords(label);
  const typedFolded = fold(name) === name;
  return signed.filter((x) => (typedFolded ? x.folded : x.words).includes(name)).map((x) => x.article);
}

/** Words between spaces (asWords) that write the name, as typed or, typed without marks, folded. */
/**
 * The person(s) an article is signed by, without their office: "Nguyễn Hải - Giảng viên Trường Chính trị
 * Lê Duẩn" is signed by Nguyễn Hải, not by Lê Duẩn (a name the office writes is no author).
 */
function signers(a: { author: string | null; byline?: string }): string[] {
  const fromByline = a.byline ? parseByline(a.byline)?.author : undefined;
  return [...new Set([a.author, fromByline].filter((x): x is string => !!x))];
}

/** A constraint's checker, with the articles its name signs counted as stating it. */
function withBylines(checker: Checker, signed: readonly number[]): Checker {
  if (signed.length === 0) return checker;
  const set = new Set(signed);
  return { ...checker, articleStates: (a) => set.has(a) || checker.articleStates(a), anywhere: () => true };
}

export function checkConstraints(index: LoadedIndex, constraints: readonly Constraint[]): ConstraintCheck {
  const hard = constraints.filter((c) => !c.soft);
  // A foreign word many reports state is a concept of theirs ("Covid", "Internet"), not what one of them is about.
  const fewReports = Math.max(1, SOFT_NAME_SHARE * index.articles.length);
  const soft = constraints.filter((c) => c.soft).map((c) => checkerOf(index, c)).filter((s) => s.articleCount() <= fewReports);
  const named = soft.length === 0 ? null : (chunk: number, article: number) => soft.reduce((n, s) => n + (s.articleStates(article) || s.chunkStates(chunk) ? 1 : 0), 0);
  if (hard.length === 0) return { allows: null, missing: [], named };
  const stated = hard.map((c) => withBylines(checkerOf(index, c), signedBy(index, c)));
  const missing = hard.filter((_, i) => !stated[i]!.anywhere()).map((c) => c.label);
  return { allows: (chunk, article) => stated.every((s) => s.articleStates(article) || s.chunkStates(chunk)), missing, named };
}

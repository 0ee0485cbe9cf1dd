/**
 * Confidence: how much of the question's information a passage holds, in [0, 1]. It is the
 * IDF-weighted share of the question's content syllables (and of its syllable pairs the corpus knows)
 * found in the passage (full credit) or elsewhere in its article (part credit). It is computed over
 * every sentence window of one or two sentences, and the best window is what the answer quotes.
 */
import { KeywordIndex, idf } from '../index/keyword-index.js';
import type { LoadedIndex } from '../index/load.js';
import { PAIR_SEP, isPair } from '../index/terms.js';
import { fold } from '../text/normalise.js';
import { numeralsIn } from '../text/numerals.js';
import { isStop, isStopTwin, looksLikeYear, tokenize, type Token } from '../text/tokens.js';
import { CLASS_RANKS, CLASS_WORDS, DOCUMENT_NUMBER_WORDS, MEETING_WORDS, OFFICE_TITLES } from '../text/words.js';
import { OPENS_WITH_PERSON_MARKER, isFamilyName, isOfficeWord } from '../text/names.js';
import { findPlaces, personNotPlace, isCapitalised, placesNamedIn } from '../text/gazetteer.js';
import { isWellFormedSyllable } from '../text/syllable.js';
import { CENTRAL_CITIES, PERSON_NAMED_FORMS } from '../text/places.js';
import { actionInClause, foldedLine, holdsAny, passageTermSet, saysAction, statesCount, type AnalyzedQuery } from './analyse.js';
import type { KeywordPass } from './keyword.js';
import { sentenceTokens } from './sentence-tokens.js';
import { edgePairs, straddlingPairs } from './pair-cohesion.js';
import { foldReading, readPassage, type FoldReading, type PassageReading } from './fold-reading.js';

/** Credit for a question term the passage lacks but its article's title has (see contextCredit). */
const ARTICLE_CREDIT = 0.9;
/** The same for a term of the article's lead paragraph (who, where, when). */
const LEAD_CREDIT = 0.7;
/** For "bao nhiêu X" questions, the share of the question that "<number> X" in the passage is worth. */
const COUNT_SHARE = 0.2;
/** Two sentences hold more words by chance than one: a slight discount keeps quotes tight. */
const PAIR_WINDOW_DISCOUNT = 0.9;
/**
 * A window that holds what the question asks for (the count, the office) is quoted over a better one
 * that does not when it scores at least this share of it; a weaker one is another passage's matter.
 */
const HOLDING_WINDOW_SHARE = 0.8;
/** A pair the corpus never has may be no word at all ("quan thành"): it weighs this share of an unseen syllable. */
const UNSEEN_PAIR_SHARE = 0.5;
/** Weight of a syllable whose two-syllable word (a pair the corpus knows) is also in the question. */
const SYLLABLE_IN_WORD_SHARE = 0.5;
/**
 * A pair at the edge of two words (edgePairs: "lượng người" of "số lượng người") is evidence where a
 * passage writes it; where it does not, only this share of its weight counts against the passage. No
 * answer need repeat it (full weight refused answerable questions), yet a question about an article
 * that is not there lacks it too (none at all let the split-half test's questions through; chosen there).
 */
const EDGE_PAIR_LACKING_SHARE = 0.6;
/**
 * Typed without marks, a restored syllable a passage writes only with other marks ("mổ" for a question
 * read "mô") earns this share of its weight there (fold-reading.ts): full credit answered more questions
 * about articles not in the index (split-half test); half found fewer answers. Chosen on the tuning half.
 */
const OTHER_MARKS_SHARE = 0.75;
/** A term repeated in the question counts at most this many times. */
const MAX_TERM_REPEAT = 2;
/**
 * A number of at least this many digits that the question states ("thai phụ 28 tuổi", "117dB") must be
 * stated by the answering article: one that never writes it tells of another case. Shorter ones are
 * as often written in words ("2 tiếng" / "hai tiếng"); on the split-half test they cost answers.
 */
const STATED_NUMBER_DIGITS = 2;
/**
 * Beside these words (folded) a number is a time the article may write otherwise ("những năm 70",
 * "thập niên 80", "thế kỷ 15", "100 năm trước": "1970", "một thế kỷ"); XQuAD lost right answers to them.
 */
const TIME_BEFORE_NUMBER = new Set(['nam', 'nien', 'ky']);
const TIME_AFTER_NUMBER = new Set(['nam']);
/**
 * Beside these words (folded) a number is one a report writes otherwise: a term or a congress in Roman
 * numerals ("khóa 13", "Đại hội 13", "Trung ương 10", "lần thứ 20": "khóa XIII", "lần thứ hai mươi"), a
 * magnitude or an hour in another unit ("12.000" / "12 nghìn", "1,2 nghìn tỷ" / "1.200 tỷ", "14 giờ" / "14h").
 */
const NUMERAL_BEFORE_NUMBER = new Set(['khoa', 'hoi', 'uong', 'thu']);
const WRITTEN_OTHERWISE_AFTER = new Set(['nghin', 'ngan', 'trieu', 'ty', 'gio', 'phut']);

/** A question term with the weight it carries in coverage. */
interface CoverageTerm {
  term: string;
  weight: number;
  /** Index into pass.matches, or -1 when no paragraph of the corpus holds the term. */
  match: number;
  /** The term's place in the question: its title's and lead's matches are pass.titleMatches[at], leadMatches[at]. */
  at: number;
  /** A pair at the edge of two words (see EDGE_PAIR_LACKING_SHARE); its weight is not in the model's mass. */
  edge: boolean;
  /** Its syllables are those of a place the question names (see contextCredit). */
  place: boolean;
}

export interface CoverageModel {
  terms: CoverageTerm[];
  mass: number;
  countWeight: number;
  /** The question's word sequences of two and three syllables (function words included), as matched, by their words. */
  grams: Grams;
  /** A counting question's unit syllables a window must name (none for a generic unit), folded. */
  units: string[];
  /** The unit's first syllable (folded when the unit was read folded) that "<number> …" must reach; null unless counting. */
  countHead: string | null;
  /** The office a "who" question asks for, with its body, folded (see officeAsked). */
  office: string[] | null;
  /** The class of an award the question asks for, folded ("hang nhat"), or null (see CLASS_WORDS). */
  awardClass: string | null;
  /** The question asks for the day ("ngày nào"): a window must state one. */
  day: boolean;
  /**
   * A meeting's "khi nào": a paragraph stating no day at all is no answer (see asksMeetingTime); the quote
   * is chosen as for any question (a window without the day, beside one with it, may cover more of it).
   */
  meetingDay: boolean;
  /**
   * A meeting's "ở đâu" ("hội nghị đó diễn ra ở đâu?"): a paragraph naming no place at all is no answer
   * (it was given high with a passage on the city's Party work that states no venue).
   */
  meetingPlace: boolean;
  /** A "who" question naming an office, its deputy's too ("Ai là Phó Bí thư …?"): a window must name someone. */
  holder: boolean;
  /** A "who" question about a meeting's role ("ai chủ trì", "ai phát biểu chỉ đạo"): a paragraph naming no one is no answer. */
  meetingRole: boolean;
  /**
   * A counting question's places, by label (null: none, or not counting): a window whose every count
   * sits in a sentence naming other places only counts theirs ("… tỉnh Hưng Yên đến dự. Đảng bộ tỉnh
   * Thái Bình có 108.000 đảng viên" asked of Hưng Yên).
   */
  places: Set<string> | null;
  /**
   * Places an article's head (title, subject) names, per article met (see countOwner): a count whose
   * sentence names no place is its report's.
   */
  headPlaces: (article: number) => Set<string>;
  /** Per article met: each term's credit where a window lacks it (several candidates share an article). */
  credits: Map<number, number[]>;
  /** The question's numbers (see STATED_NUMBER_DIGITS), as indices into q.terms and pass.matches (null there: the corpus never writes it in digits). */
  numbers: number[];
  /** Typed without marks: its terms as each passage writes them (fold-reading.ts); else null. */
  folds: FoldReading | null;
  /** Per term: the IDF its weight was made with (see fold-reading.ts). */
  idfs: number[];
  /** The IDF of a form as a passage writes it (see formIdf). */
  formIdf: (form: string) => number;
}

/**
 * Distinct sequences of two and three consecutive forms, numbered, as a tree of their words: a passage
 * is matched against them word by word, without building a string per word it holds.
 */
interface Grams {
  /** First word -> second word -> the pair's number and the third words that follow it (-> the triple's number). */
  tree: Map<string, Map<string, { bigram: number; trigrams: Map<string, number> }>>;
  bigrams: number;
  trigrams: number;
}

function gramsOf(forms: readonly string[]): Grams {
  const g: Grams = { tree: new Map(), bigrams: 0, trigrams: 0 };
  for (let i = 0; i + 2 <= forms.length; i++) {
    let second = g.tree.get(forms[i]!);
    if (!second) g.tree.set(forms[i]!, (second = new Map()));
    let node = second.get(forms[i + 1]!);
    if (!node) second.set(forms[i + 1]!, (node = { bigram: g.bigrams++, trigrams: new Map() }));
    if (i + 3 <= forms.length && !node.trigrams.has(forms[i + 2]!)) node.trigrams.set(forms[i + 2]!, g.trigrams++);
  }
  return g;
}

export function coverageModel(index: LoadedIndex, q: AnalyzedQuery, pass: KeywordPass): CoverageModel {
  const terms: CoverageTerm[] = [];
  const idfs: number[] = [];
  let mass = 0;
  const edges = edgePairs(q.terms, pass.matches, namePairs(q));
  const seams = straddlingPairs(q.terms, pass.matches);
  const placeSyllables = new Set(findPlaces(q.text, q.tokens, q.typedUnaccented, true).flatMap((h) => q.tokens.slice(h.first, h.first + h.length).map((x) => x.folded)));
  q.terms.forEach((t, i) => {
    const m = pass.matches[i] ?? null;
    // Typed without marks, a function word's twin ("vao" of vào, "ra" in "gay ra") is never indexed:
    // that the corpus lacks it says nothing about the question's topic.
    if (!m && t.folded && t.term.split(PAIR_SEP).some((part) => isStopTwin(part))) return;
    const unseen = isPair(t.term) ? UNSEEN_PAIR_SHARE * index.keyword.unseenIdf : index.keyword.unseenIdf;
    // The seam of two known words (straddlingPairs) is lacking as an edge pair is, never held.
    const weight = (m ? m.idf : unseen) * Math.min(t.weight, MAX_TERM_REPEAT) * (seams.has(i) ? EDGE_PAIR_LACKING_SHARE : 1);
    terms.push({ term: t.term, weight, match: m ? i : -1, at: i, edge: edges.has(i), place: t.term.split(PAIR_SEP).every((x) => placeSyllables.has(fold(x))) });
    idfs.push(m ? m.idf : unseen);
  });
  // A syllable of a two-syllable word the corpus knows ("viên" of "đảng viên") is weak evidence on its
  // own: "Ủy viên … Trung ương Đảng" holds both syllables and not the word. The word carries the weight.
  const inKnownPair = new Set<string>();
  for (const t of terms) if (t.match >= 0 && isPair(t.term)) for (const part of t.term.split(PAIR_SEP)) inKnownPair.add(part);
  for (const t of terms) {
    if (!isPair(t.term) && inKnownPair.has(t.term)) t.weight *= SYLLABLE_IN_WORD_SHARE;
    if (!t.edge) mass += t.weight;
  }
  // The number is the answer: stating it weighs at least a fifth of the question ("4.466 đảng viên"
  // answers, "Ủy viên … Đảng" does not).
  let countWeight = 0;
  if (q.countUnit) {
    const unitTerms = new Set([...q.countUnit, q.countUnit.join(PAIR_SEP)]);
    for (const t of terms) if (unitTerms.has(t.term)) countWeight = Math.max(countWeight, t.weight);
    if (countWeight > 0) countWeight = Math.max(countWeight, COUNT_SHARE * mass);
  }
  // Typed without marks, a sequence is the passage's whatever marks repair gave its syllables.
  const forms = q.tokens.map((t, i) => (q.foldedAt[i] || q.typedUnaccented ? t.folded : t.term));
  const places = q.countUnit ? new Set(findPlaces(q.text, q.tokens, q.typedUnaccented, true).map((h) => h.label)) : null;
  return {
    terms,
    mass,
    countWeight,
    grams: gramsOf(forms),
    units: unitSyllables(q),
    countHead: q.countUnit ? (q.countUnitFolded ? fold(q.countUnit[0]!) : q.countUnit[0]!) : null,
    office: officeAsked(q),
    awardClass: classesIn(q.tokens)[0] ?? null,
    day: q.answerType === 'date' && asksDay(q),
    meetingDay: q.answerType === 'date' && asksMeetingTime(q),
    meetingPlace: q.answerType === 'place' && namesMeeting(q),
    meetingRole: q.answerType === 'person' && asksMeetingRole(q),
    holder: q.answerType === 'person' && OFFICES.some((o) => q.tokens.some((_, i) => o.every((w, k) => q.tokens[i + k]?.folded === fold(w)))),
    places: places && places.size > 0 ? places : null,
    headPlaces: headPlacesOf(index),
    credits: new Map(),
    numbers: statedNumbers(q, pass),
    folds: foldReading(terms, q.typedUnaccented, MASK_TERMS),
    idfs,
    formIdf: (form) => formIdf(index, form),
  };
}

/** The question's numbers an answering article must state (see STATED_NUMBER_DIGITS): not a year, which is a constraint (entities.ts). */
function statedNumbers(q: AnalyzedQuery, pass: KeywordPass): number[] {
  const plain = new Set<string>();
  q.tokens.forEach((t, k) => {
    if (!t.isNumber || t.term.length < STATED_NUMBER_DIGITS || looksLikeYear(t.term)) return;
    const before = q.tokens[k - 1];
    const after = q.tokens[k + 1];
    if ((before?.joined === true && t.joined && TIME_BEFORE_NUMBER.has(before.folded)) || (after?.joined === true && TIME_AFTER_NUMBER.has(after.folded))) return;
    if ((before && t.joined && NUMERAL_BEFORE_NUMBER.has(before.folded)) || (after?.joined === true && WRITTEN_OTHERWISE_AFTER.has(after.folded))) return;
    // A round thousand ("12.000", "1000") a report may write "12 nghìn", "1 nghìn".
    if (/^\d+000$/u.test(t.term)) return;
    // Part of a code or a name ("AS-206", "Covid-19"): written as the article's source wrote it.
    if (before && /^-$/u.test(q.text.slice(before.end, t.start))) return;
    // A number alone in brackets ("… (12)", its ")" dropped as the question is read) numbers the question
    // or notes something: it asks nothing.
    if (/[([]\s*$/u.test(q.text.slice(before?.end ?? 0, t.start)) && /^\s*(?:[)\]]|$)/u.test(q.text.slice(t.end, after?.start ?? q.text.length))) return;
    plain.add(t.term);
  });
  const out: number[] = [];
  q.terms.forEach((t, i) => {
    if (plain.has(t.term)) out.push(i);
  });
  return out;
}

/** Does the article (a passage or its title) write the question's number `m` in digits? */
function writesNumber(pass: KeywordPass, m: number, article: number): boolean {
  return pass.matches[m] != null && (pass.articleDf(m, article) > 0 || (pass.titleMatches[m] !== null && KeywordIndex.contains(pass.titleMatches[m]!, article)));
}

/**
 * Does the article write every number of the question (CoverageModel.numbers): in digits (a passage or its
 * title), or, where it does not, does the passage write it in words ("ba mươi lăm dự án" states the "35" of
 * "… 35 dự án …?")? Only a numeral of several words, or "mười" before a word, is read (text/numerals.ts):
 * every number of two digits or more is one.
 */
function statesNumbers(q: AnalyzedQuery, cov: CoverageModel, pass: KeywordPass, article: number, sentences: readonly ReadSentence[]): boolean {
  return cov.numbers.every((m) => {
    if (writesNumber(pass, m, article)) return true;
    const value = Number(q.terms[m]!.term);
    return Number.isInteger(value) && sentences.some((s) => numeralsIn(s.sentence, s.tokens, { countedAt: (j) => s.tokens[j]!.joined }).some((n) => n.value === value));
  });
}

const CLASS_HEADS = new Set(CLASS_WORDS.map((w) => fold(w)));
const RANKS = CLASS_RANKS.map((r) => fold(r).split(' '));

/** The award classes tokens name ("hạng Nhất" -> "hang nhat"), folded. */
function classesIn(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (!CLASS_HEADS.has(t.folded)) return;
    const rank = RANKS.find((r) => r.every((s, k) => tokens[i + 1 + k]?.folded === s && tokens[i + 1 + k]!.joined));
    if (rank) out.push(`${t.folded} ${rank.join(' ')}`);
  });
  return out;
}

/** The question's pairs of two capitalised syllables in a row ("Thị Lệ"), as its terms write them (exact and folded). */
function namePairs(q: AnalyzedQuery): Set<string> {
  const out = new Set<string>();
  q.tokens.forEach((t, i) => {
    const prev = q.tokens[i - 1];
    if (prev && t.joined && isCapitalised(q.text, prev) && isCapitalised(q.text, t)) out.add(prev.term + PAIR_SEP + t.term).add(prev.folded + PAIR_SEP + t.folded);
  });
  return out;
}

/**
 * Credit a passage gets for a question term it lacks but its article has. What the whole report is
 * about (its title, or a term most of its paragraphs repeat: the committee, the city) is implied in
 * every paragraph; a term only a few paragraphs hold ("kết nạp") is what the question asks about,
 * and a paragraph without it does not answer.
 */
function contextCredit(pass: KeywordPass, t: CoverageTerm, article: number, headPlaces: ReadonlySet<string>): number {
  // A term no paragraph writes is implied by a title only as the one place the report is about: a title
  // naming others too ("Đoàn công tác tỉnh Hưng Yên thăm … Thái Bình") or a person ("Đồng chí Nguyễn Văn An
  // dự Đại hội …", whose paragraph elects someone else) does not make its paragraphs' facts theirs.
  if (t.match < 0 && !(t.place && headPlaces.size === 1)) return 0;
  const tm = pass.titleMatches[t.at];
  if (tm && KeywordIndex.contains(tm, article)) return ARTICLE_CREDIT;
  // A term no paragraph writes ("Hưng Yên" of a one-paragraph report titled with it) is implied by a title alone.
  if (t.match < 0) return 0;
  const df = pass.articleDf(t.match, article);
  if (df === 0) return 0;
  const prevalence = ARTICLE_CREDIT * Math.min(1, df / Math.max(1, pass.stats.chunks[article]!));
  const lm = pass.leadMatches[t.match];
  return lm && KeywordIndex.contains(lm, article) ? Math.max(LEAD_CREDIT, prevalence) : prevalence;
}

/**
 * A question is answered only by a window that holds what it asks for: for "bao nhiêu X" a number of X
 * (a number beside other words, "gần 25 tỉ đồng" for "bao nhiêu chi bộ?", is some other measure); for
 * "ai là Bí thư Tỉnh ủy …" that office itself, not only its deputy ("Phó Bí thư Tỉnh ủy …") nor another. ("ở đâu" is not capped:
 * news and encyclopaedias answer it with "trong não", "ở gốc cây" as often as with a named place.)
 * Without it, confidence stays under this (the low tier at most).
 */
export const NO_ANSWER_CAP = 0.3;
/**
 * Units (folded) that any stated number may answer: people are counted under many nouns ("6 y bác
 * sĩ" for "bao nhiêu người"), money and shares under signs ("800 triệu USD", "75%").
 */
const GENERIC_UNITS = new Set(['nguoi', 'tien', 'phan tram', 'ty le']);

const DOCUMENT_WORD = new Set(DOCUMENT_NUMBER_WORDS);
/** Words after a numeral in words that make it a span of time, an age or a share, not a count of something. */
const NOT_COUNTED_AFTER = new Set(['năm', 'tháng', 'tuần', 'ngày', 'giờ', 'phút', 'tuổi', 'phần', 'lần']);

/**
 * The counted unit's syllables a window must name: folded when the question was typed without marks,
 * else as typed ("chi bộ" is not named by "chỉ tiêu … Đảng bộ"); none for a generic unit (any count answers).
 */
export function unitSyllables(q: AnalyzedQuery): string[] {
  if (!q.countUnit) return [];
  const folded = q.countUnit.map((u) => fold(u));
  if (GENERIC_UNITS.has(folded.join(' ')) || GENERIC_UNITS.has(folded[0]!)) return [];
  return q.typedUnaccented ? folded : q.countUnit.map((u) => u.toLowerCase());
}

/** The number at `i` names a document or a session ("Chỉ thị 05", "Đại hội 6", "lần thứ 9"). */
function numbersDocument(tokens: readonly Token[], i: number): boolean {
  // "Chỉ thị số 05-CT/TW": the document's name stands before its "số".
  const at = tokens[i - 1]?.term === DOCUMENT_NUMBER_SIGN ? i - 1 : i;
  const one = tokens[at - 1]?.term;
  return one !== undefined && (DOCUMENT_WORD.has(one) || DOCUMENT_WORD.has(`${tokens[at - 2]?.term} ${one}`));
}

/** "số" between a document's name and its number. */
const DOCUMENT_NUMBER_SIGN = 'số';

/**
 * A number that can be a count: not a year ("2021"), part of a date ("16-10", "9/1") nor a document's
 * or session's number ("Chỉ thị 05", "lần thứ 9").
 */
function isCount(tokens: readonly Token[], i: number, sentence: string): boolean {
  const t = tokens[i]!;
  if (!t.isNumber || looksLikeYear(t.term)) return false;
  if (numbersDocument(tokens, i)) return false;
  // Part of a date ("16-10", "9/1") or of a name ("Covid-19").
  return !/^[-/]\d/u.test(sentence.slice(t.end, t.end + 2)) && !/[\d\p{L}][-/]$/u.test(sentence.slice(Math.max(0, t.start - 2), t.start));
}

/** "đồng chí Phạm Quang Hiển", "ông Nguyễn Văn A", or three capitalised syllables or more in a row: a person named. */
export const PERSON_NAME = /(?:đồng chí|ông|bà|Đồng chí|Ông|Bà)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){2,}/u;
const PERSON_NAMES = new RegExp(PERSON_NAME.source, 'gu');

/**
 * Is a capitalised run a place with a word of region before it ("miền Tây Nghệ An"): three capitals, but
 * no one's name. A run opening with a family name or a title is a name still ("Trần Hà Nam").
 */
function isPlaceRun(run: string): boolean {
  const tokens = tokenize(run);
  if (tokens.length === 0 || isFamilyName(tokens[0]!.term) || OPENS_WITH_PERSON_MARKER.test(run)) return false;
  return findPlaces(run, tokens, false).some((h) => h.first > 0 && h.first + h.length === tokens.length);
}

/** Words right before "Hồ Chí Minh" that make it the thought, the example or the city, not someone at the meeting. */
const NAMED_AFTER = /(?:tư tưởng|đạo đức|phong cách|tấm gương|gương|di chúc|lời dạy|thành phố|TP\.?)[\s,]*$/iu;

/**
 * Is the capitalised run at `start`..`end` of `text` no one present: a place (isPlaceRun), or a name that is
 * also a thought or a city (PERSON_NAMED_FORMS) after a word that says so ("phong cách Hồ Chí Minh")?
 */
export function namesNoOne(text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  return isPlaceRun(run) || (PERSON_NAMED_FORMS.includes(run) && NAMED_AFTER.test(text.slice(Math.max(0, start - 20), start)));
}

/** Does `text` name a person (PERSON_NAME), not only a place or a thought in capitals (namesNoOne)? */
export function namesSomeone(text: string): boolean {
  for (const m of text.matchAll(PERSON_NAMES)) if (!namesNoOne(text, m.index, m.index + m[0].length)) return true;
  return false;
}
/**
 * A window that gives a reason, for a question asking why: "vì", "bởi", "khiến", "dẫn đến", "nguyên nhân",
 * "lý do", or "do" before what caused it ("do khối u …"); not the "do" of who did it ("do đồng chí X chủ
 * trì") nor of "tự do", nor a consequence ("Vì vậy", "vì thế"). Case matters: "DO-01" is a code.
 */
const REASON = /(?<![\p{L}])(?:[Vv]ì(?! (?:vậy|thế))|[Bb]ởi(?! (?:vậy|thế))|khiến|dẫn đến|[Nn]guyên nhân|[Ll]ý do|(?<!tự )[Dd]o(?! (?:đồng chí|ông|bà|\p{Lu})))(?![\p{L}])/u;
/**
 * What follows from an event ("Vì vậy, …", "Vì thế", "Bởi vậy"): a paragraph that turns from it to this
 * with no reason anywhere tells what followed, not why ("kinh tế TPHCM suy giảm … Vì vậy, vai trò …").
 */
const CONSEQUENCE = /(?<![\p{L}])(?:[Vv]ì|[Bb]ởi) (?:vậy|thế)(?![\p{L}])/u;
/**
 * Reasons told without REASON's words ("tăng trưởng 10,2% nhờ thu hút …"): enough to keep a paragraph
 * that also turns to consequences from being capped; not counted as REASON elsewhere, where "nhờ" moved
 * news answers that were right.
 */
const REASON_TOLD_OTHERWISE = /(?<![\p{L}])(?:[Nn]hờ|[Xx]uất phát từ|[Bb]ắt nguồn từ|[Bb]ởi lẽ)(?![\p{L}])/u;
/** Where something happened: "tại Hội trường …", "ở bệnh viện …", "đến xã …" (or a place of the gazetteer). */
const PLACE_SAID = /(?:tại|ở|đến|từ|trong|ngoài)\s+(?:\p{Lu}|(?:bệnh viện|trường|nhà|khu|xã|huyện|tỉnh|thành phố|quận|phường|thôn|làng|trụ sở|hội trường|nơi)\s)/u;
const OFFICES = OFFICE_TITLES.map((o) => tokenize(o).map((t) => t.term));
const DEPUTY = 'phó';
/** "Tổng Bí thư" is another office than a "Bí thư" (of a province, a bloc). */
const GENERAL = 'tổng';
const GENERAL_FOLDED = 'tong';

/**
 * A meeting's venue in the words reports use beyond PLACE_SAID's ("tại khách sạn Mường Thanh", "tại phòng
 * họp số 1", "tại sân vận động trung tâm xã"), or a meeting held online ("theo hình thức trực tuyến"): a
 * paragraph saying so answers "hội nghị diễn ra ở đâu?" (meetingPlace).
 */
const VENUE_SAID = /(?:tại|ở)\s+(?:các\s+)?(?:khách sạn|phòng|sân|trung tâm|cung|nhà hát|nhà văn hóa|nhà văn hoá|quảng trường|công viên|điểm cầu|văn phòng|trụ sở|hội trường|đình|chùa|đền|di tích|bản|ấp|tòa nhà|toà nhà)(?![\p{L}])|trực tuyến/u;

function placeSaid(text: string): boolean {
  if (PLACE_SAID.test(text)) return true;
  const tokens = tokenize(text);
  return findPlaces(text, tokens, false).some((h) => !personNotPlace(tokens, h));
}

/**
 * Folded vowel groups that a hat or a horn makes Vietnamese ("cuoi" of "cuối", "nguoi" of "người"):
 * folding drops it, so the folded form alone looks like no syllable.
 */
const FOLDED_GLIDES: ReadonlyArray<[RegExp, string]> = [
  [/uo/u, 'uô'],
  [/ie/u, 'iê'],
  [/ye/u, 'yê'],
  [/uu/u, 'ưu'],
];

/**
 * Can the token be a syllable (not an abbreviation typed in lower case, "hđnd", "tphcm")? Read as
 * written when it has marks; typed without them, as any marking of it could be ("cuoi" is "cuối").
 */
function couldBeSyllable(t: Token): boolean {
  if (t.term !== t.folded) return isWellFormedSyllable(t.term);
  if (isWellFormedSyllable(t.folded)) return true;
  let marked = t.folded;
  for (const [plain, hat] of FOLDED_GLIDES) marked = marked.replace(plain, hat);
  return isWellFormedSyllable(marked);
}

/** Syllables after the office that name whose office it is ("Bí thư Tỉnh ủy", "Chủ tịch Liên đoàn"). */
const OFFICE_OF = 2;

/**
 * The office a "who" question asks for, with the body it heads, folded; null unless it asks one. Its
 * deputy's ("Phó Chủ tịch HĐND TPHCM") starts with "pho": a window must name the deputy's office whole,
 * not the holder's beside another "Phó" ("Phó Bí thư Thành ủy, Chủ tịch HĐND TPHCM").
 */
function officeAsked(q: AnalyzedQuery): string[] | null {
  if (q.answerType !== 'person') return null;
  // A syllable left unaccented (typed without marks, undecided) is compared folded: "bi thu" is "bí thư".
  const is = (i: number, word: string) => i < q.tokens.length && (q.foldedAt[i] ? q.tokens[i]!.folded === fold(word) : q.tokens[i]!.term === word);
  for (const o of OFFICES) {
    const i = q.tokens.findIndex((_, i) => o.every((s, k) => is(i + k, s)));
    if (i < 0) continue;
    // Folded, "pho" is also the "phố" of "thành phố": only right before the office is it the deputy.
    const prefixed = i > 0 && (is(i - 1, DEPUTY) || is(i - 1, GENERAL));
    // A "Phó" elsewhere: whose office is asked is not told.
    if (q.tokens.some((t, k) => k !== i - 1 && !q.foldedAt[k] && t.term === DEPUTY)) return null;
    let end = i + o.length;
    // Whose office: a body's words ("Tỉnh ủy", "Liên đoàn"), not a modifier ("đầu tiên").
    const body = (k: number) => {
      const t = q.tokens[k]!;
      // An abbreviation typed in lower case ("hđnd", "tphcm") is no syllable: a body's name too.
      return t.joined && !isStop(t.term) && (isCapitalised(q.text, t) || (q.foldedAt[k] ? isOfficeWord(t.folded, true) : isOfficeWord(t.term)) || (!t.isNumber && !couldBeSyllable(t)));
    };
    while (end < q.tokens.length && end < i + o.length + OFFICE_OF && body(end)) end++;
    return q.tokens.slice(prefixed ? i - 1 : i, end).map((t) => t.folded);
  }
  return null;
}

/**
 * Does the sentence name someone: a person as PERSON_NAME reads one, or two capitalised syllables in a
 * row that are not office words nor an abbreviation ("Barack Obama", not "Ban Thường vụ", "UBND")?
 */
function namesPerson(sentence: string, tokens: readonly Token[]): boolean {
  if (PERSON_NAME.test(sentence)) return true;
  for (let k = 2; k < tokens.length; k++) if (tokens[k]!.joined && nameSyllable(sentence, tokens, k - 1) && nameSyllable(sentence, tokens, k)) return true;
  return false;
}

/** Token k (not the first) is capitalised and no number, office word nor abbreviation: a syllable of a name (see namesPerson). */
function nameSyllable(sentence: string, tokens: readonly Token[], k: number): boolean {
  return k > 0 && isCapitalised(sentence, tokens[k]!) && !tokens[k]!.isNumber && !isOfficeWord(tokens[k]!.term) && !/^\p{Lu}{2,}$/u.test(sentence.slice(tokens[k]!.start, tokens[k]!.end));
}

/** Between an office and the body it heads, "của" changes nothing ("chủ tịch của ABC" is "chủ tịch ABC"), folded. */
const OF = 'cua';

/** The window names the office only as "Phó …", or not at all: it does not say who holds it. */
function officeMissing(tokens: readonly Token[], office: readonly string[]): boolean {
  for (let i = 0; i + office.length <= tokens.length; i++) {
    // "Phó Bí thư" or "Tổng Bí thư" holds another office than the one asked, unless the question said so.
    // "Tổng" itself, right before the office: not a name that folds alike ("Cầm Văn Tòng, Bí thư Huyện ủy").
    if (tokens[i - 1]?.term === DEPUTY || (tokens[i - 1]?.term === GENERAL && tokens[i]!.joined && office[0] !== GENERAL_FOLDED)) continue;
    let j = i;
    let k = 0;
    for (; k < office.length && j < tokens.length; k++, j++) {
      if (k > 0 && tokens[j]!.folded === OF && office[k] !== OF) j++;
      if (tokens[j]?.folded !== office[k]) break;
    }
    if (k === office.length) return false;
  }
  return true;
}

/**
 * A day and month as figures ("16-10", "9/1"): a day up to 31, a month up to 12, so that a share of a count
 * ("42/49 TCCS đảng", "6/49") is no date — it had answered "khi nào … đại hội?" with confidence.
 */
const DAY_MONTH = '(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])';
/** A date: "16-10", "9/1", "ngày 9", "tháng 10", a year. */
export const DATE = new RegExp(`\\b${DAY_MONTH}\\b|(?:ngày|tháng|năm)\\s+\\d{1,4}|\\b(?:19|20)\\d\\d\\b`, 'iu');
/** A day of the month: "15-10", "9/1", "16/10/2024", "ngày 9", "ngày 18/12/2024" whole; not a number's thousands ("1.310 chi bộ"). */
export const DAY = new RegExp(`(?<!\\d)${DAY_MONTH}(?:[-/.](?:19|20)\\d\\d)?(?![-/.]?\\d)|(?:ngày|Ngày)\\s+\\d{1,2}(?:[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:19|20)\\d\\d)?(?![-/.]?\\d)|\\s+tháng\\s+\\d{1,2})?`, 'gu');
/** Question words asking for the day itself, folded: a year ("Năm 2021 …") does not answer them. */
const DAY_WORDS = ['ngay nao', 'hom nao', 'ngay bao nhieu', 'ngay may'];
const DAY_ONCE = new RegExp(DAY.source, 'u');

/** … unless asked of several ("những ngày nào": a kind of day, "những ngày có mức độ ô nhiễm cao"). */
const PLURAL = ['nhung', 'cac'];

export function asksDay(q: AnalyzedQuery): boolean {
  const f = foldedLine(q.tokens);
  return DAY_WORDS.some((w) => f.includes(` ${w} `) && !PLURAL.some((p) => f.includes(` ${p} ${w} `)));
}

const MEETINGS = MEETING_WORDS.map((w) => tokenize(w).map((t) => t.term));
/** A meeting's "khi nào" ("Hội nghị … diễn ra khi nào?"): it is held on a day, which a year alone ("Năm 2020, …") does not give. */
const MEETING_TIME_WORDS = ['khi nao', 'bao gio', 'luc nao', 'thoi gian nao'];

/**
 * What someone does at a meeting, folded: "ai chủ trì …?" is answered by a name ("đồng chí X chủ trì"); a
 * lead stating only that the body held the meeting ("Huyện ủy … tổ chức hội nghị") is no answer, and
 * was given with confidence.
 */
const MEETING_ROLE_WORDS = ['chu tri', 'phat bieu', 'chi dao', 'tham du', 'du hoi nghi', 'trao', 'duoc bau', 'ket luan'];

function asksMeetingRole(q: AnalyzedQuery): boolean {
  return holdsAny(foldedLine(q.tokens), MEETING_ROLE_WORDS);
}

function asksMeetingTime(q: AnalyzedQuery): boolean {
  if (!holdsAny(foldedLine(q.tokens), MEETING_TIME_WORDS)) return false;
  return namesMeeting(q);
}

/** Does the question name a meeting ("hội nghị", "đại hội"…)? */
function namesMeeting(q: AnalyzedQuery): boolean {
  // As typed, or folded where the question was read so ("hoi nghi").
  return MEETINGS.some((m) => q.tokens.some((_, i) => m.every((w, k) => q.tokens[i + k] !== undefined && (q.foldedAt[i + k] ? q.tokens[i + k]!.folded === fold(w) : q.tokens[i + k]!.term === w))));
}

export interface Coverage {
  /** The best window holds what the question asks for (a person's name, a date, a number). */
  windowHasAnswer: boolean;
  /** The best window states a number and names the counted unit (what a counting question needs). */
  windowHasNumber: boolean;
  /** The best window lacks what the question asks for (see NO_ANSWER_CAP). */
  answerMissing: boolean;
  /** Share of the question's two- and three-syllable sequences the paragraph repeats word for word. */
  bigramShare: number;
  trigramShare: number;
  paragraph: number;
  /** Best window of one or two consecutive sentences. */
  window: number;
  /** That window, as indices into splitSentences(text): what the answer should quote. */
  first: number;
  last: number;
}

/** A sentence of a passage (offsets into it) and the question's terms it holds (passageTermSet). */
interface SentenceTerms {
  start: number;
  end: number;
  terms: Set<string>;
}

/** A sentence as coverage reads it: its terms, its tokens and its text. */
type ReadSentence = SentenceTerms & { tokens: readonly Token[]; sentence: string };

/**
 * The sentences of the current question's candidate passages with their terms, as retrieval read them,
 * for the quote to pick from and for retrieval's next pass over the same passage (a question's passes
 * read about half their passages again: 4,191 of 9,000 reads of the 300 bench questions at 500,000
 * paragraphs). One question's worth: retrieval and composition of a question run without a break, and
 * per-question entries kept until their question is collected piled up under many concurrent
 * questions. The tokens are sentence-tokens.ts's, shared within the question anyway.
 */
let current: { q: AnalyzedQuery; byText: Map<string, ReadSentence[]> } | null = null;

/** Read once per question and passage (a term set depends on the tokens and the question only): callers only read them. */
function readSentences(text: string, q: AnalyzedQuery): ReadSentence[] {
  if (current?.q === q) {
    const kept = current.byText.get(text);
    if (kept) return kept;
  } else current = { q, byText: new Map() };
  const out: ReadSentence[] = [];
  for (const { start, end, sentence, tokens } of sentenceTokens(text, q)) out.push({ start, end, sentence, tokens, terms: passageTermSet(tokens, q) });
  current.byText.set(text, out);
  return out;
}

/** The sentences of a passage (splitSentences) with the question's terms each holds. Callers only read them. */
export function sentenceTerms(text: string, q: AnalyzedQuery): readonly SentenceTerms[] {
  return (current?.q === q ? current.byText.get(text) : undefined) ?? readSentences(text, q);
}

const NONE_APART = () => false;

/**
 * Which numbers of a sentence count something other than what a counting question asks: for "có bao
 * nhiêu đảng viên" (the whole), a count in a clause led by a counted action ("kỷ luật 4 đảng viên"); for
 * "kết nạp bao nhiêu", every number unless the sentence says "kết nạp" (null: none of them counts).
 */
function partCount(q: AnalyzedQuery, sentence: string, tokens: readonly Token[]): ((at: number) => boolean) | null {
  if (q.countScope === null) return NONE_APART;
  const action = q.countScope.action;
  if (action === null) {
    // Made when a number is first asked about: most sentences state none.
    let terms: string[] | null = null;
    return (at) => actionInClause(sentence, tokens, (terms ??= tokens.map((t) => t.term)), at);
  }
  const says = q.typedUnaccented ? saysAction(tokens.map((t) => t.folded), action.map((a) => fold(a))) : saysAction(tokens.map((t) => t.term), action);
  return says ? NONE_APART : null;
}

/** A sentence of a candidate passage as coverage reads it. */
interface SentenceFacts {
  terms: Set<string>;
  tokens: readonly Token[];
  /** It states "<number> <unit>" for a counting question. */
  counts: boolean;
  /** It states a number that can be a count. */
  number: boolean;
  /** It names the unit, its syllables in a row (or it needs none: a generic unit). */
  named: boolean;
  /** It states a number of the unit's first syllable. */
  countsUnit: boolean;
  /** It states a day (only looked for when the question asks one). */
  day: boolean;
  /** It names a person (only looked for when the question asks who holds an office). */
  person: boolean;
  /** It states a count and names places, none of the question's (see CoverageModel.places). */
  elsewhere: boolean;
}

/** The question's two- and three-syllable sequences the tokens repeat, their numbers added to `bi` and `tri`. */
function findGrams(cov: CoverageModel, tokens: readonly Token[], folded: boolean, bi: Set<number>, tri: Set<number>): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const second = cov.grams.tree.get(folded ? tokens[i]!.folded : tokens[i]!.term);
    if (!second) continue;
    const node = second.get(folded ? tokens[i + 1]!.folded : tokens[i + 1]!.term);
    if (!node) continue;
    bi.add(node.bigram);
    if (i + 2 < tokens.length) {
      const t = node.trigrams.get(folded ? tokens[i + 2]!.folded : tokens[i + 2]!.term);
      if (t !== undefined) tri.add(t);
    }
  }
}

function sentenceFacts(q: AnalyzedQuery, cov: CoverageModel, s: { terms: Set<string>; tokens: readonly Token[]; sentence: string }, article: number): SentenceFacts {
  const { tokens } = s;
  // An abbreviation of the unit's name ("TCCS" for "tổ chức cơ sở") names all of it.
  const short = q.countUnitShort.length > 0 && tokens.some((t) => q.countUnitShort.includes(t.folded));
  const named = short || namesUnit(tokens, cov.units, q.typedUnaccented);
  const part = partCount(q, s.sentence, tokens);
  // Numbers that count nothing here: a part's, or a document's or session's ("Đại hội 6 Đảng bộ").
  const skip = part && ((i: number) => part(i) || numbersDocument(tokens, i));
  const head = cov.countHead;
  const countsUnit = head !== null && skip !== null && (statesCount(tokens, [head], skip, q.countUnitFolded) || q.countUnitShort.some((a) => statesCount(tokens, [a], skip)));
  let number = countsUnit;
  for (let i = 0; !number && part !== null && i < tokens.length; i++) number = isCount(tokens, i, s.sentence) && !part(i);
  // A number in words of several words ("ba mươi lăm công trình") is a count as its digits are: not a
  // session's or document's ("lần thứ mười một khóa mười ba", left out in digits by isCount too), nor a
  // span of time or a share ("hai mươi năm qua", "một trăm phần trăm") unless that is the unit asked.
  if (!number && skip !== null) number = numeralsIn(s.sentence, tokens).some((n) => !skip(n.start) && (tokens[n.end]?.term === head || !NOT_COUNTED_AFTER.has(tokens[n.end]?.term ?? '')));
  const day = (cov.day || cov.meetingDay) && DAY_ONCE.test(s.sentence);
  const person = cov.holder && namesPerson(s.sentence, tokens);
  const elsewhere = cov.places !== null && number && countsElsewhere(s.sentence, tokens, cov.places, cov.headPlaces(article));
  return { terms: s.terms, tokens, counts: q.countUnit !== null && skip !== null && statesCount(tokens, q.countUnit, skip, q.countUnitFolded), number, named, countsUnit, day, person, elsewhere };
}

/**
 * Is a count in this sentence another place's than the `asked` ones? In a report whose head names an asked
 * place, no ("Sau khi hợp nhất với Thái Bình, toàn Đảng bộ có 245.000 …" in Hưng Yên's report). Otherwise
 * when the sentence names places, none asked ("… Hưng Yên đến dự. Đảng bộ tỉnh Thái Bình có 108.000 …"),
 * or names none and its report's head names another place ("Toàn Đảng bộ có 120.000 …" in Hưng Yên's
 * report, asked of a province named there in passing). A head naming no place says nothing.
 */
function countsElsewhere(sentence: string, tokens: readonly Token[], asked: ReadonlySet<string>, head: ReadonlySet<string>): boolean {
  if (provinceOwnsCount(sentence, tokens, asked)) return true;
  const named = placesNamedIn(sentence, tokens);
  // A head naming the place asked beside another that the sentence alone names ("Đoàn công tác tỉnh Hưng
  // Yên thăm và làm việc tại Thái Bình" over "… Tỉnh ủy Thái Bình cho biết toàn Đảng bộ có 112.000 …") does not decide.
  const other = named.length > 0 && named.every((p) => !asked.has(p) && head.has(p));
  for (const p of head) if (asked.has(p) && !other) return false;
  return named.length > 0 ? named.every((p) => !asked.has(p)) : head.size > 0;
}

/**
 * Does the count's own clause name, after "tỉnh", only provinces not asked ("Đảng bộ tỉnh Nghệ An có 5.400 đảng
 * viên" in a report whose title names Quảng Bình, asked of Quảng Bình)? That count is the other province's
 * whatever the report's head says (review10). Only after "tỉnh": a city or district a province's report names
 * ("Đảng bộ thành phố Vinh có …") is a body inside it, which answer/scope.ts says; and only the clause before
 * the number ("Sau khi hợp nhất với tỉnh Thái Bình, toàn Đảng bộ có …" is the report's own count).
 */
function provinceOwnsCount(sentence: string, tokens: readonly Token[], asked: ReadonlySet<string>): boolean {
  const at = tokens.findIndex((t) => t.isNumber && !looksLikeYear(t.term));
  if (at <= 0) return false;
  const hits = findPlaces(sentence, tokens, false);
  const between = (k: number) => sentence.slice(tokens[k - 1]!.end, tokens[k]!.start);
  // Inside "( … )" a place locates or qualifies the body before it ("thành phố Đông Hà (tỉnh Quảng Trị)",
  // "tỉnh Hưng Yên (sau hợp nhất với tỉnh Thái Bình)"): it owns no count.
  const depth: number[] = [];
  for (let k = 0, d = 0; k < tokens.length; k++) {
    if (k > 0) for (const ch of between(k)) d = ch === '(' ? d + 1 : ch === ')' ? Math.max(0, d - 1) : d;
    depth.push(d);
  }
  // ", tỉnh Quảng Trị" after a name is an apposition ("thành phố Đông Hà, tỉnh Quảng Trị có …"), not a new clause.
  let from = 0;
  for (let k = at - 1; k > 0 && from === 0; k--) if (/[,;:]/u.test(between(k)) && !isCapitalised(sentence, tokens[k - 1]!)) from = k;
  const apposed = (k: number) => k >= 2 && /,/u.test(between(k)) && isCapitalised(sentence, tokens[k - 1]!);
  // "tỉnh Nghệ An", or a city governed by the centre ("thành phố Đà Nẵng", "TP Cần Thơ"), a province too.
  const provinceWordBefore = (h: { first: number; label: string }) =>
    tokens[h.first - 1]?.folded === PROVINCE_WORD ? 1 : CENTRAL_CITIES.includes(h.label) ? (tokens[h.first - 1]?.folded === 'tp' ? 1 : tokens[h.first - 1]?.folded === 'pho' && tokens[h.first - 2]?.folded === 'thanh' ? 2 : 0) : 0;
  const owned = (h: { first: number; label: string }) => {
    const w = provinceWordBefore(h);
    return depth[h.first] === 0 && w > 0 && !apposed(h.first - w);
  };
  // A sentence that also gives the province asked a count of its own ("tỉnh Kon Tum có 38.000 …, tỉnh Quảng Ngãi có 71.000 …").
  // Only with a number after it: "…, nhiều hơn tỉnh Quảng Bình." gives Quảng Bình no count.
  const numberAfter = (k: number) => tokens.some((t, j) => j > k && t.isNumber && !looksLikeYear(t.term));
  if (hits.some((h) => h.first > at && owned(h) && asked.has(h.label) && numberAfter(h.first))) return false;
  const owners = hits.filter((h) => h.first >= from && h.first < at && owned(h));
  return owners.length > 0 && owners.every((h) => !asked.has(h.label));
}

/** The word before a province's name ("tỉnh Nghệ An"), folded. */
const PROVINCE_WORD = 'tinh';

/**
 * The places each article's title and subject name, per index: a loaded index's articles never change,
 * and reading them again at every counting question cost more than the rest of the count's checks
 * (one entry per article met, a few places each).
 */
const headPlacesByIndex = new WeakMap<LoadedIndex, Array<Set<string> | undefined>>();

/** headPlaces of a model (see headPlacesByIndex). */
function headPlacesOf(index: LoadedIndex): (article: number) => Set<string> {
  let memo = headPlacesByIndex.get(index);
  if (!memo) headPlacesByIndex.set(index, (memo = new Array<Set<string> | undefined>(index.articles.length)));
  const known = memo;
  return (a) => (known[a] ??= new Set(placesNamedIn(`${index.articles[a]!.title}\n${index.articles[a]!.subject ?? ''}`)));
}

/**
 * The unit's syllables in a row, folded only where the question was typed without marks: "đảng viên" is
 * not named by "Ủy viên … Đảng", nor "chi bộ" by "chỉ tiêu … Đảng bộ".
 */
function namesUnit(tokens: readonly Token[], unit: readonly string[], folded: boolean): boolean {
  if (unit.length === 0) return true;
  for (let i = 0; i + unit.length <= tokens.length; i++) if (unit.every((u, k) => (folded ? tokens[i + k]!.folded : tokens[i + k]!.term) === u && (k === 0 || tokens[i + k]!.joined))) return true;
  return false;
}

/**
 * The share of the question the sentences from..to hold (a term they lack counts its credit), or, with
 * `to` < `from`, that the whole paragraph holds. Terms are summed in the model's order.
 */
function shareHeld(cov: CoverageModel, credit: readonly number[], sentences: readonly SentenceFacts[], from: number, to: number): number {
  const all = to < from;
  const first = all ? 0 : from;
  const last = all ? sentences.length - 1 : to;
  let counts = false;
  for (let i = first; i <= last; i++) counts ||= sentences[i]!.counts;
  return shareOf(cov, credit, counts, (t) => {
    for (let i = first; i <= last; i++) if (sentences[i]!.terms.has(t.term)) return true;
    return false;
  });
}

/** The share of the question held where `has` says a term is (a term it lacks counts its credit), summed in the model's order. */
function shareOf(cov: CoverageModel, credit: readonly number[], counts: boolean, has: (t: CoverageTerm, k: number) => boolean): number {
  let got = counts ? cov.countWeight : 0;
  // Edge pairs: held, their weight joins both sides; lacked, a share of it joins the mass only.
  let edgeMass = 0;
  for (let k = 0; k < cov.terms.length; k++) {
    const t = cov.terms[k]!;
    if (t.match < 0) {
      if (!t.edge) got += credit[k]!;
      continue;
    }
    const held = has(t, k);
    if (!t.edge) got += held ? t.weight : credit[k]!;
    else if (held) {
      got += t.weight;
      edgeMass += t.weight;
    } else edgeMass += EDGE_PAIR_LACKING_SHARE * t.weight;
  }
  return got / (cov.mass + cov.countWeight + edgeMass);
}

/**
 * Terms a model of at most this many has are read once per sentence into a bit mask (bit k: term k),
 * so a window's share ORs two masks instead of looking every term up in every sentence again.
 */
const MASK_TERMS = 31;

/** Bit k set when the sentence holds term k of the model (MASK_TERMS at most). */
function heldMask(cov: CoverageModel, terms: ReadonlySet<string>): number {
  let mask = 0;
  for (let k = 0; k < cov.terms.length; k++) if (cov.terms[k]!.match >= 0 && terms.has(cov.terms[k]!.term)) mask |= 1 << k;
  return mask;
}

/** shareHeld of the sentences whose masks OR to `mask` (one of them `counts`). */
function shareOfMask(cov: CoverageModel, credit: readonly number[], mask: number, counts: boolean): number {
  return shareOf(cov, credit, counts, (_, k) => ((mask >>> k) & 1) === 1);
}

/**
 * coverage()'s paragraph share and window scores (into `scores`) for a question typed without marks, read
 * against the passage (fold-reading.ts): a term is held exactly or where the passage writes its fold,
 * and weighs what the passage's form weighs. Only made when the model's terms fit a mask (foldReading).
 */
function foldedScores(cov: CoverageModel, credit: readonly number[], read: PassageReading, masks: readonly number[], sentences: readonly SentenceFacts[], scores: Float64Array): number {
  const n = sentences.length;
  let mass = 0;
  for (let k = 0; k < cov.terms.length; k++) if (!cov.terms[k]!.edge) mass += read.weights[k]!;
  let all = 0;
  let part = 0;
  let counts = false;
  for (let i = 0; i < n; i++) {
    const one = masks[i]! | read.held[i]!;
    all |= one;
    part |= read.part[i]!;
    counts ||= sentences[i]!.counts;
    scores[2 * i] = shareRead(cov, credit, read.weights, mass, one, read.part[i]!, sentences[i]!.counts);
    if (i + 1 < n) scores[2 * i + 1] = PAIR_WINDOW_DISCOUNT * shareRead(cov, credit, read.weights, mass, one | masks[i + 1]! | read.held[i + 1]!, read.part[i]! | read.part[i + 1]!, sentences[i]!.counts || sentences[i + 1]!.counts);
  }
  return shareRead(cov, credit, read.weights, mass, all, part, counts);
}

/** shareOf with the passage's weights (`mass`: theirs, edges aside) where bit k of `held` holds term k, of `part` a share of it. */
function shareRead(cov: CoverageModel, credit: readonly number[], weights: Float64Array, mass: number, held: number, part: number, counts: boolean): number {
  let got = counts ? cov.countWeight : 0;
  let edgeMass = 0;
  for (let k = 0; k < cov.terms.length; k++) {
    const t = cov.terms[k]!;
    const w = weights[k]!;
    const has = ((held >>> k) & 1) === 1;
    const some = !has && ((part >>> k) & 1) === 1;
    // A term the corpus lacks as the question reads it ("người mô") is held only where a passage writes its fold.
    const lacking = t.weight <= 0 ? 0 : (credit[k]! * w) / t.weight;
    if (t.match < 0 && !has && !some) {
      if (!t.edge) got += lacking;
      continue;
    }
    if (!t.edge) got += has ? w : Math.max(lacking, some ? OTHER_MARKS_SHARE * w : 0);
    else if (has) {
      got += w;
      edgeMass += w;
    } else edgeMass += EDGE_PAIR_LACKING_SHARE * w;
  }
  return got / (mass + cov.countWeight + edgeMass);
}

/** The IDF of a syllable or pair as written; a pair the corpus never writes weighs as coverageModel weighs one. */
function formIdf(index: LoadedIndex, form: string): number {
  const df = index.keyword.df(form);
  if (df > 0) return idf(index.keyword.docCount, df);
  return isPair(form) ? UNSEEN_PAIR_SHARE * index.keyword.unseenIdf : index.keyword.unseenIdf;
}

/*
 * The window tests below are functions of their own, not closures of coverage(): it runs for every
 * candidate of every question, and each closure made there was allocated and, under the tsx loader,
 * named (Object.defineProperty) at every call.
 */

/** The window states a number and names the counted unit (or counts it). */
function windowHasNumberIn(w: readonly SentenceFacts[]): boolean {
  return w.some((x) => x.number) && w.some((x) => x.countsUnit || x.named);
}

/** The window lacks what the question asks for beyond words (see NO_ANSWER_CAP). */
function windowLacks(q: AnalyzedQuery, cov: CoverageModel, w: readonly SentenceFacts[]): boolean {
  const { office } = cov;
  const tokens = office !== null || cov.awardClass !== null ? w.flatMap((x) => x.tokens) : [];
  return (q.countUnit !== null && !windowHasNumberIn(w)) || (office !== null && officeMissing(tokens, office)) || (cov.awardClass !== null && !classesIn(tokens).includes(cov.awardClass)) || (cov.day && !w.some((x) => x.day)) || (cov.holder && !w.some((x) => x.person)) || (cov.places !== null && w.some((x) => x.number) && w.every((x) => !x.number || x.elsewhere));
}

/** The window holds what the question asks for: nothing lacking and, for a count, one sentence with a number and the unit. */
function windowHolds(q: AnalyzedQuery, cov: CoverageModel, w: readonly SentenceFacts[]): boolean {
  return !windowLacks(q, cov, w) && (q.countUnit === null || w.some((x) => x.countsUnit || (x.number && x.named)));
}

/** Window w of scores (see coverage) as its score and sentences. */
function windowAt(scores: Float64Array, w: number): { window: number; first: number; last: number } {
  return { window: scores[w]!, first: w >> 1, last: (w >> 1) + (w & 1) };
}

/** The best-scoring window `admit` lets through (null: any), the first of equals; a zero window when none scores. */
function bestWindow(scores: Float64Array, n: number, admit: ((w: number) => boolean) | null): { window: number; first: number; last: number } {
  let at = -1;
  for (let w = 0; w < 2 * n - 1; w++) if (scores[w]! > (at < 0 ? 0 : scores[at]!) && (admit === null || admit(w))) at = w;
  return at < 0 ? { window: 0, first: 0, last: 0 } : windowAt(scores, at);
}

/** Share of `all` numbered sequences that `mine` holds (0 when there are none). */
function shareOfGrams(mine: ReadonlySet<number>, all: number): number {
  return all > 0 ? mine.size / all : 0;
}

/** Does the window hold the kind of thing asked for? */
function holdsAnswerType(q: AnalyzedQuery, cov: CoverageModel, inWindow: readonly SentenceFacts[], windowText: string, windowHasNumber: boolean): boolean {
  switch (q.answerType) {
    case 'count':
      // A count of the very unit asked ("4.466 đảng viên"), not any number near it ("kiện toàn 1 đồng chí").
      return cov.units.length > 0 ? inWindow.some((x) => x.countsUnit) : windowHasNumber;
    case 'person':
      return namesSomeone(windowText);
    case 'date':
      return cov.day ? DAY_ONCE.test(windowText) : DATE.test(windowText);
    case 'place':
      return placeSaid(windowText);
    case 'reason':
      return REASON.test(windowText);
    default:
      return false;
  }
}

export function coverage(q: AnalyzedQuery, pass: KeywordPass, cov: CoverageModel, text: string, article: number): Coverage {
  if (cov.mass <= 0) return { paragraph: 0, window: 0, first: 0, last: 0, bigramShare: 0, trigramShare: 0, windowHasNumber: false, windowHasAnswer: false, answerMissing: false };
  const bi = new Set<number>();
  const tri = new Set<number>();
  const spans = readSentences(text, q);
  const { office } = cov;
  const sentences: SentenceFacts[] = [];
  for (const s of spans) {
    findGrams(cov, s.tokens, false, bi, tri);
    if (q.unaccented || q.typedUnaccented) findGrams(cov, s.tokens, true, bi, tri);
    sentences.push(sentenceFacts(q, cov, s, article));
  }
  // What each term is worth where the window lacks it: the same for every window of the paragraph.
  let credit = cov.credits.get(article);
  if (!credit) cov.credits.set(article, (credit = cov.terms.map((t) => contextCredit(pass, t, article, cov.headPlaces(article)) * t.weight)));
  const n = sentences.length;
  const masked = cov.terms.length <= MASK_TERMS;
  const masks = masked ? sentences.map((x) => heldMask(cov, x.terms)) : [];
  let all = 0;
  let anyCounts = false;
  for (let i = 0; i < n; i++) {
    all |= masked ? masks[i]! : 0;
    anyCounts ||= sentences[i]!.counts;
  }
  const scores = new Float64Array(2 * n);
  const paragraph = cov.folds ? foldedScores(cov, credit, readPassage(cov.folds, cov.terms, cov.idfs, spans.map((s) => s.tokens), cov.formIdf), masks, sentences, scores) : masked ? shareOfMask(cov, credit, all, anyCounts) : shareHeld(cov, credit, sentences, 0, -1);
  // Every window of one sentence, then of it and the next, in that order (ties go to the first).
  for (let i = 0; !cov.folds && i < n; i++) {
    scores[2 * i] = masked ? shareOfMask(cov, credit, masks[i]!, sentences[i]!.counts) : shareHeld(cov, credit, sentences, i, i);
    if (i + 1 < n) scores[2 * i + 1] = PAIR_WINDOW_DISCOUNT * (masked ? shareOfMask(cov, credit, masks[i]! | masks[i + 1]!, sentences[i]!.counts || sentences[i + 1]!.counts) : shareHeld(cov, credit, sentences, i, i + 1));
  }
  const bestAny = bestWindow(scores, n, null);
  // Or one nearly as good that holds what the question asks for (the quote must): for a count, one
  // sentence with a number and the unit.
  // Nothing asked beyond words (no count, office or class): the best window is all there is.
  const asks = q.countUnit !== null || office !== null || cov.awardClass !== null || cov.day || cov.holder;
  const holding = asks ? bestWindow(scores, n, (w) => scores[w]! >= HOLDING_WINDOW_SHARE * bestAny.window && windowHolds(q, cov, sentences.slice(w >> 1, (w >> 1) + (w & 1) + 1))) : bestAny;
  const best = holding.window > 0 ? holding : bestAny;
  const inWindow = sentences.slice(best.first, best.last + 1);
  const windowHasNumber = windowHasNumberIn(inWindow);
  const windowText = spans.length > 0 ? text.slice(spans[best.first]?.start ?? 0, spans[best.last]?.end ?? text.length) : text;
  const windowHasAnswer = holdsAnswerType(q, cov, inWindow, windowText, windowHasNumber);
  const answerMissing = !statesNumbers(q, cov, pass, article, spans) || (asks && holding.window <= 0 && windowLacks(q, cov, inWindow)) || (cov.meetingDay && !sentences.some((x) => x.day)) || (cov.meetingRole && !namesSomeone(text)) || (q.answerType === 'reason' && CONSEQUENCE.test(text) && !REASON.test(text) && !REASON_TOLD_OTHERWISE.test(text)) || (cov.meetingPlace && !placeSaid(text) && !VENUE_SAID.test(text));
  return { paragraph, ...best, bigramShare: shareOfGrams(bi, cov.grams.bigrams), trigramShare: shareOfGrams(tri, cov.grams.trigrams), windowHasNumber, windowHasAnswer, answerMissing };
}

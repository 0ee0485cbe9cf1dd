/**
 * Finding the places of the gazetteer (places.ts) in text: whole names only, longest first, with the
 * rules that keep everyday words from reading as places. Used to read a question's constraints and to
 * name the place a report is about.
 */
import { fold } from './normalise.js';
import { REPORT_PERSON_MARKERS, isFamilyName, isFamilyNameFolded } from './names.js';
import { CENTRAL_CITIES, MERGED_INTO, PERSON_NAMED_FORMS, PLACES, PLACE_MARKERS, PROVINCE_OF, PROVINCES } from './places.js';
import { isWellFormedSyllable } from './syllable.js';
import { isStop, tokenize, type Token } from './tokens.js';
import { STOP_SYLLABLES } from './words.js';

/** Capitalised words before a place that, led by a family name, make a person's name of it ("Nguyễn Văn Vinh"). */
const NAME_REACH = 2;

export interface PlaceHit {
  /** Index into PLACES. */
  place: number;
  /** The name shown ("Hồ Chí Minh"). */
  label: string;
  /** Token positions [first, first + length). */
  first: number;
  length: number;
  /** Typed in lower case without marks and with no place word before it ("cam pha"): words as much as a name. */
  bare: boolean;
}

interface PlaceForm {
  place: number;
  folded: string[];
  tokens: Token[];
}

const PLACE_FORMS: PlaceForm[] = PLACES.flatMap((forms, place) =>
  forms.map((f) => {
    const tokens = tokenize(f);
    return { place, folded: tokens.map((t) => t.folded), tokens };
  }),
).sort((a, b) => b.folded.length - a.folded.length);
/** Forms by their first folded syllable, longest first: one map look-up per word of a text. */
const BY_FIRST = new Map<string, PlaceForm[]>();
for (const f of PLACE_FORMS) {
  const list = BY_FIRST.get(f.folded[0]!);
  if (list) list.push(f);
  else BY_FIRST.set(f.folded[0]!, [f]);
}
const MARKERS = PLACE_MARKERS.map((m) => tokenize(m).map((t) => t.folded));

/**
 * Initials of a place's names of two or more syllables ("hp": Hải Phòng), folded, when they hold no
 * vowel (else they spell a syllable: "an") and no other place shares them ("hn": Hà Nội, Hà Nam, …).
 */
const INITIALS = new Map<string, number | null>();
/**
 * Initials that hold a vowel ("na": Nghệ An, "py": Phú Yên, "hy": Hưng Yên). They may spell a syllable
 * ("ta", "la"), so where a place stands (placeInitials) they are read as initials only when the corpus does
 * not write that syllable (the question's readers check). Without them "NA có bao nhiêu đảng viên?" asked
 * nothing and was answered with another province's count.
 */
const VOWEL_INITIALS = new Map<string, number | null>();
for (const f of PLACE_FORMS) {
  if (f.folded.length < 2) continue;
  const key = f.folded.map((s) => s.charAt(0)).join('');
  const map = /[aeiouy]/u.test(key) ? VOWEL_INITIALS : INITIALS;
  const have = map.get(key);
  map.set(key, have === undefined || have === f.place ? f.place : null);
}

/** The place whose initials `folded` is (lower case, folded), or null when none or several share them. */
export function placeOfInitials(folded: string): { label: string; forms: Token[][] } | null {
  const place = INITIALS.get(folded) ?? VOWEL_INITIALS.get(folded);
  return place === undefined || place === null ? null : { label: PLACES[place]![0]!, forms: placeForms(place) };
}

/** Are `folded` (lower case, folded) the initials of some place, of one or of several ("hn")? */
export function arePlaceInitials(folded: string): boolean {
  return INITIALS.has(folded) || VOWEL_INITIALS.has(folded);
}

/** Letters a place's initials are typed in: two to four, no vowel (they would spell a syllable), no digit. */
const INITIALS_SHAPE = /^[b-df-hj-np-tv-zđ]{2,4}$/iu;
/** Initials with a vowel (VOWEL_INITIALS): two to four plain letters. */
const VOWEL_INITIALS_SHAPE = /^[a-zđ]{2,4}$/iu;

/**
 * Is token `at` typed as a place's initials would be ("hp", "HN"), where a question names its place:
 * opening it, or after a place word ("Thành ủy HP", "ở hn")?
 */
export function placeInitials(text: string, tokens: readonly Token[], at: number): boolean {
  const t = tokens[at]!;
  const raw = text.slice(t.start, t.end);
  // Typed in lower case, letters a function word has with one left out are that word's slip ("kh" of khi,
  // "cc" of các), unless several places share them ("hn": no function word's slip opens "hn có …").
  if (raw === t.term && STOP_SLIPS.has(t.folded) && INITIALS.get(t.folded) !== null) return false;
  const vowel = !INITIALS_SHAPE.test(raw);
  if (vowel && !(VOWEL_INITIALS.has(t.folded) && VOWEL_INITIALS_SHAPE.test(raw))) return false;
  if (MARKERS.some((m) => m.every((w, k) => tokens[at - m.length + k]?.folded === w))) return true;
  if (at !== 0) return false;
  // Opening the question in lower case, chat shorthand is as likely ("bt tỉnh ủy …" bí thư, "hn tổng kết"
  // hội nghị, "cb nào" cán bộ): a place only when a verb of having or being follows, or nothing does.
  const next = tokens[1];
  return raw !== t.term || next === undefined || LOWER_INITIALS_FOLLOWERS.has(next.folded);
}

/** Words after which lower-case initials opening a question are a place's ("hn có …", "hp thì sao"). */
const LOWER_INITIALS_FOLLOWERS = new Set(['co', 'thi', 'da', 'hien']);

/** Every function word's letters with one left out. */
const STOP_SLIPS = new Set(STOP_SYLLABLES.map((w) => fold(w)).flatMap((f) => [...f].map((_, k) => f.slice(0, k) + f.slice(k + 1))));

const endsWith = (seq: readonly string[], at: number, words: readonly string[]) => words.every((w, k) => seq[at - words.length + k] === w);

/** One-syllable places by their folded letters ("hue" -> "huế"), as their names are spelt: also an everyday word's letters, so only a reader of the corpus can tell. */
const ONE_SYLLABLE = new Map(PLACE_FORMS.filter((f) => f.folded.length === 1).map((f) => [f.folded[0]!, f.tokens[0]!.term]));

/** The spelling of the one-syllable place whose letters `folded` are ("hue" -> "huế"), or null. */
export function onePlaceSpelling(folded: string): string | null {
  return ONE_SYLLABLE.get(folded) ?? null;
}

/** The token is written with a capital letter. */
export function isCapitalised(text: string, t: Token): boolean {
  const c = text.charAt(t.start);
  return c !== c.toLowerCase();
}

const PERSON_NAMED = new Set(PERSON_NAMED_FORMS.map((f) => tokenize(f).map((t) => t.folded).join(' ')));

/** The tokens of every spelling of a place by which a text names it (not one that is also a person's name). */
export function placeForms(place: number): Token[][] {
  return PLACE_FORMS.filter((p) => p.place === place && !PERSON_NAMED.has(p.folded.join(' '))).map((p) => p.tokens);
}

const NO_LONE = () => false;

/**
 * In a report, is the place `hit` rather a person ("tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí Minh"): a form
 * that is also his name (PERSON_NAMED_FORMS) with no place word before it? The city is written "Thành
 * phố/TP Hồ Chí Minh". Read as the place, a passage on his thought told where a meeting was held.
 */
export function personNotPlace(tokens: readonly Token[], hit: PlaceHit): boolean {
  const folded = tokens.map((t) => t.folded);
  return PERSON_NAMED.has(folded.slice(hit.first, hit.first + hit.length).join(' ')) && !MARKERS.some((m) => endsWith(folded, hit.first, m));
}

/**
 * Places named in `text` (tokens of it). `typedUnaccented`: the text was typed without marks, so marks
 * cannot tell "Lào" from "lao"; otherwise a place must be written with its own marks. `question`: the text
 * is a user's question, where a place of two syllables or more typed whole without marks is the place
 * even among marked words; in a report such letters are a photo credit or a firm's name ("Ảnh: Thanh Hoa",
 * "Ha Long Group"), not the place it is about. `lone`: tokens a one-syllable place stands at however it is
 * typed (see spellsOnePlace), which only a reader of the corpus's words can tell.
 */
export function findPlaces(text: string, tokens: readonly Token[], typedUnaccented: boolean, question = false, lone: (at: number) => boolean = NO_LONE): PlaceHit[] {
  const folded = tokens.map((t) => t.folded);
  const out: PlaceHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = BY_FIRST.get(folded[i]!)?.find((p) => p.folded.every((s, k) => folded[i + k] === s && (k === 0 || tokens[i + k]!.joined || /^[\s\-.]*$/u.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start)))));
    if (!hit) continue;
    const n = hit.folded.length;
    const marked = MARKERS.some((m) => endsWith(folded, i, m));
    // The first word is capitalised anyway, unless all in capitals ("TPHCM có …") or spelt as no word
    // is: with the place's own marks ("Huế có …") or shaped like no Vietnamese syllable ("Campuchia").
    const raw = text.slice(tokens[i]!.start, tokens[i]!.end);
    const spelt = raw === raw.toUpperCase() ? raw.length > 1 : tokens[i]!.term !== tokens[i]!.folded || !isWellFormedSyllable(tokens[i]!.term);
    const capital = isCapitalised(text, tokens[i]!) && (i > 0 || n > 1 || spelt);
    // A one-syllable name ("Vinh", "Huế", "Mỹ") is a place only when written with a capital (not the
    // first word) or after a place word; a longer one typed in lower case without marks only when none
    // of its syllables is a function word once folded ("ha noi", not "la gi").
    // Or where the question's reader found it stands alone as the place (`lone`: "vinh có bao nhiêu …").
    const alone = n === 1 && lone(i);
    if (n === 1 && !capital && !marked && !alone) continue;
    const bare = hit.folded.every((_, k) => tokens[i + k]!.term === tokens[i + k]!.folded) && !capital && !marked;
    if (n > 1 && bare && hit.folded.some((s) => isStop(s, true))) continue;
    // In a text typed with marks, a syllable typed without them is a word ("lao động" is no "Lào"), but
    // in a question a place of two syllables or more typed whole without them is the place, capitalised or not
    // ("Quang Nam có bao nhiêu đảng viên?", "thành ủy da nang"): who types marks elsewhere means no "đa
    // năng" by "da nang" (and the reading still takes it for words the reports pair so, see readAsWords).
    // Not the end of a person's name ("Nguyen Nam Dinh" is Nguyễn Nam Đình, not Nam Định).
    const inName = i > 0 && tokens[i]!.joined && isFamilyNameFolded(tokens[i - 1]!.folded);
    const wholeUnmarked = question && n > 1 && !inName && hit.tokens.every((_, k) => tokens[i + k]!.term === tokens[i + k]!.folded);
    if (!typedUnaccented && !wholeUnmarked && !alone && hit.tokens.some((t, k) => tokens[i + k]!.term !== t.term)) continue;
    if (hit.tokens.some((t, k) => tokens[i + k]!.term !== tokens[i + k]!.folded && tokens[i + k]!.term !== t.term)) continue;
    out.push({ place: hit.place, label: PLACES[hit.place]![0]!, first: i, length: n, bare });
    i += n - 1;
  }
  return out;
}

/** The places a text names, in order (`tokens`: the text's, when the caller has them already). */
export function placesIn(text: string, tokens: readonly Token[] = tokenize(text)): string[] {
  return findPlaces(text, tokens, false).map((h) => h.label);
}

/** The places a report's text names, in order, leaving out a person's given name ("Trần Hà Nam": see inPersonName). */
export function placesNamedIn(text: string, tokens: readonly Token[] = tokenize(text)): string[] {
  return findPlaces(text, tokens, false)
    .filter((h) => !inPersonName(text, tokens, h.first))
    .map((h) => h.label);
}

/** The first place a text names, or null. */
export function firstPlace(text: string, tokens: readonly Token[] = tokenize(text)): string | null {
  return placesIn(text, tokens)[0] ?? null;
}

/**
 * Is the place at token `at` of `text` a person's given name ("Trần Hà Nam", "Nguyễn Văn Vinh"): a
 * common family name within NAME_REACH capitalised words joined before it? A report names its officials
 * beside their province's figures.
 */
export function inPersonName(text: string, tokens: readonly Token[], at: number): boolean {
  let k = at - 1;
  for (; k >= Math.max(0, at - NAME_REACH) && tokens[k + 1]!.joined && isCapitalised(text, tokens[k]!); k--) if (isFamilyName(tokens[k]!.term, true)) return true;
  // "đồng chí Triệu Tài Vinh": capitals right after a word that introduces a person are a name, whatever
  // its family name ("Triệu" is no common one).
  const first = k + 1;
  return first < at && PERSON_BEFORE.test(text.slice(Math.max(0, tokens[first]!.start - 12), tokens[first]!.start));
}

/** A word that introduces a person, just before a capitalised run (either case). */
const PERSON_BEFORE = new RegExp(`(?<![\\p{L}])(?:${REPORT_PERSON_MARKERS.join('|')})\\s+$`, 'iu');

/** The province (of the 63 before 2025) a city, town or district of the gazetteer lies in, or null. */
export function provinceOf(label: string): string | null {
  return PROVINCE_OF[label] ?? null;
}

/** The province (of the 34 since 1 July 2025) a province of the 63, or a city in one, is part of; null for any other name. */
export function provinceSince2025(label: string): string | null {
  const province = PROVINCE_OF[label] ?? label;
  if (!PROVINCES.includes(province)) return null;
  return MERGED_INTO[province] ?? province;
}

/** The province (of the 34) that province `label` (of the 63) was merged into in 2025, or null when it kept its name or is none. */
export function mergedInto(label: string): string | null {
  return MERGED_INTO[label] ?? null;
}

/** "thành phố" for the six cities governed by the centre, else "tỉnh": how a province is named in full. */
export function provinceLevel(label: string): 'thành phố' | 'tỉnh' {
  return CENTRAL_CITIES.includes(label) ? 'thành phố' : 'tỉnh';
}

/** A place of the gazetteer inside another: a city of a province, or a province (or its city) merged into one in 2025. */
export interface PlaceWithin {
  /** The place inside ("Đông Hà", "Bình Định", "Quy Nhơn"). */
  place: string;
  /** The former province it lies in, when that is not the place it is inside of ("Bình Định" for Quy Nhơn inside Gia Lai). */
  via: string | null;
  /** Inside only since the 2025 merger (a former province, or a city of one). */
  merged: boolean;
}

/**
 * The places of the gazetteer inside `label` (a province's name shown): its own cities and districts first,
 * then the provinces merged into it in 2025, then their cities. None for a city or a country.
 */
export function placesWithin(label: string): PlaceWithin[] {
  if (!PROVINCES.includes(label)) return [];
  const out: PlaceWithin[] = Object.keys(PROVINCE_OF)
    .filter((city) => PROVINCE_OF[city] === label)
    .map((place) => ({ place, via: null, merged: false }));
  const merged = Object.keys(MERGED_INTO).filter((p) => MERGED_INTO[p] === label);
  out.push(...merged.map((place) => ({ place, via: null, merged: true })));
  for (const p of merged) out.push(...Object.keys(PROVINCE_OF).filter((city) => PROVINCE_OF[city] === p).map((place) => ({ place, via: p, merged: true })));
  return out;
}

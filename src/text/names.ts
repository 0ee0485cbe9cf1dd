/** Vietnamese family names, for telling a person's name from other capitalised words (one place for the lists' use). */
import { fold } from './normalise.js';
import { isStop } from './tokens.js';
import { FAMILY_NAMES, INSTITUTION_WORDS, OTHER_FAMILY_NAMES } from './words.js';

/** Past this share of its plain words capitalised, a text is typed in Title Case or capitals, where a capital says nothing of a name. */
const TITLE_CASE_SHARE = 0.6;
/** Fewer plain words than this (after the first) say nothing of how a text is typed. */
const TITLE_CASE_MIN_WORDS = 2;
/** A text of this many words after the first, all capitalised, is Title Case: no name runs so long. */
const TITLE_CASE_ALL_WORDS = 5;

/** Words that introduce a person's name in a report's own text ("đồng chí Triệu Tài Vinh", "bà Thu Hường"). */
export const REPORT_PERSON_MARKERS: readonly string[] = ['đồng chí', 'ông', 'bà'];
/** A text opening with a word that introduces a person ("Đồng chí Phạm Quang Hiển", "bà Thu Hường"). */
export const OPENS_WITH_PERSON_MARKER = new RegExp(`^(?:${REPORT_PERSON_MARKERS.join('|')})\\s`, 'iu');
/** Words that introduce a person's name in a question: a report's, and those of speech ("anh", "chú", "mr"). */
export const PERSON_MARKERS: readonly string[] = [...REPORT_PERSON_MARKERS, 'anh', 'chị', 'cô', 'chú', 'bác', 'bố', 'mẹ', 'em', 'đ/c', 'comrade', 'mr', 'mrs', 'ms'];

const COMMON = new Set(FAMILY_NAMES);
const ANY = new Set([...FAMILY_NAMES, ...OTHER_FAMILY_NAMES]);
const COMMON_FOLDED = new Set(FAMILY_NAMES.map((n) => fold(n)));

/**
 * Is `syllable` (lower case, with its marks) a family name? `commonOnly`: only those that are seldom
 * everyday words or places ("Nguyễn", "Trần"), not "Văn", "Hà", "Mai".
 */
export function isFamilyName(syllable: string, commonOnly = false): boolean {
  return (commonOnly ? COMMON : ANY).has(syllable);
}

/** Is `folded` (lower case, without marks) the letters of a common family name ("nguyen")? Typed so, it may also be a word ("nguyên", "đang"). */
export function isFamilyNameFolded(folded: string): boolean {
  return COMMON_FOLDED.has(folded);
}

const OFFICE = new Set(INSTITUTION_WORDS);
const OFFICE_FOLDED = new Set(INSTITUTION_WORDS.map((w) => fold(w)));

/**
 * Is `term` a word of titles and bodies ("ban", "thường", "ủy", "party")? A capitalised run of such
 * words is an office, not a name. `folded`: `term` is without marks, compared so.
 */
export function isOfficeWord(term: string, folded = false): boolean {
  return (folded ? OFFICE_FOLDED : OFFICE).has(term);
}

/**
 * A word no name is made of, in a Vietnamese text: a function word ("có", "bao", "là"), also typed without
 * marks ("co", "nhieu"; only then, as "Văn" of a name folds to "vẫn"'s letters); office words are not, names
 * share them ("Văn", "An").
 */
const isPlainWord = (lower: string) => isStop(lower) || (lower === fold(lower) && isStop(lower, true));

/**
 * Is a text typed in Title Case or capitals ("Huế Có Bao Nhiêu Đảng Viên?", "How Many Party Members …")?
 * Names are capitalised in any case, so it is told by its plain words after the first (which is
 * capitalised anyway): at least TITLE_CASE_MIN_WORDS of them, more than TITLE_CASE_SHARE capitalised.
 * `words`: the text's words as typed; `plain`: which (lower case) are plain, by the language's own words.
 */
export function isTitleCase(words: readonly string[], plain: (lower: string) => boolean = isPlainWord): boolean {
  const rest = words.slice(1).filter((w) => /\p{L}/u.test(w));
  // Every word capitalised, however few of them are plain ("Ai Là Bí Thư Tỉnh Ủy Lào Cai?").
  if (rest.length >= TITLE_CASE_ALL_WORDS && rest.every((w) => /^\p{Lu}/u.test(w))) return true;
  const known = rest.filter((w) => plain(w.toLowerCase()));
  return known.length >= TITLE_CASE_MIN_WORDS && known.filter((w) => /^\p{Lu}/u.test(w)).length > TITLE_CASE_SHARE * known.length;
}

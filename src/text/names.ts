/** Vietnamese family names, for telling a person's name from other capitalised words (one place for the lists' use). */
import { fold } from './normalise.js';
import { FAMILY_NAMES, INSTITUTION_WORDS, OTHER_FAMILY_NAMES } from './words.js';

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

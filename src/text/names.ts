/** Vietnamese family names, for telling a person's name from other capitalised words (one place for the lists' use). */
import { FAMILY_NAMES, OTHER_FAMILY_NAMES } from './words.js';

const COMMON = new Set(FAMILY_NAMES);
const ANY = new Set([...FAMILY_NAMES, ...OTHER_FAMILY_NAMES]);

/**
 * Is `syllable` (lower case, with its marks) a family name? `commonOnly`: only those that are seldom
 * everyday words or places ("Nguyễn", "Trần"), not "Văn", "Hà", "Mai".
 */
export function isFamilyName(syllable: string, commonOnly = false): boolean {
  return (commonOnly ? COMMON : ANY).has(syllable);
}

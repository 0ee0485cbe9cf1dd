/**
 * The shape of a Vietnamese syllable: onset, vowels, final consonant. A typed syllable that breaks it
 * ("đượ", "ktẹ", "qả", "cậ") is a slip whatever the corpus holds; one that keeps it ("tên", "bện") may be
 * a word the corpus simply does not use.
 */

/** Tone marks (grave, acute, tilde, hook above, dot below); the hat, breve and horn make other vowels. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SHAPE = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/u;
/** Vowels that never end a syllable: "â", "ă", and the glides "iê", "yê", "uô", "ươ" (open, they are "ia", "ya", "ua", "ưa"). */
const NEEDS_FINAL = /(â|ă|iê|yê|uô|ươ)$/u;

/** Is `syllable` (lower case) shaped like a Vietnamese syllable? */
export function isWellFormedSyllable(syllable: string): boolean {
  const s = syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  const m = SHAPE.exec(s);
  if (!m) return false;
  return m[3] !== undefined || !NEEDS_FINAL.test(m[2]!);
}

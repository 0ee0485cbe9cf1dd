/**
 * The shape of a Vietnamese syllable: onset, vowels, final consonant, and where the tone mark sits. A
 * typed syllable that breaks it ("đượ", "ktẹ", "qả", "cậ", "caủ", "nya") is a slip whatever the corpus
 * holds; one that keeps it ("tên", "bện") may be a word the corpus simply does not use.
 */

/** Tone marks (grave, acute, tilde, hook above, dot below); the hat, breve and horn make other vowels. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const SHAPE = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/u;
/** The vowel groups Vietnamese writes (without tone marks). */
const VOWELS = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'iêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
]);
/** Vowels that never end a syllable: "â", "ă", and the glides "iê", "yê", "uô", "ươ", "uyê" (open, they are "ia", "ya", "ua", "ưa", "uya"). */
const NEEDS_FINAL = /(â|ă|iê|yê|uô|ươ)$/u;
/** Groups ending in an off-glide ("ai", "âu", "ươi"): the tone sits before it, never on it ("của", not "caủ"). */
const OFF_GLIDE = new Set(['ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'iêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uyu', 'ươi', 'ươu', 'yêu']);
/** Spellings Vietnamese does not use: "c"/"ng"/"g" before "i", "e", "ê"; "k"/"ngh"/"gh" before the other vowels. */
const MISSPELT = /^(?:c[ieêy]|ng[ieê]|k[aăâoôơuư]|ngh[aăâoôơuư]|gh[aăâoôơuư])/u;

/** Is `syllable` (lower case, NFC) shaped like a Vietnamese syllable? */
export function isWellFormedSyllable(syllable: string): boolean {
  const letters = [...syllable.normalize('NFD')];
  const bare = letters.filter((c) => !TONE_MARKS.test(c)).join('').normalize('NFC');
  const m = SHAPE.exec(bare);
  if (!m || MISSPELT.test(bare)) return false;
  const vowels = m[2]!;
  if (!VOWELS.has(vowels) || (m[3] === undefined && NEEDS_FINAL.test(vowels))) return false;
  // Where the tone is: on the last vowel of an open group ending in an off-glide is a slip.
  const toned = [...syllable.normalize('NFC')].findIndex((c) => TONE_MARKS.test(c.normalize('NFD')));
  const vowelEnd = (m[1]?.length ?? 0) + vowels.length - 1;
  return !(m[3] === undefined && OFF_GLIDE.has(vowels) && toned === vowelEnd);
}

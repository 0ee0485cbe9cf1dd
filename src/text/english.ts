/**
 * A question asked in English, read as the Vietnamese words the reports use (ENGLISH_GLOSSARY): keyword
 * search cannot match "party members" to "đảng viên". Names, places and numbers are kept as typed, and
 * the rest of the search reads them as it reads any question ("Hai Phong" is Hải Phòng). Three rules of
 * Vietnamese word order make the reading one the search understands: a body follows its place ("Hai
 * Phong city party committee" -> "thành ủy Hai Phong"), "who is X" asks "X là ai", and "how many X" ends
 * the question ("… có bao nhiêu X"), since the count's unit is read right after "bao nhiêu".
 */
import { isWellFormedSyllable } from './syllable.js';
import { ENGLISH_GLOSSARY, ENGLISH_GLUE, INSTITUTION_WORDS, STOP_WORDS_EN } from './words.js';

/** A message is English when at least this many of its words are English words no Vietnamese syllable is shaped like … */
const MIN_ENGLISH_WORDS = 2;
/** … and they are at least this share of its words (a Vietnamese question may quote an English name or two). */
const ENGLISH_SHARE = 0.5;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const GLOSSARY = new Map(ENGLISH_GLOSSARY.map(([en, vi]) => [en, vi]));
const LONGEST = Math.max(...ENGLISH_GLOSSARY.map(([en]) => en.split(' ').length));
const GLUE = new Set(ENGLISH_GLUE);
/** Words that mark English: the glossary's, the glue and the question words, unless a Vietnamese syllable is spelt so ("the", "can", "so"). */
const ENGLISH_WORDS = new Set(
  [...ENGLISH_GLOSSARY.flatMap(([en]) => en.split(' ')), ...ENGLISH_GLUE, ...STOP_WORDS_EN].filter((w) => /^[a-z]+$/u.test(w) && !isWellFormedSyllable(w)),
);
/** Verbs that end the noun after "how many" and join "who" / "what" to what they ask about. */
const AUXILIARIES = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would']);
const COPULAS = new Set(['is', 'are', 'was', 'were']);
/** Syllables of a body, an office or a unit of the country (and the "các" of "khối các cơ quan"): such a reading follows the place before it. */
const BODY_SYLLABLES = new Set([...INSTITUTION_WORDS.flatMap((w) => w.split(' ')), 'các', 'phố']);

interface Word {
  text: string;
  lower: string;
}

interface Item {
  /** The Vietnamese reading, or the word as typed. */
  vi: string;
  /** The English it was read from, lower case. */
  en: string;
  kind: 'glossary' | 'name' | 'word' | 'glue';
}

function wordsOf(text: string): Word[] {
  return [...text.normalize('NFC').matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase().replace(/’/gu, "'") }));
}

/** Is the message written in English? */
export function isEnglish(text: string): boolean {
  // Names ("Nguyen Thi Le", "Ho Chi Minh City") say nothing of the language: capitalised words inside the message are left out.
  const words = wordsOf(text).filter((w, i) => i === 0 || w.text === w.lower);
  const english = words.filter((w) => ENGLISH_WORDS.has(w.lower)).length;
  return english >= MIN_ENGLISH_WORDS && english >= ENGLISH_SHARE * words.length;
}

/** The words as glossary phrases (longest first), names (capitalised words inside the question), other words and glue. */
function itemsOf(words: readonly Word[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(LONGEST, words.length - i);
    for (; n > 0; n--) {
      const en = words.slice(i, i + n).map((w) => w.lower).join(' ');
      const vi = GLOSSARY.get(en);
      if (vi !== undefined) {
        out.push({ vi, en, kind: 'glossary' });
        break;
      }
    }
    if (n > 0) {
      i += n;
      continue;
    }
    const w = words[i]!;
    // A capital inside the question is a name's ("Nghe An"), not the article "an".
    const capital = i > 0 && w.text !== w.lower && /^\p{Lu}/u.test(w.text);
    out.push({ vi: w.text, en: w.lower, kind: capital ? 'name' : GLUE.has(w.lower) ? 'glue' : 'word' });
    i++;
  }
  return out;
}

const isBody = (x: Item) => x.kind === 'glossary' && x.vi.split(' ').every((s) => BODY_SYLLABLES.has(s));

/**
 * The question in the reports' words, or null when it is not English: each longest glossary phrase
 * replaced by its Vietnamese, glue dropped, every other word kept as typed, in Vietnamese order; the
 * closing mark kept.
 */
export function readEnglish(text: string): string | null {
  if (!isEnglish(text)) return null;
  let items = itemsOf(wordsOf(text));
  // A place's name before its body goes after it: "Hai Phong city agencies bloc" -> "khối các cơ quan thành phố Hai Phong".
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.kind !== 'name') continue;
    let j = i;
    while (j + 1 < items.length && items[j + 1]!.kind === 'name') j++;
    let k = j;
    while (k + 1 < items.length && isBody(items[k + 1]!)) k++;
    if (k > j) items = [...items.slice(0, i), ...items.slice(j + 1, k + 1), ...items.slice(i, j + 1), ...items.slice(k + 1)];
    i = k;
  }
  let tail: Item[] = [];
  const first = items.findIndex((x) => x.kind !== 'glue');
  const opener = items[first];
  if (opener && (opener.en === 'how many' || opener.en === 'how much' || opener.en.startsWith('what perc'))) {
    // "how many <unit> did …": the unit is what follows up to the verb.
    let end = first + 1;
    while (end < items.length && !AUXILIARIES.has(items[end]!.en)) end++;
    tail = items.slice(first, end);
    items = [...items.slice(0, first), ...items.slice(end)];
  } else if (opener && (opener.en === 'who' || opener.en === 'what') && COPULAS.has(items[first + 1]?.en ?? '')) {
    // "who is the secretary …" -> "… là ai".
    tail = [{ vi: 'là', en: '', kind: 'word' }, opener];
    items = [...items.slice(0, first), ...items.slice(first + 2)];
  }
  const out = [...items, ...tail].filter((x) => x.kind !== 'glue' && !AUXILIARIES.has(x.en)).map((x) => x.vi);
  const mark = /[?!.]\s*$/u.exec(text)?.[0].trim() ?? '';
  return out.join(' ') + mark;
}

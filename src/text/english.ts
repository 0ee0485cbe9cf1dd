/**
 * A question asked in English, read as the Vietnamese words the reports use (ENGLISH_GLOSSARY): keyword
 * search cannot match "party members" to "đảng viên". Places are read as the gazetteer writes them
 * (English has no marks: "quang nam" is Quảng Nam), other names and numbers kept as typed, and the rest
 * of the search reads them as it reads any question. Rules of Vietnamese word order make the reading one
 * the search understands: a body follows its place ("Hai Phong city party committee" -> "thành ủy Hải
 * Phòng"), "which city" is "thành phố nào", "who is X" asks "X là ai", and "how many X" ends the question
 * ("… bao nhiêu X"), since the count's unit is read right after "bao nhiêu".
 */
import { findPlaces } from './gazetteer.js';
import { isTitleCase } from './names.js';
import { isWellFormedSyllable } from './syllable.js';
import { tokenize } from './tokens.js';
import { ENGLISH_GLOSSARY, ENGLISH_GLUE, INSTITUTION_WORDS, STOP_WORDS_EN } from './words.js';

/** A message is English when at least this many of its words are English words no Vietnamese syllable is shaped like … */
const MIN_ENGLISH_WORDS = 2;
/** … and they are at least this share of its words (a Vietnamese question may quote an English name or two). */
const ENGLISH_SHARE = 0.5;

/** A word, with a number's separators ("4,466") kept inside it. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*(?:[.,]\p{N}+)*/gu;
const GLOSSARY = new Map(ENGLISH_GLOSSARY.map(([en, vi]) => [en, vi]));
const LONGEST = Math.max(...ENGLISH_GLOSSARY.map(([en]) => en.split(' ').length));
const GLUE = new Set(ENGLISH_GLUE);
/** Words that mark English: the glossary's, the glue and the question words, unless a Vietnamese syllable is spelt so ("the", "can", "so"). */
const ENGLISH_WORDS = new Set(
  [...ENGLISH_GLOSSARY.flatMap(([en]) => en.split(' ')), ...ENGLISH_GLUE, ...STOP_WORDS_EN].filter((w) => /^[a-z]+$/u.test(w) && !isWellFormedSyllable(w)),
);
/** Verbs that end the noun after "how many" and join "who" / "what" to what they ask about; dropped from the reading. */
const AUXILIARIES = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would']);
const COPULAS = new Set(['is', 'are', 'was', 'were']);
/** Question words that follow their noun in Vietnamese ("which city" -> "thành phố nào"). */
const ASKING_OF = new Set(['which', 'what']);
/** Syllables of a body, an office or a unit of the country (and the "các" of "khối các cơ quan"): such a reading follows the place before it. */
const BODY_SYLLABLES = new Set([...INSTITUTION_WORDS.flatMap((w) => w.split(' ')), 'các', 'phố']);

interface Word {
  text: string;
  lower: string;
  /** A name: a place of the gazetteer (written as it labels it), or a capitalised word inside the question. */
  name: boolean;
  place: boolean;
}

interface Item {
  /** The Vietnamese reading, or the word as typed. */
  vi: string;
  /** The English it was read from, lower case. */
  en: string;
  kind: 'glossary' | 'name' | 'word' | 'glue';
}

/** A word of the glossary, the glue or the question words. */
const isKnown = (lower: string) => ENGLISH_WORDS.has(lower) || GLUE.has(lower) || AUXILIARIES.has(lower) || GLOSSARY.has(lower);
const lowerOf = (w: string) => w.toLowerCase().replace(/’/gu, "'");
const isCapital = (w: string) => /^\p{Lu}/u.test(w);

/**
 * The message's words, each place of the gazetteer replaced by its name as the reports write it. A
 * capitalised word inside the message is a name ("Nguyen Thi Le") unless English knows it; in a message
 * in Title Case or capitals only words English does not know are.
 */
function wordsOf(text: string): Word[] {
  const nfc = text.normalize('NFC');
  const raw = [...nfc.matchAll(WORD)];
  // Told by the words English knows (names are capitalised in any case): "How Many Party Members Does …".
  const titleCase = isTitleCase(raw.map((m) => m[0]), (w) => isKnown(lowerOf(w)));
  const tokens = tokenize(nfc);
  const places = findPlaces(nfc, tokens, true).map((h) => ({ start: tokens[h.first]!.start, end: tokens[h.first + h.length - 1]!.end, label: h.label }));
  const out: Word[] = [];
  let i = 0;
  for (const m of raw) {
    const at = m.index;
    const place = places.find((p) => at >= p.start && at < p.end);
    if (place) {
      // The place's label once, for all its words.
      if (at === place.start) for (const w of place.label.split(' ')) out.push({ text: w, lower: lowerOf(w), name: true, place: true });
      i++;
      continue;
    }
    const lower = lowerOf(m[0]);
    const known = isKnown(lower);
    // A word English knows is no name ("Secretary", "Party"), unless it goes on a person's ("Nguyen Van An").
    const prev = out[out.length - 1];
    const goesOn = prev !== undefined && prev.name && !prev.place;
    const name = isCapital(m[0]) && (titleCase ? !known : i > 0 && (!known || goesOn));
    out.push({ text: m[0], lower, name, place: false });
    i++;
  }
  return out;
}

/** Is the message written in English? Names ("Nguyen Thi Le", "Ho Chi Minh City") say nothing of the language. */
export function isEnglish(text: string): boolean {
  // Most messages are Vietnamese: counted before the places are read (no fewer English words are found after).
  let english = 0;
  for (const m of text.normalize('NFC').matchAll(WORD)) if (ENGLISH_WORDS.has(lowerOf(m[0])) && ++english >= MIN_ENGLISH_WORDS) break;
  if (english < MIN_ENGLISH_WORDS) return false;
  const words = wordsOf(text).filter((w) => !w.name);
  english = words.filter((w) => ENGLISH_WORDS.has(w.lower)).length;
  return english >= MIN_ENGLISH_WORDS && english >= ENGLISH_SHARE * words.length;
}

/** The words as glossary phrases (longest first), names, other words and glue. */
function itemsOf(words: readonly Word[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(LONGEST, words.length - i);
    for (; n > 0; n--) {
      if (words.slice(i, i + n).some((w) => w.name)) continue;
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
    out.push({ vi: w.text, en: w.lower, kind: w.name ? 'name' : GLUE.has(w.lower) ? 'glue' : 'word' });
    i++;
  }
  return out;
}

const isBody = (x: Item) => x.kind === 'glossary' && x.vi.split(' ').every((s) => BODY_SYLLABLES.has(s));
const isVerb = (x: Item) => AUXILIARIES.has(x.en);

/**
 * The question in the reports' words, or null when it is not English (or nothing of it is left): each
 * longest glossary phrase replaced by its Vietnamese, glue dropped, every other word kept as typed, in
 * Vietnamese order; the closing mark kept.
 */
export function readEnglish(text: string): string | null {
  if (!isEnglish(text)) return null;
  let items = itemsOf(wordsOf(text));
  // A place's name before its body goes after it: "Hai Phong city agencies bloc" -> "khối các cơ quan thành phố Hải Phòng".
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
  const next = items[first + 1];
  if (opener && (opener.en === 'how many' || opener.en === 'how much' || opener.en.startsWith('what perc'))) {
    // "how many <unit> did …": the unit is what follows up to the verb.
    let end = first + 1;
    while (end < items.length && !isVerb(items[end]!)) end++;
    tail = items.slice(first, end);
    items = [...items.slice(0, first), ...items.slice(end)];
  } else if (opener && (opener.en === 'who' || opener.en === 'what') && next && COPULAS.has(next.en)) {
    // "who is the secretary …" -> "… là ai".
    tail = [{ vi: 'là', en: '', kind: 'word' }, opener];
    items = [...items.slice(0, first), ...items.slice(first + 2)];
  } else if (opener && ASKING_OF.has(opener.en) && next && next.kind === 'glossary') {
    // "which city has …" -> "thành phố nào có …".
    items = [...items.slice(0, first), next, opener, ...items.slice(first + 2)];
  }
  const out = [...items, ...tail].filter((x) => x.kind !== 'glue' && !isVerb(x)).map((x) => x.vi);
  if (out.length === 0) return null;
  const mark = /[?!.]\s*$/u.exec(text)?.[0].trim() ?? '';
  return out.join(' ') + mark;
}

/**
 * The corpus's own vocabulary, as the question analyser needs it: which syllables exist (with their
 * document frequency), their accented variants by folded form, neighbours one edit away (for typos),
 * and which syllable pairs the corpus writes. Built once per loaded index from its keyword postings.
 */
import type { LoadedIndex } from '../index/load.js';
import { PAIR_SEP, isPair } from '../index/terms.js';
import { fold, foldSyllable } from '../text/normalise.js';
import { STOP_SYLLABLES } from '../text/words.js';
import { isCapitalised } from '../text/gazetteer.js';
import { capitalisedRuns, isStopTwin, tokenize } from '../text/tokens.js';
import { ByteLru } from '../index/lru.js';
import { intersectSorted } from '../index/sorted.js';

/**
 * Syllables shorter than this are never typo-repaired: one edit turns "ủy" into too many words. A form
 * with no vowel ("nh", "bc", "mt") is no syllable at all, so it is a slip whatever its length.
 */
const MIN_REPAIR_LENGTH = 3;
const VOWEL = /[aeiouy]/u;

export interface Lexicon {
  /** Document frequency of a syllable; stop syllables (never indexed) count as frequent. */
  df(syllable: string): number;
  /** Document frequency of an adjacent pair of syllables. */
  pairDf(a: string, b: string): number;
  /** Syllables of the corpus (stop syllables included) whose folded form is `folded`. */
  variants(folded: string): readonly string[];
  /** Syllables whose folded form is one letter off `folded`: a letter dropped or doubled, or two neighbours swapped. */
  neighbours(folded: string): string[];
  /**
   * Syllables `typed` is exactly a slip of, marks included: one letter left out ("bện" for "bệnh", "lụ"
   * for "lục"), typed twice, or two neighbours swapped ("đưcợ"). Short syllables too: keeping every mark
   * leaves few readings, where a folded neighbour of "ra" would be a dozen words.
   */
  slips(typed: string): string[];
  /**
   * How the reports write a name typed without marks (its folded syllables: "sung a tuan" -> "sùng a
   * tuấn"), capitalised, when they write it one way; null when they do not, or write it several ways.
   */
  spelling(folded: readonly string[]): string[] | null;
}

/** Passages read to learn how the reports write a name (its first ones suffice). */
const SPELLING_PASSAGES = 20;
/** The spelling the reports use at least this share of the times they write the name; else none is chosen. */
const SPELLING_SHARE = 0.8;
/** Spellings kept between questions: the same few names come back, and each costs reading a few passages. */
const SPELLINGS_BYTES = 1 << 20;
const SPELLING_ENTRY_BYTES = 64;

const cache = new WeakMap<LoadedIndex, Lexicon>();

function deletes(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** `typed` is `word` with one letter left out or typed twice, or two neighbours swapped (exact strings). */
function isSlipOf(typed: string, word: string): boolean {
  if (typed === word) return false;
  if (typed.length + 1 === word.length) return deletes(word).includes(typed);
  if (typed.length === word.length + 1) return deletes(typed).includes(word);
  return typed.length === word.length && withinOne(typed, word);
}

/** Damerau–Levenshtein distance is at most one. */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function lexiconOf(index: LoadedIndex): Lexicon {
  let lex = cache.get(index);
  if (lex) return lex;
  const frequent = Math.max(1, Math.floor(index.keyword.docCount / 2));
  const stops = new Set(STOP_SYLLABLES);
  const byFold = new Map<string, string[]>();
  const addVariant = (s: string) => {
    const f = fold(s);
    const list = byFold.get(f);
    if (!list) byFold.set(f, [s]);
    else if (!list.includes(s)) list.push(s);
  };
  // The segments' term lists as they are, base then tail (a variant already listed is not listed again):
  // the set and order vocabulary() gives, without its frequency of every term, each a look-up in the
  // tail, for the millions of pairs this skips (some 60 ms of every start at 500,000 paragraphs).
  for (const terms of [index.keyword.base.termList(), index.keyword.tail?.termList() ?? []]) {
    for (const term of terms) if (!isPair(term) && /^\p{L}+$/u.test(term)) addVariant(term);
  }
  for (const s of stops) addVariant(s);
  // Folded forms by their one-deletion forms (SymSpell): a typo is found without scanning the vocabulary.
  const byDelete = new Map<string, string[]>();
  for (const f of byFold.keys()) {
    if (f.length < MIN_REPAIR_LENGTH) continue;
    for (const d of deletes(f)) {
      const list = byDelete.get(d);
      if (list) list.push(f);
      else byDelete.set(d, [f]);
    }
  }
  const spellings = new ByteLru<string, string[] | null>(SPELLINGS_BYTES);
  lex = {
    df: (s) => (stops.has(s) ? frequent : index.keyword.df(s)),
    // Not remembered here: the reading remembers its pair scores (repair.ts), and nearly every pair it
    // asks for the first time was never asked before (a memo here cost more than the look-ups it saved).
    pairDf: (a, b) => index.keyword.df(a + PAIR_SEP + b),
    variants: (f) => byFold.get(f) ?? [],
    neighbours: (f) => (f.length < MIN_REPAIR_LENGTH && VOWEL.test(f) ? [] : near(f).flatMap((g) => byFold.get(g) ?? [])),
    slips: (typed) => near(foldSyllable(typed)).flatMap((g) => (byFold.get(g) ?? []).filter((w) => isSlipOf(typed, w))),
    spelling: (folded) => {
      const key = folded.join(' ');
      let found = spellings.get(key);
      if (found === undefined) spellings.set(key, (found = spellingOf(index, folded)), SPELLING_ENTRY_BYTES + 2 * key.length);
      return found;
    },
  };
  /** Folded forms one letter off `f`. */
  function near(f: string): string[] {
    const found = new Set<string>();
    for (const key of [f, ...deletes(f)]) {
      // A letter left out or typed twice. A replaced letter reads as another word too often ("tên" /
      // "đến", "kiêm" / "kiện") to be repaired from pairs alone.
      for (const g of byDelete.get(key) ?? []) if (g !== f && g.length !== f.length && withinOne(f, g)) found.add(g);
      if (key !== f && byFold.has(key) && withinOne(f, key)) found.add(key);
    }
    // Two neighbouring letters swapped ("nhieu" typed "nheiu"): a swap of a real syllable is rarely another one.
    for (let i = 0; i + 1 < f.length; i++) {
      if (f[i] === f[i + 1]) continue;
      const g = f.slice(0, i) + f[i + 1] + f[i] + f.slice(i + 2);
      if (byFold.has(g)) found.add(g);
    }
    return [...found];
  }
  cache.set(index, lex);
  return lex;
}

function spellingOf(index: LoadedIndex, name: readonly string[]): string[] | null {
  // The passages holding each pair of it the index has, else each syllable: pairs are rarer, so the
  // passages read are likelier the name's. A pair is missing when one syllable is a function word (never
  // paired: "Thị" may be one), or when the reports do not write the name.
  const lists: Uint32Array[] = [];
  for (let k = 1; k < name.length; k++) {
    const m = index.keyword.match({ term: name[k - 1]! + PAIR_SEP + name[k]!, folded: true, weight: 1 });
    if (m) lists.push(m.docs);
    else if (!isStopTwin(name[k - 1]!) && !isStopTwin(name[k]!)) return null;
  }
  if (lists.length === 0) {
    for (const f of name.filter((x) => !isStopTwin(x))) {
      const m = index.keyword.match({ term: f, folded: true, weight: 1 });
      if (!m) return null;
      lists.push(m.docs);
    }
  }
  const docs = lists.length > 0 ? lists.reduce(intersectSorted) : null;
  if (!docs) return null;
  const seen = new Map<string, number>();
  let total = 0;
  const found = (form: string) => {
    seen.set(form, (seen.get(form) ?? 0) + 1);
    total++;
  };
  for (let d = 0; d < docs.length && d < SPELLING_PASSAGES; d++) {
    const text = index.chunks[docs[d]!]!.text;
    const runs = capitalisedRuns(text, name);
    if (runs) {
      for (const terms of runs) found(terms.join(' '));
      continue;
    }
    const tokens = tokenize(text);
    for (let i = 0; i + name.length <= tokens.length; i++) {
      // Written as a name: every syllable capitalised ("Hoa Đà", not the "hóa đã" of other words).
      if (!name.every((f, k) => tokens[i + k]!.folded === f && isCapitalised(text, tokens[i + k]!) && (k === 0 || tokens[i + k]!.joined))) continue;
      found(tokens.slice(i, i + name.length).map((t) => t.term).join(' '));
    }
  }
  let best: string | null = null;
  for (const [form, n] of seen) if (best === null || n > seen.get(best)!) best = form;
  return best !== null && seen.get(best)! >= SPELLING_SHARE * total ? best.split(' ') : null;
}

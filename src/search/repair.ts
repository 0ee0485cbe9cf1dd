/**
 * Reads each syllable of a question against the corpus: restores diacritics ("dang vien" ->
 * "đảng viên") and repairs a one-letter slip ("thàn ủy" -> "thành ủy", "nhiu" -> "nhiêu") by choosing,
 * over the whole question at once (Viterbi), the variants that make syllable pairs the corpus
 * writes. A syllable nothing supports keeps folded matching, so restoring never does worse than folding.
 */
import { foldSyllable } from '../text/normalise.js';
import { isWellFormedSyllable } from '../text/syllable.js';
import { isStop, type Token } from '../text/tokens.js';
import { PERSON_MARKERS, isFamilyName } from '../text/names.js';
import { QUESTION_PHRASES } from '../text/words.js';
import type { Lexicon } from './lexicon.js';

/** Costs of reading a typed syllable as a corpus syllable (lower is likelier). Chosen by hand, checked on the dev sets. */
const COST_ACCENT_UNACCENTED = 0.3; // the question was typed without marks: any variant is plausible
const COST_ACCENT_ACCENTED = 1.5; // the user typed marks elsewhere: this unmarked one is probably meant as typed
const COST_UNSEEN_MARKED = 1; // marks typed on a syllable the corpus never writes: a word of another topic, or a slip
const COST_WRONG_ACCENT = 1.5; // … read as another accent of the same letters (needs a known pair to win)
const COST_TYPO = 2; // … or as a syllable one letter off (needs a known pair to win)
const COST_UNSEEN = 1; // an unmarked syllable with no variant at all, kept as typed unless a known pair prefers a fix
const COST_REAL_WORD_TYPO = 3.5; // a syllable the corpus writes, read as one a letter off: a known pair on each side
const COST_SLIP = 0.5; // no Vietnamese syllable ("đượ", "ktẹ"), exactly a corpus syllable with a letter left out or swapped
const COST_SHAPED_SLIP = 2; // … shaped like one ("tên" may be meant, in a corpus without it): a known pair wins it
const COST_REAL_WORD_SLIP = 2.5; // … a syllable the corpus writes, exactly so: one frequent pair wins it ("tình tạng" -> "tình trạng")
/** A known pair is strong evidence for both of its syllables. */
const PAIR_BONUS = 2;
/** The question's own phrases ("bao nhiêu", "thế nào") are surer still: "ba nhiêu", "tế nào" are slips of them. */
const PHRASE_BONUS = 3;
const PAIR_DF_WEIGHT = 0.2;
const DF_WEIGHT = 0.15;
/** Candidates per syllable kept for the search (the likeliest first). */
const MAX_CANDIDATES = 24;
/**
 * Readings of a typed syllable remembered between questions (the same few thousand syllables come back
 * question after question, and finding a syllable's slips and neighbours means many vocabulary
 * look-ups); forgotten all at once past this many (up to 24 readings each: at most a few MB).
 */
const CANDIDATE_MEMO_MAX = 10_000;
/**
 * Pair-score tables of two tokens' candidate lists remembered between questions, by the lists (the
 * remembered lists come back with their syllables: "bao nhiêu", "đảng viên"): one look-up for the
 * whole table instead of one per pair; all forgotten past this many scores (8 bytes each).
 */
const PAIR_TABLE_MEMO_CELLS = 1_000_000;

export interface ReadToken {
  token: Token;
  /** The corpus syllable chosen (lower case), or the token's own term. */
  form: string;
  /** Match every accent variant of `form`'s folded form: nothing decided between them. */
  folded: boolean;
  change: 'none' | 'accent' | 'typo';
}

/**
 * Per token of a question: a syllable of a name as written elsewhere (a place of the gazetteer, or a
 * name the reports write one way), a capitalised word, or neither.
 */
export type NameKind = { written: string } | 'capitalised' | null;

interface Cand {
  form: string;
  cost: number;
  change: ReadToken['change'];
  keepFolded?: boolean;
  /** What pairs the form may make (see pairFlags), worked out at its first pair. */
  pairs?: number;
}

interface CandidateMemo {
  /** By what else decides the reading (see kindOf), then the token's term (a word's folded form is its term's). */
  byKind: Map<string, Map<string, readonly Cand[]>>;
  size: number;
}
const candidateMemos = new WeakMap<Lexicon, CandidateMemo>();

/** The kinds of reading with no written name, made once: `unaccented`, a number, capitalised. */
const PLAIN_KINDS = ['000', '001', '010', '011', '100', '101', '110', '111'];

function kindOf(t: Token, unaccented: boolean, name: NameKind): string {
  const k = (unaccented ? 4 : 0) + (t.isNumber ? 2 : 0) + (name === 'capitalised' ? 1 : 0);
  return name === null || name === 'capitalised' ? PLAIN_KINDS[k]! : `${PLAIN_KINDS[k]!}@${name.written}`;
}

/** candidates(), remembered per lexicon: they depend on the token's forms, the lexicon, `unaccented` and `name` only. Never changed by their users (but for their pair flags, filled in at first use). */
function rememberedCandidates(t: Token, lex: Lexicon, unaccented: boolean, name: NameKind): readonly Cand[] {
  let memo = candidateMemos.get(lex);
  if (!memo) candidateMemos.set(lex, (memo = { byKind: new Map(), size: 0 }));
  const kind = kindOf(t, unaccented, name);
  let byTerm = memo.byKind.get(kind);
  let c = byTerm?.get(t.term);
  if (!c) {
    c = candidates(t, lex, unaccented, name);
    if (memo.size >= CANDIDATE_MEMO_MAX) {
      memo.byKind.clear();
      memo.size = 0;
      byTerm = undefined;
    }
    if (!byTerm) memo.byKind.set(kind, (byTerm = new Map()));
    byTerm.set(t.term, c);
    memo.size++;
  }
  return c;
}

function candidates(t: Token, lex: Lexicon, unaccented: boolean, name: NameKind): Cand[] {
  if (t.isNumber || !/\p{L}/u.test(t.term)) return [{ form: t.term, cost: 0, change: 'none' }];
  // A name is read as written elsewhere: a place with the gazetteer's marks (those the corpus prefers
  // for other words, "Bác" for "Bac Ninh", are no guide to it), a person as the reports spell them.
  if (name !== null && name !== 'capitalised') return [{ form: name.written, cost: 0, change: name.written === t.term ? 'none' : 'accent' }];
  const marked = t.term !== t.folded;
  // A function word typed as such is meant ("là", not "làm"); a token with digits is a code ("N2O"); a
  // capitalised word may be a name the corpus lacks, no slip of a word it has.
  const slips = () => (name === 'capitalised' || isStop(t.term) || !/^\p{L}+$/u.test(t.term) ? [] : lex.slips(t.term));
  // A function word typed with its marks is meant ("với" is no slip of "vị"): it makes no pairs to defend it.
  if (marked && isStop(t.term)) return [{ form: t.term, cost: 0, change: 'none' }];
  if (marked && lex.df(t.term) > 0) {
    // A real syllable may still be a slip of another ("mạn xã hội" for "mạng"): only pairs on both sides
    // win it, or one pair when the marks typed are exactly the other's.
    return withSlips([{ form: t.term, cost: 0, change: 'none' }, ...lex.neighbours(t.folded).filter((n) => foldSyllable(n) !== t.folded).map((n) => ({ form: n, cost: COST_REAL_WORD_TYPO, change: 'typo' as const }))], slips(), REAL_WORD_SLIP, lex);
  }
  const out: Cand[] = [];
  if (marked) {
    // Typed with marks but unknown: kept unless a known pair prefers another accent or a one-letter fix.
    out.push({ form: t.term, cost: COST_UNSEEN_MARKED, change: 'none' });
    for (const v of lex.variants(t.folded)) out.push({ form: v, cost: COST_WRONG_ACCENT, change: 'accent' });
    for (const n of lex.neighbours(t.folded)) out.push({ form: n, cost: COST_TYPO, change: 'typo' });
    return withSlips(out, slips(), unknownSlip(t), lex);
  } else if (!unaccented && isStop(t.term)) {
    return [{ form: t.term, cost: 0, change: 'none' }];
  } else if (lex.variants(t.folded).some((v) => isStop(v))) {
    // A twin of a function word ("nao": nào / não, "co": có / cơ): corpus pairs cannot tell a question's
    // glue from content (stop words make no indexed pairs), so it keeps folded matching as typed.
    return [{ form: t.term, cost: 0, change: 'none', keepFolded: true }];
  } else {
    // A capitalised word without marks in a question typed with them is a name spelled so ("Cam Lộ"), not
    // the corpus's more frequent syllable ("Cảm Lộ"): as typed, unless a known pair prefers an accent.
    const asTyped = name === 'capitalised' && !unaccented;
    for (const v of lex.variants(t.folded)) {
      const cost = v === t.term ? 0 : unaccented ? COST_ACCENT_UNACCENTED : COST_ACCENT_ACCENTED;
      // Among accents of unmarked letters, the corpus's more frequent syllable is likelier.
      out.push({ form: v, cost: asTyped ? cost : cost - DF_WEIGHT * Math.log1p(lex.df(v)), change: v === t.term ? 'none' : 'accent' });
    }
    if (asTyped && out.length > 0 && !out.some((c) => c.form === t.term)) out.push({ form: t.term, cost: 0, change: 'none' });
    if (!out.some((c) => lex.df(c.form) > 0)) {
      for (const n of lex.neighbours(t.folded)) out.push({ form: n, cost: COST_TYPO - DF_WEIGHT * Math.log1p(lex.df(n)), change: 'typo' });
      out.push({ form: t.term, cost: COST_UNSEEN, change: 'none' });
      return withSlips(out, slips(), unknownSlip(t), lex);
    }
    return withSlips(out, slips(), REAL_WORD_SLIP, lex);
  }
  return out.sort((a, b) => a.cost - b.cost).slice(0, MAX_CANDIDATES);
}

/** What reading a typed syllable as an exact slip costs; `byFrequency`: the corpus's more frequent word is likelier. */
interface SlipCost {
  cost: number;
  byFrequency: boolean;
}
const REAL_WORD_SLIP: SlipCost = { cost: COST_REAL_WORD_SLIP, byFrequency: false };
/**
 * What is no syllable is read as the likeliest slip by frequency too; anything else on pairs alone, and
 * so are letters without a vowel ("hp", "HN"), as likely initials as a syllable that lost its vowel.
 */
const unknownSlip = (t: Token): SlipCost => (isWellFormedSyllable(t.term) || !/[aeiouy]/u.test(t.folded) ? { cost: COST_SHAPED_SLIP, byFrequency: false } : { cost: COST_SLIP, byFrequency: true });

/** The candidates with the exact slips added at their cost, or made that cheap. */
function withSlips(out: Cand[], slips: readonly string[], slip: SlipCost, lex: Lexicon): Cand[] {
  for (const form of slips) {
    const c = slip.byFrequency ? slip.cost - DF_WEIGHT * Math.log1p(lex.df(form)) : slip.cost;
    const have = out.find((x) => x.form === form);
    if (!have) out.push({ form, cost: c, change: 'typo' });
    else if (have.change === 'typo') have.cost = Math.min(have.cost, c);
  }
  return out.sort((a, b) => a.cost - b.cost).slice(0, MAX_CANDIDATES);
}

/** The question's phrases by first syllable: the Viterbi asks hundreds of pairs, and a pair looked up this way costs no string built. */
const PHRASES = new Map<string, Set<string>>();
for (const p of QUESTION_PHRASES) {
  const [a = '', b = ''] = p.split(' ');
  let after = PHRASES.get(a);
  if (!after) PHRASES.set(a, (after = new Set()));
  after.add(b);
}

function pairScore(a: string, b: string, lex: Lexicon): number {
  // Function words make no indexed pairs; the question's own phrases ("bao nhiêu", "là gì") stand in.
  if (PHRASES.get(a)?.has(b) === true) return PHRASE_BONUS;
  if (isStop(a) || isStop(b)) return 0;
  const df = lex.pairDf(a, b);
  return df > 0 ? PAIR_BONUS + PAIR_DF_WEIGHT * Math.log1p(df) : 0;
}

/**
 * A form's pair flags: MAY_PAIR when it is no function word and the index holds it (an indexed pair's
 * syllables are indexed too, so a syllable the corpus never writes makes none), PHRASE_HEAD when it
 * opens one of the question's phrases. Most of the 24 x 24 pairs a reading weighs are no corpus pair,
 * and this tells many of them without a look-up of the pair.
 */
const MAY_PAIR = 1;
const PHRASE_HEAD = 2;
/** … and SEEN when the corpus writes the form (df > 0; function words count as written). */
const SEEN = 4;
function pairFlags(c: Cand, lex: Lexicon): number {
  let f = c.pairs;
  if (f === undefined) {
    const seen = lex.df(c.form) > 0;
    c.pairs = f = (PHRASES.has(c.form) ? PHRASE_HEAD : 0) | (!isStop(c.form) && seen ? MAY_PAIR : 0) | (seen ? SEEN : 0);
  }
  return f;
}

/** Can the pair (a, b) score at all? When not, pairScore(a, b) is 0. */
function mayScore(a: Cand, b: Cand, lex: Lexicon): boolean {
  const fa = pairFlags(a, lex);
  return (fa & PHRASE_HEAD) !== 0 || (fa & pairFlags(b, lex) & MAY_PAIR) !== 0;
}

interface PairTables {
  /** By the first list, then the second: scores[c * first.length + p] is the pair (first[p], second[c])'s. */
  tables: WeakMap<readonly Cand[], WeakMap<readonly Cand[], Float64Array>>;
  cells: number;
}
const pairTableMemos = new WeakMap<Lexicon, PairTables>();

/** Every pair score of `prevs` then `curs` (0 where mayScore says none), remembered by the two lists. */
function pairTable(prevs: readonly Cand[], curs: readonly Cand[], lex: Lexicon): Float64Array {
  let m = pairTableMemos.get(lex);
  if (!m) pairTableMemos.set(lex, (m = { tables: new WeakMap(), cells: 0 }));
  let after = m.tables.get(prevs);
  let table = after?.get(curs);
  if (table) return table;
  if (m.cells >= PAIR_TABLE_MEMO_CELLS) {
    m.tables = new WeakMap();
    m.cells = 0;
    after = undefined;
  }
  if (!after) m.tables.set(prevs, (after = new WeakMap()));
  const np = prevs.length;
  table = new Float64Array(np * curs.length);
  // Each score worked out here, not remembered by syllables as well: on 3,000 questions 93% of the pairs a
  // new table weighs were never weighed before, and remembering them cost more than the look-ups.
  for (let c = 0; c < curs.length; c++) {
    const cand = curs[c]!;
    for (let j = 0; j < np; j++) if (mayScore(prevs[j]!, cand, lex)) table[c * np + j] = pairScore(prevs[j]!.form, cand.form, lex);
  }
  after.set(curs, table);
  m.cells += table.length;
  return table;
}

/** PERSON_MARKERS as folded syllables ("dong chi"). */
const MARKERS = PERSON_MARKERS.map((m) => m.split(' ').map((w) => foldSyllable(w)));

/**
 * Syllables of a person's name typed with marks: a capitalised run that starts with a family name
 * ("Nguyễn Thị Kim Ngân"). They are kept as typed: a name the corpus lacks is no slip of a word it has.
 */
function personSyllables(tokens: readonly Token[], names: readonly NameKind[], unaccented: boolean): boolean[] {
  const out = tokens.map(() => false);
  // "bà Thu Hường": the capitalised run after a word that introduces a person is a name whatever its
  // family name; typed with marks, every syllable is as typed ("Thu Hường" had become "Thư Thường", and
  // "Phó Bí thư Thường trực" answered for her).
  for (let i = 0; i < tokens.length; i++) {
    const m = MARKERS.find((w) => w.length <= i && w.every((x, k) => tokens[i - w.length + k]!.folded === x));
    if (!m || names[i] !== 'capitalised') continue;
    let j = i;
    while (j < tokens.length && names[j] === 'capitalised' && (j === i || tokens[j]!.joined)) j++;
    for (let k = i; k < j; k++) if (!unaccented || tokens[k]!.term !== tokens[k]!.folded) out[k] = true;
    i = j - 1;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!isFamilyName(tokens[i]!.term) || (i > 0 && names[i] !== 'capitalised')) continue;
    let j = i + 1;
    while (j < tokens.length && names[j] === 'capitalised' && tokens[j]!.joined) j++;
    if (j - i < 2) continue;
    for (let k = i; k < j; k++) if (tokens[k]!.term !== tokens[k]!.folded) out[k] = true;
    i = j - 1;
  }
  return out;
}

/**
 * The most likely corpus reading of the question's tokens. `names`: per token, part of a name as written
 * elsewhere (read so) or a capitalised word inside the question (repaired on pairs only, never as an
 * exact slip: "Quảng Ninh" is no slip of "quản").
 */
export function readTokens(tokens: readonly Token[], lex: Lexicon, unaccented: boolean, names: readonly NameKind[] = []): ReadToken[] {
  if (tokens.length === 0) return [];
  const person = personSyllables(tokens, names, unaccented);
  const cands = tokens.map((t, i) => (person[i] ? [{ form: t.term, cost: 0, change: 'none' as const }] : rememberedCandidates(t, lex, unaccented, names[i] ?? null)));
  // best[i][k]: lowest cost of a reading of tokens 0..i ending in candidate k; from[i][k]: its predecessor.
  const best: number[][] = [cands[0]!.map((c) => c.cost)];
  const from: number[][] = [cands[0]!.map(() => -1)];
  // tables[i]: the pair scores of tokens i - 1 and i when they are joined (else no pair counts).
  const tables: Array<Float64Array | null> = [null];
  // Plain loops, no closure per candidate: this runs some 24 x 24 times per pair of tokens.
  for (let i = 1; i < tokens.length; i++) {
    const prevs = cands[i - 1]!;
    const prevBest = best[i - 1]!;
    const np = prevs.length;
    const table = tokens[i]!.joined ? besideName(pairTable(prevs, cands[i]!, lex), prevs, cands[i]!, names[i - 1] ?? null, names[i] ?? null) : null;
    tables.push(table);
    const here: number[] = [];
    const back: number[] = [];
    const curs = cands[i]!;
    for (let c = 0; c < curs.length; c++) {
      let b = Infinity;
      let f = 0;
      for (let j = 0; j < np; j++) {
        const v = prevBest[j]! - (table !== null ? table[c * np + j]! : 0);
        if (v < b) {
          b = v;
          f = j;
        }
      }
      here.push(b + curs[c]!.cost);
      back.push(f);
    }
    best.push(here);
    from.push(back);
  }
  const path: number[] = new Array(tokens.length);
  let k = best[tokens.length - 1]!.reduce((m, v, j, a) => (v < a[m]! ? j : m), 0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    path[i] = k;
    k = from[i]![k]!;
  }
  const out: ReadToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = cands[i]![path[i]!]!;
    const prevJoined = i > 0 && t.joined;
    const nextJoined = i + 1 < tokens.length && tokens[i + 1]!.joined;
    const paired = (prevJoined && pairAt(tables, cands, i, path[i - 1]!, path[i]!) > 0) || (nextJoined && pairAt(tables, cands, i + 1, path[i]!, path[i + 1]!) > 0);
    // The other readings the corpus writes (no typo fix), by index in the token's candidates.
    let known = 0;
    let contested = false;
    for (let k = 0; k < cands[i]!.length; k++) {
      const x = cands[i]![k]!;
      if (x.change === 'typo' || (pairFlags(x, lex) & SEEN) === 0) continue;
      known++;
      // Another accent that also makes a pair the corpus writes with some reading of a neighbour ("gan
      // lợn" / "gan lớn", "đôi mắt" / "đối mặt", "hôi nách" / "đến hội"): the corpus does not decide.
      if (paired && !contested && x.form !== c.form && pairsWithAt(tables, cands, i, k, prevJoined, nextJoined)) contested = true;
    }
    // Unmarked and undecided: keep matching every accent of it, as folding did.
    const folded = c.keepFolded === true || (t.term === t.folded && !t.isNumber && c.change !== 'typo' && (!paired || contested) && known > 1 && unaccented);
    out.push({ token: t, form: c.form, folded, change: c.change });
  }
  return out;
}

/**
 * A pair table of two joined tokens, one of them a name's syllable and the other not: a name is followed
 * by any word, so such a pair is no evidence for a one-letter fix of the other word ("Nghệ An hóa" is no
 * "Nghệ An khóa" because a report wrote "Nghệ An khóa XIX"). Those scores are zeroed in a copy (the
 * remembered table is shared); a table between two names or two words is returned as it is.
 */
function besideName(table: Float64Array, prevs: readonly Cand[], curs: readonly Cand[], prevName: NameKind, curName: NameKind): Float64Array {
  if ((prevName === null) === (curName === null)) return table;
  const fixed = prevName === null ? prevs : curs;
  if (!fixed.some((c) => c.change === 'typo')) return table;
  const out = Float64Array.from(table);
  const np = prevs.length;
  for (let c = 0; c < curs.length; c++) for (let j = 0; j < np; j++) if ((prevName === null ? prevs[j]! : curs[c]!).change === 'typo') out[c * np + j] = 0;
  return out;
}

/** The score of candidate p of token i - 1 then candidate c of token i (joined: its table exists). */
function pairAt(tables: ReadonlyArray<Float64Array | null>, cands: ReadonlyArray<readonly Cand[]>, i: number, p: number, c: number): number {
  return tables[i]![c * cands[i - 1]!.length + p]!;
}

/** Does candidate k of token i make a pair the corpus writes with a reading (no typo fix) of a joined neighbour? */
function pairsWithAt(tables: ReadonlyArray<Float64Array | null>, cands: ReadonlyArray<readonly Cand[]>, i: number, k: number, prevJoined: boolean, nextJoined: boolean): boolean {
  if (prevJoined) {
    const prevs = cands[i - 1]!;
    for (let j = 0; j < prevs.length; j++) if (prevs[j]!.change !== 'typo' && pairAt(tables, cands, i, j, k) > 0) return true;
  }
  if (nextJoined) {
    const nexts = cands[i + 1]!;
    for (let j = 0; j < nexts.length; j++) if (nexts[j]!.change !== 'typo' && pairAt(tables, cands, i + 1, k, j) > 0) return true;
  }
  return false;
}

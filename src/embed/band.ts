/**
 * The dense band, measured per index at build time: what the model's top-1 cosine looks like for
 * questions the corpus answers (pseudo-questions cut from its own sentences) and for questions it does
 * not (a bundled list of off-topic questions, and the pseudo-questions with a place or name swapped).
 * From those: `lo`/`hi` of the cosine -> confidence map, the fusion `weight`, and whether the model
 * `vouches` (may answer alone). Pure functions plus one driver that takes the embedder and a
 * "top-1 cosine in the index" callback, so that this layer never imports the index.
 */
import { createHash } from 'node:crypto';
import { splitSentences } from '../text/sentences.js';
import type { Embedder } from './types.js';
import { OFF_TOPIC_QUESTIONS, OTHER_NAMES, PLACE_NAMES } from './off-topic.js';

/** Changes whenever the constants or the procedure change: an older band is measured again. */
export const BAND_METHOD = 'band-2';
/** Pseudo-questions per index: enough for a stable median; ~400 short queries in all, little next to embedding a corpus. */
const POSITIVE_SAMPLE = 200;
/** Fixed seed of the sample: the same corpus gives the same questions and the same band. */
const SAMPLE_SEED = 'dense-band';
/** Sentences this long read like statements a question can be cut from (shorter: headings, captions; longer: lists). */
const SENTENCE_WORDS = { min: 8, max: 60 };
/** A question keeps this many words of the middle of its sentence, like a user quoting half-remembered words. */
const SPAN_WORDS = { min: 6, max: 12 };
/** lo: the cosine 95% of off-topic questions stay under (a passage starts to look related above it). */
const NEGATIVE_QUANTILE = 0.95;
/** hi: the median answerable question's cosine (a passage surely is related at it). */
const POSITIVE_QUANTILE = 0.5;
/** Vouching needs hi - lo at least this (cosine units; e5 puts its whole useful range in ~0.15). */
const MIN_SEPARATION = 0.03;
/** ... and at most this share of all negatives (off-topic and swapped) at or above hi: each would be a confident wrong answer. */
const MAX_FALSE_ANSWERS = 0.02;
/** ... and this many positives and off-topic questions, or the quantiles mean little (swapped: or their AUC is ignored). */
const MIN_COUNTS = { positives: 50, offTopic: 40, swapped: 10 };
/** A band narrower than this is widened (to keep the linear map defined); such a model never vouches. */
const MIN_WIDTH = 0.02;
/**
 * Fusion weight from separation, measured scale-free as the AUC of positives against the harder kind
 * of negatives (off-topic or swapped: telling "which province" apart is what re-ranking needs):
 * WEIGHT_MAX (what e5 was given unmeasured) times ((AUC - 0.5) / 0.5)^2, so chance-level separation
 * gets ~0 and fusion stays as good as keyword search (the measured ramp lo..hi can be narrow and steep).
 * A model that does not vouch stays at most WEIGHT_NO_VOUCH (the unknown model's weight): re-rank only.
 */
const WEIGHT_MAX = 0.5;
const WEIGHT_NO_VOUCH = 0.15;

/** A sample's size and quantiles (5th, median, 95th), rounded for the manifest. */
export interface SampleSummary {
  count: number;
  q05: number;
  q50: number;
  q95: number;
}

export interface DenseBand {
  method: string;
  lo: number;
  hi: number;
  weight: number;
  vouches: boolean;
  /** One line: why it vouches or why not. */
  why: string;
  positives: SampleSummary;
  offTopic: SampleSummary;
  swapped: SampleSummary;
  /** Share of negatives (off-topic and swapped) with a top-1 cosine at or above hi. */
  falseAnswers: number;
  /** P(a positive's cosine > an off-topic question's). */
  auc: number;
  /** P(a positive's cosine > a swapped question's); null when too few were made. */
  aucSwapped: number | null;
}

/** The q-quantile of `values` (linear interpolation between order statistics); NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = Math.min(1, Math.max(0, q)) * (s.length - 1);
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < s.length ? s[i]! + frac * (s[i + 1]! - s[i]!) : s[i]!;
}

/** P(x > y) for x from `pos`, y from `neg`, ties counting half; 0.5 when either is empty. */
export function auc(pos: readonly number[], neg: readonly number[]): number {
  if (pos.length === 0 || neg.length === 0) return 0.5;
  let wins = 0;
  for (const x of pos) for (const y of neg) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : 0);

function summary(values: readonly number[]): SampleSummary {
  return { count: values.length, q05: round(quantile(values, 0.05)), q50: round(quantile(values, 0.5)), q95: round(quantile(values, 0.95)) };
}

/** The band and the vouching rule from measured top-1 cosines. */
export function bandFrom(positives: readonly number[], offTopic: readonly number[], swapped: readonly number[]): DenseBand {
  const rawLo = quantile(offTopic, NEGATIVE_QUANTILE);
  const rawHi = quantile(positives, POSITIVE_QUANTILE);
  const negatives = [...offTopic, ...swapped];
  const falseAnswers = negatives.length === 0 ? 1 : negatives.filter((c) => c >= rawHi).length / negatives.length;
  const separation = rawHi - rawLo;
  const a = auc(positives, offTopic);
  const aSwapped = swapped.length >= MIN_COUNTS.swapped ? auc(positives, swapped) : null;
  let why: string;
  if (positives.length < MIN_COUNTS.positives || offTopic.length < MIN_COUNTS.offTopic) {
    why = `too few questions measured (${positives.length} answerable, ${offTopic.length} off-topic)`;
  } else if (!(separation >= MIN_SEPARATION)) {
    why = `answerable and off-topic questions overlap (hi - lo = ${separation.toFixed(3)} < ${MIN_SEPARATION})`;
  } else if (falseAnswers > MAX_FALSE_ANSWERS) {
    why = `${pct(falseAnswers)} of unanswerable questions reach hi (at most ${pct(MAX_FALSE_ANSWERS)} allowed)`;
  } else {
    why = `clear separation (hi - lo = ${separation.toFixed(3)}, ${pct(falseAnswers)} of unanswerable questions reach hi)`;
  }
  const vouches = why.startsWith('clear');
  const share = Math.max(0, (Math.min(a, aSwapped ?? 1) - 0.5) / 0.5);
  const weight = Math.min(WEIGHT_MAX * share * share, vouches ? WEIGHT_MAX : WEIGHT_NO_VOUCH);
  let lo = Number.isFinite(rawLo) ? rawLo : 0;
  let hi = Number.isFinite(rawHi) ? rawHi : 1;
  if (hi - lo < MIN_WIDTH) {
    const mid = (hi + lo) / 2;
    lo = mid - MIN_WIDTH / 2;
    hi = mid + MIN_WIDTH / 2;
  }
  return {
    method: BAND_METHOD,
    lo: round(lo),
    hi: round(hi),
    weight: round(weight),
    vouches,
    why,
    positives: summary(positives),
    offTopic: summary(offTopic),
    swapped: summary(swapped),
    falseAnswers: round(falseAnswers),
    auc: round(a),
    aucSwapped: aSwapped === null ? null : round(aSwapped),
  };
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Stable pseudo-random key of a string under the sample seed. */
function key(s: string): string {
  return createHash('sha256').update(SAMPLE_SEED).update('\0').update(s).digest('hex');
}

/** Indices of `ids` in a fixed pseudo-random order (by a seeded hash of each id: stable as the corpus grows). */
export function sampleOrder(ids: readonly string[]): number[] {
  const keys = ids.map(key);
  return ids.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/**
 * A question cut from a statement: the middle SPAN_WORDS of a sentence of SENTENCE_WORDS (a span length
 * picked by the sentence's hash), without its final punctuation. Null for a sentence out of range.
 */
export function pseudoQuestion(sentence: string): string | null {
  const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < SENTENCE_WORDS.min || words.length > SENTENCE_WORDS.max) return null;
  const h = parseInt(key(sentence).slice(0, 8), 16);
  const len = Math.min(words.length - 2, SPAN_WORDS.min + (h % (SPAN_WORDS.max - SPAN_WORDS.min + 1)));
  const start = Math.max(1, Math.floor((words.length - len) / 2));
  return words
    .slice(start, start + len)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Up to `max` pseudo-questions from passages in sample order, one per passage per round (a small
 * corpus gives several per passage, a large one one each from the first passages of the sample).
 */
export function pseudoQuestions(ids: readonly string[], textOf: (i: number) => string, max = POSITIVE_SAMPLE): string[] {
  const order = sampleOrder(ids);
  const questions = new Map<number, string[]>();
  const questionsOf = (i: number): string[] => {
    let qs = questions.get(i);
    if (!qs) {
      const text = textOf(i);
      const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
      qs = sampleOrder(sentences).flatMap((s) => pseudoQuestion(sentences[s]!) ?? []);
      questions.set(i, qs);
    }
    return qs;
  };
  const out: string[] = [];
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const i of order) {
      const q = questionsOf(i)[round];
      if (q === undefined) continue;
      any = true;
      out.push(q);
      if (out.length >= max) break;
    }
    if (!any) break;
  }
  return out;
}

const LETTER = /[\p{L}\p{M}]/u;
const PLACES_LONGEST_FIRST = [...PLACE_NAMES].sort((a, b) => b.length - a.length);
/** A run of two or more capitalised words, not at the very start: a person's or an organisation's name. */
const CAPITALISED_RUN = /(?<=\s)\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)+/u;

/** Where a place of PLACE_NAMES stands in `text` as whole words, or null. */
function findPlace(text: string): { start: number; end: number; name: string } | null {
  for (const name of PLACES_LONGEST_FIRST) {
    let at = text.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      if (!LETTER.test(text[at - 1] ?? ' ') && !LETTER.test(text[end] ?? ' ')) return { start: at, end, name };
      at = text.indexOf(name, at + 1);
    }
  }
  return null;
}

/**
 * The question about someone or somewhere else: its place (else its capitalised name) replaced by a
 * name `avoid` does not reject (build: it rejects names the sampled questions mention, so that the swapped
 * question is not about the corpus after all). Null when the question names nothing.
 */
export function swapEntity(question: string, avoid: (name: string) => boolean): string | null {
  const h = parseInt(key(question).slice(0, 8), 16);
  const pick = (names: readonly string[], not: string) => {
    const ok = names.filter((n) => n !== not && !avoid(n));
    return ok.length > 0 ? ok[h % ok.length]! : null;
  };
  const place = findPlace(question);
  if (place) {
    const other = pick(PLACE_NAMES, place.name);
    return other === null ? null : question.slice(0, place.start) + other + question.slice(place.end);
  }
  const m = CAPITALISED_RUN.exec(question);
  if (!m) return null;
  const other = pick(OTHER_NAMES, m[0]);
  return other === null ? null : question.slice(0, m.index) + other + question.slice(m.index + m[0].length);
}

/** What the band is measured against: the index's chunks and its top-1 cosine. */
export interface BandProbe {
  ids: readonly string[];
  textOf: (i: number) => string;
  /** The cosine of the nearest stored vector to a query vector (0 when the index is empty). */
  top1: (query: Float32Array) => number;
}

/** Embeds the questions, looks each one up, and derives the band. */
export async function measureBand(embedder: Pick<Embedder, 'embedQuery'>, probe: BandProbe): Promise<DenseBand> {
  const positives = pseudoQuestions(probe.ids, probe.textOf);
  const sampled = positives.join('\n');
  const swapped: string[] = [];
  for (const q of positives) {
    const s = swapEntity(q, (name) => sampled.includes(name));
    if (s !== null) swapped.push(s);
  }
  const cosines = async (qs: readonly string[]) => {
    const out: number[] = [];
    for (const q of qs) out.push(probe.top1(await embedder.embedQuery(q)));
    return out;
  };
  return bandFrom(await cosines(positives), await cosines(OFF_TOPIC_QUESTIONS), await cosines(swapped));
}

/** One line for logs, /status and eval headers. */
export function describeBand(b: DenseBand): string {
  return (
    `lo ${b.lo.toFixed(3)} hi ${b.hi.toFixed(3)} weight ${b.weight.toFixed(3)}, ` +
    `${b.vouches ? 'may answer alone' : 're-rank only'} (${b.why}; answerable n=${b.positives.count} median ${b.positives.q50.toFixed(3)}, ` +
    `off-topic n=${b.offTopic.count} p95 ${b.offTopic.q95.toFixed(3)}, swapped n=${b.swapped.count} p95 ${b.swapped.q95.toFixed(3)}, AUC ${b.auc.toFixed(2)}` +
    `${b.aucSwapped === null ? '' : ` / swapped ${b.aucSwapped.toFixed(2)}`})`
  );
}

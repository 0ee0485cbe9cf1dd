/**
 * From ranked candidates to an Answer in one of three honest tiers: *high* (the reports answer: quote
 * it), *low* (passages that may be related, labelled as no confident answer) and *none* (the reports
 * do not answer, naming the closest articles). A refusal comes from a constraint the reports never
 * state (a place, a name, a year) or from too little of the question in any passage.
 */
import type { LoadedIndex } from '../index/load.js';
import type { StoredArticle } from '../index/store.js';
import { admitted, type ConstraintCheck } from '../search/entities.js';
import type { Candidate } from '../search/types.js';
import type { AnalyzedQuery } from '../search/analyse.js';
import { pickQuote } from './quote.js';
import { formerProvinceBody, namesUnitInside, narrowerBody } from './scope.js';
import { squash } from '../text/normalise.js';
import type { AnswerResult, ArticleRef, Confidence, ReportsWithin } from './types.js';
import { reportsWithin } from './within.js';

/**
 * Confidence from which passages are offered as "may be related" when none reaches the answer threshold.
 * Chosen on the tuning half of the news dev set so that most questions about articles that are not
 * indexed fall below it (the split-half test).
 */
export const LOW_CONFIDENCE = 0.25;
/** Extra candidates quoted beyond the page, to replace results that repeat a sentence already quoted. */
const SPARE_RESULTS = 3;
/** Results offered in the low tier: a few, since none is a confident answer. */
const LOW_RESULTS = 3;

export interface ComposeOptions {
  /** Confidence from which a passage answers (the high tier). */
  threshold: number;
  maxPerArticle: number;
  top: number;
  offset: number;
  /** Suggested article titles when nothing is relevant. */
  suggestions: number;
  /**
   * The question counts something of a place or body and names no year: among about equally good
   * answers, the newest report's goes first (a figure asked "now" is the latest one reported).
   */
  newestFirst?: boolean;
  /** The place a count question asks about as a whole (see scope.ts): a quote giving a body's figure inside it says so. */
  wholePlace?: string | null;
}

export interface Composed {
  answered: boolean;
  confidence: Confidence;
  missing: string[];
  results: AnswerResult[];
  total: number;
  suggestions: ArticleRef[];
  /** The first quote gives the figure of this body inside the place asked, not the place's own. */
  narrower: { place: string; body: string; merged?: true } | null;
  /** Reports on places inside a place asked that no report states (within.ts); their articles open `suggestions`. */
  within?: ReportsWithin[];
}

// "liệt kê", "tất cả", "toàn bộ", "list", "all": the question wants many results, maybe from one report.
// Matched on the question's diacritic-folded tokens, so typed with or without marks alike.
const WANTS_MANY = new Set(['liet ke', 'tat ca', 'toan bo', 'list', 'all']);

export function wantsMany(q: AnalyzedQuery): boolean {
  const words = q.tokens.map((t) => t.folded);
  return words.some((w, i) => WANTS_MANY.has(w) || (i + 1 < words.length && WANTS_MANY.has(`${w} ${words[i + 1]}`)));
}

export function articleRef(a: StoredArticle): ArticleRef {
  const ref: ArticleRef = { id: a.id, title: a.title, subject: a.subject ?? null, date: a.date, outlet: a.outlet, author: a.author, url: a.url };
  if (a.byline !== undefined) ref.byline = a.byline;
  return ref;
}

export function selectRelevant(index: LoadedIndex, candidates: readonly Candidate[], q: AnalyzedQuery, opts: Pick<ComposeOptions, 'threshold' | 'maxPerArticle'>): Candidate[] {
  const relevant = candidates.filter((c) => c.confidence >= opts.threshold);
  // Per article, its paragraphs shown (2 × paragraph, plus 1 for a caption): numbers, not a string per candidate.
  const seenParagraph = new Map<number, Set<number>>();
  const perArticle = new Map<number, number>();
  const cap = wantsMany(q) ? Number.POSITIVE_INFINITY : opts.maxPerArticle;
  const kept: Candidate[] = [];
  const overflow: Candidate[] = [];
  for (const c of relevant) {
    const chunk = index.chunks[c.chunk]!;
    const key = 2 * chunk.paragraph + (chunk.kind === 'caption' ? 1 : 0);
    let seen = seenParagraph.get(c.article);
    if (!seen) seenParagraph.set(c.article, (seen = new Set()));
    if (seen.has(key)) continue; // pieces of one long paragraph: show the best one
    seen.add(key);
    const n = perArticle.get(c.article) ?? 0;
    if (n >= cap) {
      overflow.push(c);
      continue;
    }
    perArticle.set(c.article, n + 1);
    kept.push(c);
  }
  // The cap spreads results over reports; when one report is all there is, show more of it after the others.
  return [...kept, ...overflow];
}

/**
 * Newest first: the answer within this much confidence of the first one, from a later-dated report, goes
 * first. Small, so that a report answering clearly better (its sentence states the measure asked, the
 * other one does not) keeps its place; only the first few answers are looked at.
 */
const NEWEST_MARGIN = 0.15;
const NEWEST_LOOK = 5;

/** A city named in full ("thành phố Quảng Ngãi", "TP Huế"): the province's capital when the province is asked. */
const CITY = /(?<![\p{L}])(?:thành phố|TP\.?)\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*/gu;

function namesNarrowerUnit(index: LoadedIndex, c: Candidate): boolean {
  return namesUnitInside(index.chunks[c.chunk]!.text) || namesUnitInside(index.articles[c.article]!.title);
}

function citiesNamed(index: LoadedIndex, c: Candidate): Set<string> {
  return new Set([...`${index.chunks[c.chunk]!.text}\n${index.articles[c.article]!.title}`.matchAll(CITY)].map((m) => m[0].replace(/^(?:thành phố|TP\.?)\s+/u, '')));
}

/** `relevant` with the newest report's answer first among those about as good as the first (see NEWEST_MARGIN). */
function newestFirst(index: LoadedIndex, relevant: readonly Candidate[]): Candidate[] {
  const first = relevant[0]!;
  const dayOf = (c: Candidate): string | null => {
    const d = index.articles[c.article]!.date;
    return d && d.iso && !d.yearMissing ? d.iso : null;
  };
  const firstCities = citiesNamed(index, first);
  let best = 0;
  let bestDay = dayOf(first);
  for (let i = 1; i < Math.min(relevant.length, NEWEST_LOOK); i++) {
    const c = relevant[i]!;
    const day = dayOf(c);
    if (c.confidence < first.confidence - NEWEST_MARGIN || day === null || bestDay === null || day <= bestDay) continue;
    // A newer report of a district, a commune or a body inside the place asked (even one the first passage
    // mentions in passing), or of a city the first passage does not name, is no newer figure of the place.
    if (namesNarrowerUnit(index, c)) continue;
    if ([...citiesNamed(index, c)].some((city) => !firstCities.has(city))) continue;
    best = i;
    bestDay = day;
  }
  return best === 0 ? [...relevant] : [relevant[best]!, ...relevant.slice(0, best), ...relevant.slice(best + 1)];
}

export function compose(index: LoadedIndex, candidates: readonly Candidate[], weights: ReadonlyMap<string, number>, q: AnalyzedQuery, opts: ComposeOptions, check: ConstraintCheck = { allows: null, missing: [], named: null }): Composed {
  const eligible = check.missing.length > 0 ? [] : admitted(check, candidates);
  let confidence: Confidence = 'none';
  let relevant = selectRelevant(index, eligible, q, opts);
  if (relevant.length > 0) {
    confidence = 'high';
    if (opts.newestFirst) relevant = newestFirst(index, relevant);
  } else {
    relevant = selectRelevant(index, eligible, q, { ...opts, threshold: Math.min(LOW_CONFIDENCE, opts.threshold) }).slice(0, LOW_RESULTS);
    if (relevant.length > 0) confidence = 'low';
  }
  // A few more than the page, so that dropping a repeated quote still fills it.
  const page = relevant.slice(opts.offset, opts.offset + opts.top + SPARE_RESULTS);
  const built = page.map((c, i): AnswerResult => {
    const chunk = index.chunks[c.chunk]!;
    const article = index.articles[c.article]!;
    const text = chunk.text; // decoded from the index's bytes on each read
    const quote = pickQuote(text, q, (t) => weights.get(t) ?? 0, {}, c.window);
    const result: AnswerResult = {
      rank: opts.offset + i + 1,
      score: round(c.confidence),
      chunkId: chunk.id,
      article: articleRef(article),
      paragraph: chunk.paragraph,
      paragraphEnd: chunk.paragraphEnd,
      kind: chunk.kind,
      text,
      context: chunk.context,
      quote: quote.text,
      highlights: quote.highlights,
      answer: quote.answer,
    };
    if (chunk.page !== undefined) result.page = chunk.page;
    return result;
  });
  // No two results quote the same sentence (a lead, its photo caption and a later paragraph can repeat it).
  const quoted = new Set<string>();
  const results = built
    .filter((r) => {
      const key = squash(r.quote);
      if (quoted.has(key)) return false;
      quoted.add(key);
      return true;
    })
    .slice(0, opts.top)
    .map((r, i) => ({ ...r, rank: opts.offset + i + 1 }));
  let narrower: Composed['narrower'] = null;
  if (confidence !== 'none' && opts.wholePlace && results.length > 0) {
    const at = results[0]!.answer?.[0]?.[0];
    // A former province's figure is no answer for the province it was merged into (part of it, not all of
    // it): said, and given as a passage that may be related (also when the count was already held back
    // as another province's: the note says why).
    const former = formerProvinceBody(results[0]!.quote, opts.wholePlace, at);
    if (former !== null) {
      narrower = { place: opts.wholePlace, body: former, merged: true };
      confidence = 'low';
    } else if (confidence === 'high') {
      const body = narrowerBody(results[0]!.quote, opts.wholePlace, at);
      if (body !== null) narrower = { place: opts.wholePlace, body };
    }
  }
  const suggestions: ArticleRef[] = [];
  // Reports on places inside a place asked that none states go first, said for what they are.
  const within = confidence === 'none' && check.missing.length > 0 ? reportsWithin(index, candidates, check.missing, articleRef) : [];
  if (confidence === 'none') {
    const seen = new Set<string>();
    for (const a of within.flatMap((w) => w.articles)) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      suggestions.push(a);
    }
    const limit = Math.max(opts.suggestions, suggestions.length);
    for (const c of candidates) {
      if (suggestions.length >= limit) break;
      const id = index.articles[c.article]!.id;
      if (seen.has(id) || c.confidence <= 0) continue;
      seen.add(id);
      suggestions.push(articleRef(index.articles[c.article]!));
    }
  }
  const composed: Composed = { answered: confidence === 'high', confidence, missing: check.missing, results, total: relevant.length, suggestions, narrower };
  if (within.length > 0) composed.within = within;
  return composed;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

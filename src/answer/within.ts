/**
 * A place asked that no report states may hold places the reports are about: "Quảng Trị có bao nhiêu
 * đảng viên?" over a report on Đông Hà (its provincial city), or "Gia Lai …" over one on Bình Định (part
 * of Gia Lai since the 2025 merger). Such reports answer nothing of the place asked (a city's or a former
 * province's figures are part of the whole, not the whole), so the question stays unanswered; they are
 * named first among the closest articles, each said for what it is. The one rule for that lives here.
 */
import type { LoadedIndex } from '../index/load.js';
import type { StoredArticle } from '../index/store.js';
import { articleAbout, articlesAbout, placeConstraint } from '../search/entities.js';
import type { Candidate } from '../search/types.js';
import { placesWithin } from '../text/gazetteer.js';
import type { ArticleRef, ReportsWithin } from './types.js';

/** Places inside the one asked that are named, at most: the closest articles stay a short list. */
const MAX_PLACES = 3;
/** Articles named per place inside: one or two make the point, the rest are a search away. */
const MAX_ARTICLES = 2;
/**
 * Articles read per place inside when none of the question's passages is about it: a report on Đông Hà
 * is named for "Quảng Trị …" though its passages share no word with the question, and a place whose
 * words many reports write costs no more than this.
 */
const MAX_LOOKED_UP = 200;

/**
 * For each place of `missing` (labels no report states), the places inside it that reports are about,
 * with those reports: those among `candidates` (the question's closest passages, best first) first, else
 * those the index finds.
 */
export function reportsWithin(index: LoadedIndex, candidates: readonly Candidate[], missing: readonly string[], ref: (a: StoredArticle) => ArticleRef): ReportsWithin[] {
  const out: ReportsWithin[] = [];
  const named = new Set<number>();
  for (const asked of missing) {
    for (const inside of placesWithin(asked)) {
      if (out.length >= MAX_PLACES) return out;
      const c = placeConstraint(inside.place);
      if (c === null) continue;
      const articles: number[] = [];
      for (const cand of candidates) {
        if (articles.length >= MAX_ARTICLES) break;
        // A report about the place, not one naming it in passing: "Có báo cáo về Đông Hà" says what it is about.
        if (cand.confidence <= 0 || named.has(cand.article) || articles.includes(cand.article) || !articleAbout(index, c, cand.article)) continue;
        articles.push(cand.article);
      }
      // None of the closest passages is about it: the reports about it, from the index.
      if (articles.length === 0) articles.push(...articlesAbout(index, c, MAX_ARTICLES, named, MAX_LOOKED_UP));
      if (articles.length === 0) continue;
      for (const a of articles) named.add(a);
      out.push({ asked, place: inside.place, via: inside.via, merged: inside.merged, articles: articles.map((a) => ref(index.articles[a]!)) });
    }
  }
  return out;
}

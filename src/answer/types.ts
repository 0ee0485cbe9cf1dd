import type { ArticleDate } from '../corpus/types.js';
import type { SearchMode } from '../search/types.js';

/** What a reply says about where a quote comes from. */
export interface ArticleRef {
  id: string;
  title: string;
  /** The place the article is about when its title does not say (cited beside it). */
  subject: string | null;
  date: ArticleDate | null;
  outlet: string | null;
  author: string | null;
  /** The byline as printed, author and office ("Hồ Sỹ Trung - Phó Bí thư Thường trực Thành ủy Đông Hà"), when the article has one. */
  byline?: string;
  url: string | null;
}

/** [start, end) character offsets. */
export type Span = readonly [number, number];

export interface AnswerResult {
  /** 1-based rank in the whole result list (not the page). */
  rank: number;
  /** Fused relevance score, higher is better; comparable within one answer. */
  score: number;
  chunkId: string;
  article: ArticleRef;
  /** 1-based body paragraph number(s) in the article (for a caption: the paragraph it follows). */
  paragraph: number;
  paragraphEnd: number;
  /** 1-based page of the paragraph in a paged source (pdf); absent for other formats. */
  page?: number;
  /** A paragraph of the article, or a photo caption (absent: a paragraph). */
  kind?: 'paragraph' | 'caption';
  /** The whole chunk text (the paragraph). */
  text: string;
  /** Heading or caption the chunk sits under, if any (context, not a quote). */
  context: string | null;
  /** The one to three sentences shown to the user: always a verbatim substring of `text`. */
  quote: string;
  /** Offsets into `quote` of the words that matched the question. */
  highlights: Span[];
  /** Offsets into `quote` of the answer itself (the number, the name, the date asked for), marked apart. */
  answer?: Span[];
}

/** high: the reports answer; low: passages that may be related, no confident answer; none: not in the reports. */
export type Confidence = 'high' | 'low' | 'none';

export interface Answer {
  /** The question as received (cleaned, possibly truncated). */
  question: string;
  /** The question as the search read it: chat and markup set aside, diacritics and typos repaired. */
  interpreted: string;
  /** True for the high tier only. */
  answered: boolean;
  confidence: Confidence;
  /** Places, names or years the question asks about that no report states. */
  missing: string[];
  mode: SearchMode;
  /** The page of results asked for (all of them relevant when answered, empty when not). */
  results: AnswerResult[];
  /** How many relevant results exist in all (for "more results" paging). */
  total: number;
  /** When not answered: the closest article titles to offer. */
  suggestions: ArticleRef[];
  /** When a place asked is missing: the closest reports on places inside it, named first for what they are (see answer/within.ts). */
  within?: ReportsWithin[];
  /** Things the user should know: keyword-only mode, question cut, … (message keys, see answer/messages). */
  notices: Notice[];
  timings: { embedMs: number; searchMs: number; answerMs: number };
  /** Identifies the index that produced this answer (changes on every rebuild). */
  indexVersion: string;
  /** Facts read from the reports' metadata (author, date, outlet, how many), shown before the quotes. */
  facts?: ReportFacts;
}

/** What a question about the reports themselves is answered with ("ai viết bài về Đông Hà?"); rendered by present. */
export interface ReportFacts {
  /** How many articles, when the question asks how many or which. */
  count: number | null;
  /** Each article's title, date, outlet and author. */
  articles: ArticleRef[];
  /** The question asks for the link: each article's address is shown too. */
  links: boolean;
}

/** Reports on a place inside the one asked ("Đông Hà" in Quảng Trị; Bình Định, part of Gia Lai since July 2025). */
export interface ReportsWithin {
  /** The place asked, that no report states. */
  asked: string;
  /** The place inside it, and the former province it lies in when that is not `asked` (see text/gazetteer.ts PlaceWithin). */
  place: string;
  via: string | null;
  merged: boolean;
  articles: ArticleRef[];
}

export type Notice =
  | { kind: 'keyword-only'; reason: string }
  | { kind: 'question-truncated'; maxChars: number }
  /** `examples`: questions this index answers (engine/examples.ts), shown with the hint. */
  | { kind: 'empty-question'; examples?: readonly string[] }
  /** "ông ấy …" with nobody to refer to: the reply asks who is meant. */
  | { kind: 'ask-who' }
  /** A follow-up about the article(s) the chat was about ("hội nghị đó", "chi tiết hơn"), which left the index since. */
  | { kind: 'article-gone' }
  /** A name no report states, one slip away from one they do ("Tôn Danh" / "Tôn Doanh"): asked back, never answered for. */
  | { kind: 'did-you-mean'; names: string[] }
  /**
   * The quote gives the figure of `body`, inside the place asked, not the place's own (see answer/scope.ts):
   * said before it. `merged`: a former province, part of the place since the 2025 merger.
   */
  | { kind: 'narrower-body'; place: string; body: string; merged?: true }
  /** A comparison answered for its other sides: this side's passage is only possibly related (said before the quotes). */
  | { kind: 'unsure-side'; side: string };

export type Lang = 'vi' | 'en';

import type { Answer, AnswerResult, ArticleRef, Lang } from '../answer/types.js';
import type { OperatorNote } from '../text/operator.js';
import type { SearchMode } from '../search/types.js';

export interface AskOptions {
  /** Results per page (default from config). */
  top?: number;
  /** Skip this many relevant results (paging: "next results"). */
  offset?: number;
  lang?: Lang;
  /** Only passages of these articles (ids) may answer: filters and "bài đó" follow-ups. */
  articles?: readonly string[];
}

/** A chunk as the bot shows it on "full paragraph": the citation fields of a result, whole text. */
export type ChunkView = Pick<AnswerResult, 'chunkId' | 'article' | 'paragraph' | 'paragraphEnd' | 'kind' | 'text' | 'context' | 'page'>;

export interface ArticleView extends ArticleRef {
  paragraphs: number;
  chunks: number;
}

export interface EngineStatus {
  articles: number;
  chunks: number;
  mode: SearchMode;
  /** The model serving queries, or null in keyword-only mode. */
  model: string | null;
  /** The model the index was built with (null: keyword-only index). */
  indexModel: string | null;
  /** Why the engine is not in the best mode the index allows, if it is not. */
  degradedReason: string | null;
  /** The same reason as a code and parameters, for the reader's language (null: none, or a text from the index). */
  degradedNote?: OperatorNote | null;
  /** How dense similarity counts: the band measured when the index was built, or why there is none (null: keyword-only). */
  dense?: string | null;
  builtAt: string;
  loadedAt: string;
  indexVersion: string;
  indexDir: string;
}

/** The question-answering service the bot and the CLI talk to. Safe to call concurrently. */
export interface QaEngine {
  ask(question: string, opts?: AskOptions): Promise<Answer>;
  /** Example questions for /start, /help and the empty-question hint that this index answers. */
  examples(): Promise<string[]>;
  articles(): ArticleView[];
  /** Ids of the articles the question's places, names and years are about (null: it names none). */
  about(question: string): string[] | null;
  /** Ids of the articles a person signs (byline or author; not a name their office holds), in index order. */
  signedBy(name: string): string[];
  article(id: string): ArticleView | null;
  chunk(chunkId: string): ChunkView | null;
  status(): EngineStatus;
  /** Asks itself a few questions in idle time so that the users' first ones find the code compiled (engine/warm-up.ts). */
  warmUp?(): Promise<{ questions: number; ms: number }>;
  /** Loads the index from disk again; a broken new index is refused and the old one keeps serving. */
  reload(): Promise<ReloadResult>;
  close(): Promise<void>;
}

/** What a reload did: `current` when the index on disk was the one already serving (nothing was loaded). */
export interface ReloadResult {
  ok: boolean;
  message: string;
  current?: true;
  /** Why a new index was refused, as a code and parameters for the reader's language (null: a text only). */
  reason?: OperatorNote | null;
}

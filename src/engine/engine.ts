/**
 * The question-answering service: holds the loaded index and the query embedder, answers questions,
 * and swaps in a new index when build-index commits one (in-flight questions finish on the index they
 * started with). A model problem never stops it: it serves keyword-only and says why.
 */
import { watchFile, unwatchFile } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { articleRef, compose } from '../answer/compose.js';
import { wholePlaceAsked } from '../answer/scope.js';
import type { Answer, AnswerResult, Notice } from '../answer/types.js';
import type { SearchMode } from '../search/types.js';
import { embedderOptions, loadEmbedder } from '../embed/embedder.js';
import type { Embedder } from '../embed/types.js';
import { loadIndex, type LoadedIndex } from '../index/load.js';
import { IndexLoadError, POINTER_FILE } from '../index/store.js';
import { analyzeQuery, type AnalyzedQuery } from '../search/analyse.js';
import { lexiconOf } from '../search/lexicon.js';
import { note as operatorNote, operatorText, type OperatorNote } from '../text/operator.js';
import { admitted, articlesSignedBy, checkConstraints, findConstraints, nearName, type ConstraintCheck } from '../search/entities.js';
import { retrieve } from '../search/retrieve.js';
import { type Candidate, type RetrieveOptions } from '../search/types.js';
import { isOnlyChat } from '../text/chat.js';
import { cleanQuestion } from '../text/normalise.js';
import { describeBand, type DenseBand } from '../embed/band.js';
import { denseCalibration } from '../embed/calibration.js';
import type { ArticleView, AskOptions, ChunkView, EngineStatus, QaEngine, ReloadResult } from './types.js';
import { examplesFor } from './examples.js';
import { warmUp, warmUpQuestions, type WarmUpResult } from './warm-up.js';

export interface OpenEngineOptions {
  logger?: Logger;
  /** Watch the index folder and reload when build-index writes a new index (default: config.watchIndex). */
  watch?: boolean;
  /** Reuse an already loaded embedder (tests, eval: load the model once). */
  embedder?: Embedder | null;
}

/** Candidates taken from each retriever before fusion and filtering: 30 re-ranks as well as 50 on the news dev set and XQuAD, in 2/3 of the time. */
const RETRIEVAL_DEPTH = 30;
/** Readings of questions kept per loaded index: a question comes back for its next page, a repeat, a check of what it is about. */
const READINGS_KEPT = 256;
/** At most this long warming up (warm-up.ts): about 30 questions at 500,000 chunks on a busy core. */
const WARM_UP_BUDGET_MS = 3000;

interface Serving {
  index: LoadedIndex;
  embedder: Embedder | null;
  mode: SearchMode;
  degradedReason: string | null;
  /** The same reason as a code, for texts in the reader's language (null: none, or a reason from elsewhere). */
  degradedNote: OperatorNote | null;
  loadedAt: string;
}

/** What an eval or benchmark wants to see beyond the answer. */
export interface AskTrace {
  answer: Answer;
  candidates: Candidate[];
  /** The top results as ranked before the relevance threshold (what eval measures retrieval on). */
  ranked: AnswerResult[];
}

const readings = new WeakMap<LoadedIndex, Map<string, AnalyzedQuery>>();

/**
 * analyzeQuery(text) on this index, remembered (the oldest reading forgotten first): it depends on the
 * text and the index's vocabulary only, and nothing changes a reading once made.
 */
function readingOf(index: LoadedIndex, text: string): AnalyzedQuery {
  let kept = readings.get(index);
  if (!kept) readings.set(index, (kept = new Map()));
  let q = kept.get(text);
  if (!q) {
    q = analyzeQuery(text, lexiconOf(index));
    if (kept.size >= READINGS_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(text, q);
  }
  return q;
}

/** Each index's example questions (engine/examples.ts), worked out at the first need: a few questions asked once. */
const examplesKept = new WeakMap<LoadedIndex, Promise<string[]>>();

export class Engine implements QaEngine {
  /** Set by open() before the engine is handed out. */
  private serving!: Serving;
  private readonly embedders = new Map<string, Promise<Embedder | null>>();
  private reloading: Promise<ReloadResult> | null = null;
  /** The load after the one under way (see reload()). */
  private reloadAgain: Promise<ReloadResult> | null = null;
  private stopWatch: (() => void) | null = null;
  private modeOverride: SearchMode | null = null;
  private closed = false;

  private constructor(
    readonly config: Config,
    private readonly logger: Logger | undefined,
  ) {}

  static async open(config: Config, opts: OpenEngineOptions = {}): Promise<Engine> {
    const index = await loadIndex(config.indexDir);
    const engine = new Engine(config, opts.logger);
    if (opts.embedder !== undefined && opts.embedder !== null) engine.embedders.set(opts.embedder.modelId, Promise.resolve(opts.embedder));
    engine.serving = await engine.prepare(index, opts.embedder === null);
    engine.logStatus('index loaded');
    if (opts.watch ?? config.watchIndex) engine.watch();
    return engine;
  }

  /** Forces a retrieval mode (eval compares keyword, vector and hybrid on one loaded index). */
  setMode(mode: SearchMode | null): void {
    this.modeOverride = mode;
  }

  private async embedderFor(modelId: string): Promise<Embedder | null> {
    let p = this.embedders.get(modelId);
    if (!p) {
      p = loadEmbedder(embedderOptions(this.config, modelId)).catch((e: Error) => {
        this.logger?.warn({ model: modelId, err: e.message }, 'embedding model unavailable');
        this.embedders.delete(modelId);
        throw e;
      });
      this.embedders.set(modelId, p);
    }
    return p;
  }

  /** Decides how to serve an index: with which model, or keyword-only and why. */
  private async prepare(index: LoadedIndex, keywordOnly = false): Promise<Serving> {
    const loadedAt = new Date().toISOString();
    // The fold map serves unaccented questions; build it now rather than on the first such question.
    index.keyword.warm();
    lexiconOf(index);
    const wanted = this.config.embeddingModel;
    const built = index.manifest.model;
    // A reason is a note (rendered in the reader's language by /status) or, from the index, a text as it was written.
    const keyword = (reason: OperatorNote | string): Serving =>
      typeof reason === 'string'
        ? { index, embedder: null, mode: 'keyword', degradedReason: reason, degradedNote: null, loadedAt }
        : { index, embedder: null, mode: 'keyword', degradedReason: operatorText(reason, 'en'), degradedNote: reason, loadedAt };
    if (keywordOnly || wanted === null) return keyword(operatorNote('keywordOnlySetting'));
    if (!built) return keyword(index.manifest.modelProblem ?? operatorNote('builtWithoutModel'));
    if (index.vectorProblem || !index.vectors) return keyword(index.vectorProblem ?? operatorNote('noUsableVectors'));
    let note: OperatorNote | null = null;
    if (built.id !== wanted) note = operatorNote('otherModel', { built: built.id, wanted });
    try {
      const embedder = await this.embedderFor(built.id);
      if (!embedder) return keyword(operatorNote('modelUnavailable', { model: built.id }));
      if (embedder.dim !== built.dim) return keyword(operatorNote('modelDimension', { model: built.id, dim: embedder.dim, indexDim: built.dim }));
      return { index, embedder, mode: 'hybrid', degradedReason: note && operatorText(note, 'en'), degradedNote: note, loadedAt };
    } catch (e) {
      return keyword(operatorNote('modelFailed', { detail: (e as Error).message }));
    }
  }

  async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
    return (await this.trace(question, opts)).answer;
  }

  /** `ask` with what happened inside; `rankedTop` > 0 also composes that many results ignoring the threshold. */
  async trace(question: string, opts: AskOptions = {}, rankedTop = 0): Promise<AskTrace> {
    const s = this.serving; // one index for the whole question, even if a reload lands meanwhile
    const cfg = this.config;
    const notices: Notice[] = [];
    const { text, truncated } = cleanQuestion(question, cfg.maxQuestionChars);
    if (truncated) notices.push({ kind: 'question-truncated', maxChars: cfg.maxQuestionChars });
    const mode = this.modeOverride ?? s.mode;
    if (s.mode === 'keyword') notices.push({ kind: 'keyword-only', reason: s.degradedReason ?? '' });
    const q = readingOf(s.index, text);
    const base = { question: text, interpreted: q.text, mode, indexVersion: s.index.manifest.version };
    // Nothing to search: no words, or only a greeting or a thank-you ("xin chào", "cảm ơn bot nhé").
    if (q.tokens.length === 0 || isOnlyChat(text)) {
      notices.push({ kind: 'empty-question', examples: await this.examples() });
      return { answer: { ...base, answered: false, confidence: 'none', missing: [], results: [], total: 0, suggestions: [], notices, timings: { embedMs: 0, searchMs: 0, answerMs: 0 } }, candidates: [], ranked: [] };
    }

    const t0 = performance.now();
    let qvec: Float32Array | null = null;
    if (s.embedder && mode !== 'keyword') {
      try {
        qvec = await s.embedder.embedQuery(text);
      } catch (e) {
        this.logger?.warn({ err: (e as Error).message }, 'query embedding failed; keyword search for this question');
      }
    }
    const t1 = performance.now();
    const ropts: RetrieveOptions = {
      mode: qvec ? mode : 'keyword',
      depth: RETRIEVAL_DEPTH,
      keywordWeight: cfg.keywordWeight,
      vectorWeight: cfg.vectorWeight,
      dense: s.embedder ? denseCalibration(s.embedder.modelId, s.index.manifest.model?.band ?? null) : null,
    };
    const { candidates, termWeights } = retrieve(s.index, q, qvec, ropts);
    const constraints = findConstraints(q);
    const check = withArticleFilter(s.index, checkConstraints(s.index, constraints), opts.articles);
    // A name no report states may be a slip of one they do: asked back, never answered for.
    const near = constraints.flatMap((c) => (c.kind === 'name' && check.missing.includes(c.label) ? [nearName(s.index, c.label)] : [])).filter((n): n is string => n !== null);
    if (near.length > 0) notices.push({ kind: 'did-you-mean', names: near });
    const t2 = performance.now();
    const composed = compose(s.index, candidates, termWeights, q, {
      threshold: cfg.answerThreshold,
      maxPerArticle: cfg.maxPerArticle,
      top: opts.top ?? cfg.topK,
      offset: opts.offset ?? 0,
      suggestions: 3,
      newestFirst: q.answerType === 'count' && constraints.some((c) => c.kind === 'place' || c.kind === 'body') && !constraints.some((c) => c.kind === 'year'),
      wholePlace: wholePlaceAsked(q, constraints),
    }, check);
    const { narrower, ...shown } = composed;
    if (narrower) notices.push({ kind: 'narrower-body', ...narrower });
    const t3 = performance.now();
    const answer: Answer = {
      ...base,
      ...shown,
      notices,
      timings: { embedMs: ms(t1 - t0), searchMs: ms(t2 - t1), answerMs: ms(t3 - t2) },
    };
    // The ranking alone, for eval: every candidate, those the constraints rule out after the others. Only
    // when asked for: a refused question's check never read its candidates, and this would read them all.
    const ranked = rankedTop > 0 ? compose(s.index, admitted(check, candidates, true), termWeights, q, { threshold: 0, maxPerArticle: cfg.maxPerArticle, top: rankedTop, offset: 0, suggestions: 0 }).results : [];
    return { answer, candidates, ranked };
  }

  /** Example questions this index answers (the built-in ones it answers, else its newest titles). */
  examples(): Promise<string[]> {
    const index = this.serving.index;
    let kept = examplesKept.get(index);
    if (!kept) {
      kept = examplesFor((q) => this.ask(q), index.articles.map(articleRef)).then(({ examples, complete }) => {
        if (!complete) examplesKept.delete(index);
        return examples;
      });
      examplesKept.set(index, kept);
    }
    return kept;
  }

  articles(): ArticleView[] {
    const idx = this.serving.index;
    return idx.articles.map((a) => ({ ...articleRef(a), paragraphs: a.paragraphs, chunks: a.chunks }));
  }

  about(question: string): string[] | null {
    const idx = this.serving.index;
    const constraints = findConstraints(readingOf(idx, cleanQuestion(question, this.config.maxQuestionChars).text));
    if (constraints.length === 0) return null;
    const { allows } = checkConstraints(idx, constraints);
    // Chunk -1 is no chunk: only articles whose head or several paragraphs state every constraint pass.
    return idx.articles.flatMap((a, i) => (allows?.(-1, i) ? [a.id] : []));
  }

  signedBy(name: string): string[] {
    const idx = this.serving.index;
    return articlesSignedBy(idx, name).map((i) => idx.articles[i]!.id);
  }

  article(id: string): ArticleView | null {
    const idx = this.serving.index;
    const i = idx.articleById.get(id);
    if (i === undefined) return null;
    const a = idx.articles[i]!;
    return { ...articleRef(a), paragraphs: a.paragraphs, chunks: a.chunks };
  }

  chunk(chunkId: string): ChunkView | null {
    const idx = this.serving.index;
    const i = idx.chunkById.get(chunkId);
    if (i === undefined) return null;
    const c = idx.chunks[i]!;
    const a = idx.articles[idx.chunkArticle[i]!]!;
    const view: ChunkView = { chunkId: c.id, article: articleRef(a), paragraph: c.paragraph, paragraphEnd: c.paragraphEnd, kind: c.kind, text: c.text, context: c.context };
    if (c.page !== undefined) view.page = c.page;
    return view;
  }

  status(): EngineStatus {
    const s = this.serving;
    const m = s.index.manifest;
    return {
      articles: m.counts.articles,
      chunks: m.counts.chunks,
      mode: s.mode,
      model: s.embedder?.modelId ?? null,
      indexModel: m.model?.id ?? null,
      degradedReason: s.degradedReason,
      degradedNote: s.degradedNote,
      dense: s.embedder ? denseNote(m.model?.band, s.embedder.modelId) : null,
      builtAt: m.builtAt,
      loadedAt: s.loadedAt,
      indexVersion: m.version,
      indexDir: this.config.indexDir,
    };
  }

  /** The loaded index (read-only use: eval and bench). */
  get index(): LoadedIndex {
    return this.serving.index;
  }

  /** Resolves once a load that started after this call is serving (the version CURRENT names now, or a later one). */
  async reload(): Promise<ReloadResult> {
    if (!this.reloading) {
      this.reloading = this.doReload().finally(() => {
        this.reloading = null;
      });
      return this.reloading;
    }
    // A load under way may have read CURRENT before the build that asks now committed: sharing it would
    // report the new index loaded while the old one serves. Requests made meanwhile share the next load.
    this.reloadAgain ??= this.reloading.then(
      () => {
        this.reloadAgain = null;
        return this.reload();
      },
      () => {
        this.reloadAgain = null;
        return this.reload();
      },
    );
    return this.reloadAgain;
  }

  private async doReload(): Promise<ReloadResult> {
    const before = this.serving.index.manifest.version;
    let index: LoadedIndex;
    try {
      index = await loadIndex(this.config.indexDir);
    } catch (e) {
      const message = `new index refused, still serving ${before}: ${(e as Error).message}`;
      this.logger?.error({ indexVersion: before }, message);
      return { ok: false, message, reason: e instanceof IndexLoadError ? e.note : null };
    }
    if (index.manifest.version === before) return { ok: true, message: `index ${before} already loaded`, current: true };
    this.serving = await this.prepare(index);
    this.logStatus('index reloaded');
    return { ok: true, message: `index ${index.manifest.version} loaded (${index.manifest.counts.articles} articles, ${index.manifest.counts.chunks} chunks, ${this.serving.mode})` };
  }

  private watch(): void {
    const pointer = path.join(this.config.indexDir, POINTER_FILE);
    const onChange = (cur: { mtimeMs: number }, prev: { mtimeMs: number }) => {
      if (cur.mtimeMs !== prev.mtimeMs) void this.reload();
    };
    // Polling stat is portable (Docker volumes, network disks) and costs nothing at this rate.
    watchFile(pointer, { interval: 1000, persistent: false }, onChange);
    this.stopWatch = () => unwatchFile(pointer, onChange);
  }

  private logStatus(msg: string): void {
    const st = this.status();
    this.logger?.info({ indexVersion: st.indexVersion, articles: st.articles, chunks: st.chunks, mode: st.mode, model: st.model, reason: st.degradedReason, dense: st.dense }, msg);
  }

  /**
   * Asks the warm-up questions (warm-up.ts) of the index serving now, in idle time; stops at a close or a
   * switch of index. Their readings are then forgotten, so no user's question is served from a reading made
   * before it was asked (a benchmark's least of all); what stays is compiled code and per-term memos.
   */
  async warmUp(budgetMs = WARM_UP_BUDGET_MS): Promise<WarmUpResult> {
    const s = this.serving;
    const titles = s.index.articles.map((a) => a.title);
    const result = await warmUp((q) => this.ask(q), warmUpQuestions(titles), { budgetMs, stopped: () => this.closed || this.serving !== s });
    readings.delete(s.index);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWatch?.();
    this.stopWatch = null;
    if (this.reloadAgain) await this.reloadAgain.catch(() => undefined);
    if (this.reloading) await this.reloading.catch(() => undefined);
    for (const p of this.embedders.values()) {
      const e = await p.catch(() => null);
      await e?.dispose().catch(() => undefined);
    }
    this.embedders.clear();
  }
}

export async function openEngine(config: Config, opts: OpenEngineOptions = {}): Promise<QaEngine> {
  return Engine.open(config, opts);
}

function denseNote(band: DenseBand | undefined, modelId: string): string {
  return band
    ? `dense band measured at build: ${describeBand(band)}`
    : `no dense band measured for this index (built before bands were): ${modelId} re-ranks only, never answers alone; rebuild the index to measure it`;
}

/** The constraint check narrowed to the allowed articles (ids), if any are given. */
function withArticleFilter(index: LoadedIndex, check: ConstraintCheck, articles: readonly string[] | undefined): ConstraintCheck {
  if (!articles) return check;
  const allowed = new Set(articles.flatMap((id) => index.articleById.get(id) ?? []));
  const inner = check.allows;
  return { ...check, allows: (chunk, article) => allowed.has(article) && (inner === null || inner(chunk, article)) };
}

function ms(x: number): number {
  return Math.round(x * 100) / 100;
}

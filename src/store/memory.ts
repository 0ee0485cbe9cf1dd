/** The ChatStore in memory: lost on restart, which is harmless for contexts; feedback is capped. */
import type { ChatContext, ChatKey, ChatStore, FeedbackQuery, FeedbackRecord, QuestionRecord, ReadingKey } from './types.js';

export interface MemoryStoreOptions {
  /** Clock in milliseconds (tests move it). */
  now?: () => number;
  /** Feedback records kept; the oldest are dropped beyond it (default 10 000). */
  maxFeedback?: number;
  /** Contexts kept, and readings; expired ones are swept first, then the oldest dropped (default 10 000). */
  maxContexts?: number;
}

export const keyString = (key: ChatKey) => (key.userId === undefined ? `${key.chatId}` : `${key.chatId}:${key.userId}`);

export class MemoryStore implements ChatStore {
  private readonly contexts = new Map<string, { context: ChatContext; expiresAt: number }>();
  private readonly readings = new Map<string, { question: string; expiresAt: number }>();
  private readonly feedback: FeedbackRecord[] = [];
  private readonly questions: QuestionRecord[] = [];
  private readonly now: () => number;
  private readonly maxFeedback: number;
  private readonly maxContexts: number;

  constructor(opts: MemoryStoreOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.maxFeedback = opts.maxFeedback ?? 10_000;
    this.maxContexts = opts.maxContexts ?? 10_000;
  }

  async getContext(key: ChatKey): Promise<ChatContext | null> {
    const k = keyString(key);
    const entry = this.contexts.get(k);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.contexts.delete(k);
      return null;
    }
    return structuredClone(entry.context);
  }

  async setContext(key: ChatKey, context: ChatContext, ttlMs: number): Promise<void> {
    const k = keyString(key);
    this.contexts.delete(k); // re-inserted last: the map stays in insertion (age) order
    if (this.contexts.size >= this.maxContexts) evict(this.contexts, this.maxContexts, this.now());
    this.contexts.set(k, { context: structuredClone(context), expiresAt: this.now() + ttlMs });
  }

  async deleteContext(key: ChatKey): Promise<void> {
    this.contexts.delete(keyString(key));
  }

  async setReading(key: ReadingKey, question: string, ttlMs: number): Promise<void> {
    const k = `${key.chatId}/${key.messageId}`;
    this.readings.delete(k);
    if (this.readings.size >= this.maxContexts) evict(this.readings, this.maxContexts, this.now());
    this.readings.set(k, { question, expiresAt: this.now() + ttlMs });
  }

  async getReading(key: ReadingKey): Promise<string | null> {
    const entry = this.readings.get(`${key.chatId}/${key.messageId}`);
    return entry && entry.expiresAt > this.now() ? entry.question : null;
  }

  async appendFeedback(record: FeedbackRecord): Promise<void> {
    this.feedback.push(structuredClone(record));
    if (this.feedback.length > this.maxFeedback) this.feedback.splice(0, this.feedback.length - this.maxFeedback);
  }

  async listFeedback(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    return select(this.feedback, query);
  }

  async appendQuestion(record: QuestionRecord): Promise<void> {
    this.questions.push(structuredClone(record));
    if (this.questions.length > this.maxFeedback) this.questions.splice(0, this.questions.length - this.maxFeedback);
  }

  async listQuestions(query: FeedbackQuery = {}): Promise<QuestionRecord[]> {
    return select(this.questions, query);
  }

  async close(): Promise<void> {
    this.contexts.clear();
    this.readings.clear();
  }
}

/** Drops expired entries, then the oldest (maps keep insertion order) until there is room for one. */
function evict(map: Map<string, { expiresAt: number }>, max: number, now: number): void {
  for (const [k, e] of map) if (e.expiresAt <= now) map.delete(k);
  for (const k of map.keys()) {
    if (map.size < max) break;
    map.delete(k);
  }
}

/** Records at or after `since`, the last `limit` of them, as copies. */
function select<T extends { time: string }>(records: readonly T[], { since, limit }: FeedbackQuery): T[] {
  const matching = since === undefined ? records : records.filter((r) => Date.parse(r.time) >= Date.parse(since));
  const recent = limit === undefined ? matching : matching.slice(Math.max(0, matching.length - limit));
  return structuredClone([...recent]);
}

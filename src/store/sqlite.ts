/**
 * The ChatStore in a SQLite file (better-sqlite3): contexts, feedback and question records survive a
 * restart. Created on first use, folder included. better-sqlite3 is synchronous, so a write is done
 * when the call returns: callers need not await it before replying, and the next read sees it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyString } from './memory.js';
import type { ChatContext, ChatKey, ChatStore, FeedbackQuery, FeedbackRecord, QuestionRecord, ReadingKey } from './types.js';

export interface SqliteStoreOptions {
  /** Clock in milliseconds (tests move it). */
  now?: () => number;
  /** Question and feedback records older than this many days are deleted; 0 keeps them all (default 180). */
  keepDays?: number;
}

/** Expired contexts and readings, and records past keepDays, are swept at open and then at most this often. */
const SWEEP_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contexts (key TEXT PRIMARY KEY, context TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS contexts_expiry ON contexts (expires_at);
CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, time TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY, time TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS feedback_time ON feedback (time);
CREATE INDEX IF NOT EXISTS questions_time ON questions (time);
CREATE TABLE IF NOT EXISTS readings (key TEXT PRIMARY KEY, question TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS readings_expiry ON readings (expires_at);
`;

export class SqliteStore implements ChatStore {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly keepMs: number;
  private lastSweep = -Infinity;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec(SCHEMA);
    this.now = opts.now ?? Date.now;
    this.keepMs = (opts.keepDays ?? 180) * DAY_MS;
    this.sweep();
  }

  /** Deletes what has expired: contexts, readings, and records older than keepDays (months of chats stay small). */
  sweep(): void {
    const now = this.now();
    this.lastSweep = now;
    this.db.prepare('DELETE FROM contexts WHERE expires_at <= ?').run(now);
    this.db.prepare('DELETE FROM readings WHERE expires_at <= ?').run(now);
    if (this.keepMs > 0) {
      const before = new Date(now - this.keepMs).toISOString();
      this.db.prepare('DELETE FROM questions WHERE time < ?').run(before);
      this.db.prepare('DELETE FROM feedback WHERE time < ?').run(before);
    }
  }

  private sweepNowAndThen(): void {
    if (this.now() - this.lastSweep >= SWEEP_EVERY_MS) this.sweep();
  }

  async getContext(key: ChatKey): Promise<ChatContext | null> {
    const row = this.db.prepare('SELECT context, expires_at FROM contexts WHERE key = ?').get(keyString(key)) as { context: string; expires_at: number } | undefined;
    if (!row) return null;
    if (row.expires_at <= this.now()) {
      this.db.prepare('DELETE FROM contexts WHERE key = ?').run(keyString(key));
      return null;
    }
    return JSON.parse(row.context) as ChatContext;
  }

  async setContext(key: ChatKey, context: ChatContext, ttlMs: number): Promise<void> {
    const now = this.now();
    this.db.prepare('INSERT INTO contexts (key, context, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at').run(keyString(key), JSON.stringify(context), now + ttlMs);
    this.sweepNowAndThen();
  }

  async deleteContext(key: ChatKey): Promise<void> {
    this.db.prepare('DELETE FROM contexts WHERE key = ?').run(keyString(key));
  }

  async setReading(key: ReadingKey, question: string, ttlMs: number): Promise<void> {
    this.db.prepare('INSERT INTO readings (key, question, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET question = excluded.question, expires_at = excluded.expires_at').run(`${key.chatId}/${key.messageId}`, question, this.now() + ttlMs);
    this.sweepNowAndThen();
  }

  async getReading(key: ReadingKey): Promise<string | null> {
    const row = this.db.prepare('SELECT question FROM readings WHERE key = ? AND expires_at > ?').get(`${key.chatId}/${key.messageId}`, this.now()) as { question: string } | undefined;
    return row?.question ?? null;
  }

  async appendFeedback(record: FeedbackRecord): Promise<void> {
    this.db.prepare('INSERT INTO feedback (time, record) VALUES (?, ?)').run(record.time, JSON.stringify(record));
  }

  async listFeedback(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    return this.select<FeedbackRecord>('feedback', query);
  }

  async appendQuestion(record: QuestionRecord): Promise<void> {
    this.db.prepare('INSERT INTO questions (time, record) VALUES (?, ?)').run(record.time, JSON.stringify(record));
    this.sweepNowAndThen();
  }

  async listQuestions(query: FeedbackQuery = {}): Promise<QuestionRecord[]> {
    return this.select<QuestionRecord>('questions', query);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private select<T>(table: 'feedback' | 'questions', { since, limit }: FeedbackQuery): T[] {
    const where = since === undefined ? '' : 'WHERE time >= @since';
    const sql = `SELECT record FROM (SELECT id, record FROM ${table} ${where} ORDER BY id DESC ${limit === undefined ? '' : 'LIMIT @limit'}) ORDER BY id`;
    const rows = this.db.prepare(sql).all({ ...(since === undefined ? {} : { since }), ...(limit === undefined ? {} : { limit }) }) as Array<{ record: string }>;
    return rows.map((r) => JSON.parse(r.record) as T);
  }
}

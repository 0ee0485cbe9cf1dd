/**
 * The ChatStore in a SQLite file (better-sqlite3): contexts, feedback and question records survive a
 * restart. Created on first use, folder included. better-sqlite3 is synchronous, so a write is done
 * when the call returns: callers need not await it before replying, and the next read sees it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyString } from './memory.js';
import type { ChatContext, ChatKey, ChatStore, FeedbackQuery, FeedbackRecord, QuestionRecord } from './types.js';

export interface SqliteStoreOptions {
  /** Clock in milliseconds (tests move it). */
  now?: () => number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contexts (key TEXT PRIMARY KEY, context TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS contexts_expiry ON contexts (expires_at);
CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, time TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY, time TEXT NOT NULL, record TEXT NOT NULL);
`;

export class SqliteStore implements ChatStore {
  private readonly db: Database.Database;
  private readonly now: () => number;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec(SCHEMA);
    this.now = opts.now ?? Date.now;
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
    // Expired contexts are swept now and then, not on every write.
    if (Math.random() < 0.02) this.db.prepare('DELETE FROM contexts WHERE expires_at <= ?').run(now);
  }

  async deleteContext(key: ChatKey): Promise<void> {
    this.db.prepare('DELETE FROM contexts WHERE key = ?').run(keyString(key));
  }

  async appendFeedback(record: FeedbackRecord): Promise<void> {
    this.db.prepare('INSERT INTO feedback (time, record) VALUES (?, ?)').run(record.time, JSON.stringify(record));
  }

  async listFeedback(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    return this.select<FeedbackRecord>('feedback', query);
  }

  async appendQuestion(record: QuestionRecord): Promise<void> {
    this.db.prepare('INSERT INTO questions (time, record) VALUES (?, ?)').run(record.time, JSON.stringify(record));
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

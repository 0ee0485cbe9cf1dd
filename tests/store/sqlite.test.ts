import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { ChatContext, FeedbackRecord, QuestionRecord } from '../../src/store/types.js';

const ctx = (question: string): ChatContext => ({ question, chunkIds: ['a#p1'], indexVersion: 'v1', shown: 1, turn: { question, constraints: [{ kind: 'place', label: 'Huế' }], measure: null, person: 'Phan Thiên Định', chunkIds: ['a#p1'], articleIds: ['a'] } });
const vote = (time: string, v: FeedbackRecord['vote'] = 'up'): FeedbackRecord => ({ time, chatId: 1, userId: 2, question: 'ai là bí thư?', chunkIds: ['a#p1'], indexVersion: 'v1', vote: v });
const asked = (time: string, confidence: QuestionRecord['confidence']): QuestionRecord => ({ time, chatId: 1, question: 'q', interpreted: 'q', confidence, chunkIds: [], indexVersion: 'v1' });

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const file = () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
  return path.join(dir, 'nested', 'store.sqlite');
};

describe('SqliteStore', () => {
  it('creates its file and folder on first use, and keeps contexts across a reopen', async () => {
    const f = file();
    const a = new SqliteStore(f);
    await a.setContext({ chatId: 1 }, ctx('một'), 60_000);
    await a.setContext({ chatId: -5, userId: 7 }, ctx('nhóm'), 60_000);
    await a.close();
    const b = new SqliteStore(f);
    expect(await b.getContext({ chatId: 1 })).toEqual(ctx('một'));
    expect((await b.getContext({ chatId: -5, userId: 7 }))?.question).toBe('nhóm');
    expect(await b.getContext({ chatId: -5, userId: 8 })).toBeNull();
    await b.deleteContext({ chatId: 1 });
    expect(await b.getContext({ chatId: 1 })).toBeNull();
    await b.close();
  });

  it('forgets a context once it expires', async () => {
    let now = 1_000;
    const s = new SqliteStore(file(), { now: () => now });
    await s.setContext({ chatId: 1 }, ctx('một'), 60_000);
    now += 59_999;
    expect(await s.getContext({ chatId: 1 })).not.toBeNull();
    now += 1;
    expect(await s.getContext({ chatId: 1 })).toBeNull();
    await s.close();
  });

  it('lists feedback and questions oldest first, since a time, the last N', async () => {
    const s = new SqliteStore(file());
    for (const t of ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']) {
      await s.appendFeedback(vote(t));
      await s.appendQuestion(asked(t, 'high'));
    }
    expect((await s.listFeedback()).map((r) => r.time.slice(8, 10))).toEqual(['01', '02', '03']);
    expect((await s.listFeedback({ since: '2026-01-02T00:00:00.000Z' })).length).toBe(2);
    expect((await s.listQuestions({ limit: 2 })).map((r) => r.time.slice(8, 10))).toEqual(['02', '03']);
    await s.close();
  });

  it('keeps the reading of an answer per question message across a reopen, until it expires', async () => {
    let now = Date.parse('2026-06-01T00:00:00.000Z');
    const f = file();
    const a = new SqliteStore(f, { now: () => now });
    await a.setReading({ chatId: 1, messageId: 10 }, 'Đảng bộ Khối các cơ quan Nghệ An có bao nhiêu chi bộ?', 60_000);
    await a.close();
    const b = new SqliteStore(f, { now: () => now });
    expect(await b.getReading({ chatId: 1, messageId: 10 })).toBe('Đảng bộ Khối các cơ quan Nghệ An có bao nhiêu chi bộ?');
    expect(await b.getReading({ chatId: 1, messageId: 11 })).toBeNull();
    expect(await b.getReading({ chatId: 2, messageId: 10 })).toBeNull();
    now += 60_000;
    expect(await b.getReading({ chatId: 1, messageId: 10 })).toBeNull();
    await b.close();
  });

  it('deletes records older than keepDays and expired contexts and readings, at open and hourly, so months of use stay small', async () => {
    let now = Date.parse('2026-06-01T00:00:00.000Z');
    const f = file();
    const a = new SqliteStore(f, { now: () => now, keepDays: 30 });
    await a.appendQuestion(asked('2026-04-01T00:00:00.000Z', 'high'));
    await a.appendFeedback(vote('2026-04-01T00:00:00.000Z'));
    await a.appendQuestion(asked('2026-05-31T00:00:00.000Z', 'none'));
    await a.appendFeedback(vote('2026-05-31T00:00:00.000Z', 'down'));
    await a.setContext({ chatId: 1 }, ctx('một'), 60_000);
    await a.setReading({ chatId: 1, messageId: 10 }, 'q', 60_000);
    // Within the hour nothing is swept: writes stay cheap.
    expect((await a.listQuestions()).length).toBe(2);
    now += 61 * 60_000;
    await a.appendQuestion(asked('2026-06-01T01:01:00.000Z', 'low'));
    expect((await a.listQuestions()).map((r) => r.confidence)).toEqual(['none', 'low']);
    expect((await a.listFeedback()).map((r) => r.vote)).toEqual(['down']);
    await a.close();
    const db = (await import('better-sqlite3')).default(f, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM contexts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM readings').get()).toEqual({ n: 0 });
    db.close();
    // keepDays 0 keeps everything.
    const b = new SqliteStore(f, { now: () => now + 365 * 86_400_000, keepDays: 0 });
    expect((await b.listQuestions()).length).toBe(2);
    await b.close();
  });
});

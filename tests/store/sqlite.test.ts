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
});

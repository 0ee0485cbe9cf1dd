import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import { chatKey, type ChatContext, type FeedbackRecord } from '../../src/store/types.js';

const ctx = (question: string): ChatContext => ({ question, chunkIds: ['a#p1', 'b#p2'], indexVersion: 'v1', shown: 2 });

const vote = (time: string, v: FeedbackRecord['vote'] = 'up'): FeedbackRecord => ({
  time,
  chatId: 1,
  userId: 2,
  question: 'ai là bí thư?',
  chunkIds: ['a#p1'],
  indexVersion: 'v1',
  vote: v,
});

describe('chatKey', () => {
  it('adds the user only in groups', () => {
    expect(chatKey(5, 'private', 5)).toEqual({ chatId: 5 });
    expect(chatKey(-100, 'supergroup', 7)).toEqual({ chatId: -100, userId: 7 });
    expect(chatKey(-1, 'group', 7)).toEqual({ chatId: -1, userId: 7 });
    expect(chatKey(-1, 'group', undefined)).toEqual({ chatId: -1 });
  });
});

describe('MemoryStore contexts', () => {
  it('gets, replaces and deletes a context', async () => {
    const store = new MemoryStore();
    const key = { chatId: 1 };
    expect(await store.getContext(key)).toBeNull();
    await store.setContext(key, ctx('một'), 60_000);
    expect(await store.getContext(key)).toEqual(ctx('một'));
    await store.setContext(key, ctx('hai'), 60_000);
    expect((await store.getContext(key))?.question).toBe('hai');
    await store.deleteContext(key);
    expect(await store.getContext(key)).toBeNull();
  });

  it('keeps group members apart', async () => {
    const store = new MemoryStore();
    await store.setContext(chatKey(-100, 'supergroup', 1), ctx('của 1'), 60_000);
    await store.setContext(chatKey(-100, 'supergroup', 2), ctx('của 2'), 60_000);
    expect((await store.getContext({ chatId: -100, userId: 1 }))?.question).toBe('của 1');
    expect((await store.getContext({ chatId: -100, userId: 2 }))?.question).toBe('của 2');
    expect(await store.getContext({ chatId: -100 })).toBeNull();
  });

  it('forgets a context when it expires', async () => {
    let now = 1_000;
    const store = new MemoryStore({ now: () => now });
    await store.setContext({ chatId: 1 }, ctx('q'), 500);
    now = 1_499;
    expect(await store.getContext({ chatId: 1 })).not.toBeNull();
    now = 1_500;
    expect(await store.getContext({ chatId: 1 })).toBeNull();
  });

  it('returns copies: a caller cannot change what is stored', async () => {
    const store = new MemoryStore();
    const value = ctx('q');
    await store.setContext({ chatId: 1 }, value, 60_000);
    value.chunkIds.push('x');
    const got = (await store.getContext({ chatId: 1 }))!;
    got.chunkIds.push('y');
    expect((await store.getContext({ chatId: 1 }))!.chunkIds).toEqual(['a#p1', 'b#p2']);
  });

  it('stays bounded: expired contexts go first, then the oldest', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now, maxContexts: 2 });
    await store.setContext({ chatId: 1 }, ctx('1'), 10);
    await store.setContext({ chatId: 2 }, ctx('2'), 1_000);
    now = 20;
    await store.setContext({ chatId: 3 }, ctx('3'), 1_000);
    expect(await store.getContext({ chatId: 2 })).not.toBeNull();
    await store.setContext({ chatId: 4 }, ctx('4'), 1_000);
    expect(await store.getContext({ chatId: 2 })).toBeNull();
    expect(await store.getContext({ chatId: 3 })).not.toBeNull();
    expect(await store.getContext({ chatId: 4 })).not.toBeNull();
  });
});

describe('MemoryStore feedback', () => {
  it('appends records and lists them oldest first', async () => {
    const store = new MemoryStore();
    await store.appendFeedback(vote('2026-01-01T00:00:00Z', 'up'));
    await store.appendFeedback(vote('2026-01-02T00:00:00Z', 'down'));
    const all = await store.listFeedback();
    expect(all.map((r) => r.vote)).toEqual(['up', 'down']);
    expect(all[0]).toEqual(vote('2026-01-01T00:00:00Z', 'up'));
  });

  it('filters by time and keeps the most recent ones under a limit', async () => {
    const store = new MemoryStore();
    for (const day of ['01', '02', '03', '04']) await store.appendFeedback(vote(`2026-01-${day}T00:00:00Z`));
    expect((await store.listFeedback({ since: '2026-01-03T00:00:00Z' })).map((r) => r.time.slice(8, 10))).toEqual(['03', '04']);
    expect((await store.listFeedback({ limit: 3 })).map((r) => r.time.slice(8, 10))).toEqual(['02', '03', '04']);
    expect(await store.listFeedback({ limit: 0 })).toEqual([]);
  });

  it('drops the oldest records beyond its cap', async () => {
    const store = new MemoryStore({ maxFeedback: 2 });
    for (const day of ['01', '02', '03']) await store.appendFeedback(vote(`2026-01-${day}T00:00:00Z`));
    expect((await store.listFeedback()).map((r) => r.time.slice(8, 10))).toEqual(['02', '03']);
  });
});

describe('MemoryStore readings', () => {
  it('keeps the reading of an answer per question message until it expires, and stays bounded', async () => {
    let now = 0;
    const s = new MemoryStore({ now: () => now, maxContexts: 2 });
    await s.setReading({ chatId: 1, messageId: 10 }, 'một', 1_000);
    await s.setReading({ chatId: 1, messageId: 11 }, 'hai', 1_000);
    expect(await s.getReading({ chatId: 1, messageId: 10 })).toBe('một');
    await s.setReading({ chatId: 1, messageId: 12 }, 'ba', 1_000);
    expect(await s.getReading({ chatId: 1, messageId: 10 })).toBeNull();
    expect(await s.getReading({ chatId: 1, messageId: 12 })).toBe('ba');
    now = 1_000;
    expect(await s.getReading({ chatId: 1, messageId: 12 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { PageLists } from '../../src/store/pages.js';

const answer = (indexVersion: string): Answer => ({
  question: 'q',
  interpreted: 'q',
  answered: true,
  confidence: 'high',
  missing: [],
  mode: 'keyword',
  results: [],
  total: 5,
  suggestions: [],
  notices: [],
  timings: { embedMs: 0, searchMs: 0, answerMs: 0 },
  indexVersion,
});

describe('PageLists', () => {
  it('keeps a list per question message and drops the oldest beyond its bound', () => {
    const lists = new PageLists(2);
    lists.set({ chatId: 1, messageId: 10 }, { answer: answer('v1'), from: 3 });
    lists.set({ chatId: 2, messageId: 10 }, { answer: answer('v2'), from: 3 });
    expect(lists.get({ chatId: 1, messageId: 10 })?.answer.indexVersion).toBe('v1');
    expect(lists.get({ chatId: 2, messageId: 11 })).toBeNull();
    // Set again, the first list is the newest: the second one is dropped for the third.
    lists.set({ chatId: 1, messageId: 10 }, { answer: answer('v1b'), from: 3 });
    lists.set({ chatId: 3, messageId: 10 }, { answer: answer('v3'), from: 3 });
    expect(lists.size).toBe(2);
    expect(lists.get({ chatId: 2, messageId: 10 })).toBeNull();
    expect(lists.get({ chatId: 1, messageId: 10 })?.answer.indexVersion).toBe('v1b');
  });
});

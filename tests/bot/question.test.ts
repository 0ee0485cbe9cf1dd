import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { loadConfig } from '../../src/config.js';
import type { BotContext } from '../../src/bot/context.js';
import { answerQuestion } from '../../src/bot/question.js';
import { makeServices } from '../../src/bot/services.js';
import type { QaEngine } from '../../src/engine/types.js';
import { cleanQuestion as cutQuestion } from '../../src/text/normalise.js';

const notFound = (question: string): Answer => ({
  question,
  interpreted: question,
  confidence: 'none',
  missing: [],
  answered: false,
  mode: 'keyword',
  results: [],
  total: 0,
  suggestions: [],
  notices: [],
  timings: { embedMs: 0, searchMs: 0, answerMs: 0 },
  indexVersion: 'v1',
});

/** Just enough of a grammY context for answerQuestion: what it sends, and what the engine was asked. */
function fakeContext() {
  const asked: string[] = [];
  const sent: string[] = [];
  const engine = { ask: async (q: string) => (asked.push(q), notFound(q)), examples: async () => ['Hà Tĩnh có bao nhiêu đảng viên?'], articles: () => [], about: () => null } as unknown as QaEngine;
  const config = loadConfig({ BOT_TOKEN: '123456:TEST-token_abcdefghijklmnopqrstuvwxyz', LOG_LEVEL: 'silent', EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: '0' });
  const ctx = {
    services: makeServices({ config, engine, logger: pino({ level: 'silent' }) }),
    lang: 'vi',
    from: { id: 1, is_bot: false, first_name: 'U' },
    chat: { id: 1, type: 'private' },
    reply: async (text: string) => (sent.push(text), { message_id: sent.length }),
    replyWithChatAction: async () => true,
  } as unknown as BotContext;
  return { ctx, asked, sent, config };
}

describe('answerQuestion', () => {
  it('passes the question to the engine as it is: cleaning and cutting are the engine\'s', async () => {
    const { ctx, asked, config } = fakeContext();
    const long = `  ai   là\u200b bí thư? ${'x '.repeat(config.maxQuestionChars)}`;
    await answerQuestion(ctx, long, 1);
    expect(asked).toEqual([long]);
  });

  it('hints with examples on an empty question, without asking the engine', async () => {
    const { ctx, asked, sent } = fakeContext();
    await answerQuestion(ctx, '   ', 1);
    expect(asked).toEqual([]);
    expect(sent.join('\n')).toMatch(/ví dụ/i);
    expect(sent.join('\n')).toContain('Hà Tĩnh có bao nhiêu đảng viên?');
  });
});

// The engine's rule (src/text/normalise.ts cleanQuestion); this test belongs in tests/text.
describe('questions', () => {
  it('cuts questions at a word boundary', () => {
    expect(cutQuestion('ngắn', 10)).toEqual({ text: 'ngắn', truncated: false });
    const cut = cutQuestion('một hai ba bốn năm sáu bảy tám chín mười', 20);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(20);
    expect('một hai ba bốn năm sáu bảy tám chín mười'.startsWith(cut.text)).toBe(true);
    expect(cut.text).toBe('một hai ba bốn năm');
  });
});

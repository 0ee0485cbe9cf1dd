/**
 * Conversations through the real bot over the fake Bot API, with the SQLite store: follow-ups are read
 * against the chat's context, and a bot restarted between turns (same store file) answers the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, startBot, type BotHandle } from '../../src/bot/bot.js';
import { loadConfig } from '../../src/config.js';
import type { QaEngine } from '../../src/engine/types.js';
import { htmlToPlain } from '../../src/present/render.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { FakeBotApi, type FakeMessage, type RecordedCall } from '../helpers/fake-bot-api.js';
import { makeTestEngine } from '../helpers/test-engine.js';
import { CONVERSATIONS } from '../helpers/conversations.js';

const SAMPLE = ['cv-02', 'cv-11', 'cv-17', 'cv-39', 'cv-47'];

let fake: FakeBotApi;
let engine: QaEngine;
let dir: string;
beforeAll(async () => {
  fake = await FakeBotApi.start();
  engine = await makeTestEngine();
  dir = mkdtempSync(path.join(os.tmpdir(), 'conv-e2e-'));
}, 120_000);
afterAll(async () => {
  await engine.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = () =>
  loadConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TOP_K: '3', RATE_LIMIT_PER_MINUTE: '0', ADMIN_USER_IDS: '900', LOG_LEVEL: 'silent', EMBEDDING_MODEL: 'none' });

async function startWith(storeFile: string): Promise<{ handle: BotHandle; store: SqliteStore }> {
  const store = new SqliteStore(storeFile);
  const bot = createBot({ config: config(), engine, logger: pino({ level: 'silent' }), store });
  return { handle: await startBot(bot, { pollTimeoutSeconds: 1, shutdownGraceSeconds: 5 }), store };
}

/** Runs the sample's turns as one user; `restart`: a new bot process (same store file) before every turn. */
async function run(userId: number, storeFile: string, restart: boolean): Promise<string[]> {
  const from = fake.user(userId);
  const replies: string[] = [];
  let running = await startWith(storeFile);
  for (const id of SAMPLE) {
    const conv = CONVERSATIONS.find((c) => c.id === id)!;
    for (const [i, turn] of [{ q: '/new', expect: [] }, ...conv.turns].entries()) {
      if (restart && i > 0) {
        await running.handle.stop();
        await running.store.close();
        running = await startWith(storeFile);
      }
      const question = fake.sendText({ from, text: turn.q });
      const reply = await fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === userId && c.params.reply_parameters?.message_id === question.message_id });
      replies.push(htmlToPlain(String(reply.params.text)));
    }
  }
  await running.handle.stop();
  await running.store.close();
  return replies;
}

describe('conversations through the bot', () => {
  let straight: string[] = [];
  it('reads follow-ups against the chat, shows "Hiểu là", asks who is meant without context', async () => {
    straight = await run(31_001, path.join(dir, 'a', 'store.sqlite'), false);
    const text = straight.join('\n---\n');
    expect(text).toContain('Hiểu là:');
    expect(straight.some((r) => r.includes('62 tổ chức cơ sở đảng'))).toBe(true); // cv-02 "thế còn Hải Phòng thì sao?"
    expect(straight.some((r) => /Bạn muốn hỏi về ai/.test(r))).toBe(true); // cv-47 first turn
    expect(straight.some((r) => r.includes('phối hợp chặt chẽ Ban Tổ chức Thành ủy'))).toBe(true);
  }, 240_000);

  it('answers the same when the bot restarts between turns (context in the SQLite file)', async () => {
    const restarted = await run(31_002, path.join(dir, 'b', 'store.sqlite'), true);
    expect(restarted).toEqual(straight);
  }, 240_000);

  it('records 👍 / 👎 with the question and the shown chunks, shows them in /stats, and the 🆕 button forgets the context', async () => {
    const running = await startWith(path.join(dir, 'c', 'store.sqlite'));
    try {
      const user = fake.user(31_003);
      const admin = fake.user(900);
      const reply = async (from: typeof user, text: string): Promise<RecordedCall> => {
        const q = fake.sendText({ from, text });
        return fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === from.id && c.params.reply_parameters?.message_id === q.message_id });
      };
      const answer = await reply(user, 'Ai là Bí thư Thành ủy Hải Phòng?');
      const message = answer.response.result as FakeMessage;
      const buttons = FakeBotApi.buttons(message);
      const up = buttons.find((b) => b.text === '👍')!;
      const mark = fake.mark();
      const press = fake.pressButton({ from: user, message, data: up.data });
      await fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === press.id });
      const votes = await running.store.listFeedback();
      expect(votes).toHaveLength(1);
      expect(votes[0]).toMatchObject({ question: 'Ai là Bí thư Thành ủy Hải Phòng?', vote: 'up', userId: 31_003 });
      expect(votes[0]!.chunkIds.length).toBeGreaterThan(0);
      expect(htmlToPlain(String((await reply(admin, '/stats')).params.text))).toMatch(/Góp ý: 1 \(👍 100%/);
      expect(String((await reply(user, '/stats')).params.text)).not.toMatch(/Góp ý/);

      const fresh = buttons.find((b) => b.data.startsWith('N:'))!;
      const mark2 = fake.mark();
      const press2 = fake.pressButton({ from: user, message, data: fresh.data });
      await fake.waitForCall('answerCallbackQuery', { since: mark2, where: (c) => c.params.callback_query_id === press2.id });
      expect(String((await reply(user, 'ông ấy yêu cầu gì?')).params.text)).toMatch(/Bạn muốn hỏi về ai/);
    } finally {
      await running.handle.stop();
      await running.store.close();
    }
  }, 120_000);
});

describe('lists through the bot', () => {
  it('answers a list with one line per article and pages it with the next button', async () => {
    const running = await startWith(path.join(dir, 'd', 'store.sqlite'));
    try {
      const user = fake.user(31_004);
      const q = fake.sendText({ from: user, text: 'liệt kê các bí thư thành ủy được nhắc đến' });
      const first = await fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === user.id && c.params.reply_parameters?.message_id === q.message_id });
      const text = htmlToPlain(String(first.params.text));
      const cited = [...text.matchAll(/\[\d+\] ([^·\n]+)/g)].map((m) => m[1]);
      expect(new Set(cited).size).toBe(cited.length); // one line per article
      const message = first.response.result as FakeMessage;
      const next = FakeBotApi.buttons(message).find((b) => b.data.startsWith('n:'));
      if (next) {
        const mark = fake.mark();
        fake.pressButton({ from: user, message, data: next.data });
        const page = await fake.waitForCall('sendMessage', { since: mark, where: (c) => c.status === 200 && Number(c.params.chat_id) === user.id });
        const more = [...htmlToPlain(String(page.params.text)).matchAll(/\[\d+\] ([^·\n]+)/g)].map((m) => m[1]);
        expect(more.some((t) => cited.includes(t))).toBe(false);
      }
    } finally {
      await running.handle.stop();
      await running.store.close();
    }
  }, 120_000);
});

describe('context in groups', () => {
  it('keeps one context per user in a group chat', async () => {
    const running = await startWith(path.join(dir, 'e', 'store.sqlite'));
    try {
      const group = fake.groupChat(-31_005);
      const a = fake.user(31_006);
      const b = fake.user(31_007);
      const say = async (from: typeof a, text: string) => {
        const q = fake.sendText({ from, chat: group, text });
        const r = await fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === group.id && c.params.reply_parameters?.message_id === q.message_id });
        return htmlToPlain(String(r.params.text));
      };
      await say(a, '/ask Ai là Bí thư Thành ủy Hải Phòng?');
      expect(await say(b, '/ask ông ấy yêu cầu gì?')).toMatch(/Bạn muốn hỏi về ai/);
      expect(await say(a, '/ask ông ấy yêu cầu gì?')).toContain('Hiểu là: đồng chí Lê Tiến Châu yêu cầu gì?');
    } finally {
      await running.handle.stop();
      await running.store.close();
    }
  }, 120_000);
});

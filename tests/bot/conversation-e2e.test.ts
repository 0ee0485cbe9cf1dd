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
import { htmlToPlain } from '../../src/present/render.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { FakeBotApi, type FakeMessage, type RecordedCall } from '../helpers/fake-bot-api.js';
import { controlledEngine, makeTestEngine, type ControlledEngine } from '../helpers/test-engine.js';
import { factsTitle, t } from '../../src/present/messages.js';
import { CONVERSATIONS, replyIsRight } from '../helpers/conversations.js';

/** Every conversation of the set: the restart test replays them all. */
const SAMPLE = CONVERSATIONS.map((c) => c.id);

let fake: FakeBotApi;
let engine: ControlledEngine;
let dir: string;
beforeAll(async () => {
  fake = await FakeBotApi.start();
  engine = controlledEngine(await makeTestEngine());
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

/** A bot with its own store file for the length of `body`. */
async function withBot(name: string, body: (store: SqliteStore) => Promise<void>): Promise<void> {
  const running = await startWith(path.join(dir, name, 'store.sqlite'));
  try {
    await body(running.store);
  } finally {
    await running.handle.stop();
    await running.store.close();
  }
}

/** Sends `text` (in `chat`, default the user's private chat) and waits for the bot's reply to it. */
async function replyTo(from: ReturnType<FakeBotApi['user']>, text: string, chat?: ReturnType<FakeBotApi['groupChat']>): Promise<RecordedCall> {
  const q = fake.sendText({ from, text, ...(chat ? { chat } : {}) });
  const chatId = chat?.id ?? from.id;
  return fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === chatId && c.params.reply_parameters?.message_id === q.message_id });
}

/** Presses a button under `message` and waits until the bot answered the press. */
async function press(from: ReturnType<FakeBotApi['user']>, message: FakeMessage, data: string): Promise<void> {
  const mark = fake.mark();
  const pressed = fake.pressButton({ from, message, data });
  await fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === pressed.id });
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
      const reply = await replyTo(from, turn.q);
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

  it('gets at least 90% of all the turns of the conversation set right, judged on the replies as users read them', () =>
    withBot('all', async () => {
      const from = fake.user(31_010);
      let right = 0;
      let total = 0;
      const wrong: string[] = [];
      for (const conv of CONVERSATIONS) {
        await replyTo(from, '/new');
        for (const [i, turn] of conv.turns.entries()) {
          const text = htmlToPlain(String((await replyTo(from, turn.q)).params.text));
          const quoted = /^\[\d+\] /mu.test(text) || text.includes(factsTitle('vi'));
          const confident = quoted && !text.includes(t('lowConfidence', 'vi'));
          const readAs = /Hiểu là: (.*)/u.exec(text)?.[1] ?? null;
          total++;
          if (replyIsRight(turn, { text, confident, readAs })) right++;
          else wrong.push(`${conv.id}#${i + 1} ${turn.q} → ${text.slice(0, 120).replace(/\n/g, ' ')}`);
        }
      }
      console.log(`conversation turns right through the bot: ${right}/${total}\n${wrong.join('\n')}`);
      expect(right / total).toBeGreaterThanOrEqual(0.9);
    }), 300_000);

  it('answers the same when the bot restarts between turns (context in the SQLite file)', async () => {
    const restarted = await run(31_002, path.join(dir, 'b', 'store.sqlite'), true);
    expect(restarted).toEqual(straight);
  }, 240_000);

  it('records 👍 / 👎 with the question and the shown chunks, shows them in /stats, and the 🆕 button forgets the context', () =>
    withBot('c', async (store) => {
      const user = fake.user(31_003);
      const answer = await replyTo(user, 'Ai là Bí thư Thành ủy Hải Phòng?');
      const message = answer.response.result as FakeMessage;
      const buttons = FakeBotApi.buttons(message);
      await press(user, message, buttons.find((b) => b.text === '👍')!.data);
      const votes = await store.listFeedback();
      expect(votes).toHaveLength(1);
      expect(votes[0]).toMatchObject({ question: 'Ai là Bí thư Thành ủy Hải Phòng?', vote: 'up', userId: 31_003 });
      expect(votes[0]!.chunkIds.length).toBeGreaterThan(0);
      expect(htmlToPlain(String((await replyTo(fake.user(900), '/stats')).params.text))).toMatch(/Góp ý: 1 \(👍 100%/);
      expect(String((await replyTo(user, '/stats')).params.text)).not.toMatch(/Góp ý/);
      await press(user, message, buttons.find((b) => b.data.startsWith('N:'))!.data);
      expect(String((await replyTo(user, 'ông ấy yêu cầu gì?')).params.text)).toMatch(/Bạn muốn hỏi về ai/);
    }), 120_000);
});

describe('lists through the bot', () => {
  it('answers a list with one line per article and pages it with the next button', () =>
    withBot('d', async () => {
      const user = fake.user(31_004);
      const first = await replyTo(user, 'liệt kê các bí thư thành ủy được nhắc đến');
      const cited = [...htmlToPlain(String(first.params.text)).matchAll(/\[\d+\] ([^·\n]+)/g)].map((m) => m[1]);
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
    }), 120_000);
});

describe('pages of a follow-up', () => {
  it('reads "next results" as the follow-up was read, after a restart too (the reading is kept in the store)', async () => {
    const storeFile = path.join(dir, 'f', 'store.sqlite');
    const user = fake.user(31_008);
    let running = await startWith(storeFile);
    await replyTo(user, 'Công tác xây dựng Đảng ở Hải Phòng có kết quả gì?');
    const follow = await replyTo(user, 'thế còn Huế?');
    const text = htmlToPlain(String(follow.params.text));
    const total = /Kết quả 1–\d+ \/ (\d+)/u.exec(text)?.[1];
    const message = follow.response.result as FakeMessage;
    const next = FakeBotApi.buttons(message).find((b) => b.data.startsWith('n:'));
    expect(total).toBeDefined();
    expect(next).toBeDefined();
    await running.handle.stop();
    await running.store.close();
    running = await startWith(storeFile);
    try {
      const mark = fake.mark();
      fake.pressButton({ from: user, message, data: next!.data });
      const page = htmlToPlain(String((await fake.waitForCall('sendMessage', { since: mark, where: (c) => c.status === 200 && Number(c.params.chat_id) === user.id })).params.text));
      // Read as typed ("thế còn Huế?" with no context), the page would be another search.
      expect(page).toMatch(new RegExp(`Kết quả 4–\\d+ / ${total}`, 'u'));
      for (const cite of page.matchAll(/^\[\d+\] (.*)$/gmu)) expect(cite[1]).toContain('Huế');
    } finally {
      await running.handle.stop();
      await running.store.close();
    }
  }, 120_000);

  it('shows the paragraph of a rank-based button under a follow-up (ids too long for 64 bytes)', async () => {
    engine.longIds = true;
    const storeFile = path.join(dir, 'g', 'store.sqlite');
    const user = fake.user(31_009);
    const running = await startWith(storeFile);
    try {
      await replyTo(user, 'Công tác xây dựng Đảng ở Hải Phòng có kết quả gì?');
      const follow = await replyTo(user, 'thế còn Huế?');
      const message = follow.response.result as FakeMessage;
      const second = FakeBotApi.buttons(message).filter((b) => b.data.startsWith('P:'))[1];
      expect(second).toBeDefined();
      const mark = fake.mark();
      const pressed = fake.pressButton({ from: user, message, data: second!.data });
      const ack = await fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === pressed.id });
      // Re-asked as typed ("thế còn Huế?" alone), rank 2 would be another paragraph: "outdated".
      expect(ack.params.text).toBeUndefined();
      const shown = await fake.waitForCall('sendMessage', { since: mark, where: (c) => c.status === 200 && Number(c.params.chat_id) === user.id });
      expect(htmlToPlain(String(shown.params.text))).toContain('Huế');
    } finally {
      engine.reset();
      await running.handle.stop();
      await running.store.close();
    }
  }, 120_000);
});

describe('context in groups', () => {
  it('keeps one context per user in a group chat', () =>
    withBot('e', async () => {
      const group = fake.groupChat(-31_005);
      const say = async (userId: number, text: string) => htmlToPlain(String((await replyTo(fake.user(userId), text, group)).params.text));
      await say(31_006, '/ask Ai là Bí thư Thành ủy Hải Phòng?');
      expect(await say(31_007, '/ask ông ấy yêu cầu gì?')).toMatch(/Bạn muốn hỏi về ai/);
      expect(await say(31_006, '/ask ông ấy yêu cầu gì?')).toContain('Hiểu là: đồng chí Lê Tiến Châu yêu cầu gì?');
    }), 120_000);
});

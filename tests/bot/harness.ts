/** Runs the real bot (createBot + startBot, long polling) against the fake Bot API. */
import { pino, type Logger } from 'pino';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createBot, startBot, type BotHandle, type QaBot } from '../../src/bot/bot.js';
import { loadConfig, type Config } from '../../src/config.js';
import { FakeBotApi, type FakeChat, type FakeMessage, type FakeUser, type RecordedCall } from '../helpers/fake-bot-api.js';
import { controlledEngine, makeTestEngine, type ControlledEngine } from '../helpers/test-engine.js';

export interface Harness {
  fake: FakeBotApi;
  engine: ControlledEngine;
  config: Config;
  bot: QaBot;
  handle: BotHandle;
  /** Sends a text and resolves with the bot's first reply to it (sendMessage replying to that message). */
  ask(text: string, opts?: { from?: FakeUser; chat?: FakeChat; replyTo?: FakeMessage }): Promise<{ question: FakeMessage; reply: RecordedCall }>;
  /** All sendMessage calls replying to a message. */
  repliesTo(question: FakeMessage): RecordedCall[];
  /** Waits until the bot fetched an update, then a little longer, and returns what it sent to that chat since `mark`. */
  settle(updateId: number, chatId: number, mark: number, ms?: number): Promise<RecordedCall[]>;
  stop(): Promise<void>;
}

let nextUserId = 10_000;
/** A fresh user id per call, so rate limits and refusals of one test never touch another. */
export function freshUserId(): number {
  return nextUserId++;
}

/**
 * One bot for the file's tests: started before them, stopped after; `strict` also resets the engine after
 * each test and fails it if Telegram rejected any call the bot made.
 */
export function useHarness(opts: { strict?: boolean } = {}): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  if (opts.strict) {
    afterEach(() => {
      h!.engine.reset();
      expect(h!.fake.rejections().map((c) => `${c.method}: ${c.response.description}`)).toEqual([]);
    });
  }
  afterAll(async () => {
    await h?.stop();
  });
  return () => h!;
}

export async function startHarness(env: Record<string, string> = {}, opts: { logger?: Logger; concurrency?: number; beforeStart?: (fake: FakeBotApi) => void } = {}): Promise<Harness> {
  const fake = await FakeBotApi.start();
  opts.beforeStart?.(fake);
  const engine = controlledEngine(await makeTestEngine());
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TOP_K: '2',
    RATE_LIMIT_PER_MINUTE: '0',
    ADMIN_USER_IDS: '900',
    LOG_LEVEL: 'silent',
    EMBEDDING_MODEL: 'none',
    ...env,
  });
  const logger = opts.logger ?? pino({ level: process.env.TEST_BOT_LOG ? 'debug' : 'silent' });
  const bot = createBot({ config, engine, logger });
  const handle = await startBot(bot, { pollTimeoutSeconds: 5, shutdownGraceSeconds: 5, ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) });

  const isReplyTo = (q: FakeMessage) => (c: RecordedCall) =>
    c.status === 200 && Number(c.params.chat_id) === q.chat.id && c.params.reply_parameters?.message_id === q.message_id;

  const h: Harness = {
    fake,
    engine,
    config,
    bot,
    handle,
    async ask(text, o = {}) {
      const from = o.from ?? fake.user(freshUserId());
      const question = fake.sendText({ from, text, ...(o.chat ? { chat: o.chat } : {}), ...(o.replyTo ? { replyTo: o.replyTo } : {}) });
      const reply = await fake.waitForCall('sendMessage', { where: isReplyTo(question) });
      return { question, reply };
    },
    repliesTo(question) {
      return fake.callsOf('sendMessage').filter(isReplyTo(question));
    },
    async settle(updateId, chatId, mark, ms = 300) {
      await fake.waitUntilConsumed(updateId);
      await new Promise((r) => setTimeout(r, ms));
      return fake.callsSince(mark).filter((c) => Number(c.params.chat_id) === chatId && c.method !== 'sendChatAction');
    },
    async stop() {
      await handle.stop();
      await engine.close();
      await fake.close();
    },
  };
  return h;
}

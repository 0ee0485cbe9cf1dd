/**
 * The Telegram bot: grammY wiring only (the answers come from the engine, texts and HTML from
 * src/present). Handlers get `ctx.services` and `ctx.lang` (context.ts); access.ts decides what is
 * for the bot and who may use it; each feature is one Composer in features/; the commands are one
 * registry (features/commands.ts) that makes their handlers, /help and the command menu.
 *
 *   const bot = createBot({ config, engine, logger });
 *   const handle = await startBot(bot);   // long polling, or a webhook server when WEBHOOK_URL is set
 *   …
 *   await handle.stop();                  // stop fetching, wait for running handlers
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback } from 'grammy';
import { watchCorpus } from '../engine/rebuild.js';
import { t } from '../present/messages.js';
import { accessGuard, forMe } from './access.js';
import { chatLanes } from './chat-lanes.js';
import { commandMenu } from './command-registry.js';
import { provideContext, type BotContext } from './context.js';
import { answerHealth } from './health.js';
import { maskToken } from './logger.js';
import { admin } from './features/admin.js';
import { buttons } from './features/buttons.js';
import { COMMANDS, commands } from './features/commands.js';
import { corpus } from './features/corpus.js';
import { inline } from './features/inline.js';
import { questions } from './features/questions.js';
import { sendText } from './reply.js';
import { makeServices, type BotDeps, type Services } from './services.js';

export type { BotDeps } from './services.js';
export type { BotContext } from './context.js';

/** The update types the bot handles (and asks Telegram for): an edited question is asked again (questions.ts). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query'] as const;

export type QaBot = Bot<BotContext>;

const services = new WeakMap<QaBot, Services>();

function servicesOf(bot: QaBot): Services {
  const s = services.get(bot);
  if (!s) throw new Error('startBot: this bot was not made by createBot');
  return s;
}

/** Best effort apology after a handler failed, so the user never meets silence. */
async function apologize(ctx: BotContext): Promise<void> {
  const text = t('engineError', ctx.lang);
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text });
  } else if (ctx.message && ctx.chat) {
    await sendText(ctx, text, ctx.message.message_id);
  }
}

/**
 * The middleware, in order: services and language on the context; per-chat lanes; the error boundary; "is this for
 * me" and the allow-lists; then one Composer per feature.
 */
export function createBot(deps: BotDeps): QaBot {
  const { config } = deps;
  if (!config.botToken) throw new Error('createBot: BOT_TOKEN is not set');
  const bot = new Bot<BotContext>(config.botToken, config.telegramApiRoot ? { client: { apiRoot: config.telegramApiRoot } } : {});
  // 429 (retry_after) and 5xx are retried a few times; network errors are retried with backoff.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));

  const s = makeServices(deps);
  services.set(bot, s);

  bot.use(provideContext(s));
  // One chat at a time, in order; a chat waiting out a 429 never holds the other chats' handler slots.
  bot.use(chatLanes());
  // Error boundary: one bad update is logged and apologised for; it never stops the bot.
  bot.use(async (ctx, next) => {
    const done = s.inFlight.begin(ctx.update.update_id);
    try {
      await next();
    } catch (err) {
      s.logger.error({ err, updateId: ctx.update.update_id }, 'update handler failed');
      await apologize(ctx).catch(() => undefined);
    } finally {
      done();
    }
  });
  bot.use(forMe(COMMANDS.map((c) => c.name)));
  bot.use(accessGuard);
  bot.use(commands, admin, corpus, buttons, inline, questions);

  bot.catch((err) => {
    s.logger.error({ err: err.error, updateId: err.ctx?.update.update_id }, 'unhandled bot error');
  });
  return bot;
}

/** The command menu in Vietnamese (default) and English (for English-language Telegram apps). */
async function registerCommandMenu(bot: QaBot, s: Services): Promise<void> {
  try {
    await bot.api.setMyCommands(commandMenu(COMMANDS, 'vi'));
    await bot.api.setMyCommands(commandMenu(COMMANDS, 'vi'), { language_code: 'vi' });
    await bot.api.setMyCommands(commandMenu(COMMANDS, 'en'), { language_code: 'en' });
  } catch (err) {
    s.logger.warn({ err }, 'setMyCommands failed (the bot works without the menu)');
  }
}

/**
 * The profile texts (what an empty chat and the profile page show) in Vietnamese (default) and
 * English. Like the menu, they are best effort: a bot without them still answers. Telegram limits
 * these calls hard (a retry_after of hours is common), so each text is read first and only written
 * when it changed: a restart costs no writes.
 */
async function registerDescriptions(bot: QaBot, s: Services): Promise<void> {
  const api = bot.api;
  const texts = [
    { read: (o: object) => api.getMyDescription(o).then((r) => r.description), write: (text: string, o: object) => api.setMyDescription(text, o), key: 'botDescription' },
    { read: (o: object) => api.getMyShortDescription(o).then((r) => r.short_description), write: (text: string, o: object) => api.setMyShortDescription(text, o), key: 'botShortDescription' },
  ] as const;
  for (const [lang, languageCode] of [['vi', undefined], ['vi', 'vi'], ['en', 'en']] as const) {
    const other = languageCode ? { language_code: languageCode } : {};
    for (const { read, write, key } of texts) {
      try {
        const text = t(key, lang);
        if ((await read(other)) !== text) await write(text, other);
      } catch (err) {
        s.logger.warn({ err, languageCode: languageCode ?? 'default' }, 'setMyDescription failed (the bot works without its profile texts)');
        // A flood wait applies to every profile write: the next start tries again.
        if ((err as { error_code?: unknown }).error_code === 429) return;
      }
    }
  }
}

export interface StartOptions {
  /** Long-polling timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Updates handled at the same time in polling mode (default 16). */
  concurrency?: number;
  /** Seconds a shutdown waits for running handlers (default 15). */
  shutdownGraceSeconds?: number;
}

export interface BotHandle {
  mode: 'polling' | 'webhook';
  username: string;
  /** Stops receiving updates and waits for the handlers still running. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the bot stops; rejects when polling dies (e.g. another instance took over: 409). */
  done: Promise<void>;
}

/** Starts the bot: long polling (with concurrency) by default, a webhook server when WEBHOOK_URL is set. */
export async function startBot(bot: QaBot, opts: StartOptions = {}): Promise<BotHandle> {
  const s = servicesOf(bot);
  await bot.init();
  await registerCommandMenu(bot, s);
  // In the background: a flood wait on these never delays answering.
  void registerDescriptions(bot, s);
  const handle = s.config.webhookUrl ? await startWebhook(bot, s, opts) : await startPolling(bot, s, opts);
  if (!s.config.watchCorpus) return handle;
  // WATCH_CORPUS: a change in the corpus folder rebuilds the index (debounced, one build at a time).
  const stopWatch = watchCorpus(s.config.corpusDir, () => void s.rebuilder.rebuild());
  s.logger.info({ corpusDir: s.config.corpusDir }, 'watching the corpus folder');
  return { ...handle, stop: () => (stopWatch(), handle.stop()) };
}

/** Lets the running handlers finish, for the shutdown grace period at most. */
async function waitForHandlers(s: Services, opts: StartOptions): Promise<void> {
  const idle = await s.inFlight.idle((opts.shutdownGraceSeconds ?? 15) * 1000);
  if (!idle) s.logger.warn({ running: s.inFlight.size }, 'shutdown: some handlers did not finish in time');
}

async function startPolling(bot: QaBot, s: Services, opts: StartOptions): Promise<BotHandle> {
  // getUpdates fails with 409 while a webhook is set; `bot.start` would do this, the runner does not.
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, {
    runner: {
      fetch: { timeout: opts.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] },
      silent: true,
      maxRetryTime: 60 * 60 * 1000,
    },
    sink: { concurrency: opts.concurrency ?? 16 },
  });
  s.logger.info({ mode: 'polling', bot: bot.botInfo.username }, 'bot started');
  const task = runner.task() ?? Promise.resolve();
  const done = task.then(
    () => undefined,
    (err: unknown) => {
      s.logger.fatal({ err }, 'polling stopped');
      throw err;
    },
  );
  done.catch(() => undefined); // observed by the caller if it wants; never an unhandled rejection
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // (not isRunning(): that is false for a moment between two fetches, and the runner would go on)
      if (runner.task() !== undefined) await runner.stop().catch(() => undefined);
      await waitForHandlers(s, opts);
      // Confirm the last update to Telegram so it is not delivered again after a restart.
      if (s.inFlight.lastUpdateId >= 0) {
        await bot.api
          .getUpdates({ offset: s.inFlight.lastUpdateId + 1, limit: 1, timeout: 0 })
          .catch(() => undefined);
      }
      s.logger.info('bot stopped');
    })());
  return { mode: 'polling', username: bot.botInfo.username, stop, done };
}

/** The secret Telegram sends with each webhook call: WEBHOOK_SECRET, or one derived from the token. */
export function webhookSecretFor(secret: string | null, token: string): string {
  const value = secret ?? createHash('sha256').update(`webhook:${token}`).digest('hex');
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(value)) {
    throw new Error('WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, "_" and "-" (1 to 256 characters)');
  }
  return value;
}

/** Bytes a webhook request body may have (Telegram's updates are a few kB). */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

async function startWebhook(bot: QaBot, s: Services, opts: StartOptions): Promise<BotHandle> {
  const { config } = s;
  const url = new URL(config.webhookUrl!);
  const secretToken = webhookSecretFor(config.webhookSecret, config.botToken!);
  // Answer Telegram after 9 s at the latest (it would resend the update); the handler keeps running.
  const callback = webhookCallback(bot, 'http', { onTimeout: 'return', timeoutMilliseconds: 9_000, secretToken });
  const path = url.pathname || '/';
  const server = http.createServer((req, res) => {
    const reqPath = (req.url ?? '/').split('?')[0];
    // /healthz and /readyz (ready: the engine has an index to answer from).
    if (answerHealth(req, res, () => s.engine.status().chunks >= 0)) return;
    if (req.method !== 'POST' || reqPath !== path) {
      res.writeHead(404).end();
      return;
    }
    // An update is a few kB and Telegram always declares its length: refuse an undeclared (chunked)
    // body with 411 and one over the limit with 413, before reading a byte of it. (The HTTP parser
    // never hands a handler more than the declared length.)
    const declared = req.headers['content-length'];
    if (declared === undefined || !(Number(declared) <= WEBHOOK_BODY_LIMIT)) {
      res.once('finish', () => req.destroy());
      res.writeHead(declared === undefined ? 411 : 413, { connection: 'close' }).end();
      return;
    }
    callback(req, res).catch((err: unknown) => {
      s.logger.error({ err }, 'webhook update failed');
      if (!res.headersSent) res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.webhookPort, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await bot.api.setWebhook(url.href, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] });
  s.logger.info({ mode: 'webhook', port: config.webhookPort, path: maskToken(path, config.botToken), bot: bot.botInfo.username }, 'bot started');
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting updates (Telegram keeps them while we are away), then let running ones finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await waitForHandlers(s, opts);
      server.closeAllConnections();
      await closed;
      s.logger.info('bot stopped');
      resolveDone();
    })());
  return { mode: 'webhook', username: bot.botInfo.username, stop, done };
}

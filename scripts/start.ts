/**
 * npm start: builds the index if there is none, opens the engine, then runs the Telegram bot
 * (BOT_TOKEN set) or a console chat on stdin/stdout (no token; works with piped input too).
 */
import { configOrExit, exitOnError, parseCli, servingProblem } from '../src/cli/common.js';
import { buildLog, progressBar } from '../src/cli/progress.js';
import { note, operatorLang, operatorText, type OperatorNote } from '../src/text/operator.js';
import { openEngine } from '../src/engine/engine.js';
import type { QaEngine } from '../src/engine/types.js';
import { indexExists } from '../src/index/store.js';
import { createLogger, openLogFile } from '../src/bot/logger.js';
import { runConsoleChat } from '../src/console/console.js';

/** Output whose reader went away (EPIPE) is dropped: a closed log pipe must never keep the bot from stopping. */
function ignoreOutputErrors(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

/** A line for the operator, in the locale's language (Vietnamese unless LANG/LC_ALL is English). */
const say = (n: OperatorNote) => operatorText(n, operatorLang());

const USAGE = `Usage: npm start [-- --help]
Runs the Telegram bot when BOT_TOKEN is set, else a console chat on stdin/stdout (piped input too).
Builds the index first when INDEX_DIR has none. Everything else is set in the environment or .env
(README, "Settings"): CORPUS_DIR, INDEX_DIR, EMBEDDING_MODEL, ADMIN_USER_IDS, LOG_FILE, …`;

/** Seconds a shutdown may take before the process exits anyway. */
const FORCED_EXIT_MS = 30_000;

async function main(): Promise<void> {
  ignoreOutputErrors();
  // Before the settings are read: --help works with bad ones, and an unknown argument starts nothing.
  parseCli(USAGE, {});
  const config = configOrExit();
  const botMode = config.botToken !== null;
  // Logs go to stderr (so that the console chat's answers on stdout stay clean), or to LOG_FILE.
  const destination = config.logFile ? await openLogFile(config.logFile) : undefined;
  const logger = createLogger({ level: botMode || process.env.LOG_LEVEL ? config.logLevel : 'warn', botToken: config.botToken, ...(destination ? { destination } : {}) });

  // Polling mode: /healthz and /readyz from the start (not ready while the index is built and loaded).
  let engine: QaEngine | null = null;
  if (botMode && !config.webhookUrl && config.healthPort !== null) {
    const { startHealthServer } = await import('../src/bot/health.js');
    await startHealthServer({ port: config.healthPort, host: config.healthHost, ready: () => engine !== null });
  }

  if (!(await indexExists(config.indexDir))) {
    console.error(say(note('firstBuild', { dir: config.indexDir, corpus: config.corpusDir })));
    // Imported only here: the corpus readers and the build cost a start that has an index some 20 ms CPU.
    const { buildIndex } = await import('../src/index/build.js');
    const report = await buildIndex({
      corpusDir: config.corpusDir,
      outDir: config.indexDir,
      config,
      log: buildLog((line) => console.error(`  ${line}`)),
      // The first build of a large corpus embeds for a while: the rate and the time left, on stderr.
      onEmbedProgress: progressBar(`  ${say(note('embeddingLabel'))}`),
    });
    console.error(say(note('firstBuilt', { articles: report.articles, chunks: report.chunks, mode: report.mode, seconds: report.seconds.toFixed(1) })));
  }

  engine = await openEngine(config, { logger, watch: config.watchIndex });
  // The index's model cannot serve: said once in the operator's language (the log line is English JSON).
  const problem = servingProblem(engine.status());
  if (problem !== null) console.error(problem);

  // In idle time, so that the first users' questions find the code compiled (src/engine/warm-up.ts).
  const warmed = engine.warmUp?.().then((w) => logger.debug({ questions: w.questions, ms: Math.round(w.ms) }, 'warmed up'));
  warmed?.catch(() => undefined);

  if (!botMode) {
    // The console's reader is the operator: its texts follow the locale, like the scripts' lines.
    await runConsoleChat({ engine, config, lang: operatorLang() });
    await engine.close();
    return;
  }

  // Imported here: the console chat needs neither grammY nor SQLite (some 100 ms of a cold start).
  const [{ createBot, startBot }, { openStore }] = await Promise.all([import('../src/bot/bot.js'), import('../src/store/open.js')]);
  const store = openStore(config, (aside, err) => {
    logger.warn({ event: 'store-damaged', file: config.storePath, movedTo: aside, err: err.message }, 'store file damaged, moved aside');
    console.error(say(note('storeDamaged', { file: config.storePath ?? '', aside, reason: err.message })));
  });
  const bot = createBot({ config, engine, logger, store });
  const handle = await startBot(bot);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    // The timer first: nothing below (not even logging) may keep it from being armed.
    const force = setTimeout(() => process.exit(1), FORCED_EXIT_MS);
    force.unref();
    try {
      logger.info({ signal }, 'shutting down');
    } catch {
      // logging is best effort
    }
    try {
      await handle.stop();
      await engine.close();
      await store.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Said once a stop is handled: a SIGTERM right after "running" (docker stop, a supervisor, the log-file
  // test under load) killed the process before the handlers were set, with no "shutting down" and no stop.
  console.error(say(note('botRunning', { username: handle.username, webhookPort: handle.mode === 'webhook' ? config.webhookPort : 0 })));

  try {
    await handle.done;
  } catch {
    // Polling died (logged by the bot), e.g. another instance runs with the same token.
    if (!shuttingDown) {
      await engine.close().catch(() => undefined);
      process.exit(1);
    }
  }
}

// Anything that escapes is printed by exitOnError too (the token masked), not raw by Node.
process.on('uncaughtException', exitOnError);
process.on('unhandledRejection', exitOnError);
main().catch(exitOnError);

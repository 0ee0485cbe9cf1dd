/**
 * The logger: pino with one error serializer, so every log site writes `{ err }` and gets the same
 * log-safe shape (name, message, Telegram error code and method, a short stack; the bot token masked).
 *
 *   const logger = createLogger({ level: config.logLevel, botToken: config.botToken });
 *   logger.error({ err }, 'something failed');
 */
import path from 'node:path';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import type { LogFileSettings } from '../config.js';

export type LogLevel = Level | 'silent';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** How many stack lines a logged error keeps. */
const STACK_LINES = 6;

/**
 * The bot token replaced by "<token>" in a string (a webhook URL may carry it in its path; an error
 * message or stack may quote a request URL), as typed and URL-encoded.
 */
export function maskToken(s: string, token: string | null): string {
  if (!token) return s;
  let out = s.split(token).join('<token>');
  const encoded = encodeURIComponent(token);
  if (encoded !== token) out = out.split(encoded).join('<token>');
  return out;
}

/**
 * Turns anything thrown into a log-safe value: no request payloads, no nested request errors, the
 * bot token masked everywhere. Strings (some callers log a message) stay strings.
 */
export function errorSerializer(token: string | null): (err: unknown) => unknown {
  const mask = (s: string) => maskToken(s, token);
  return (err) => {
    if (!(err instanceof Error)) return typeof err === 'string' ? mask(err) : { message: mask(String(err)) };
    const out: Record<string, unknown> = { type: err.name, message: mask(err.message) };
    const e = err as Error & { error_code?: unknown; description?: unknown; method?: unknown; error?: unknown };
    if (typeof e.error_code === 'number') out.code = e.error_code;
    if (typeof e.description === 'string') out.description = mask(e.description);
    if (typeof e.method === 'string') out.method = e.method;
    if (e.error instanceof Error) out.cause = mask(e.error.message);
    if (err.stack) out.stack = mask(err.stack.split('\n').slice(0, STACK_LINES).join('\n'));
    return out;
  };
}

/** The same logger with the error serializer for this token (for loggers made elsewhere, e.g. in tests). */
export function withErrorSerializer(logger: Logger, token: string | null): Logger {
  return logger.child({}, { serializers: { err: errorSerializer(token) } });
}

export interface LoggerOptions {
  level: LogLevel;
  /** Masked in every log line (errors, URLs, messages). */
  botToken: string | null;
  /** Where the lines go (default stderr, so that the console chat's stdout stays clean). */
  destination?: DestinationStream;
}

/**
 * stderr as a log destination that never holds the process. Synchronous writes: an asynchronous
 * destination is flushed synchronously on exit, and that flush retries EPIPE forever (a bot whose log
 * reader went away never exited). A full pipe (EAGAIN) is retried for a second at most; any write
 * error (EPIPE) ends logging instead of being retried or thrown. A bot must outlive its log reader.
 */
function safeStderr(): DestinationStream {
  let blockedSince = 0;
  const dest = pino.destination({
    dest: 2,
    sync: true,
    retryEAGAIN: () => {
      const now = Date.now();
      blockedSince ||= now;
      return now - blockedSince < 1000;
    },
  });
  dest.on('write', () => (blockedSince = 0));
  dest.on('error', () => {
    const noop = () => true;
    Object.assign(dest, { write: noop, end: noop, flush: noop, flushSync: noop, destroy: noop });
  });
  return dest;
}

/**
 * LOG_FILE: the lines go to a file that pino-roll (pino's own rotating file stream) starts afresh at
 * LOG_FILE_SIZE and every day or hour, keeping LOG_FILE_KEEP old ones. "logs/bot.log" is written as
 * logs/bot.2026-11-29.1.log, bot.2026-11-29.2.log…, and logs/current.log always links to the file in use
 * (`tail -F logs/current.log`). In process, not a worker thread: a folder that cannot be written stops
 * the start with a clear error instead of losing lines in the background.
 */
export async function openLogFile(settings: LogFileSettings): Promise<DestinationStream> {
  // Imported here: pino-roll brings date-fns, some 0.1 s of CPU that every script's start (add, ask,
  // build-index, a bot without LOG_FILE) paid for a module only LOG_FILE uses.
  const { default: roll } = await import('pino-roll');
  const stream = await roll({
    file: settings.path,
    size: settings.size,
    ...(settings.frequency ? { frequency: settings.frequency, dateFormat: settings.frequency === 'daily' ? 'yyyy-MM-dd' : 'yyyy-MM-dd-HH' } : {}),
    ...(path.extname(settings.path) ? {} : { extension: '.log' }),
    mkdir: true,
    symlink: true,
    // Synchronous writes, like stderr's: the line before a crash or an exit is on disk (a bot logs about a
    // line per question, so the cost is nothing next to answering it).
    sync: true,
    limit: { count: settings.keep },
  });
  // A full disk or a removed folder ends file logging; it never stops the bot.
  stream.on('error', () => undefined);
  return stream;
}

/** The one place a logger is made: the options are checked here, once. */
export function createLogger(opts: LoggerOptions): Logger {
  if (!LEVELS.includes(opts.level)) throw new Error(`createLogger: unknown log level ${JSON.stringify(opts.level)} (expected one of ${LEVELS.join(', ')})`);
  const token = opts.botToken;
  return pino(
    {
      level: opts.level,
      serializers: { err: errorSerializer(token) },
      // The last line of defence: whatever a log site passed (a URL, a message), no line carries the token.
      hooks: { streamWrite: (line) => maskToken(line, token) },
    },
    opts.destination ?? safeStderr(),
  );
}

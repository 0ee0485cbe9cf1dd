/** What every script does first: load .env, read and validate settings, fail with one clear message. */
import 'dotenv/config';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, misspeltSettings, type Config } from '../config.js';
import { maskToken } from '../bot/logger.js';
import type { EngineStatus } from '../engine/types.js';
import { IndexLoadError, LockBusyError } from '../index/store.js';
import { localizeLine, note, operatorLang, operatorText, type OperatorLang } from '../text/operator.js';
import { operatorMessage } from './messages.js';

/** The validated settings; prints a warning for each variable that looks like a misspelt setting. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    const config = loadConfig(env);
    for (const m of misspeltSettings(env)) process.stderr.write(`${operatorText(note('settingWarning', { ...m, open: m.open ? 1 : 0 }), operatorLang(env))}\n`);
    return config;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${settingsProblems(e, operatorLang(env))}\n`);
      process.exit(2);
    }
    throw e;
  }
}

/** "Invalid settings:" and one line per problem, in the operator's language. */
function settingsProblems(e: ConfigError, lang: OperatorLang): string {
  return operatorText(note('invalidSettings', { problems: e.problems.map((p) => localizeLine(p, lang)).join('\n  - ') }), lang);
}

/** Exit code when another build holds the lock (EX_TEMPFAIL: try again later). */
export const EXIT_BUSY = 75;

/** Known, explained failures print one line; anything else keeps its stack for a bug report. */
export function exitOnError(e: unknown): never {
  const known = operatorMessage(e);
  if (known !== null) {
    process.stderr.write(`${known}\n`);
    process.exit(e instanceof LockBusyError ? EXIT_BUSY : 1);
  }
  if (e instanceof IndexLoadError) process.stderr.write(`${e.note ? operatorText(e.note, operatorLang()) : localizeLine(e.message, operatorLang())}\n`);
  else if (e instanceof ConfigError) process.stderr.write(`${settingsProblems(e, operatorLang())}\n`);
  else if (e instanceof Error && e.name === 'UsageError') process.stderr.write(`${e.message}\n`);
  // A startup failure may quote a Bot API URL: the token never reaches the terminal or a log file.
  else process.stderr.write(`${maskToken(e instanceof Error ? (e.stack ?? e.message) : String(e), process.env.BOT_TOKEN?.trim() || null)}\n`);
  process.exit(1);
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type CliOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a script's arguments: `--help`/`-h` prints `usage` and exits; a bad flag throws a UsageError
 * that repeats the usage. Every script's flags go through here.
 */
export function parseCli<const O extends CliOptions>(usage: string, options: O, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed as unknown as { values: ParsedValues<O>; positionals: string[] };
}

type ParsedValues<O extends CliOptions> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? (O[K] extends { default: boolean } ? boolean : boolean | undefined) : O[K] extends { default: string } ? string : string | undefined;
};

/** Reasons that are the operator's own choice, not a fault to report: asked for, or an index built so. */
const CHOSEN_MODES = new Set(['keywordOnlySetting', 'builtWithoutModel']);

/**
 * One line for the operator when the index's model cannot serve (missing from MODELS_DIR, another
 * dimension, failed to load): a script's answers say only "keyword search, see /status", which a
 * terminal has not. Null when nothing is wrong.
 */
export function servingProblem(status: EngineStatus, lang: OperatorLang = operatorLang()): string | null {
  const n = status.degradedNote;
  if (n) return CHOSEN_MODES.has(n.code) ? null : operatorText(n, lang);
  return status.mode === 'keyword' && status.degradedReason ? localizeLine(status.degradedReason, lang) : null;
}

/** What every script does first: load .env, read and validate settings, fail with one clear message. */
import 'dotenv/config';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { IndexLoadError } from '../index/store.js';

export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

/** Known, explained failures print one line; anything else keeps its stack for a bug report. */
export function exitOnError(e: unknown): never {
  if (e instanceof IndexLoadError || e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else if (e instanceof Error && e.name === 'UsageError') process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

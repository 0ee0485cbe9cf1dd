/** What the handlers share: settings, the engine, the logger, limits and the in-flight tracker. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { QaEngine } from '../engine/types.js';
import { RateLimiter, RefusalMemory } from './limits.js';

export interface BotDeps {
  config: Config;
  engine: QaEngine;
  logger: Logger;
}

/** Counts handlers that are running, so a shutdown can wait for them. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  /** The highest update id seen (to confirm it to Telegram on shutdown). */
  lastUpdateId = -1;

  begin(updateId: number): () => void {
    this.count += 1;
    if (updateId > this.lastUpdateId) this.lastUpdateId = updateId;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count -= 1;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    };
  }

  get size(): number {
    return this.count;
  }

  /** Resolves true when nothing is running, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }
}

export interface Services extends BotDeps {
  limiter: RateLimiter;
  /** Inline queries arrive as the user types: a separate, looser budget. */
  inlineLimiter: RateLimiter;
  refusals: RefusalMemory;
  inFlight: InFlight;
}

export function makeServices(deps: BotDeps): Services {
  return {
    ...deps,
    limiter: new RateLimiter(deps.config.rateLimitPerMinute),
    inlineLimiter: new RateLimiter(deps.config.rateLimitPerMinute * 3),
    refusals: new RefusalMemory(),
    inFlight: new InFlight(),
  };
}

/** An error as a log-safe object: no payloads, no nested request errors, the bot token masked. */
export function describeError(err: unknown, token: string | null): Record<string, unknown> {
  const mask = (s: string) => (token ? s.split(token).join('<token>') : s);
  if (err instanceof Error) {
    const out: Record<string, unknown> = { type: err.name, message: mask(err.message) };
    const e = err as Error & { error_code?: unknown; description?: unknown; method?: unknown; error?: unknown };
    if (typeof e.error_code === 'number') out.code = e.error_code;
    if (typeof e.description === 'string') out.description = mask(e.description);
    if (typeof e.method === 'string') out.method = e.method;
    if (e.error instanceof Error) out.cause = mask(e.error.message);
    if (err.stack) out.stack = mask(err.stack.split('\n').slice(0, 6).join('\n'));
    return out;
  }
  return { message: mask(String(err)) };
}

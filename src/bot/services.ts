/** What the handlers share (as `ctx.services`): settings, the engine, the logger, limits, the store and the in-flight tracker. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { buildInChildProcess, Rebuilder } from '../engine/rebuild.js';
import type { QaEngine } from '../engine/types.js';
import { MemoryStore } from '../store/memory.js';
import { PageLists } from '../store/pages.js';
import type { ChatStore } from '../store/types.js';
import { RateLimiter, RefusalMemory } from './limits.js';
import { withErrorSerializer } from './logger.js';

export interface BotDeps {
  config: Config;
  engine: QaEngine;
  logger: Logger;
  /** Per-chat state and feedback (default: in memory). */
  store?: ChatStore;
  /** Rebuilds the index after an admin adds or removes an article (default: a child process, then engine.reload()). */
  rebuilder?: Rebuilder;
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

export interface Services extends Required<BotDeps> {
  limiter: RateLimiter;
  /** Inline queries arrive as the user types: a separate, looser budget. */
  inlineLimiter: RateLimiter;
  refusals: RefusalMemory;
  inFlight: InFlight;
  /** The ranked lists further pages continue (per question message, in memory). */
  pages: PageLists;
}

function defaultRebuilder(deps: BotDeps): Rebuilder {
  return new Rebuilder({
    build: () => buildInChildProcess(deps.config),
    reload: () => deps.engine.reload(),
    onDone: (o) =>
      o.ok
        ? deps.logger.info({ event: 'rebuilt', ms: o.ms, indexVersion: deps.engine.status().indexVersion }, o.message)
        : deps.logger.error({ event: 'rebuild-failed', ms: o.ms }, o.message),
  });
}

export function makeServices(deps: BotDeps): Services {
  return {
    ...deps,
    // Whatever logger the bot is given, its errors are logged the same way, with the token masked.
    logger: withErrorSerializer(deps.logger, deps.config.botToken),
    store: deps.store ?? new MemoryStore(),
    rebuilder: deps.rebuilder ?? defaultRebuilder(deps),
    limiter: new RateLimiter(deps.config.rateLimitPerMinute),
    inlineLimiter: new RateLimiter(deps.config.rateLimitPerMinute * 3),
    refusals: new RefusalMemory(),
    inFlight: new InFlight(),
    pages: new PageLists(),
  };
}

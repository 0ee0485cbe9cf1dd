/** Per-user rate limiting and the allow-lists. In memory on purpose: losing it on restart is harmless. */
import type { Config } from '../config.js';

export interface RateDecision {
  allowed: boolean;
  /** When not allowed: true the first time in this window (reply politely once), then false (stay silent). */
  notify: boolean;
  /** Seconds until the next request would be allowed. */
  retryAfterSeconds: number;
}

/** A sliding one-minute window per key. limitPerMinute 0 turns it off. */
export class RateLimiter {
  private readonly hits = new Map<string, { times: number[]; notified: boolean }>();
  private lastSweep = 0;

  constructor(
    private readonly limitPerMinute: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string, weight = 1): RateDecision {
    if (this.limitPerMinute <= 0) return { allowed: true, notify: false, retryAfterSeconds: 0 };
    const now = this.now();
    this.sweep(now);
    let entry = this.hits.get(key);
    if (!entry) {
      entry = { times: [], notified: false };
      this.hits.set(key, entry);
    }
    const since = now - this.windowMs;
    while (entry.times.length > 0 && entry.times[0]! <= since) entry.times.shift();
    if (entry.times.length + weight <= this.limitPerMinute) {
      for (let i = 0; i < weight; i++) entry.times.push(now);
      entry.notified = false;
      return { allowed: true, notify: false, retryAfterSeconds: 0 };
    }
    const oldest = entry.times[0] ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    const notify = !entry.notified;
    entry.notified = true;
    return { allowed: false, notify, retryAfterSeconds };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs || this.hits.size < 1000) return;
    this.lastSweep = now;
    for (const [key, entry] of this.hits) {
      if ((entry.times[entry.times.length - 1] ?? 0) <= now - this.windowMs) this.hits.delete(key);
    }
  }
}

/**
 * The allow-lists: with neither ALLOWED_USER_IDS nor ALLOWED_CHAT_IDS set, everyone may use the bot;
 * otherwise a request is allowed when its user is in ALLOWED_USER_IDS or its chat is in ALLOWED_CHAT_IDS
 * (either list). Admins are always allowed.
 */
export function isAllowed(config: Pick<Config, 'allowedUserIds' | 'allowedChatIds' | 'adminUserIds'>, userId: number | undefined, chatId: number | undefined): boolean {
  const { allowedUserIds: users, allowedChatIds: chats } = config;
  if (users === null && chats === null) return true;
  if (userId !== undefined && config.adminUserIds.has(userId)) return true;
  if (users !== null && userId !== undefined && users.has(userId)) return true;
  if (chats !== null && chatId !== undefined && chats.has(chatId)) return true;
  return false;
}

/** Remembers whom we already refused, so a refused user gets one short refusal and then silence. */
export class RefusalMemory {
  private readonly refused = new Map<number, number>();
  constructor(private readonly forgetAfterMs = 60 * 60_000, private readonly now: () => number = Date.now) {}

  /** True when this user should get the refusal message now. */
  shouldRefuse(userId: number): boolean {
    const now = this.now();
    const last = this.refused.get(userId);
    if (last !== undefined && now - last < this.forgetAfterMs) return false;
    if (this.refused.size > 10_000) this.refused.clear();
    this.refused.set(userId, now);
    return true;
  }
}


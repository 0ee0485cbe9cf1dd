import { describe, expect, it } from 'vitest';
import { RateLimiter, RefusalMemory, isAllowed } from '../../src/bot/limits.js';

describe('limits', () => {
  it('rate-limits per user in a sliding minute and notifies once', () => {
    let now = 0;
    const rl = new RateLimiter(2, 60_000, () => now);
    expect(rl.check('u').allowed).toBe(true);
    expect(rl.check('u').allowed).toBe(true);
    expect(rl.check('u')).toMatchObject({ allowed: false, notify: true, retryAfterSeconds: 60 });
    now = 30_000;
    expect(rl.check('u')).toMatchObject({ allowed: false, notify: false, retryAfterSeconds: 30 });
    expect(rl.check('v').allowed).toBe(true);
    now = 60_001;
    expect(rl.check('u').allowed).toBe(true);
    expect(new RateLimiter(0).check('u').allowed).toBe(true);
  });

  it('applies the allow-lists', () => {
    const base = { allowedUserIds: null, allowedChatIds: null, adminUserIds: new Set([1]) };
    expect(isAllowed(base, 5, 5)).toBe(true);
    expect(isAllowed({ ...base, allowedUserIds: new Set([7]) }, 5, 5)).toBe(false);
    expect(isAllowed({ ...base, allowedUserIds: new Set([7]) }, 7, -100)).toBe(true);
    expect(isAllowed({ ...base, allowedChatIds: new Set([-100]) }, 5, -100)).toBe(true);
    expect(isAllowed({ ...base, allowedChatIds: new Set([-100]) }, 1, 1)).toBe(true);
  });

  it('refuses once per hour', () => {
    let now = 0;
    const r = new RefusalMemory(3_600_000, () => now);
    expect(r.shouldRefuse(1)).toBe(true);
    expect(r.shouldRefuse(1)).toBe(false);
    now = 3_600_001;
    expect(r.shouldRefuse(1)).toBe(true);
  });
});

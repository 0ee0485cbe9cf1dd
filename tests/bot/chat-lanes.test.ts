/**
 * One chat's flood limit never delays another chat: chat A's sends get 429 (retry_after) for a while,
 * and chat B, asking after A's burst, is answered at once; A's answers all arrive, in order, once
 * Telegram lets them through. The bot runs with two handler slots, so without per-chat lanes A's
 * retries would hold both and B would wait for A's flood to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../helpers/fake-bot-api.js';
import { freshUserId, startHarness, type Harness } from './harness.js';

const QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
/** How long chat A is flooded, and the retry_after it is told. */
const FLOOD_MS = 2_500;
const RETRY_AFTER_S = 1;

describe('per-chat lanes under a flood limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { concurrency: 2 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("answers chat B promptly while chat A's sends are refused with 429", async () => {
    const a = h.fake.user(freshUserId());
    const b = h.fake.user(freshUserId());
    h.fake.floodChat(a.id, FLOOD_MS, RETRY_AFTER_S);
    const burst = [1, 2, 3, 4].map((n) => h.fake.sendText({ from: a, text: `${QUESTION} (${n})` }));
    await h.fake.waitUntilConsumed(burst[burst.length - 1]!.update_id);
    // A's first send has met its 429 (so its retries are under way) before B asks.
    await h.fake.waitForCall('sendMessage', { where: (c) => c.status === 429 && Number(c.params.chat_id) === a.id });

    const started = Date.now();
    const q = h.fake.sendText({ from: b, text: QUESTION });
    const reply = await h.fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === b.id && c.params.reply_parameters?.message_id === q.message_id });
    const waited = Date.now() - started;
    expect(String(reply.params.text)).toContain('4.466');
    expect(waited).toBeLessThan(FLOOD_MS - 1_000);

    // Every one of A's questions is answered after the flood, in the order asked.
    const answered = await Promise.all(
      burst.map((m) => h.fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && Number(c.params.chat_id) === a.id && c.params.reply_parameters?.message_id === m.message_id, timeoutMs: 20_000 })),
    );
    const seqs = answered.map((c: RecordedCall) => c.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(Math.min(...seqs)).toBeGreaterThan(reply.seq);
  }, 30_000);
});

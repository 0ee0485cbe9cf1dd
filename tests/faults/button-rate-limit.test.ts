/** Fault: buttons had no rate limit (100 presses of "Đoạn đầy đủ" sent 100 messages). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitText } from '../../src/present/messages.js';
import { FakeBotApi, type FakeMessage, type RecordedCall } from '../helpers/fake-bot-api.js';
import { freshUserId, startHarness, type Harness } from '../bot/harness.js';

const QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
const LIMIT = 5;
const sent = (c: RecordedCall) => c.response.result as FakeMessage;

describe('buttons behind the per-user rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('30 fast presses of the full-paragraph button send at most the limit of messages', async () => {
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(QUESTION, { from: user });
    await new Promise((r) => setTimeout(r, 50));
    const all = h.repliesTo(question);
    const last = all[all.length - 1]!;
    const para = FakeBotApi.buttons(sent(last)).find((b) => /^[pP]:/.test(b.data))!;
    expect(para).toBeDefined();
    const mark = h.fake.mark();
    const presses = Array.from({ length: 30 }, () => h.fake.pressButton({ from: user, message: sent(last), data: para.data }));
    const acks = await Promise.all(
      presses.map((p) => h.fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === p.id })),
    );
    await new Promise((r) => setTimeout(r, 300));
    const shown = h.fake.callsSince(mark, 'sendMessage').filter((c) => Number(c.params.chat_id) === question.chat.id);
    // The question used one request of the minute.
    expect(shown.length).toBeLessThanOrEqual(LIMIT - 1);
    expect(shown.length).toBeGreaterThan(0);
    const limited = acks.filter((a) => String(a.params.text ?? '') !== '');
    expect(limited.length).toBeGreaterThanOrEqual(30 - (LIMIT - 1));
    expect(String(limited[0]!.params.text)).toBe(rateLimitText('vi', Number(/\d+/.exec(String(limited[0]!.params.text))?.[0])));
  }, 30_000);
});

/** review12a: an old page 1's "next" must not continue a list kept for another index (after "Hỏi lại"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCallback } from '../../src/bot/callback-data.js';
import { FakeBotApi, type FakeMessage, type RecordedCall } from '../helpers/fake-bot-api.js';
import { freshUserId, startHarness, type Harness } from './harness.js';

const HP_QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
const sent = (c: RecordedCall) => c.response.result as FakeMessage;
const textOf = (c: RecordedCall) => String(c.params.text ?? '');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('old page 1 after "Hỏi lại"', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('does not serve the new index list as the continuation of the old page 1, without a note', async () => {
    h.engine.askDelayMs = 150;
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(HP_QUESTION, { from: user });
    await wait(50);
    const last = h.repliesTo(question).at(-1)!;
    const next = FakeBotApi.buttons(sent(last)).find((b) => b.data.startsWith('n:'))!.data;
    h.engine.bumpVersion();
    await wait(400);
    h.engine.askDelayMs = 0;
    let mark = h.fake.mark();
    h.fake.pressButton({ from: user, message: sent(last), data: next });
    const gone = await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === question.message_id });
    expect(textOf(gone)).toMatch(/Không thể xem tiếp/);
    const again = FakeBotApi.buttons(sent(gone)).find((b) => decodeCallback(b.data)?.kind === 'again')!;
    mark = h.fake.mark();
    h.fake.pressButton({ from: user, message: sent(gone), data: again.data });
    await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === question.message_id });
    await wait(400); // the new answer's list is kept under the same question message
    // The user now presses the OLD page 1's button again (its tag is the old index).
    mark = h.fake.mark();
    h.fake.pressButton({ from: user, message: sent(last), data: next });
    const reply = await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === question.message_id });
    console.log('REPLY:', textOf(reply).slice(0, 300));
    // Either the plain "cannot continue" or a note; never a silent page of another list.
    expect(textOf(reply)).toMatch(/Không thể xem tiếp|Kho báo cáo đã được cập nhật/);
  });
});

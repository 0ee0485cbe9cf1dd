/**
 * probe7: messages that are not plain questions, and an admin's /reload, through the real bot and the
 * fake Bot API. Each case failed before its fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../helpers/fake-bot-api.js';
import { freshUserId, startHarness, type Harness } from './harness.js';

const textOf = (c: RecordedCall) => String(c.params.text ?? '');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h.stop();
});

describe('a photo with a question in its caption', () => {
  it('is answered from the caption, in a private chat', async () => {
    const from = h.fake.user(freshUserId());
    const msg = h.fake.sendPhoto({ from, caption: 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?' });
    const reply = await h.fake.waitForCall('sendMessage', { where: (c) => Number(c.params.chat_id) === from.id && c.params.reply_parameters?.message_id === msg.message_id });
    expect(textOf(reply)).toContain('4.466');
  });

  it('without a caption still gets the hint to type the question', async () => {
    const from = h.fake.user(freshUserId());
    h.fake.sendPhoto({ from });
    const reply = await h.fake.waitForCall('sendMessage', { where: (c) => Number(c.params.chat_id) === from.id });
    expect(textOf(reply)).toMatch(/chỉ đọc được tin nhắn chữ/u);
  });
});

describe('/reload', () => {
  it('says what it did in the admin\'s language, with no English log text in a Vietnamese reply', async () => {
    // Nothing was rebuilt since the bot started: the index serving is already the newest (probe8).
    const { reply } = await h.ask('/reload', { from: h.fake.user(900) });
    expect(textOf(reply)).toMatch(/^Chỉ mục đang dùng đã là bản mới nhất/u);
    expect(textOf(reply)).not.toMatch(/already|loaded|index \d/u);
    const en = await h.ask('/reload', { from: h.fake.user(900, { languageCode: 'en' }) });
    expect(textOf(en.reply)).toMatch(/^The index in use is already the newest/u);
  });
});

describe('thanks and greetings', () => {
  it('are not counted as unanswered questions in /stats', async () => {
    const admin = h.fake.user(900);
    await h.ask('cảm ơn bot nhé', { from: admin });
    await h.ask('xin chào', { from: admin });
    const { reply } = await h.ask('/stats', { from: admin });
    expect(textOf(reply)).not.toMatch(/cảm ơn|xin chào/u);
  });
});

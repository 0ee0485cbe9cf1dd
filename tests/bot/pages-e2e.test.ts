/**
 * "Kết quả tiếp" after the index changed between two pages: page 2 continues the list page 1 was cut
 * from (kept per question message), or says plainly that it cannot and offers to ask again.
 */
import { describe, expect, it } from 'vitest';
import { decodeCallback } from '../../src/bot/callback-data.js';
import { converse } from '../../src/engine/chat.js';
import { FakeBotApi, type FakeMessage, type RecordedCall } from '../helpers/fake-bot-api.js';
import { freshUserId, useHarness } from './harness.js';

const HP_QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';

const sent = (c: RecordedCall) => c.response.result as FakeMessage;
const textOf = (c: RecordedCall) => String(c.params.text ?? '');
/** The chunk ids a message's "full paragraph" buttons show. */
const shownChunkIds = (msg: FakeMessage) =>
  FakeBotApi.buttons(msg).flatMap((b) => {
    const action = decodeCallback(b.data);
    return action?.kind === 'paragraph' ? [action.chunkId] : [];
  });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('next results across an index switch', () => {
  const h = useHarness({ strict: true });

  /** The question's first page (its last message carries the keyboard) and its "next" button. */
  async function firstPage(user = h().fake.user(freshUserId())) {
    const { question } = await h().ask(HP_QUESTION, { from: user });
    await wait(50);
    const last = h().repliesTo(question).at(-1)!;
    const next = FakeBotApi.buttons(sent(last)).find((b) => b.data.startsWith('n:'));
    expect(next, 'the Hải Phòng question has more than TOP_K relevant results').toBeDefined();
    return { user, question, last, next: next!.data };
  }

  it('continues the list page 1 was cut from, though a paragraph of page 1 left the index meanwhile', async () => {
    const page1 = await firstPage();
    const shown1 = shownChunkIds(sent(page1.last));
    expect(shown1.length).toBe(2);
    // What page 2 is, from the index page 1 came from.
    const expected = (await converse(h().engine.inner, HP_QUESTION, null, { offset: 2, top: 2 })).answer.results.map((r) => r.chunkId);
    expect(expected.length).toBeGreaterThan(0);
    // Let the list after page 1 be kept, then the index changes: page 1's first paragraph is removed,
    // so asking the new index at offset 2 would skip the third result of the list the user saw.
    await wait(300);
    h().engine.hideChunk(shown1[0]!);
    const mark = h().fake.mark();
    h().fake.pressButton({ from: page1.user, message: sent(page1.last), data: page1.next });
    const page2 = await h().fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === page1.question.message_id });
    const last2 = h().repliesTo(page1.question).at(-1)!;
    expect(shownChunkIds(sent(last2))).toEqual(expected);
    expect(textOf(page2)).toContain('<b>[3]</b>');
    expect(textOf(page2)).toMatch(/Kho báo cáo đã được cập nhật sau câu trả lời này/);
  });

  it('says the list cannot be continued when it was not kept and the index changed, and asks again on the button', async () => {
    // The index changes while the list after page 1 is being asked for: that list is not page 1's, so none is kept.
    h().engine.askDelayMs = 150;
    const page1 = await firstPage();
    h().engine.bumpVersion();
    await wait(400);
    h().engine.askDelayMs = 0;
    const mark = h().fake.mark();
    const press = h().fake.pressButton({ from: page1.user, message: sent(page1.last), data: page1.next });
    const gone = await h().fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === page1.question.message_id });
    const ack = await h().fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === press.id });
    expect(ack.status).toBe(200);
    expect(textOf(gone)).toMatch(/Không thể xem tiếp danh sách này/);
    expect(textOf(gone)).not.toContain('<blockquote>');
    const again = FakeBotApi.buttons(sent(gone)).find((b) => decodeCallback(b.data)?.kind === 'again');
    expect(again?.text).toBe('🔄 Hỏi lại');

    const mark2 = h().fake.mark();
    h().fake.pressButton({ from: page1.user, message: sent(gone), data: again!.data });
    const fresh = await h().fake.waitForCall('sendMessage', { since: mark2, where: (c) => c.params.reply_parameters?.message_id === page1.question.message_id });
    expect(textOf(fresh)).toContain('<blockquote>');
    expect(textOf(fresh)).toContain('<b>[1]</b>');
  });

  it('asks the index for page 2 when it is the one page 1 came from', async () => {
    const page1 = await firstPage();
    const expected = (await converse(h().engine.inner, HP_QUESTION, null, { offset: 2, top: 2 })).answer.results.map((r) => r.chunkId);
    const mark = h().fake.mark();
    h().fake.pressButton({ from: page1.user, message: sent(page1.last), data: page1.next });
    const page2 = await h().fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === page1.question.message_id });
    expect(textOf(page2)).not.toMatch(/Kho báo cáo đã được cập nhật/);
    expect(shownChunkIds(sent(h().repliesTo(page1.question).at(-1)!))).toEqual(expected);
  });
});

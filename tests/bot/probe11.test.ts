/**
 * probe11: what a careless user sends the real bot (fake Bot API): a question corrected by editing it, and
 * a file sent with the question in its caption by someone who may not add reports. Each case failed before
 * its fix (the edit was ignored; the file was refused and its question left unanswered).
 */
import { describe, expect, it } from 'vitest';
import { ALLOWED_UPDATES } from '../../src/bot/bot.js';
import { freshUserId, useHarness } from './harness.js';

const h = useHarness();

/** The bot's messages in a chat since `mark`, once the update was handled. */
async function replies(updateId: number, chatId: number, mark: number): Promise<string[]> {
  return (await h().settle(updateId, chatId, mark, 600)).filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text).replace(/<[^>]+>/gu, ''));
}

describe('an edited question', () => {
  it('is answered again, as corrected, replying to the edited message', async () => {
    expect(ALLOWED_UPDATES).toContain('edited_message');
    const u = h().fake.user(freshUserId());
    const { question } = await h().ask('Hải Phòng có bao nhiêu chi bộ?', { from: u });
    const mark = h().fake.mark();
    const edit = h().fake.queueUpdate({ edited_message: { ...question, edit_date: question.date + 5, text: 'Hải Phòng có bao nhiêu tổ chức cơ sở đảng?' } });
    const sent = await h().settle(edit.update_id as number, u.id, mark, 600);
    const answer = sent.find((c) => c.method === 'sendMessage');
    expect(String(answer?.params.text).replace(/<[^>]+>/gu, '')).toContain('62 tổ chức cơ sở đảng');
    expect(answer?.params.reply_parameters?.message_id).toBe(question.message_id);
  });

  it('an edit in a group still needs the mention; an edited command does nothing', async () => {
    const u = h().fake.user(freshUserId());
    const g = h().fake.groupChat(-7_011);
    let mark = h().fake.mark();
    let edit = h().fake.queueUpdate({ edited_message: { message_id: 41, date: 1, edit_date: 2, chat: g, from: u, text: 'Hải Phòng có bao nhiêu chi bộ?' } });
    expect(await replies(edit.update_id as number, g.id, mark)).toEqual([]);
    mark = h().fake.mark();
    edit = h().fake.queueUpdate({ edited_message: { message_id: 42, date: 1, edit_date: 2, chat: h().fake.privateChat(u), from: u, text: '/reload', entities: [{ type: 'bot_command', offset: 0, length: 7 }] } });
    expect(await replies(edit.update_id as number, u.id, mark)).toEqual([]);
  });
});

describe('a file with a question in its caption, from someone who may not add reports', () => {
  it('answers the caption instead of only refusing the upload', async () => {
    const u = h().fake.user(freshUserId());
    const mark = h().fake.mark();
    const doc = h().fake.sendDocument({ from: u, fileName: 'chup-man-hinh.pdf', bytes: '%PDF-1.4', caption: 'Hải Phòng có bao nhiêu chi bộ?' });
    const texts = await replies(doc.update_id, u.id, mark);
    expect(texts.some((t) => t.includes('442 chi bộ'))).toBe(true);
    expect(h().fake.downloads).toEqual([]);
  });

  it('a file with no caption is still refused with the hint to type the question', async () => {
    const u = h().fake.user(freshUserId());
    const mark = h().fake.mark();
    const doc = h().fake.sendDocument({ from: u, fileName: 'bao-cao.pdf', bytes: '%PDF-1.4' });
    expect((await replies(doc.update_id, u.id, mark)).join('\n')).toMatch(/chỉ quản trị viên/u);
  });
});

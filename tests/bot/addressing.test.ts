import { describe, expect, it } from 'vitest';
import type { Message, UserFromGetMe } from 'grammy/types';
import { groupQuestion, isAddressedToMe, leadingCommand, questionOfMessage, tidyQuestion } from '../../src/bot/addressing.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';

const me = { id: 42, is_bot: true, first_name: 'Bot', username: 'fake_qa_bot' } as UserFromGetMe;

function msg(text: string, extra: Partial<Message> = {}): Message {
  const entities = FakeBotApi.entitiesFor(text) as Message['entities'];
  return { message_id: 1, date: 0, chat: { id: -1, type: 'supergroup', title: 'g' }, text, ...(entities && entities.length ? { entities } : {}), ...extra } as Message;
}

describe('addressing', () => {
  it('finds and strips a mention', () => {
    expect(groupQuestion(msg('@fake_qa_bot bi thu thanh uy hue la ai'), me)).toEqual({ addressed: true, question: 'bi thu thanh uy hue la ai' });
    expect(groupQuestion(msg('Cho hỏi @Fake_QA_Bot, ai là bí thư?'), me)).toEqual({ addressed: true, question: 'Cho hỏi , ai là bí thư?' });
    expect(groupQuestion(msg('hỏi @fake_qa_bot_2 cái này'), me).addressed).toBe(false);
    expect(groupQuestion(msg('không nhắc ai'), me).addressed).toBe(false);
    // Without entities, a plain-text mention still counts.
    expect(groupQuestion({ ...msg('x'), text: 'hỏi @fake_qa_bot nhé', entities: [] } as Message, me)).toEqual({ addressed: true, question: 'hỏi nhé' });
  });

  it('counts a reply to the bot', () => {
    const m = msg('câu hỏi', { reply_to_message: { message_id: 9, date: 0, chat: { id: -1, type: 'supergroup', title: 'g' }, from: { id: 42, is_bot: true, first_name: 'Bot' } } as Message['reply_to_message'] });
    expect(groupQuestion(m, me)).toEqual({ addressed: true, question: 'câu hỏi' });
  });

  it('reads /ask and /ask@bot, ignores other bots', () => {
    expect(leadingCommand(msg('/ask@fake_qa_bot q'), me)).toEqual({ command: 'ask', rest: ' q' });
    expect(leadingCommand(msg('/ask@other_bot q'), me)).toBeNull();
    expect(questionOfMessage(msg('/ask@fake_qa_bot  hỏi gì đó '), me)).toBe('hỏi gì đó');
    expect(questionOfMessage(msg('/help'), me)).toBeNull();
    expect(questionOfMessage(msg('@fake_qa_bot hỏi'), me)).toBe('hỏi');
  });
});

describe('is it for me', () => {
  const known = new Set(['ask', 'help']);
  const inPrivate = (text: string, extra: Partial<Message> = {}) => msg(text, { chat: { id: 5, type: 'private', first_name: 'U' }, ...extra });
  const forMe = (m: Message) => isAddressedToMe(m, m.chat.type, me, known);

  it('in private: questions, any command of ours and content, not commands of other bots or service messages', () => {
    expect(forMe(inPrivate('ai là bí thư?'))).toBe(true);
    expect(forMe(inPrivate('/help'))).toBe(true);
    expect(forMe(inPrivate('/foo'))).toBe(true);
    expect(forMe(inPrivate('/ask@other_bot q'))).toBe(false);
    const sticker = { ...inPrivate('x'), text: undefined, sticker: { file_id: 's' } } as unknown as Message;
    expect(forMe(sticker)).toBe(true);
    const joined = { ...inPrivate('x'), text: undefined, new_chat_members: [] } as unknown as Message;
    expect(forMe(joined)).toBe(false);
  });

  it('in groups: known commands, "/foo@me", mentions and replies; nothing else', () => {
    expect(forMe(msg('/ask q'))).toBe(true);
    expect(forMe(msg('/ask@fake_qa_bot q'))).toBe(true);
    expect(forMe(msg('/foo'))).toBe(false);
    expect(forMe(msg('/foo@fake_qa_bot'))).toBe(true);
    expect(forMe(msg('/ask@other_bot q'))).toBe(false);
    expect(forMe(msg('@fake_qa_bot ai là bí thư?'))).toBe(true);
    expect(forMe(msg('chuyện khác'))).toBe(false);
    // A photo whose caption asks the bot (review7: ignored in groups, answered in private chats).
    const photo = (caption: string) => ({ ...msg('x'), text: undefined, photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }], caption }) as unknown as Message;
    expect(forMe(photo('@fake_qa_bot ai là bí thư?'))).toBe(true);
    expect(forMe(photo('ảnh hội nghị hôm nay'))).toBe(false);
    const reply = { message_id: 9, date: 0, chat: { id: -1, type: 'supergroup', title: 'g' }, from: { id: 42, is_bot: true, first_name: 'Bot' } } as Message['reply_to_message'];
    expect(forMe(msg('câu hỏi', { reply_to_message: reply }))).toBe(true);
    const sticker = { ...msg('x'), text: undefined, sticker: { file_id: 's' } } as unknown as Message;
    expect(forMe(sticker)).toBe(false);
  });

  it('tidies what a removed mention leaves, invisible characters included', () => {
    expect(tidyQuestion(' , \u200bai là\u2060 bí thư?\ufeff ')).toBe('ai là bí thư?');
  });
});

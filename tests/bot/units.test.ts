import { describe, expect, it } from 'vitest';
import type { Message, UserFromGetMe } from 'grammy/types';
import { groupQuestion, leadingCommand, questionOfMessage } from '../../src/bot/addressing.js';
import { byteLength, decodeCallback, encodeArticle, encodeNext, encodeParagraph, versionTag } from '../../src/bot/callback-data.js';
import { answerKeyboard } from '../../src/bot/keyboards.js';
import { RateLimiter, RefusalMemory, isAllowed } from '../../src/bot/limits.js';
import { cleanQuestion as cutQuestion } from '../../src/text/normalise.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { makeTestEngine } from '../helpers/test-engine.js';

const me = { id: 42, is_bot: true, first_name: 'Bot', username: 'fake_qa_bot' } as UserFromGetMe;

function msg(text: string, extra: Partial<Message> = {}): Message {
  const entities = FakeBotApi.entitiesFor(text) as Message['entities'];
  return { message_id: 1, date: 0, chat: { id: -1, type: 'supergroup', title: 'g' }, text, ...(entities && entities.length ? { entities } : {}), ...extra } as Message;
}

describe('callback data', () => {
  it('round-trips every kind within 64 bytes', () => {
    const tag = versionTag('index-2024-10-16T07:56:00Z');
    expect(tag).toMatch(/^[0-9a-z]{4}$/);
    const p = encodeParagraph(tag, '004_7239dae0792dcdec#p4', 'đoạn văn', 1);
    expect(decodeCallback(p)).toMatchObject({ kind: 'paragraph', tag, chunkId: '004_7239dae0792dcdec#p4' });
    expect(decodeCallback(encodeArticle(tag, '004_7239dae0792dcdec', 1)!)).toEqual({ kind: 'article', tag, articleId: '004_7239dae0792dcdec' });
    expect(decodeCallback(encodeNext(tag, 6))).toEqual({ kind: 'next', tag, offset: 6 });
  });

  it('falls back to ranks when ids are too long', () => {
    const tag = versionTag('v');
    const longId = `${'đ'.repeat(40)}:x`;
    const p = encodeParagraph(tag, longId, 'text', 3);
    expect(byteLength(p)).toBeLessThanOrEqual(64);
    expect(decodeCallback(p)).toMatchObject({ kind: 'paragraph-rank', rank: 3 });
    const a = encodeArticle(tag, longId, 2)!;
    expect(decodeCallback(a)).toEqual({ kind: 'article-rank', tag, rank: 2 });
    expect(encodeArticle(tag, longId, null)).toBeNull();
  });

  it('rejects data it did not make', () => {
    for (const d of ['', 'x', 'p:', 'n:tag:-1', 'n:TAG!:1', 'P:abcd:fp:0', 'q:abcd:1']) expect(decodeCallback(d)).toBeNull();
  });

  it('keyboards of a real answer stay within 64 bytes', async () => {
    const engine = await makeTestEngine();
    const answer = await engine.ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?', { top: 2 });
    const kb = answerKeyboard(answer, 'vi')!;
    for (const b of kb.inline_keyboard.flat()) expect(byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
    await engine.close();
  });
});

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

  it('cuts questions at a word boundary', () => {
    expect(cutQuestion('ngắn', 10)).toEqual({ text: 'ngắn', truncated: false });
    const cut = cutQuestion('một hai ba bốn năm sáu bảy tám chín mười', 20);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(20);
    expect('một hai ba bốn năm sáu bảy tám chín mười'.startsWith(cut.text)).toBe(true);
    expect(cut.text).toBe('một hai ba bốn năm');
  });
});

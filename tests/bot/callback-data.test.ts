import { describe, expect, it } from 'vitest';
import { byteLength, callbackPattern, decodeCallback, encodeAgain, encodeArticle, encodeNewChat, encodeNext, encodeParagraph, encodeVote, versionTag } from '../../src/bot/callback-data.js';
import { answerKeyboard, withoutNextRow } from '../../src/bot/keyboards.js';
import { makeTestEngine } from '../helpers/test-engine.js';

describe('callback data', () => {
  it('round-trips every kind within 64 bytes', () => {
    const tag = versionTag('index-2024-10-16T07:56:00Z');
    expect(tag).toMatch(/^[0-9a-z]{4}$/);
    const p = encodeParagraph(tag, '004_7239dae0792dcdec#p4', 'đoạn văn', 1);
    expect(decodeCallback(p)).toMatchObject({ kind: 'paragraph', tag, chunkId: '004_7239dae0792dcdec#p4' });
    expect(decodeCallback(encodeArticle(tag, '004_7239dae0792dcdec', 1)!)).toEqual({ kind: 'article', tag, articleId: '004_7239dae0792dcdec' });
    expect(decodeCallback(encodeNext(tag, 6))).toEqual({ kind: 'next', tag, offset: 6 });
    expect(decodeCallback(encodeVote(tag, 'up'))).toEqual({ kind: 'vote', tag, vote: 'up' });
    expect(decodeCallback(encodeVote(tag, 'down'))).toEqual({ kind: 'vote', tag, vote: 'down' });
    expect(decodeCallback(encodeNewChat(tag))).toEqual({ kind: 'new-chat', tag });
    expect(decodeCallback(encodeAgain(tag))).toEqual({ kind: 'again', tag });
    expect(decodeCallback(`v:${tag}:x`)).toBeNull();
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

  it('routes each kind by its prefix, and only that kind', () => {
    const tag = versionTag('v');
    const data = {
      paragraph: encodeParagraph(tag, 'a#p1', 'x', 1),
      'paragraph-rank': encodeParagraph(tag, 'đ'.repeat(40), 'x', 1),
      article: encodeArticle(tag, 'a', 1)!,
      'article-rank': encodeArticle(tag, 'đ'.repeat(40), 2)!,
      next: encodeNext(tag, 2),
    } as const;
    for (const [kind, d] of Object.entries(data) as [keyof typeof data, string][]) {
      expect(decodeCallback(d)?.kind).toBe(kind);
      for (const other of Object.keys(data) as (keyof typeof data)[]) expect(callbackPattern(other).test(d)).toBe(other === kind);
    }
  });

  it('drops the "next" row of a keyboard', () => {
    const tag = versionTag('v');
    const row = [{ text: 'p', callback_data: encodeParagraph(tag, 'a#p1', 'x', 1) }];
    const next = [{ text: 'n', callback_data: encodeNext(tag, 2) }];
    expect(withoutNextRow({ inline_keyboard: [row, next] })).toEqual({ inline_keyboard: [row] });
    expect(withoutNextRow(undefined)).toBeUndefined();
  });
});

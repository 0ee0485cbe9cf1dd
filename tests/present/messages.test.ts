import { describe, expect, it } from 'vitest';
import { reloadResultText } from '../../src/present/messages.js';

const serving = { indexVersion: 'v7', articles: 12, chunks: 340 };

describe('reloadResultText', () => {
  it('says a newer index was loaded, and what serves now, in the admin\'s language', () => {
    expect(reloadResultText({ ok: true, message: 'index v7 loaded' }, 'vi', serving)).toBe('Đã nạp lại chỉ mục. Đang dùng chỉ mục v7: 12 bài, 340 đoạn.');
    expect(reloadResultText({ ok: true, message: 'index v7 loaded' }, 'en', serving)).toBe('Index reloaded. Serving index v7: 12 articles, 340 paragraphs.');
  });

  it('says the index was already the newest when nothing was built since, not that it was reloaded', () => {
    const current = { ok: true, message: 'index v7 already loaded', current: true as const };
    expect(reloadResultText(current, 'vi', serving)).toBe('Chỉ mục đang dùng đã là bản mới nhất: v7, 12 bài, 340 đoạn.');
    expect(reloadResultText(current, 'en', serving)).toBe('The index in use is already the newest: v7, 12 articles, 340 paragraphs.');
  });

  it('says a refused index leaves the old one serving, with the reason', () => {
    expect(reloadResultText({ ok: false, message: 'checksum mismatch' }, 'en')).toBe('Reload refused; the previous index keeps serving. checksum mismatch');
  });
});

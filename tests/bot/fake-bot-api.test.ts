/** The fake Telegram server must refuse what Telegram refuses, or the e2e tests prove nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, parseTelegramHtml, validateMessageText } from '../helpers/fake-bot-api.js';

describe('Telegram HTML validation', () => {
  const ok = (html: string) => parseTelegramHtml(html).ok;

  it('accepts the supported tags and entities', () => {
    expect(ok('<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>i</ins><s>s</s><strike>s</strike><del>d</del>')).toBe(true);
    expect(ok('<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler><code>c</code><pre>p</pre><tg-emoji emoji-id="1">👍</tg-emoji>')).toBe(true);
    expect(ok('<blockquote>q</blockquote><blockquote expandable>q</blockquote><a href="https://x.vn/?a=1&amp;b=&quot;2&quot;">l</a>')).toBe(true);
    expect(ok('a &lt; b &gt; c &amp; d &quot;e&quot; &#65; &#x42; > ok')).toBe(true);
    const p = parseTelegramHtml('<b>a &amp; b</b>');
    expect(p).toEqual({ ok: true, text: 'a & b', entities: [{ type: 'bold', offset: 0, length: 5 }] });
  });

  it('refuses unknown tags, bad nesting and bare < or &', () => {
    for (const bad of ['<script>x</script>', '<br>', '<b>x', 'x</b>', '<b><i>x</b></i>', 'a < b', 'a & b', '&nbsp;', '&amp', '<a>x</a>', '<span>x</span>', '<a href="javascript:x">x</a>', '<blockquote><blockquote>x</blockquote></blockquote>']) {
      const r = parseTelegramHtml(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Bad Request: can't parse entities: /);
    }
  });

  it('counts the length after entity parsing', () => {
    expect(validateMessageText(`<b>${'a'.repeat(4096)}</b>`, 'HTML').ok).toBe(true);
    expect(validateMessageText('&amp;'.repeat(4096), 'HTML').ok).toBe(true);
    const long = validateMessageText('a'.repeat(4097), undefined);
    expect(long).toEqual({ ok: false, error: 'Bad Request: message is too long' });
    expect(validateMessageText('<b> </b>', 'HTML').ok).toBe(false);
  });
});

describe('fake Bot API server', () => {
  let fake: FakeBotApi;
  const call = async (method: string, params: unknown) => {
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
    return { status: res.status, body: (await res.json()) as { ok: boolean; description?: string; result?: unknown; parameters?: { retry_after: number } } };
  };
  beforeAll(async () => {
    fake = await FakeBotApi.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('rejects bad HTML, long callback data and unknown chats', async () => {
    const user = fake.user(1);
    fake.sendText({ from: user, text: 'hi' });
    expect((await call('sendMessage', { chat_id: 1, text: '<b>x</b>', parse_mode: 'HTML' })).status).toBe(200);
    const bad = await call('sendMessage', { chat_id: 1, text: 'a & <b', parse_mode: 'HTML' });
    expect(bad.status).toBe(400);
    expect(bad.body.description).toMatch(/can't parse entities/);
    const data = await call('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'x'.repeat(65) }]] } });
    expect(data.body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect((await call('sendMessage', { chat_id: 999, text: 'x' })).body.description).toBe('Bad Request: chat not found');
    expect(fake.rejections().length).toBe(3);
  });

  it('answers 429 when told to, then recovers', async () => {
    fake.failNext('sendChatAction', 1, 1);
    const first = await call('sendChatAction', { chat_id: 1, action: 'typing' });
    expect(first.status).toBe(429);
    expect(first.body.parameters?.retry_after).toBe(1);
    expect((await call('sendChatAction', { chat_id: 1, action: 'typing' })).status).toBe(200);
  });

  it('refuses an inline query answered twice and a callback query answered twice', async () => {
    const q = fake.inlineQuery({ from: fake.user(2), query: 'x' });
    const results = [{ type: 'article', id: '1', title: 't', input_message_content: { message_text: '<b>x</b>', parse_mode: 'HTML' } }];
    expect((await call('answerInlineQuery', { inline_query_id: q.id, results })).status).toBe(200);
    expect((await call('answerInlineQuery', { inline_query_id: q.id, results })).status).toBe(400);
    const sent = await call('sendMessage', { chat_id: 1, text: 'm', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'd' }]] } });
    const msg = sent.body.result as { chat: { id: number }; message_id: number };
    const cq = fake.pressButton({ from: fake.user(1), message: msg, data: 'd' });
    expect((await call('answerCallbackQuery', { callback_query_id: cq.id })).status).toBe(200);
    expect((await call('answerCallbackQuery', { callback_query_id: cq.id })).status).toBe(400);
  });

  it('long-polls getUpdates and honours the offset', async () => {
    const first = await call('getUpdates', { offset: 0, timeout: 0 });
    const ids = (first.body.result as { update_id: number }[]).map((u) => u.update_id);
    expect(ids.length).toBeGreaterThan(0);
    const next = Math.max(...ids) + 1;
    const t0 = Date.now();
    const pending = call('getUpdates', { offset: next, timeout: 5 });
    setTimeout(() => fake.sendText({ from: fake.user(3), text: 'later' }), 100);
    const got = await pending;
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((got.body.result as { update_id: number; message: { text: string } }[]).map((u) => u.message.text)).toEqual(['later']);
    const empty = await call('getUpdates', { offset: next + 1, timeout: 0 });
    expect(empty.body.result).toEqual([]);
  });
});

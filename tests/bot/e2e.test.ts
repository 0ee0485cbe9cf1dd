/**
 * End-to-end: the real grammY bot (createBot + long polling through @grammyjs/runner) against the
 * fake Telegram Bot API, which validates every message the way Telegram would.
 * Assertions are about structure and facts any correct engine gives (e.g. "4.466" party members),
 * never about scores, so the suite keeps working when makeTestEngine switches to the real engine.
 */
import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPlain } from '../../src/present/render.js';
import { decodeCallback } from '../../src/bot/callback-data.js';
import { FakeBotApi, type FakeMessage, type FakeUser, type RecordedCall } from '../helpers/fake-bot-api.js';
import { freshUserId, startHarness, type Harness } from './harness.js';

const HP_QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
const HUE_UNACCENTED = 'bi thu thanh uy hue la ai';
const OUT_OF_CORPUS = 'Giá vàng SJC hôm nay là bao nhiêu?';

const sent = (c: RecordedCall) => c.response.result as FakeMessage;
const textOf = (c: RecordedCall) => String(c.params.text ?? '');
const buttons = (c: RecordedCall) => FakeBotApi.buttons(sent(c));

/** Every message a reply consists of: the first reply plus the ones that follow it (same chat, same question). */
async function fullReply(h: Harness, question: FakeMessage): Promise<RecordedCall[]> {
  // The keyboard (if any) sits on the last message; wait briefly for stragglers.
  await new Promise((r) => setTimeout(r, 50));
  return h.repliesTo(question);
}

function expectValidAnswerHtml(c: RecordedCall): void {
  expect(c.status).toBe(200);
  expect(c.params.parse_mode).toBe('HTML');
  expect(c.params.link_preview_options?.is_disabled).toBe(true);
  expect(textOf(c)).toContain('<blockquote>');
  // Citation: result number, a bold title or a link, and a paragraph number.
  expect(textOf(c)).toMatch(/<b>\[\d+\]<\/b> (<b>|<a href=")/);
  expect(textOf(c)).toMatch(/đoạn \d+/);
}

describe('bot end to end (polling)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => {
    h.engine.reset();
    expect(h.fake.rejections().map((c) => `${c.method}: ${c.response.description}`)).toEqual([]);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('registers the command menu in Vietnamese and English at start', () => {
    const calls = h.fake.callsOf('setMyCommands');
    const vi = calls.find((c) => c.params.language_code === undefined);
    const en = calls.find((c) => c.params.language_code === 'en');
    expect(vi?.status).toBe(200);
    expect(en?.status).toBe(200);
    const names = (c: RecordedCall | undefined) => (c?.params.commands as { command: string }[]).map((x) => x.command);
    expect(names(vi)).toEqual(expect.arrayContaining(['ask', 'sources', 'status', 'help', 'start']));
    expect(names(en)).toEqual(names(vi));
    expect((vi!.params.commands as { description: string }[])[0]!.description).toMatch(/câu hỏi/i);
    expect((en!.params.commands as { description: string }[])[0]!.description).toMatch(/question/i);
  });

  it('answers a question with quoted excerpts and their sources, shows "typing", and adds buttons', async () => {
    const mark = h.fake.mark();
    const { question, reply } = await h.ask(HP_QUESTION);
    expectValidAnswerHtml(reply);
    const all = await fullReply(h, question);
    const html = all.map(textOf).join('\n');
    expect(html).toContain('4.466');
    expect(html).toContain('Phát huy mạnh mẽ, sắc nét trong lãnh đạo');
    // "typing…" was shown in that chat while searching.
    const typing = h.fake.callsSince(mark, 'sendChatAction').find((c) => Number(c.params.chat_id) === question.chat.id);
    expect(typing?.params.action).toBe('typing');
    // Buttons: full paragraph and article per result; all callback data within 64 bytes.
    const last = all[all.length - 1]!;
    const datas = buttons(last).map((b) => b.data);
    expect(datas.some((d) => d.startsWith('p:') || d.startsWith('P:'))).toBe(true);
    expect(datas.some((d) => d.startsWith('a:') || d.startsWith('A:'))).toBe(true);
    for (const d of datas) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
  });

  it('answers an unaccented question', async () => {
    const { question, reply } = await h.ask(HUE_UNACCENTED);
    expectValidAnswerHtml(reply);
    const html = (await fullReply(h, question)).map(textOf).join('\n');
    expect(html).toContain('Phan Thiên Định');
  });

  it('says when the reports do not answer, offering the closest articles', async () => {
    const { reply } = await h.ask(OUT_OF_CORPUS);
    expect(reply.status).toBe(200);
    expect(textOf(reply)).toContain('Các báo cáo hiện có không trả lời câu hỏi này.');
    expect(textOf(reply)).not.toContain('<blockquote>');
  });

  it('shows the full paragraph and the article when their buttons are pressed', async () => {
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(HP_QUESTION, { from: user });
    const all = await fullReply(h, question);
    const last = all[all.length - 1]!;
    const para = buttons(last).find((b) => /^[pP]:/.test(b.data))!;
    const mark = h.fake.mark();
    const press = h.fake.pressButton({ from: user, message: sent(last), data: para.data });
    const ack = await h.fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === press.id });
    expect(ack.status).toBe(200);
    const shown = await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === sent(last).message_id });
    expect(shown.status).toBe(200);
    expect(textOf(shown)).toMatch(/<blockquote( expandable)?>/);
    // The full paragraph contains the first result's quote verbatim.
    const firstQuote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(textOf(all[0]!))![1]!;
    expect(htmlToPlain(textOf(shown))).toContain(htmlToPlain(firstQuote).replace(/…$/, ''));

    const art = buttons(last).find((b) => /^[aA]:/.test(b.data))!;
    const mark2 = h.fake.mark();
    const press2 = h.fake.pressButton({ from: user, message: sent(last), data: art.data });
    await h.fake.waitForCall('answerCallbackQuery', { since: mark2, where: (c) => c.params.callback_query_id === press2.id });
    const article = await h.fake.waitForCall('sendMessage', { since: mark2, where: (c) => c.params.reply_parameters?.message_id === sent(last).message_id });
    expect(article.status).toBe(200);
    expect(textOf(article)).toMatch(/Bài viết/);
    expect(textOf(article)).toMatch(/Ngày: /);
  });

  it('sends the next results, recovering the question from the replied-to message', async () => {
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(HP_QUESTION, { from: user });
    const all = await fullReply(h, question);
    const last = all[all.length - 1]!;
    const next = buttons(last).find((b) => b.data.startsWith('n:'));
    expect(next, 'the Hải Phòng question has more than TOP_K relevant results').toBeDefined();
    const mark = h.fake.mark();
    const press = h.fake.pressButton({ from: user, message: sent(last), data: next!.data });
    const page2 = await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => c.params.reply_parameters?.message_id === question.message_id });
    expectValidAnswerHtml(page2);
    expect(textOf(page2)).toMatch(/Kết quả 3–/);
    expect(textOf(page2)).toContain('<b>[3]</b>');
    const ack = await h.fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === press.id });
    expect(ack.status).toBe(200);
    // The used "next" button is removed from the first page.
    const edit = await h.fake.waitForCall('editMessageReplyMarkup', { since: mark });
    expect(edit.status).toBe(200);
    expect(FakeBotApi.buttons(h.fake.message(question.chat.id, sent(last).message_id)).some((b) => b.data.startsWith('n:'))).toBe(false);
  });

  it('answers a button as outdated when its paragraph disappeared after a reload', async () => {
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(HP_QUESTION, { from: user });
    const all = await fullReply(h, question);
    const last = all[all.length - 1]!;
    const para = buttons(last).find((b) => /^[pP]:/.test(b.data))!;
    const action = decodeCallback(para.data);
    // The index is rebuilt without that chunk.
    if (action?.kind === 'paragraph') h.engine.hideChunk(action.chunkId);
    else if (action?.kind === 'paragraph-rank') {
      h.engine.hideChunk((await h.engine.inner.ask(HP_QUESTION, { offset: action.rank - 1, top: 1 })).results[0]!.chunkId);
    } else throw new Error(`unexpected button ${para.data}`);
    const mark = h.fake.mark();
    const press = h.fake.pressButton({ from: user, message: sent(last), data: para.data });
    const ack = await h.fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === press.id });
    expect(ack.status).toBe(200);
    expect(ack.params.text).toMatch(/Nút này đã cũ/);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.callsSince(mark, 'sendMessage').filter((c) => Number(c.params.chat_id) === question.chat.id)).toEqual([]);
  });

  it('uses rank-based buttons when ids are too long for 64 bytes, checked against the index version', async () => {
    h.engine.longIds = true;
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(HP_QUESTION, { from: user });
    const last = (await fullReply(h, question)).at(-1)!;
    const datas = buttons(last).map((b) => b.data);
    for (const d of datas) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    const para = datas.find((d) => d.startsWith('P:'))!;
    const art = datas.find((d) => d.startsWith('A:'))!;
    expect(para).toBeDefined();
    expect(art).toBeDefined();
    const press = async (data: string) => {
      const mark = h.fake.mark();
      const q = h.fake.pressButton({ from: user, message: sent(last), data });
      const ack = await h.fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === q.id });
      await new Promise((r) => setTimeout(r, 50));
      return { ack, sent: h.fake.callsSince(mark, 'sendMessage').filter((c) => Number(c.params.chat_id) === question.chat.id) };
    };
    const p1 = await press(para);
    expect(p1.ack.params.text).toBeUndefined();
    expect(textOf(p1.sent[0]!)).toMatch(/<blockquote( expandable)?>/);
    const a1 = await press(art);
    expect(textOf(a1.sent[0]!)).toMatch(/Bài viết/);
    // After a reload the same paragraph (same text) is still shown; the rank-based article is not trusted.
    h.engine.bumpVersion();
    const p2 = await press(para);
    expect(p2.sent.length).toBe(1);
    const a2 = await press(art);
    expect(a2.ack.params.text).toMatch(/Nút này đã cũ/);
    expect(a2.sent).toEqual([]);
  });

  it('answers a button whose data it does not know as outdated', async () => {
    const user = h.fake.user(freshUserId());
    const { question } = await h.ask(HP_QUESTION, { from: user });
    const last = (await fullReply(h, question)).at(-1)!;
    const mark = h.fake.mark();
    const press = h.fake.pressButton({ from: user, message: sent(last), data: 'zz:old-format' });
    const ack = await h.fake.waitForCall('answerCallbackQuery', { since: mark, where: (c) => c.params.callback_query_id === press.id });
    expect(ack.params.text).toMatch(/Nút này đã cũ/);
  });

  describe('groups', () => {
    const group = () => h.fake.groupChat(freshUserId(), 'Chi bộ test');

    it('stays silent when not mentioned', async () => {
      const chat = group();
      const mark = h.fake.mark();
      const msg = h.fake.sendText({ from: h.fake.user(freshUserId()), chat, text: HP_QUESTION });
      const out = await h.settle(msg.update_id, chat.id, mark);
      expect(out).toEqual([]);
    });

    it('answers when mentioned, without the mention in the question', async () => {
      const chat = group();
      const asked = h.engine.askCalls;
      const { question, reply } = await h.ask(`@${h.fake.botUsername} ${HP_QUESTION}`, { chat });
      expectValidAnswerHtml(reply);
      expect((await fullReply(h, question)).map(textOf).join('\n')).toContain('4.466');
      // Once for the answer, once for the results after its first page (kept for "Kết quả tiếp").
      expect(h.engine.askCalls).toBe(asked + 2);
    });

    it('answers a reply to one of its messages', async () => {
      const chat = group();
      const user = h.fake.user(freshUserId());
      const { question } = await h.ask(`@${h.fake.botUsername} ${HP_QUESTION}`, { chat, from: user });
      const botMsg = sent((await fullReply(h, question))[0]!);
      const { reply } = await h.ask(HUE_UNACCENTED, { chat, from: user, replyTo: botMsg });
      expectValidAnswerHtml(reply);
      expect(textOf(reply)).toContain('Phan Thiên Định');
    });

    it('answers /ask and /ask@botname', async () => {
      const chat = group();
      const { reply } = await h.ask(`/ask ${HUE_UNACCENTED}`, { chat });
      expectValidAnswerHtml(reply);
      const { reply: reply2 } = await h.ask(`/ask@${h.fake.botUsername} ${HP_QUESTION}`, { chat });
      expectValidAnswerHtml(reply2);
      expect(textOf(reply2)).toContain('4.466');
    });

    it('ignores /ask addressed to another bot', async () => {
      const chat = group();
      const mark = h.fake.mark();
      const msg = h.fake.sendText({ from: h.fake.user(freshUserId()), chat, text: `/ask@some_other_bot ${HP_QUESTION}` });
      expect(await h.settle(msg.update_id, chat.id, mark)).toEqual([]);
    });

    it('stays silent on a sticker in a group', async () => {
      const chat = group();
      const mark = h.fake.mark();
      const msg = h.fake.sendSticker({ from: h.fake.user(freshUserId()), chat });
      expect(await h.settle(msg.update_id, chat.id, mark)).toEqual([]);
    });
  });

  it('answers inline queries with one article result per quote', async () => {
    const mark = h.fake.mark();
    const q = h.fake.inlineQuery({ from: h.fake.user(freshUserId()), query: HP_QUESTION });
    const call = await h.fake.waitForCall('answerInlineQuery', { since: mark, where: (c) => c.params.inline_query_id === q.id });
    expect(call.status).toBe(200);
    const results = call.params.results as { type: string; title: string; description: string; input_message_content: { message_text: string; parse_mode: string } }[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.type).toBe('article');
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.input_message_content.parse_mode).toBe('HTML');
      expect(r.input_message_content.message_text).toContain('<blockquote>');
    }
    expect(results.map((r) => r.input_message_content.message_text).join('\n')).toContain('4.466');
    expect(call.params.cache_time).toBeLessThanOrEqual(60);
  });

  it('answers an inline query with HTML in it safely', async () => {
    const mark = h.fake.mark();
    const q = h.fake.inlineQuery({ from: h.fake.user(freshUserId()), query: `<b>x</b> & <script> ${HP_QUESTION}` });
    const call = await h.fake.waitForCall('answerInlineQuery', { since: mark, where: (c) => c.params.inline_query_id === q.id });
    expect(call.status).toBe(200);
    expect(JSON.stringify(call.params.results)).not.toContain('<script>');
  });

  it('hints that only text is understood when a sticker arrives in private', async () => {
    const from = h.fake.user(freshUserId());
    const msg = h.fake.sendSticker({ from });
    const reply = await h.fake.waitForCall('sendMessage', { where: (c) => Number(c.params.chat_id) === from.id });
    expect(reply.status).toBe(200);
    expect(textOf(reply)).toMatch(/chỉ đọc được tin nhắn chữ/);
    expect(reply.params.reply_parameters?.message_id).toBe(msg.message_id);
  });

  it('hints with examples on an empty /ask', async () => {
    const { reply } = await h.ask('/ask');
    expect(reply.status).toBe(200);
    expect(textOf(reply)).toContain('Hãy gửi một câu hỏi');
    expect(textOf(reply)).toContain('Hải Phòng có bao nhiêu đảng viên?');
  });

  it('treats HTML in a question as text', async () => {
    const { question, reply } = await h.ask(`<b>x</b> & <script>alert(1)</script> ${HP_QUESTION}`);
    expect(reply.status).toBe(200);
    const html = (await fullReply(h, question)).map(textOf).join('\n');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('4.466');
  });

  it('retries sendMessage after a 429 (auto-retry)', async () => {
    h.fake.failNext('sendMessage', 1, 1);
    const mark = h.fake.mark();
    const started = Date.now();
    const { reply } = await h.ask(HP_QUESTION);
    expectValidAnswerHtml(reply);
    const attempts = h.fake.callsSince(mark, 'sendMessage');
    expect(attempts[0]!.status).toBe(429);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('cuts a very long question, says so once, and still answers', async () => {
    // The question repeated: whatever part the bot keeps still asks the same thing.
    const long = `${HP_QUESTION} `.repeat(200).slice(0, 10_000);
    expect(long.length).toBe(10_000);
    const { question, reply } = await h.ask(long);
    expect(reply.status).toBe(200);
    const html = (await fullReply(h, question)).map(textOf).join('\n');
    expect(html).toContain('4.466');
    expect(html.match(/Câu hỏi quá dài/g)?.length).toBe(1);
    expect(html).toContain(`${h.config.maxQuestionChars} ký tự`);
  });

  it('apologises when the engine fails', async () => {
    h.engine.failNextAsks(1);
    const { reply } = await h.ask(HP_QUESTION);
    expect(reply.status).toBe(200);
    expect(textOf(reply)).toMatch(/Xin lỗi/);
    // …and keeps working.
    const { reply: again } = await h.ask(HP_QUESTION);
    expectValidAnswerHtml(again);
  });

  describe('commands', () => {
    /** Sends `text` as `from` in private and returns the text of the bot's reply. */
    const runAs = async (from: FakeUser, text: string) => {
      const mark = h.fake.mark();
      h.fake.sendText({ from, text });
      const reply = await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => Number(c.params.chat_id) === from.id });
      expect(reply.status).toBe(200);
      return textOf(reply);
    };
    const run = (text: string, languageCode?: string) => runAs(h.fake.user(freshUserId(), languageCode ? { languageCode } : {}), text);

    it('/start and /help in Vietnamese', async () => {
      expect(await run('/start')).toMatch(/Xin chào/);
      const help = await run('/help');
      expect(help).toMatch(/Cách hỏi/);
      expect(help).toContain('bi thu thanh uy hue la ai');
      expect(help).toContain(`@${h.fake.botUsername}`);
    });

    it('/start and /help in English for English-language users', async () => {
      expect(await run('/start', 'en')).toMatch(/Hello/);
      const help = await run('/help', 'en-US');
      expect(help).toMatch(/How to ask/);
      expect(help).toMatch(/Examples/);
    });

    it('/sources lists the articles with dates', async () => {
      const vi = await run('/sources');
      expect(vi).toMatch(/Các bài viết trong kho dữ liệu \(\d+\)/);
      expect(vi).toContain('Phát huy mạnh mẽ, sắc nét trong lãnh đạo');
      expect(vi).toContain('16/10/2024');
      const en = await run('/sources', 'en');
      expect(en).toMatch(/Articles in the collection/);
    });

    it('/status shows the index size and the search mode', async () => {
      const vi = await run('/status');
      expect(vi).toMatch(/Số bài viết: \d+/);
      expect(vi).toMatch(/Chế độ tìm: /);
      expect(vi).toMatch(/Xây dựng chỉ mục lúc: /);
      const en = await run('/status', 'en');
      expect(en).toMatch(/Articles: \d+/);
      expect(en).toMatch(/Search mode: /);
    });

    it('an unknown command gets a pointer to /help', async () => {
      expect(await run('/foo')).toMatch(/\/help/);
    });

    it('/help lists the admin commands for admins only', async () => {
      expect(await run('/help')).not.toContain('/reload');
      expect(await runAs(h.fake.user(900), '/help')).toContain('/reload');
    });

    it('/reload works for admins only', async () => {
      const before = h.engine.status().indexVersion;
      const refused = await run('/reload');
      expect(refused).toMatch(/chỉ dành cho quản trị viên/);
      expect(h.engine.status().indexVersion).toBe(before);

      expect(await runAs(h.fake.user(900), '/reload')).toMatch(/Đã nạp lại chỉ mục|Chỉ mục đang dùng đã là bản mới nhất|Không nạp lại được/);
    });
  });

  it('keeps answering while the index reloads under traffic', async () => {
    h.engine.askDelayMs = 150;
    const questions = [HP_QUESTION, HUE_UNACCENTED, HP_QUESTION, 'Huế sẽ tổ chức festival gì trong năm 2021?', HUE_UNACCENTED, HP_QUESTION];
    const pending = questions.map((q) => h.ask(q));
    await new Promise((r) => setTimeout(r, 50));
    const mark = h.fake.mark();
    h.fake.sendText({ from: h.fake.user(900), text: '/reload' });
    const reloaded = await h.fake.waitForCall('sendMessage', { since: mark, where: (c) => Number(c.params.chat_id) === 900 });
    expect(reloaded.status).toBe(200);
    const replies = await Promise.all(pending);
    for (const { reply } of replies) expectValidAnswerHtml(reply);
  });
});

describe('rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers up to the limit, then replies politely once, then stays silent', async () => {
    const from = h.fake.user(freshUserId());
    const a = await h.ask(HP_QUESTION, { from });
    const b = await h.ask(HUE_UNACCENTED, { from });
    expectValidAnswerHtml(a.reply);
    expectValidAnswerHtml(b.reply);
    const c = await h.ask(HP_QUESTION, { from });
    expect(c.reply.status).toBe(200);
    expect(textOf(c.reply)).toMatch(/hơi nhanh/);
    const mark = h.fake.mark();
    const d = h.fake.sendText({ from, text: HP_QUESTION });
    expect(await h.settle(d.update_id, from.id, mark)).toEqual([]);
    // Another user is not affected.
    const other = await h.ask(HP_QUESTION);
    expectValidAnswerHtml(other.reply);
    expect(h.fake.rejections()).toEqual([]);
  });
});

describe('allow-list', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ALLOWED_USER_IDS: '777' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('refuses others once, and serves listed users and admins', async () => {
    const stranger = h.fake.user(freshUserId());
    const asked = h.engine.askCalls;
    const first = await h.ask(HP_QUESTION, { from: stranger });
    expect(textOf(first.reply)).toMatch(/chỉ phục vụ người dùng được cho phép/);
    const mark = h.fake.mark();
    const again = h.fake.sendText({ from: stranger, text: HP_QUESTION });
    expect(await h.settle(again.update_id, stranger.id, mark)).toEqual([]);
    expect(h.engine.askCalls).toBe(asked);

    const q = h.fake.inlineQuery({ from: stranger, query: HP_QUESTION });
    const inline = await h.fake.waitForCall('answerInlineQuery', { where: (c) => c.params.inline_query_id === q.id });
    expect(inline.params.results).toEqual([]);

    const { reply } = await h.ask(HP_QUESTION, { from: h.fake.user(777) });
    expectValidAnswerHtml(reply);
    const { reply: adminReply } = await h.ask(HP_QUESTION, { from: h.fake.user(900) });
    expectValidAnswerHtml(adminReply);
    expect(h.fake.rejections()).toEqual([]);
  });
});

describe('logging', () => {
  let h: Harness;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    h = await startHarness({}, { logger: pino({ level: 'info' }, stream) });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('logs a failure as the error it was, without the bot token', async () => {
    h.engine.failNextAsks(1);
    const { reply } = await h.ask(HP_QUESTION);
    expect(textOf(reply)).toMatch(/Xin lỗi/);
    const failed = lines.map((l) => JSON.parse(l) as { msg: string; err?: { type: string; message: string } }).find((l) => l.msg === 'engine.ask failed');
    expect(failed?.err).toMatchObject({ type: 'Error', message: 'injected engine failure' });
    expect(lines.join('\n')).not.toContain(h.config.botToken!);
  });
});

describe('webhook mode', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    h = await startHarness({ WEBHOOK_URL: `http://127.0.0.1:${port}/tg-hook`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'test_secret-123' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const post = (body: unknown, secret?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/tg-hook', method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  it('sets the webhook with its secret and answers updates posted to it', async () => {
    expect(h.handle.mode).toBe('webhook');
    const set = h.fake.callsOf('setWebhook')[0]!;
    expect(set.params.url).toBe(`http://127.0.0.1:${port}/tg-hook`);
    expect(set.params.secret_token).toBe('test_secret-123');
    expect(h.fake.callsOf('getUpdates')).toEqual([]);

    const from = h.fake.user(freshUserId());
    // The fake only knows chats it has seen: register the chat through a stored message.
    const msg = h.fake.sendText({ from, text: HP_QUESTION });
    expect(await post({ update_id: 1, message: msg }, 'wrong')).toBe(401);
    expect(await post({ update_id: 1, message: msg }, 'test_secret-123')).toBe(200);
    const reply = await h.fake.waitForCall('sendMessage', { where: (c) => Number(c.params.chat_id) === from.id });
    expectValidAnswerHtml(reply);
    expect(textOf(reply)).toContain('4.466');
  });
});

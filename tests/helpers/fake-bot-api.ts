/**
 * A local fake of the Telegram Bot API for end-to-end tests of the real grammY bot.
 *
 * grammY talks to it through `apiRoot` (`http://127.0.0.1:PORT`, paths `/bot<TOKEN>/<method>`).
 * It answers the methods the bot uses, records every call, lets a test queue updates and await calls,
 * can fail the next N calls of a method with 429, and rejects what Telegram rejects: bad HTML
 * (unknown tags, unbalanced or misnested tags, a bare "<" or "&"), texts over 4096 characters after
 * entity parsing, callback data over 64 bytes, an inline query answered twice.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  first_name?: string;
  username?: string;
}

export interface FakeEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: FakeUser;
}

export interface FakeMessage {
  message_id: number;
  date: number;
  chat: FakeChat;
  from?: FakeUser;
  text?: string;
  entities?: FakeEntity[];
  sticker?: Json;
  photo?: Json[];
  document?: { file_id: string; file_unique_id: string; file_name?: string; mime_type?: string; file_size?: number };
  caption?: string;
  reply_to_message?: FakeMessage;
  reply_markup?: { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] };
  /** Not in Telegram: the HTML the bot sent (for bot messages with parse_mode HTML). */
  html?: string;
}

export interface RecordedCall {
  seq: number;
  method: string;
  params: Json;
  /** HTTP status of the fake's answer (200, 400, 429…). */
  status: number;
  response: Json;
}

interface Poller {
  offset: number;
  limit: number;
  respond: (updates: Json[]) => void;
  timer: NodeJS.Timeout;
}

interface Waiter {
  method: string;
  since: number;
  where: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

// ---------------------------------------------------------------------------------------------
// Telegram HTML, as strict as the real parser on the points that matter here

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const ENTITY_TYPE: Record<string, string> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline', s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough',
  span: 'spoiler', 'tg-spoiler': 'spoiler', a: 'text_link', code: 'code', pre: 'pre', blockquote: 'blockquote', 'tg-emoji': 'custom_emoji',
};

export type HtmlParse = { ok: true; text: string; entities: FakeEntity[] } | { ok: false; error: string };

function decodeEntity(name: string): string | null {
  if (name === 'lt') return '<';
  if (name === 'gt') return '>';
  if (name === 'amp') return '&';
  if (name === 'quot') return '"';
  const m = /^#(x[0-9a-fA-F]{1,6}|\d{1,7})$/.exec(name);
  if (!m) return null;
  const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
  if (code > 0x10ffff) return null;
  return String.fromCodePoint(code);
}

/** Parses Telegram HTML into text + entities, or explains why Telegram would refuse it. */
export function parseTelegramHtml(html: string): HtmlParse {
  let text = '';
  const entities: FakeEntity[] = [];
  const stack: { name: string; start: number; attrs: Record<string, string> }[] = [];
  const fail = (what: string, at: number): HtmlParse => ({ ok: false, error: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, at))}` });
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9_-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/.exec(html.slice(i));
      if (!m) return fail('Unexpected character "<" (escape it as &lt;)', i);
      const closing = m[1] === '/';
      const name = m[2]!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return fail(`Unsupported ${closing ? 'end' : 'start'} tag "${name}"`, i);
      if (closing) {
        if (m[3]!.trim() !== '') return fail(`Unexpected attributes in end tag "${name}"`, i);
        const top = stack.pop();
        if (!top) return fail(`Unexpected end tag "${name}"`, i);
        if (top.name !== name) return fail(`Can't find end tag corresponding to start tag "${top.name}"`, i);
        const type = name === 'span' ? 'spoiler' : ENTITY_TYPE[name]!;
        const entity: FakeEntity = { type: name === 'blockquote' && 'expandable' in top.attrs ? 'expandable_blockquote' : type, offset: top.start, length: text.length - top.start };
        if (name === 'a') entity.url = top.attrs.href!;
        if (entity.length > 0) entities.push(entity);
      } else {
        const attrs: Record<string, string> = {};
        for (const a of m[3]!.matchAll(/([a-zA-Z][a-zA-Z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
          const raw = a[2] ?? a[3] ?? a[4] ?? '';
          let value = '';
          for (let k = 0; k < raw.length; k++) {
            if (raw[k] === '&') {
              const e = /^&([a-zA-Z]+|#x?[0-9a-fA-F]+);/.exec(raw.slice(k));
              const decoded = e ? decodeEntity(e[1]!) : null;
              if (decoded === null) return fail('Unsupported HTML entity in an attribute', i);
              value += decoded;
              k += e![0].length - 1;
            } else value += raw[k];
          }
          attrs[a[1]!.toLowerCase()] = value;
        }
        if (name === 'a') {
          if (!attrs.href) return fail('Tag "a" must have attribute "href"', i);
          if (!/^(https?|tg|mailto):/i.test(attrs.href)) return fail(`Unsupported URL "${attrs.href}"`, i);
        }
        if (name === 'span' && attrs.class !== 'tg-spoiler') return fail('Tag "span" must have class "tg-spoiler"', i);
        if (name === 'tg-emoji' && !attrs['emoji-id']) return fail('Tag "tg-emoji" must have attribute "emoji-id"', i);
        if (name === 'blockquote' && stack.some((s) => s.name === 'blockquote')) return fail('Nested blockquotes are not allowed', i);
        stack.push({ name, start: text.length, attrs });
      }
      i += m[0].length;
    } else if (c === '&') {
      const m = /^&([a-zA-Z]+|#x?[0-9a-fA-F]+);/.exec(html.slice(i));
      const decoded = m ? decodeEntity(m[1]!) : null;
      if (!m || decoded === null) return fail('Character "&" must be escaped as &amp; (or start a supported entity)', i);
      text += decoded;
      i += m[0].length;
    } else {
      text += c;
      i += 1;
    }
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]!.name}"`, html.length);
  return { ok: true, text, entities };
}

/** Checks a message text the way sendMessage would; returns the parsed text or the Telegram error. */
export function validateMessageText(text: unknown, parseMode: unknown): { ok: true; text: string; entities: FakeEntity[] } | { ok: false; error: string } {
  if (typeof text !== 'string') return { ok: false, error: 'Bad Request: message text is empty' };
  let parsed: { text: string; entities: FakeEntity[] };
  if (parseMode === undefined || parseMode === null || parseMode === '') parsed = { text, entities: [] };
  else if (parseMode === 'HTML') {
    const r = parseTelegramHtml(text);
    if (!r.ok) return r;
    parsed = r;
  } else return { ok: false, error: `Bad Request: unsupported parse_mode "${String(parseMode)}" (the fake only knows HTML)` };
  if (parsed.text.trim() === '') return { ok: false, error: 'Bad Request: message text is empty' };
  if (parsed.text.length > 4096) return { ok: false, error: 'Bad Request: message is too long' };
  return { ok: true, ...parsed };
}

function validateMarkup(markup: Json): string | null {
  if (markup === undefined || markup === null) return null;
  const m = typeof markup === 'string' ? JSON.parse(markup) : markup;
  if (!m.inline_keyboard) return null;
  if (!Array.isArray(m.inline_keyboard)) return 'Bad Request: inline keyboard must be an array of arrays';
  for (const row of m.inline_keyboard) {
    if (!Array.isArray(row)) return 'Bad Request: inline keyboard must be an array of arrays';
    for (const b of row) {
      if (typeof b.text !== 'string' || b.text === '') return 'Bad Request: text buttons are unallowed in the inline keyboard';
      if (b.callback_data !== undefined) {
        const n = Buffer.byteLength(String(b.callback_data), 'utf8');
        if (n < 1 || n > 64) return 'Bad Request: BUTTON_DATA_INVALID';
      } else if (b.url === undefined && b.switch_inline_query === undefined && b.switch_inline_query_current_chat === undefined) {
        return 'Bad Request: BUTTON_TYPE_INVALID';
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

export interface FakeBotApiOptions {
  token?: string;
  botId?: number;
  botUsername?: string;
}

export class FakeBotApi {
  readonly token: string;
  readonly botUser: FakeUser & { can_join_groups: boolean; can_read_all_group_messages: boolean; supports_inline_queries: boolean; username: string };
  readonly calls: RecordedCall[] = [];
  apiRoot = '';

  private server: http.Server;
  private updates: Json[] = [];
  private nextUpdateId = 1;
  /** Telegram forgets updates below the highest offset a getUpdates call confirmed. */
  private confirmedOffset = 0;
  private pollers: Poller[] = [];
  private waiters: Waiter[] = [];
  private consumedWaiters: { updateId: number; resolve: () => void }[] = [];
  private failures = new Map<string, { count: number; retryAfter: number }>();
  private chats = new Map<number, FakeChat>();
  private messages = new Map<number, Map<number, FakeMessage>>();
  private nextMessageId = new Map<number, number>();
  private callbackQueries = new Map<string, { answered: boolean }>();
  private inlineQueries = new Map<string, { answered: boolean }>();
  private nextQueryId = 1;
  private closed = false;
  /** Files users sent, by file_id: what getFile describes and the download route serves. */
  private files = new Map<string, { path: string; bytes: Buffer; size: number }>();
  private nextFileId = 1;

  private constructor(opts: FakeBotApiOptions) {
    this.token = opts.token ?? '123456789:TEST-fake-token_abcdefghijklmnop';
    this.botUser = {
      id: opts.botId ?? Number(this.token.split(':')[0]),
      is_bot: true,
      first_name: 'Fake QA Bot',
      username: opts.botUsername ?? 'fake_qa_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
    };
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const fake = new FakeBotApi(opts);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.apiRoot = `http://127.0.0.1:${port}`;
    return fake;
  }

  get botUsername(): string {
    return this.botUser.username;
  }

  // ----- people and chats

  user(id: number, opts: { languageCode?: string; firstName?: string; username?: string } = {}): FakeUser {
    return { id, is_bot: false, first_name: opts.firstName ?? `User${id}`, ...(opts.username ? { username: opts.username } : {}), ...(opts.languageCode ? { language_code: opts.languageCode } : {}) };
  }

  privateChat(user: FakeUser): FakeChat {
    return { id: user.id, type: 'private', first_name: user.first_name };
  }

  groupChat(id: number, title = 'Test group'): FakeChat {
    return { id: id > 0 ? -id : id, type: 'supergroup', title };
  }

  // ----- updates

  /** Queues a raw update (an update_id is added). Returns the update. */
  queueUpdate(update: Json): Json {
    const u = { update_id: this.nextUpdateId++, ...update };
    this.updates.push(u);
    this.flushPollers();
    return u;
  }

  private newMessageId(chatId: number): number {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    return id;
  }

  private store(msg: FakeMessage): void {
    this.chats.set(msg.chat.id, msg.chat);
    let m = this.messages.get(msg.chat.id);
    if (!m) this.messages.set(msg.chat.id, (m = new Map()));
    m.set(msg.message_id, msg);
  }

  /** A copy fit for `reply_to_message` (Telegram nests one level only). */
  private shallow(msg: FakeMessage): FakeMessage {
    const { reply_to_message: _drop, html: _html, ...rest } = msg;
    void _drop;
    void _html;
    return structuredClone(rest);
  }

  /** Entities Telegram would attach to a typed text: a leading /command and @mentions. */
  static entitiesFor(text: string): FakeEntity[] {
    const entities: FakeEntity[] = [];
    const cmd = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
    if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
    for (const m of text.matchAll(/(^|[^A-Za-z0-9_@/])(@[A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])/g)) {
      entities.push({ type: 'mention', offset: m.index + m[1]!.length, length: m[2]!.length });
    }
    return entities;
  }

  /** A user sends a text message. Entities are computed like Telegram's unless given. */
  sendText(opts: { from: FakeUser; chat?: FakeChat; text: string; replyTo?: FakeMessage; entities?: FakeEntity[] }): FakeMessage & { update_id: number } {
    const entities = opts.entities ?? FakeBotApi.entitiesFor(opts.text);
    return this.deliver(opts.from, opts.chat, {
      text: opts.text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(opts.replyTo ? { reply_to_message: this.shallow(opts.replyTo) } : {}),
    });
  }

  /** A user sends a sticker. */
  sendSticker(opts: { from: FakeUser; chat?: FakeChat }): FakeMessage & { update_id: number } {
    return this.deliver(opts.from, opts.chat, {
      sticker: { file_id: 'CAACAgIAAxk', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' },
    });
  }

  /** A user sends a photo, with a caption or without. */
  sendPhoto(opts: { from: FakeUser; chat?: FakeChat; caption?: string }): FakeMessage & { update_id: number } {
    return this.deliver(opts.from, opts.chat, {
      photo: [{ file_id: 'AgACAgIAAxk', file_unique_id: 'AQADphoto', width: 640, height: 480 }],
      ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
    });
  }

  /**
   * A user sends a document. Its bytes are served by getFile and the download route
   * (`/file/bot<TOKEN>/<file_path>`); `size` overrides the announced size (to test the 20 MB limit
   * without 20 MB).
   */
  sendDocument(opts: { from: FakeUser; chat?: FakeChat; fileName: string; bytes: Buffer | string; mimeType?: string; size?: number; caption?: string }): FakeMessage & { update_id: number; file_id: string } {
    const bytes = Buffer.isBuffer(opts.bytes) ? opts.bytes : Buffer.from(opts.bytes, 'utf8');
    const n = this.nextFileId++;
    const fileId = `BQACAgIAAxk-doc-${n}`;
    const ext = /\.[A-Za-z0-9]+$/.exec(opts.fileName)?.[0] ?? '';
    const size = opts.size ?? bytes.length;
    this.files.set(fileId, { path: `documents/file_${n}${ext}`, bytes, size });
    const msg = this.deliver(opts.from, opts.chat, {
      document: { file_id: fileId, file_unique_id: `AgADdoc${n}`, file_name: opts.fileName, ...(opts.mimeType ? { mime_type: opts.mimeType } : {}), file_size: size },
      ...(opts.caption ? { caption: opts.caption } : {}),
    });
    return Object.assign(msg, { file_id: fileId });
  }

  /** Paths of the files the bot downloaded, in order. */
  readonly downloads: string[] = [];

  /** Stores a message from a user (private chat unless `chat` is given) and queues it as an update. */
  private deliver(from: FakeUser, chat: FakeChat | undefined, content: Partial<FakeMessage>): FakeMessage & { update_id: number } {
    const c = chat ?? this.privateChat(from);
    const msg: FakeMessage = { message_id: this.newMessageId(c.id), date: Math.floor(Date.now() / 1000), chat: c, from, ...content };
    this.store(msg);
    const u = this.queueUpdate({ message: msg });
    return Object.assign(structuredClone(msg), { update_id: u.update_id as number });
  }

  /** A user presses an inline button under a message the bot sent. Returns the callback query id. */
  pressButton(opts: { from: FakeUser; message: FakeMessage | { chat: { id: number }; message_id: number }; data: string }): { id: string; update_id: number } {
    const stored = this.messages.get(opts.message.chat.id)?.get(opts.message.message_id);
    if (!stored) throw new Error(`pressButton: no message ${opts.message.message_id} in chat ${opts.message.chat.id}`);
    const id = String(this.nextQueryId++);
    this.callbackQueries.set(id, { answered: false });
    const { html: _html, ...message } = stored;
    void _html;
    const u = this.queueUpdate({
      callback_query: { id, from: opts.from, message: structuredClone(message), chat_instance: `ci${stored.chat.id}`, data: opts.data },
    });
    return { id, update_id: u.update_id as number };
  }

  /** A user types "@bot query" in some chat. Returns the inline query id. */
  inlineQuery(opts: { from: FakeUser; query: string }): { id: string; update_id: number } {
    const id = String(this.nextQueryId++);
    this.inlineQueries.set(id, { answered: false });
    const u = this.queueUpdate({ inline_query: { id, from: opts.from, query: opts.query, offset: '', chat_type: 'sender' } });
    return { id, update_id: u.update_id as number };
  }

  /** The message as the fake stores it now (text, markup after edits). */
  message(chatId: number, messageId: number): FakeMessage | undefined {
    const m = this.messages.get(chatId)?.get(messageId);
    return m ? structuredClone(m) : undefined;
  }

  /** The inline buttons of a message: [{ text, data }]. */
  static buttons(msg: { reply_markup?: FakeMessage['reply_markup'] } | undefined): { text: string; data: string }[] {
    return (msg?.reply_markup?.inline_keyboard ?? []).flat().filter((b) => b.callback_data !== undefined).map((b) => ({ text: b.text, data: b.callback_data! }));
  }

  // ----- calls

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** A position in the call log, for `waitForCall({ since })` and `callsSince`. */
  mark(): number {
    return this.calls.length;
  }

  callsSince(mark: number, method?: string): RecordedCall[] {
    return this.calls.slice(mark).filter((c) => method === undefined || c.method === method);
  }

  /** Calls the fake refused with 400 (a well-behaved bot makes none). */
  rejections(): RecordedCall[] {
    return this.calls.filter((c) => c.status === 400);
  }

  /** Resolves with the first call of `method` at or after `since` (default 0) that matches `where`. */
  waitForCall(method: string, opts: { since?: number; where?: (c: RecordedCall) => boolean; timeoutMs?: number } = {}): Promise<RecordedCall> {
    const since = opts.since ?? 0;
    const where = opts.where ?? (() => true);
    const found = this.calls.slice(since).find((c) => c.method === method && where(c));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        since,
        where,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`timed out waiting for ${method} (${this.calls.length} calls so far: ${this.calls.slice(-8).map((c) => `${c.method}:${c.status}`).join(', ')})`));
        }, opts.timeoutMs ?? 10_000),
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves once the bot has fetched and confirmed the update (a later getUpdates offset passed it). */
  waitUntilConsumed(updateId: number, timeoutMs = 10_000): Promise<void> {
    if (this.confirmedOffset > updateId || this.deliveredUpTo >= updateId) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const entry = { updateId, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.consumedWaiters = this.consumedWaiters.filter((w) => w !== entry);
        reject(new Error(`update ${updateId} was never fetched`));
      }, timeoutMs);
      this.consumedWaiters.push(entry);
    });
  }

  /** The highest update id handed to the bot. */
  private deliveredUpTo = 0;

  /**
   * Every call addressed to `chatId` gets 429 "Too Many Requests: retry after N" for the next `ms`
   * milliseconds (Telegram's per-chat flood limit: other chats are unaffected).
   */
  floodChat(chatId: number, ms: number, retryAfter = 1): void {
    this.floodedChats.set(chatId, { until: Date.now() + ms, retryAfter });
  }

  /** The bot's profile texts by kind and language ("d:en", "s:"), as setMy(Short)Description left them. */
  readonly descriptions = new Map<string, string>();

  private floodedChats = new Map<number, { until: number; retryAfter: number }>();

  /** The next `count` calls of `method` get 429 "Too Many Requests: retry after N". */
  failNext(method: string, count: number, retryAfter = 1): void {
    this.failures.set(method, { count, retryAfter });
  }

  // ----- the server

  private record(method: string, params: Json, status: number, response: Json): RecordedCall {
    const call: RecordedCall = { seq: this.calls.length, method, params, status, response };
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (w.method === method && call.seq >= w.since && w.where(call)) {
        clearTimeout(w.timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(call);
      }
    }
    return call;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, body: Json) => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const f = /^\/file\/bot([^/]+)\/(.+)$/.exec((req.url ?? '').split('?')[0]!);
    if (f && req.method === 'GET') {
      if (f[1] !== this.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const filePath = decodeURIComponent(f[2]!);
      const file = [...this.files.values()].find((x) => x.path === filePath);
      if (!file) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      this.downloads.push(filePath);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) }).end(file.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0]!);
    if (!m) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let params: Json = {};
    try {
      if (raw.trim()) params = JSON.parse(raw);
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }

    const fail = this.failures.get(method);
    if (fail && fail.count > 0) {
      fail.count -= 1;
      const body = { ok: false, error_code: 429, description: `Too Many Requests: retry after ${fail.retryAfter}`, parameters: { retry_after: fail.retryAfter } };
      this.record(method, params, 429, body);
      return send(429, body);
    }

    const flood = params.chat_id === undefined ? undefined : this.floodedChats.get(Number(params.chat_id));
    if (flood && Date.now() < flood.until) {
      const body = { ok: false, error_code: 429, description: `Too Many Requests: retry after ${flood.retryAfter}`, parameters: { retry_after: flood.retryAfter } };
      this.record(method, params, 429, body);
      return send(429, body);
    }

    if (method === 'getUpdates') return this.getUpdates(params, req, res, send);

    const result = this.dispatch(method, params);
    const status = result.ok ? 200 : result.error_code;
    this.record(method, params, status, result);
    send(status, result);
  }

  private getUpdates(params: Json, req: http.IncomingMessage, res: http.ServerResponse, send: (s: number, b: Json) => void): void {
    const offset = Number(params.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(params.limit ?? 100)));
    const timeout = Math.max(0, Number(params.timeout ?? 0));
    if (offset > this.confirmedOffset) {
      this.confirmedOffset = offset;
      this.updates = this.updates.filter((u) => u.update_id >= offset);
      this.notifyConsumed();
    }
    // A newer getUpdates ends an older one (Telegram answers the older with 409; an empty list is gentler).
    for (const p of this.pollers.splice(0)) p.respond([]);
    const available = this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    const reply = (updates: Json[]) => {
      if (updates.length > 0) {
        this.deliveredUpTo = Math.max(this.deliveredUpTo, updates[updates.length - 1].update_id);
        this.notifyConsumed();
      }
      const body = { ok: true, result: updates };
      this.record('getUpdates', params, 200, { ok: true, result: updates.length });
      send(200, body);
    };
    if (available.length > 0 || timeout === 0 || this.closed) return reply(available);
    const poller: Poller = {
      offset,
      limit,
      respond: (updates) => {
        clearTimeout(poller.timer);
        this.pollers = this.pollers.filter((p) => p !== poller);
        reply(updates);
      },
      timer: setTimeout(() => poller.respond([]), timeout * 1000),
    };
    this.pollers.push(poller);
    req.once('close', () => {
      if (!res.writableEnded) {
        clearTimeout(poller.timer);
        this.pollers = this.pollers.filter((p) => p !== poller);
      }
    });
  }

  private notifyConsumed(): void {
    for (const w of [...this.consumedWaiters]) {
      if (this.confirmedOffset > w.updateId || this.deliveredUpTo >= w.updateId) {
        this.consumedWaiters = this.consumedWaiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  private flushPollers(): void {
    for (const p of [...this.pollers]) {
      const available = this.updates.filter((u) => u.update_id >= p.offset).slice(0, p.limit);
      if (available.length > 0) p.respond(available);
    }
  }

  private dispatch(method: string, p: Json): Json {
    const ok = (result: Json) => ({ ok: true, result });
    const bad = (description: string) => ({ ok: false, error_code: 400, description });
    switch (method) {
      case 'getMe':
        return ok(this.botUser);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'close':
        return ok(true);
      case 'getFile': {
        const file = this.files.get(String(p.file_id ?? ''));
        if (!file) return bad('Bad Request: invalid file_id');
        // Telegram refuses files over 20 MB to bots.
        if (file.size > 20 * 1024 * 1024) return bad('Bad Request: file is too big');
        return ok({ file_id: p.file_id, file_unique_id: `u-${p.file_id}`, file_size: file.size, file_path: file.path });
      }
      case 'getWebhookInfo':
        return ok({ url: '', has_custom_certificate: false, pending_update_count: this.updates.length });
      case 'setMyCommands': {
        if (!Array.isArray(p.commands)) return bad('Bad Request: commands must be an array');
        for (const c of p.commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command ?? '')) return bad('Bad Request: BOT_COMMAND_INVALID');
          if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) return bad('Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
        }
        return ok(true);
      }
      case 'getMyDescription':
        return ok({ description: this.descriptions.get(`d:${p.language_code ?? ''}`) ?? '' });
      case 'getMyShortDescription':
        return ok({ short_description: this.descriptions.get(`s:${p.language_code ?? ''}`) ?? '' });
      case 'setMyDescription':
      case 'setMyShortDescription': {
        const short = method === 'setMyShortDescription';
        const text = String((short ? p.short_description : p.description) ?? '');
        // Telegram's limits: 512 characters for the description, 120 for the short one.
        if (text.length > (short ? 120 : 512)) return bad(`Bad Request: ${short ? 'SHORT_DESCRIPTION' : 'DESCRIPTION'}_INVALID`);
        if (p.language_code !== undefined && !/^[a-z]{2}$/.test(String(p.language_code))) return bad('Bad Request: LANG_CODE_INVALID');
        this.descriptions.set(`${short ? 's' : 'd'}:${p.language_code ?? ''}`, text);
        return ok(true);
      }
      case 'sendChatAction': {
        if (!this.chats.has(Number(p.chat_id))) return bad('Bad Request: chat not found');
        if (!['typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note'].includes(p.action)) {
          return bad('Bad Request: wrong parameter action in request');
        }
        return ok(true);
      }
      case 'sendMessage': {
        const chat = this.chats.get(Number(p.chat_id));
        if (!chat) return bad('Bad Request: chat not found');
        const v = validateMessageText(p.text, p.parse_mode);
        if (!v.ok) return bad(v.error);
        const markupError = validateMarkup(p.reply_markup);
        if (markupError) return bad(markupError);
        let replyTo: FakeMessage | undefined;
        const replyId = p.reply_parameters?.message_id ?? p.reply_to_message_id;
        if (replyId !== undefined) {
          replyTo = this.messages.get(chat.id)?.get(Number(replyId));
          if (!replyTo && !p.reply_parameters?.allow_sending_without_reply) return bad('Bad Request: message to be replied not found');
        }
        const msg: FakeMessage = {
          message_id: this.newMessageId(chat.id),
          date: Math.floor(Date.now() / 1000),
          chat,
          from: { id: this.botUser.id, is_bot: true, first_name: this.botUser.first_name, username: this.botUser.username },
          text: v.text,
          ...(v.entities.length > 0 ? { entities: v.entities } : {}),
          ...(replyTo ? { reply_to_message: this.shallow(replyTo) } : {}),
          ...(p.reply_markup ? { reply_markup: typeof p.reply_markup === 'string' ? JSON.parse(p.reply_markup) : p.reply_markup } : {}),
          ...(p.parse_mode === 'HTML' ? { html: p.text } : {}),
        };
        this.store(msg);
        const { html: _html, ...out } = msg;
        void _html;
        return ok(structuredClone(out));
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        if (p.inline_message_id !== undefined) return ok(true);
        const msg = this.messages.get(Number(p.chat_id))?.get(Number(p.message_id));
        if (!msg) return bad('Bad Request: message to edit not found');
        const markupError = validateMarkup(p.reply_markup);
        if (markupError) return bad(markupError);
        const newMarkup = p.reply_markup === undefined ? undefined : typeof p.reply_markup === 'string' ? JSON.parse(p.reply_markup) : p.reply_markup;
        if (method === 'editMessageText') {
          const v = validateMessageText(p.text, p.parse_mode);
          if (!v.ok) return bad(v.error);
          if (v.text === msg.text && JSON.stringify(newMarkup) === JSON.stringify(msg.reply_markup)) {
            return bad('Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
          }
          msg.text = v.text;
          if (v.entities.length > 0) msg.entities = v.entities;
          else delete msg.entities;
          if (p.parse_mode === 'HTML') msg.html = p.text;
        } else if (JSON.stringify(newMarkup ?? { inline_keyboard: [] }) === JSON.stringify(msg.reply_markup ?? { inline_keyboard: [] })) {
          return bad('Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        }
        if (newMarkup === undefined || (newMarkup.inline_keyboard && newMarkup.inline_keyboard.length === 0)) delete msg.reply_markup;
        else msg.reply_markup = newMarkup;
        const { html: _html, ...out } = msg;
        void _html;
        return ok(structuredClone(out));
      }
      case 'answerCallbackQuery': {
        const q = this.callbackQueries.get(String(p.callback_query_id));
        if (!q || q.answered) return bad('Bad Request: query is too old and response timeout expired or query ID is invalid');
        if (p.text !== undefined && String(p.text).length > 200) return bad('Bad Request: MESSAGE_TOO_LONG');
        q.answered = true;
        return ok(true);
      }
      case 'answerInlineQuery': {
        const q = this.inlineQueries.get(String(p.inline_query_id));
        if (!q || q.answered) return bad('Bad Request: query is too old and response timeout expired or query ID is invalid');
        const results = typeof p.results === 'string' ? JSON.parse(p.results) : p.results;
        if (!Array.isArray(results) || results.length > 50) return bad('Bad Request: RESULTS_TOO_MUCH');
        const ids = new Set<string>();
        for (const r of results) {
          const id = String(r.id ?? '');
          if (id === '' || Buffer.byteLength(id) > 64) return bad('Bad Request: RESULT_ID_INVALID');
          if (ids.has(id)) return bad('Bad Request: RESULT_ID_DUPLICATE');
          ids.add(id);
          if (r.type !== 'article') return bad(`Bad Request: the fake only knows article results, got ${r.type}`);
          if (typeof r.title !== 'string' || r.title === '') return bad('Bad Request: RESULT_TITLE_EMPTY');
          const content = r.input_message_content;
          if (!content || typeof content.message_text !== 'string') return bad('Bad Request: MESSAGE_EMPTY');
          const v = validateMessageText(content.message_text, content.parse_mode);
          if (!v.ok) return bad(v.error);
          const markupError = validateMarkup(r.reply_markup);
          if (markupError) return bad(markupError);
        }
        if (p.button?.start_parameter !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(p.button.start_parameter)) return bad('Bad Request: START_PARAM_INVALID');
        q.answered = true;
        return ok(true);
      }
      default:
        return { ok: false, error_code: 404, description: `Not Found: method ${method} is not in the fake` };
    }
  }

  /** Ends pending long polls and closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pollers.splice(0)) p.respond([]);
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error('fake Bot API closed'));
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

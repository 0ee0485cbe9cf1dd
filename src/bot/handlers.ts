/** Plain messages: questions in private chats, addressed questions in groups, hints for the rest. */
import type { Bot, Context } from 'grammy';
import { t } from '../present/messages.js';
import { groupQuestion, leadingCommand } from './addressing.js';
import { handleCallback, handleEmptyCallback } from './callbacks.js';
import { handleInlineQuery } from './inline.js';
import { answerQuestion } from './question.js';
import { guard, langOf, sendText } from './reply.js';
import type { Services } from './services.js';

const isGroup = (ctx: Context) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';

async function onText(ctx: Context, s: Services): Promise<void> {
  const msg = ctx.msg;
  if (!msg?.text) return;
  const chatType = ctx.chat?.type;
  if (chatType === 'private') {
    if (leadingCommand(msg, ctx.me)) {
      // A command no handler took (the known ones are registered before this handler).
      if (!(await guard(ctx, s))) return;
      await sendText(ctx, s, t('unknownCommand', langOf(ctx)), msg.message_id);
      return;
    }
    if (msg.text.startsWith('/')) return; // a command for another bot
    if (!(await guard(ctx, s))) return;
    await answerQuestion(ctx, s, groupQuestion(msg, ctx.me).question, msg.message_id);
    return;
  }
  if (isGroup(ctx)) {
    const cmd = leadingCommand(msg, ctx.me);
    if (cmd) {
      // Unknown commands: answer only when explicitly addressed to this bot ("/foo@thisbot").
      if (/^\/[A-Za-z0-9_]+@/.test(msg.text) && (await guard(ctx, s))) await sendText(ctx, s, t('unknownCommand', langOf(ctx)), msg.message_id);
      return;
    }
    if (msg.text.startsWith('/')) return;
    const { addressed, question } = groupQuestion(msg, ctx.me);
    if (!addressed) return; // not for us: stay silent
    if (!(await guard(ctx, s))) return;
    await answerQuestion(ctx, s, question, msg.message_id);
  }
}

/** Stickers, photos, voice, documents…: a short hint in private chats, silence in groups. */
async function onOtherMessage(ctx: Context, s: Services): Promise<void> {
  if (ctx.chat?.type !== 'private' || !ctx.msg) return;
  const m = ctx.msg;
  // Service messages (members joining, pinned messages…) are not addressed to anyone.
  const isContent =
    m.sticker || m.photo || m.voice || m.video || m.video_note || m.audio || m.document || m.animation || m.location || m.contact || m.poll || m.dice || m.venue;
  if (!isContent) return;
  if (!(await guard(ctx, s))) return;
  const userId = ctx.from?.id;
  if (userId !== undefined && !s.limiter.check(`hint:${userId}`).allowed) return;
  await sendText(ctx, s, t('nonText', langOf(ctx)), m.message_id);
}

export function registerHandlers(bot: Bot, s: Services): void {
  bot.on('message:text', (ctx) => onText(ctx, s));
  bot.on('callback_query:data', (ctx) => handleCallback(ctx, s));
  bot.on('callback_query', (ctx) => handleEmptyCallback(ctx));
  bot.on('inline_query', (ctx) => handleInlineQuery(ctx, s));
  bot.on('message', (ctx) => onOtherMessage(ctx, s));
}

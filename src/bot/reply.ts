/** Sending helpers: HTML messages (with a plain-text fallback), the typing indicator, the access guard. */
import { GrammyError, type Context } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import { t } from '../present/messages.js';
import { escapeHtml, htmlToPlain } from '../present/render.js';
import type { Lang } from '../answer/types.js';
import { pickLang } from '../present/lang.js';
import { isAllowed } from './limits.js';
import { describeError, type Services } from './services.js';

export function langOf(ctx: Context): Lang {
  return pickLang(ctx.from?.language_code);
}

export interface SendOptions {
  /** The message to reply to. */
  replyTo?: number | undefined;
  /** Keyboard under the last message. */
  keyboard?: InlineKeyboardMarkup | undefined;
}

/**
 * Sends HTML messages in order (replies, link previews off). If Telegram ever refuses our HTML, the
 * same text goes out as plain text rather than not at all.
 */
export async function sendHtml(ctx: Context, s: Services, messages: readonly string[], opts: SendOptions = {}): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (let i = 0; i < messages.length; i++) {
    const html = messages[i]!;
    const isLast = i === messages.length - 1;
    const base = {
      link_preview_options: { is_disabled: true },
      ...(opts.replyTo !== undefined ? { reply_parameters: { message_id: opts.replyTo, allow_sending_without_reply: true } } : {}),
      ...(isLast && opts.keyboard ? { reply_markup: opts.keyboard } : {}),
    };
    try {
      sent.push(await ctx.reply(html, { ...base, parse_mode: 'HTML' }));
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 400 && /parse entities|too long/i.test(err.description)) {
        s.logger.error({ err: describeError(err, s.config.botToken) }, 'Telegram refused our HTML; sending plain text');
        const plain = htmlToPlain(html);
        sent.push(await ctx.reply(plain.length > 4096 ? `${plain.slice(0, 4095)}…` : plain, base));
      } else {
        throw err;
      }
    }
  }
  return sent;
}

/** Sends one short plain text (already a safe message from messages.ts) as HTML-escaped text. */
export function sendText(ctx: Context, s: Services, text: string, replyTo?: number): Promise<Message.TextMessage[]> {
  return sendHtml(ctx, s, [escapeHtml(text)], { replyTo });
}

/** Shows "typing…" until the returned function is called (Telegram shows it for ~5 s per call). */
export function startTyping(ctx: Context): () => void {
  const send = () => {
    ctx.replyWithChatAction('typing').catch(() => undefined);
  };
  send();
  const timer = setInterval(send, 4500);
  timer.unref?.();
  return () => clearInterval(timer);
}

/**
 * The allow-lists: true when the update may be served. Otherwise the user gets one short refusal
 * (per hour), and nothing else.
 */
export async function guard(ctx: Context, s: Services): Promise<boolean> {
  if (isAllowed(s.config, ctx.from?.id, ctx.chat?.id)) return true;
  const userId = ctx.from?.id;
  const lang = langOf(ctx);
  s.logger.info({ event: 'refused', chatType: ctx.chat?.type ?? (ctx.inlineQuery ? 'inline' : 'unknown') }, 'not on the allow-list');
  if (ctx.inlineQuery) {
    await ctx.answerInlineQuery([], { cache_time: 60, is_personal: true });
    return false;
  }
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: t('notAllowed', lang) });
    return false;
  }
  if (userId !== undefined && s.refusals.shouldRefuse(userId)) {
    await sendText(ctx, s, t('notAllowed', lang), ctx.msg?.message_id);
  }
  return false;
}

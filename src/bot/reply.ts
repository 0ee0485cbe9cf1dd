/** Sending helpers: HTML messages (with a plain-text fallback) and the typing indicator. */
import { GrammyError } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import { TELEGRAM_MAX_MESSAGE, escapeHtml, htmlToPlain } from '../present/render.js';
import { cutWithEllipsis } from '../text/normalise.js';
import type { BotContext } from './context.js';

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
export async function sendHtml(ctx: BotContext, messages: readonly string[], opts: SendOptions = {}): Promise<Message.TextMessage[]> {
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
        ctx.services.logger.error({ err }, 'Telegram refused our HTML; sending plain text');
        sent.push(await ctx.reply(cutWithEllipsis(htmlToPlain(html), TELEGRAM_MAX_MESSAGE), base));
      } else {
        throw err;
      }
    }
  }
  return sent;
}

/** Sends one short plain text (already a safe message from messages.ts) as HTML-escaped text. */
export function sendText(ctx: BotContext, text: string, replyTo?: number): Promise<Message.TextMessage[]> {
  return sendHtml(ctx, [escapeHtml(text)], { replyTo });
}

/** Shows "typing…" until the returned function is called (Telegram shows it for ~5 s per call). */
export function startTyping(ctx: BotContext): () => void {
  const send = () => {
    ctx.replyWithChatAction('typing').catch(() => undefined);
  };
  send();
  const timer = setInterval(send, 4500);
  timer.unref?.();
  return () => clearInterval(timer);
}

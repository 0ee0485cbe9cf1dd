/**
 * Who the bot listens to, as two middlewares run before any feature:
 *   forMe(commands)  drops what is not for this bot (other bots, messages not addressed to it);
 *   accessGuard      applies the allow-lists to what is left (ALLOWED_USER_IDS / ALLOWED_CHAT_IDS).
 */
import type { MiddlewareFn } from 'grammy';
import { t } from '../present/messages.js';
import { isAddressedToMe, leadingCommand } from './addressing.js';
import type { BotContext } from './context.js';
import { isAllowed } from './limits.js';
import { chatTypeOf } from './question.js';
import { sendText } from './reply.js';

/** Lets through buttons, inline queries, messages addressed to the bot and their edits (`commands`: the names it knows). */
export function forMe(commands: Iterable<string>): MiddlewareFn<BotContext> {
  const known: ReadonlySet<string> = new Set(commands);
  return async (ctx, next) => {
    if (ctx.from?.is_bot) return;
    if (ctx.message) {
      if (isAddressedToMe(ctx.message, ctx.message.chat.type, ctx.me, known)) await next();
    } else if (ctx.editedMessage) {
      // A question corrected by editing it is asked again; an edited command or file is not run twice.
      const m = ctx.editedMessage;
      if (m.text !== undefined && !leadingCommand(m, ctx.me) && isAddressedToMe(m, m.chat.type, ctx.me, known)) await next();
    } else if (ctx.callbackQuery || ctx.inlineQuery) {
      await next();
    }
  };
}

/**
 * The allow-lists: an update goes on when it may be served. Otherwise the user gets one short
 * refusal (per hour), and nothing else.
 */
export const accessGuard: MiddlewareFn<BotContext> = async (ctx, next) => {
  const { config, logger, refusals } = ctx.services;
  if (isAllowed(config, ctx.from?.id, ctx.chat?.id)) return next();
  logger.info({ event: 'refused', chatType: chatTypeOf(ctx) }, 'not on the allow-list');
  if (ctx.inlineQuery) {
    await ctx.answerInlineQuery([], { cache_time: 60, is_personal: true });
  } else if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: t('notAllowed', ctx.lang) });
  } else if (ctx.from !== undefined && refusals.shouldRefuse(ctx.from.id)) {
    await sendText(ctx, t('notAllowed', ctx.lang), ctx.msg?.message_id);
  }
};

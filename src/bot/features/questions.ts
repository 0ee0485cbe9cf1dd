/**
 * Plain messages that reached this far are addressed to the bot and allowed (see access.ts):
 * questions, a pointer to /help for commands no handler took, a hint for stickers and the like.
 */
import { Composer } from 'grammy';
import { t } from '../../present/messages.js';
import { groupQuestion, isExplicitCommand, leadingCommand } from '../addressing.js';
import type { BotContext } from '../context.js';
import { answerQuestion } from '../question.js';
import { sendText } from '../reply.js';

export const questions = new Composer<BotContext>();

questions.on('message:text', async (ctx) => {
  const msg = ctx.msg;
  if (leadingCommand(msg, ctx.me)) {
    // A command no handler took. In groups, only when written "/foo@thisbot".
    if (ctx.chat.type === 'private' || isExplicitCommand(msg)) await sendText(ctx, t('unknownCommand', ctx.lang), msg.message_id);
    return;
  }
  await answerQuestion(ctx, groupQuestion(msg, ctx.me).question, msg.message_id);
});

/**
 * A question corrected by editing it (access.ts lets through edited texts only, addressed to the bot, no
 * commands): answered again, as typed now, in reply to the edited message.
 */
questions.on('edited_message:text', async (ctx) => {
  const msg = ctx.editedMessage;
  await answerQuestion(ctx, groupQuestion(msg, ctx.me).question, msg.message_id);
});

/**
 * A photo (or video) sent with a question as its caption: the caption is the question, as a typed
 * message would be (a document gets here only from someone who may not add reports: see corpus.ts).
 */
questions.on('message:caption', async (ctx, next) => {
  const msg = ctx.msg;
  if (leadingCommand(msg, ctx.me)) return next();
  await answerQuestion(ctx, groupQuestion(msg, ctx.me).question, msg.message_id);
});

/** Stickers, photos, voice, documents…: a short hint in private chats (groups stay silent). */
questions.on('message', async (ctx) => {
  if (ctx.chat.type !== 'private') return;
  const userId = ctx.from?.id;
  if (userId !== undefined && !ctx.services.limiter.check(`hint:${userId}`).allowed) return;
  await sendText(ctx, t('nonText', ctx.lang), ctx.msg.message_id);
});

/** A question → engine.ask → quoted answer with sources and buttons; the rate limit and the answer log. */
import type { Answer } from '../answer/types.js';
import { converse } from '../engine/chat.js';
import { chatKey, type ChatKey } from '../store/types.js';
import { rateLimitText, t } from '../present/messages.js';
import { renderAnswerHtml, renderEmptyQuestionHtml } from '../present/render.js';
import type { BotContext } from './context.js';
import { answerKeyboard, nextOffset } from './keyboards.js';
import { sendHtml, sendText, startTyping } from './reply.js';

/** Rate limit for one user: true when the request may go on; replies politely once per window. */
export async function checkRate(ctx: BotContext, replyTo?: number): Promise<boolean> {
  const userId = ctx.from?.id;
  if (userId === undefined) return true;
  const { limiter, logger } = ctx.services;
  const decision = limiter.check(String(userId));
  if (decision.allowed) return true;
  logger.info({ event: 'rate-limited', chatType: ctx.chat?.type, notify: decision.notify }, 'rate limited');
  const text = rateLimitText(ctx.lang, decision.retryAfterSeconds);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
  else if (decision.notify) await sendText(ctx, text, replyTo);
  return false;
}

/** Where an update came from, for the log: the chat type, or "inline". */
export function chatTypeOf(ctx: BotContext): string {
  return ctx.chat?.type ?? (ctx.inlineQuery ? 'inline' : 'unknown');
}

/** An engine call with a failure logged (and the caller told by `undefined`). */
async function guarded<T>(ctx: BotContext, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    ctx.services.logger.error({ err, event: 'engine-error', chatType: chatTypeOf(ctx) }, 'engine.ask failed');
    return undefined;
  }
}

/** engine.ask, with a failure logged (and the caller told by `undefined`). */
export function askEngine(ctx: BotContext, question: string, opts: { offset?: number; top: number }): Promise<Answer | undefined> {
  return guarded(ctx, () => ctx.services.engine.ask(question, { lang: ctx.lang, ...opts }));
}

/** Whose context this update reads and writes: the chat, and the user too in groups; null for inline queries. */
export function contextKey(ctx: BotContext): ChatKey | null {
  return ctx.chat ? chatKey(ctx.chat.id, ctx.chat.type, ctx.from?.id) : null;
}

/** /new and its button: the next message is read on its own. */
export async function forgetContext(ctx: BotContext): Promise<void> {
  const key = contextKey(ctx);
  if (key) await ctx.services.store.deleteContext(key).catch((err: unknown) => ctx.services.logger.warn({ err, event: 'store-error' }, 'store delete failed'));
}

/** A store write that must not hold the reply up: run on the next turn of the event loop, its failure only logged. */
export function storeInBackground(ctx: BotContext, what: string, write: () => Promise<void>): void {
  // SQLite writes are synchronous: run them after the reply is on its way, not before it.
  setImmediate(() => {
    Promise.resolve()
      .then(write)
      .catch((err: unknown) => ctx.services.logger.warn({ err, event: 'store-error', what }, 'store write failed'));
  });
}

/**
 * The message read against the chat's context (follow-ups, filters, lists, comparisons, report facts),
 * answered; the new context and the question record are written after, not awaited.
 */
async function converseInChat(ctx: BotContext, question: string, top: number, questionMessageId: number): Promise<Answer | undefined> {
  const { store, engine, config } = ctx.services;
  const key = contextKey(ctx);
  return guarded(ctx, async () => {
    const previous = key ? ((await store.getContext(key).catch(() => null))?.turn ?? null) : null;
    const { answer, turn } = await converse(engine, question, previous, { lang: ctx.lang, top });
    if (key) {
      storeInBackground(ctx, 'reading', () => store.setReading({ chatId: key.chatId, messageId: questionMessageId }, answer.interpreted, READING_TTL_MS));
      const context = { question: answer.interpreted, chunkIds: turn.chunkIds, indexVersion: answer.indexVersion, shown: answer.results.length, turn };
      storeInBackground(ctx, 'context', () => store.setContext(key, context, config.contextMinutes * 60_000));
      // "cảm ơn", "xin chào" asked nothing: no unanswered question for /stats.
      const asked = !answer.notices.some((n) => n.kind === 'empty-question');
      if (asked) storeInBackground(ctx, 'question', () => store.appendQuestion({ time: new Date().toISOString(), chatId: key.chatId, question: answer.question, interpreted: answer.interpreted, confidence: answer.confidence, chunkIds: turn.chunkIds, indexVersion: answer.indexVersion }));
    }
    return answer;
  });
}

/**
 * How long the reading of an answer is kept for its "next results" and rank buttons: longer than a
 * chat's context, since people scroll back to older answers.
 */
const READING_TTL_MS = 7 * 24 * 60 * 60_000;

/**
 * The question as the answer to message `questionMessageId` read it (a follow-up in full), from the
 * store; null when it is gone (expired, another store) and the caller falls back on the message.
 */
export async function storedReading(ctx: BotContext, questionMessageId: number): Promise<string | null> {
  if (!ctx.chat) return null;
  return ctx.services.store.getReading({ chatId: ctx.chat.id, messageId: questionMessageId }).catch(() => null);
}

/**
 * A further page of an answer ("Kết quả tiếp", "xem thêm" of a list): the question read the same way
 * (a list stays a list), without the chat's context, which has moved on since.
 */
export function askPage(ctx: BotContext, question: string, offset: number, top = ctx.services.config.topK): Promise<Answer | undefined> {
  return guarded(ctx, async () => (await converse(ctx.services.engine, question, null, { lang: ctx.lang, offset, top })).answer);
}

/**
 * Pages kept after the first, so that "Kết quả tiếp" continues the list the user saw even when the index
 * changes between two pages; further pages are asked of the index while it is the same one.
 */
const KEPT_PAGES = 3;

/**
 * Keeps the results after page 1 of an answer that has more (asked after the reply is on its way): a
 * further page then comes from this list, the same one page 1 was cut from.
 */
function keepFurtherPages(ctx: BotContext, answer: Answer, questionMessageId: number): void {
  const from = nextOffset(answer, 0);
  if (from === null || !ctx.chat) return;
  const key = { chatId: ctx.chat.id, messageId: questionMessageId };
  setImmediate(() => {
    void askPage(ctx, answer.interpreted, from, ctx.services.config.topK * KEPT_PAGES).then((rest) => {
      // Asked of another index (a switch landed meanwhile) it would not be page 1's list.
      if (rest && rest.indexVersion === answer.indexVersion && rest.results.length > 0) ctx.services.pages.set(key, { answer: rest, from });
    });
  });
}

/** One log line per answer: the question as the engine searched it, and how it went. */
export function logAnswer(ctx: BotContext, answer: Answer, startedAt: number, extra: Record<string, unknown> = {}): void {
  ctx.services.logger.info(
    {
      event: 'question',
      chatType: chatTypeOf(ctx),
      latencyMs: Math.round(performance.now() - startedAt),
      mode: answer.mode,
      topScore: answer.results[0] ? Number(answer.results[0].score.toFixed(4)) : null,
      answered: answer.answered,
      confidence: answer.confidence,
      results: answer.results.length,
      total: answer.total,
      question: answer.question,
      ...extra,
    },
    'answered',
  );
}

/**
 * Answers `question` (stripped of any mention or command; the engine cleans and cuts it) in reply
 * to `replyTo`. Empty → a hint with examples; engine failure → an apology.
 */
export async function answerQuestion(ctx: BotContext, question: string, replyTo: number): Promise<void> {
  const { lang } = ctx;
  if (question.trim() === '') {
    await sendHtml(ctx, [renderEmptyQuestionHtml(lang, await ctx.services.engine.examples())], { replyTo });
    return;
  }
  if (!(await checkRate(ctx, replyTo))) return;
  const stopTyping = startTyping(ctx);
  const startedAt = performance.now();
  try {
    const answer = await converseInChat(ctx, question, ctx.services.config.topK, replyTo);
    if (!answer) {
      await sendText(ctx, t('engineError', lang), replyTo);
      return;
    }
    await sendHtml(ctx, renderAnswerHtml(answer, lang), { replyTo, keyboard: answerKeyboard(answer, lang, { offset: 0 }) });
    keepFurtherPages(ctx, answer, replyTo);
    logAnswer(ctx, answer, startedAt);
  } finally {
    stopTyping();
  }
}

/** The inline buttons under answers: full paragraph, article details, next results. */
import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import { t } from '../present/messages.js';
import { renderAnswerHtml, renderArticleHtml, renderParagraphHtml } from '../present/render.js';
import type { ChunkView } from '../engine/types.js';
import { questionOfMessage } from './addressing.js';
import { decodeCallback, textFingerprint, versionTag, type CallbackAction } from './callback-data.js';
import { answerKeyboard, withoutNextRow } from './keyboards.js';
import { checkRate, logAnswer, prepareQuestion } from './question.js';
import { guard, langOf, sendHtml, startTyping } from './reply.js';
import { describeError, type Services } from './services.js';

/** The answer message a button sits under, when Telegram still gives it to us. */
function buttonMessage(ctx: Context): Message | null {
  const msg = ctx.callbackQuery?.message;
  if (!msg || msg.date === 0) return null;
  return msg as Message;
}

/** The question the answer replied to, recovered from the chat itself (nothing kept in memory). */
function recoverQuestion(ctx: Context, s: Services): { question: string; questionMessageId: number } | null {
  const reply = buttonMessage(ctx)?.reply_to_message;
  if (!reply) return null;
  const q = questionOfMessage(reply, ctx.me);
  if (!q) return null;
  const prepared = prepareQuestion(q, s);
  return { question: prepared.text, questionMessageId: reply.message_id };
}

async function outdated(ctx: Context, s: Services, action: CallbackAction | null, why: string): Promise<void> {
  s.logger.info({ event: 'button-outdated', kind: action?.kind ?? 'unknown', why }, 'outdated button');
  await ctx.answerCallbackQuery({ text: t('outdated', langOf(ctx)) });
}

async function showParagraph(ctx: Context, s: Services, chunk: ChunkView): Promise<void> {
  await ctx.answerCallbackQuery();
  await sendHtml(ctx, s, renderParagraphHtml(chunk, langOf(ctx)), { replyTo: buttonMessage(ctx)?.message_id });
}

/** Re-asks the recovered question for the result at `rank` (rank-based buttons). */
async function resultAtRank(ctx: Context, s: Services, rank: number) {
  const rec = recoverQuestion(ctx, s);
  if (!rec) return null;
  const answer = await s.engine.ask(rec.question, { lang: langOf(ctx), offset: rank - 1, top: 1 });
  const r = answer.results[0];
  return r && r.rank === rank ? { answer, result: r } : null;
}

async function nextResults(ctx: Context, s: Services, action: Extract<CallbackAction, { kind: 'next' }>): Promise<void> {
  const lang = langOf(ctx);
  const rec = recoverQuestion(ctx, s);
  if (!rec) return outdated(ctx, s, action, 'question not recoverable');
  if (!(await checkRate(ctx, s))) return;
  const stopTyping = startTyping(ctx);
  const startedAt = performance.now();
  try {
    let answer;
    try {
      answer = await s.engine.ask(rec.question, { lang, offset: action.offset, top: s.config.topK });
    } catch (err) {
      s.logger.error({ err: describeError(err, s.config.botToken), event: 'engine-error' }, 'engine.ask failed');
      await ctx.answerCallbackQuery({ text: t('engineError', lang) });
      return;
    }
    if (!answer.answered || answer.results.length === 0) {
      await ctx.answerCallbackQuery({ text: t('noMoreResults', lang) });
      return;
    }
    await ctx.answerCallbackQuery();
    // A truncation note was already given with the first page.
    answer = { ...answer, notices: answer.notices.filter((n) => n.kind !== 'question-truncated') };
    await sendHtml(ctx, s, renderAnswerHtml(answer, lang), {
      replyTo: rec.questionMessageId,
      keyboard: answerKeyboard(answer, lang, { offset: action.offset }),
    });
    logAnswer(s, ctx, rec.question, answer, startedAt, { offset: action.offset });
    // The old "next" button has been used: drop it so the page is not fetched twice.
    const old = buttonMessage(ctx);
    if (old?.reply_markup) {
      await ctx.editMessageReplyMarkup({ reply_markup: withoutNextRow(old.reply_markup) }).catch(() => undefined);
    }
  } finally {
    stopTyping();
  }
}

export async function handleCallback(ctx: Context, s: Services): Promise<void> {
  if (!(await guard(ctx, s))) return;
  const data = ctx.callbackQuery?.data ?? '';
  const action = decodeCallback(data);
  if (!action) return outdated(ctx, s, null, 'unknown data');
  const currentTag = versionTag(s.engine.status().indexVersion);
  const lang = langOf(ctx);
  switch (action.kind) {
    case 'paragraph': {
      const chunk = s.engine.chunk(action.chunkId);
      if (!chunk || textFingerprint(chunk.text) !== action.fp) return outdated(ctx, s, action, chunk ? 'text changed' : 'chunk gone');
      return showParagraph(ctx, s, chunk);
    }
    case 'paragraph-rank': {
      const found = await resultAtRank(ctx, s, action.rank);
      if (!found || textFingerprint(found.result.text) !== action.fp) return outdated(ctx, s, action, 'result changed');
      const r = found.result;
      const chunk = s.engine.chunk(r.chunkId) ?? { chunkId: r.chunkId, article: r.article, paragraph: r.paragraph, paragraphEnd: r.paragraphEnd, text: r.text, context: r.context };
      return showParagraph(ctx, s, chunk);
    }
    case 'article': {
      const article = s.engine.article(action.articleId);
      if (!article) return outdated(ctx, s, action, 'article gone');
      await ctx.answerCallbackQuery();
      await sendHtml(ctx, s, [renderArticleHtml(article, lang)], { replyTo: buttonMessage(ctx)?.message_id });
      return;
    }
    case 'article-rank': {
      if (action.tag !== currentTag) return outdated(ctx, s, action, 'index changed');
      const found = await resultAtRank(ctx, s, action.rank);
      const article = found ? s.engine.article(found.result.article.id) : null;
      if (!article) return outdated(ctx, s, action, 'article gone');
      await ctx.answerCallbackQuery();
      await sendHtml(ctx, s, [renderArticleHtml(article, lang)], { replyTo: buttonMessage(ctx)?.message_id });
      return;
    }
    case 'next':
      return nextResults(ctx, s, action);
  }
}

/** Buttons without data (should not happen): just stop the spinner. */
export async function handleEmptyCallback(ctx: Context): Promise<void> {
  await ctx.answerCallbackQuery({ text: t('outdated', langOf(ctx)) });
}

/**
 * The inline buttons under answers: full paragraph, article details, next results. Each kind is
 * routed on its callback-data prefix (see callback-data.ts); anything else is answered as outdated.
 */
import { Composer, type CallbackQueryContext } from 'grammy';
import type { Message } from 'grammy/types';
import type { Answer } from '../../answer/types.js';
import type { ChunkView } from '../../engine/types.js';
import { escapeRe } from '../../engine/conversation.js';
import { interpretedText, oldListText, t } from '../../present/messages.js';
import { escapeHtml, renderAnswerHtml, renderArticleHtml, renderParagraphHtml } from '../../present/render.js';
import { questionOfMessage } from '../addressing.js';
import { callbackPattern, decodeCallback, encodeAgain, textFingerprint, versionTag, type CallbackAction } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { answerKeyboard, shownChunkIds, withoutNextRow } from '../keyboards.js';
import type { KeptList } from '../../store/pages.js';
import { answerQuestion, askPage, checkRate, forgetContext, logAnswer, storeInBackground, storedReading } from '../question.js';
import { sendHtml, startTyping } from '../reply.js';

type ButtonContext = CallbackQueryContext<BotContext>;
type Action<K extends CallbackAction['kind']> = Extract<CallbackAction, { kind: K }>;

/** The answer message a button sits under, when Telegram still gives it to us. */
function buttonMessage(ctx: ButtonContext): Message | null {
  const msg = ctx.callbackQuery.message;
  if (!msg || msg.date === 0) return null;
  return msg as Message;
}

/** The question the answer replied to, recovered from the chat itself (nothing kept in memory). */
function recoverQuestion(ctx: ButtonContext): { question: string; questionMessageId: number } | null {
  const reply = buttonMessage(ctx)?.reply_to_message;
  if (!reply) return null;
  const question = questionOfMessage(reply, ctx.me);
  return question ? { question, questionMessageId: reply.message_id } : null;
}

/**
 * The question as the answer read it: kept in the store when it was answered (a follow-up in full,
 * never cut), else its "Hiểu là: …" line, else as typed.
 */
async function recoverReading(ctx: ButtonContext): Promise<{ question: string; questionMessageId: number } | null> {
  const rec = recoverQuestion(ctx);
  if (!rec) return null;
  const stored = await storedReading(ctx, rec.questionMessageId);
  if (stored) return { ...rec, question: stored };
  const msg = buttonMessage(ctx);
  const first = (msg && 'text' in msg ? (msg.text ?? '') : '').split('\n')[0]!;
  const read = READ_AS.exec(first);
  return read && !read[1]!.trim().endsWith('…') ? { ...rec, question: read[1]!.trim() } : rec;
}

const READ_AS = new RegExp(`^(?:${escapeRe(interpretedText('', 'vi'))}|${escapeRe(interpretedText('', 'en'))})(.+)$`, 'u');

async function outdated(ctx: BotContext, action: CallbackAction | null, why: string): Promise<void> {
  ctx.services.logger.info({ event: 'button-outdated', kind: action?.kind ?? 'unknown', why }, 'outdated button');
  await ctx.answerCallbackQuery({ text: t('outdated', ctx.lang) });
}

async function showParagraph(ctx: ButtonContext, chunk: ChunkView): Promise<void> {
  await ctx.answerCallbackQuery();
  await sendHtml(ctx, renderParagraphHtml(chunk, ctx.lang), { replyTo: buttonMessage(ctx)?.message_id });
}

async function showArticle(ctx: ButtonContext, articleId: string | undefined, action: CallbackAction): Promise<void> {
  const article = articleId === undefined ? null : ctx.services.engine.article(articleId);
  if (!article) return outdated(ctx, action, 'article gone');
  await ctx.answerCallbackQuery();
  await sendHtml(ctx, [renderArticleHtml(article, ctx.lang)], { replyTo: buttonMessage(ctx)?.message_id });
}

/** Re-asks the question as the answer read it for the result at `rank` (rank-based buttons). */
async function resultAtRank(ctx: ButtonContext, rank: number) {
  const rec = await recoverReading(ctx);
  if (!rec) return null;
  const answer = await askPage(ctx, rec.question, rank - 1, 1);
  const r = answer?.results[0];
  return r && r.rank === rank ? r : null;
}

async function onParagraph(ctx: ButtonContext, action: Action<'paragraph'>): Promise<void> {
  const chunk = ctx.services.engine.chunk(action.chunkId);
  if (!chunk || textFingerprint(chunk.text) !== action.fp) return outdated(ctx, action, chunk ? 'text changed' : 'chunk gone');
  return showParagraph(ctx, chunk);
}

async function onParagraphRank(ctx: ButtonContext, action: Action<'paragraph-rank'>): Promise<void> {
  const r = await resultAtRank(ctx, action.rank);
  if (!r || textFingerprint(r.text) !== action.fp) return outdated(ctx, action, 'result changed');
  const chunk = ctx.services.engine.chunk(r.chunkId) ?? { chunkId: r.chunkId, article: r.article, paragraph: r.paragraph, paragraphEnd: r.paragraphEnd, text: r.text, context: r.context };
  return showParagraph(ctx, chunk);
}

async function onArticle(ctx: ButtonContext, action: Action<'article'>): Promise<void> {
  return showArticle(ctx, action.articleId, action);
}

async function onArticleRank(ctx: ButtonContext, action: Action<'article-rank'>): Promise<void> {
  if (action.tag !== versionTag(ctx.services.engine.status().indexVersion)) return outdated(ctx, action, 'index changed');
  const r = await resultAtRank(ctx, action.rank);
  return showArticle(ctx, r?.article.id, action);
}

/**
 * The page at `offset` of the list kept since page 1, or null when the list does not hold it. After an
 * index switch, results whose paragraph is gone or changed are left out (counted for the note).
 */
function keptPage(ctx: ButtonContext, kept: KeptList, offset: number): { answer: Answer; dropped: number; switched: boolean } | null {
  const at = offset - kept.from;
  if (at < 0 || at >= kept.answer.results.length) return null;
  const page = kept.answer.results.slice(at, at + ctx.services.config.topK);
  const switched = kept.answer.indexVersion !== ctx.services.engine.status().indexVersion;
  const results = switched
    ? page.filter((r) => {
        const chunk = ctx.services.engine.chunk(r.chunkId);
        return chunk !== null && textFingerprint(chunk.text) === textFingerprint(r.text);
      })
    : page;
  // The kept list ends where it ends: no "next" button beyond it once the index has changed.
  const total = switched ? Math.min(kept.answer.total, kept.from + kept.answer.results.length) : kept.answer.total;
  return { answer: { ...kept.answer, results, total }, dropped: page.length - results.length, switched };
}

/** The list cannot be continued (the index changed and the list is not kept): said so, with a button to ask again. */
async function listGone(ctx: ButtonContext, action: Action<'next'>, questionMessageId: number): Promise<void> {
  ctx.services.logger.info({ event: 'button-outdated', kind: action.kind, why: 'list gone' }, 'outdated button');
  await ctx.answerCallbackQuery();
  const keyboard = { inline_keyboard: [[{ text: t('buttonAskAgain', ctx.lang), callback_data: encodeAgain(versionTag(ctx.services.engine.status().indexVersion)) }]] };
  await sendHtml(ctx, [escapeHtml(t('listGone', ctx.lang))], { replyTo: questionMessageId, keyboard });
}

async function onNext(ctx: ButtonContext, action: Action<'next'>): Promise<void> {
  const { lang } = ctx;
  const rec = await recoverReading(ctx);
  if (!rec) return outdated(ctx, action, 'question not recoverable');
  const stored = ctx.chat ? ctx.services.pages.get({ chatId: ctx.chat.id, messageId: rec.questionMessageId }) : null;
  // Only the list page 1 was cut from: a list kept since for the same question message ("Hỏi lại" after
  // an index switch) belongs to another page 1, whose button carries the newer index's tag.
  const kept = stored && versionTag(stored.answer.indexVersion) === action.tag ? stored : null;
  const fromList = kept ? keptPage(ctx, kept, action.offset) : null;
  const sameIndex = action.tag === versionTag(ctx.services.engine.status().indexVersion);
  // Asked again of another index, the same offset would repeat a result of page 1 or skip one.
  if (!sameIndex && (!fromList || fromList.answer.results.length === 0)) return listGone(ctx, action, rec.questionMessageId);
  const stopTyping = startTyping(ctx);
  const startedAt = performance.now();
  try {
    const answer = fromList?.answer ?? (await askPage(ctx, rec.question, action.offset));
    if (!answer) {
      await ctx.answerCallbackQuery({ text: t('engineError', lang) });
      return;
    }
    if (answer.results.length === 0) {
      await ctx.answerCallbackQuery({ text: t('noMoreResults', lang) });
      return;
    }
    await ctx.answerCallbackQuery();
    // A truncation note was already given with the first page.
    const page = { ...answer, notices: answer.notices.filter((n) => n.kind !== 'question-truncated') };
    const html = renderAnswerHtml(page, lang);
    if (fromList?.switched) html[0] = `<i>${escapeHtml(oldListText(fromList.dropped, lang))}</i>\n\n${html[0] ?? ''}`;
    await sendHtml(ctx, html, {
      replyTo: rec.questionMessageId,
      keyboard: answerKeyboard(page, lang, { offset: action.offset }),
    });
    logAnswer(ctx, page, startedAt, { offset: action.offset, ...(fromList ? { keptList: true } : {}) });
    // The old "next" button has been used: drop it so the page is not fetched twice.
    const old = buttonMessage(ctx);
    if (old?.reply_markup) {
      await ctx.editMessageReplyMarkup({ reply_markup: withoutNextRow(old.reply_markup) }).catch(() => undefined);
    }
  } finally {
    stopTyping();
  }
}

/** "Hỏi lại" under a list that could not be continued: the question answered afresh, from the index serving now. */
async function onAgain(ctx: ButtonContext): Promise<void> {
  const rec = await recoverReading(ctx);
  if (!rec) return outdated(ctx, null, 'question not recoverable');
  await ctx.answerCallbackQuery();
  await answerQuestion(ctx, rec.question, rec.questionMessageId);
}

/** 👍 / 👎: a feedback record with the question and the chunks the answer showed. */
async function onVote(ctx: ButtonContext, action: Action<'vote'>): Promise<void> {
  const rec = recoverQuestion(ctx);
  const userId = ctx.from.id;
  const chatId = ctx.chat?.id ?? userId;
  const record = {
    time: new Date().toISOString(),
    chatId,
    userId,
    question: rec?.question ?? '',
    chunkIds: shownChunkIds(buttonMessage(ctx)?.reply_markup),
    indexVersion: ctx.services.engine.status().indexVersion,
    vote: action.vote,
  };
  storeInBackground(ctx, 'feedback', () => ctx.services.store.appendFeedback(record));
  ctx.services.logger.info({ event: 'vote', vote: action.vote }, 'feedback');
  await ctx.answerCallbackQuery({ text: t('voteThanks', ctx.lang) });
}

async function onNewChat(ctx: ButtonContext): Promise<void> {
  await forgetContext(ctx);
  await ctx.answerCallbackQuery({ text: t('newChat', ctx.lang) });
}

export const buttons = new Composer<BotContext>();

// Every press counts against the per-user limit, as a question does: a limited press is answered
// with the rate-limit text (checkRate) and sends nothing.
buttons.on('callback_query', async (ctx, next) => {
  if (await checkRate(ctx)) await next();
});

/** Routes one kind of button to its handler, with its data decoded. */
function route<K extends CallbackAction['kind']>(kind: K, handle: (ctx: ButtonContext, action: Action<K>) => Promise<void>): void {
  buttons.callbackQuery(callbackPattern(kind), (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    return action?.kind === kind ? handle(ctx, action as Action<K>) : outdated(ctx, action, 'unknown data');
  });
}

route('paragraph', onParagraph);
route('paragraph-rank', onParagraphRank);
route('article', onArticle);
route('article-rank', onArticleRank);
route('next', onNext);
route('vote', onVote);
route('new-chat', onNewChat);
route('again', onAgain);
// Data this bot did not make (or an older format), or none at all.
buttons.on('callback_query', (ctx) => outdated(ctx, null, 'unknown data'));

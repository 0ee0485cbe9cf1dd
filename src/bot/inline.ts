/** Inline mode: "@bot question" in any chat offers the quotes as articles to send. */
import type { Context } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { rateLimitText, t } from '../present/messages.js';
import { cutWithEllipsis, renderAnswerHtml, renderResultHtml } from '../present/render.js';
import type { Answer } from '../answer/types.js';
import { tidyQuestion } from './addressing.js';
import { textFingerprint } from './callback-data.js';
import { logAnswer, prepareQuestion, withTruncationNotice } from './question.js';
import { guard, langOf } from './reply.js';
import { describeError, type Services } from './services.js';

const INLINE_CACHE_SECONDS = 10;
const INLINE_MAX_RESULTS = 5;

export function inlineResults(answer: Answer, lang: 'vi' | 'en'): InlineQueryResultArticle[] {
  const noPreview = { is_disabled: true };
  if (!answer.answered || answer.results.length === 0) {
    const html = renderAnswerHtml(answer, lang)[0] ?? t('notFound', lang);
    return [
      {
        type: 'article',
        id: 'not-found',
        title: t('notFound', lang),
        description: cutWithEllipsis(answer.suggestions.map((a) => a.title).join(' · '), 200) || undefined,
        input_message_content: { message_text: html, parse_mode: 'HTML', link_preview_options: noPreview },
      },
    ] as InlineQueryResultArticle[];
  }
  return answer.results.map((r) => ({
    type: 'article' as const,
    id: `${r.rank}-${textFingerprint(r.chunkId)}`,
    title: cutWithEllipsis(r.article.title.trim() || '—', 120),
    description: cutWithEllipsis(r.quote, 200),
    input_message_content: { message_text: renderResultHtml(r, lang), parse_mode: 'HTML' as const, link_preview_options: noPreview },
  }));
}

export async function handleInlineQuery(ctx: Context, s: Services): Promise<void> {
  if (!(await guard(ctx, s))) return;
  const lang = langOf(ctx);
  const question = tidyQuestion(ctx.inlineQuery?.query ?? '');
  if (question === '') {
    await ctx.answerInlineQuery([], { cache_time: 300 });
    return;
  }
  const userId = ctx.from?.id;
  if (userId !== undefined) {
    const rate = s.inlineLimiter.check(String(userId));
    if (!rate.allowed) {
      await ctx.answerInlineQuery([], {
        cache_time: 0,
        is_personal: true,
        button: { text: cutWithEllipsis(rateLimitText(lang, rate.retryAfterSeconds), 64), start_parameter: 'ratelimit' },
      });
      return;
    }
  }
  const q = prepareQuestion(question, s);
  const startedAt = performance.now();
  let answer: Answer;
  try {
    answer = await s.engine.ask(q.text, { lang, top: Math.min(INLINE_MAX_RESULTS, Math.max(s.config.topK, 3)) });
  } catch (err) {
    s.logger.error({ err: describeError(err, s.config.botToken), event: 'engine-error', chatType: 'inline' }, 'engine.ask failed');
    await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
    return;
  }
  answer = withTruncationNotice(answer, q.truncated, s.config.maxQuestionChars);
  await ctx.answerInlineQuery(inlineResults(answer, lang), { cache_time: INLINE_CACHE_SECONDS });
  logAnswer(s, ctx, q.text, answer, startedAt);
}

/** Inline mode: "@bot question" in any chat offers the quotes as articles to send. */
import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Answer, Lang } from '../../answer/types.js';
import { rateLimitText, t } from '../../present/messages.js';
import { renderAnswerHtml, renderResultHtml } from '../../present/render.js';
import { cutWithEllipsis } from '../../text/normalise.js';
import { tidyQuestion } from '../addressing.js';
import { textFingerprint } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { askEngine, logAnswer } from '../question.js';

const INLINE_CACHE_SECONDS = 10;
const INLINE_MAX_RESULTS = 5;

export function inlineResults(answer: Answer, lang: Lang): InlineQueryResultArticle[] {
  const noPreview = { is_disabled: true };
  if (answer.results.length === 0) {
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

export const inline = new Composer<BotContext>();

inline.on('inline_query', async (ctx) => {
  const { lang } = ctx;
  const { config, inlineLimiter } = ctx.services;
  const question = tidyQuestion(ctx.inlineQuery.query);
  if (question === '') {
    await ctx.answerInlineQuery([], { cache_time: 300 });
    return;
  }
  const rate = inlineLimiter.check(String(ctx.from.id));
  if (!rate.allowed) {
    await ctx.answerInlineQuery([], {
      cache_time: 0,
      is_personal: true,
      button: { text: cutWithEllipsis(rateLimitText(lang, rate.retryAfterSeconds), 64), start_parameter: 'ratelimit' },
    });
    return;
  }
  const startedAt = performance.now();
  const answer = await askEngine(ctx, question, { top: Math.min(INLINE_MAX_RESULTS, Math.max(config.topK, 3)) });
  if (!answer) {
    await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
    return;
  }
  await ctx.answerInlineQuery(inlineResults(answer, lang), { cache_time: INLINE_CACHE_SECONDS });
  logAnswer(ctx, answer, startedAt);
});

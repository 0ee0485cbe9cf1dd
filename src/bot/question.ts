/** A question → engine.ask → quoted answer with sources and buttons. */
import type { Context } from 'grammy';
import { rateLimitText, t } from '../present/messages.js';
import { renderAnswerHtml, renderEmptyQuestionHtml } from '../present/render.js';
import type { Answer } from '../answer/types.js';
import { answerKeyboard } from './keyboards.js';
import { cleanQuestion } from '../text/normalise.js';
import { langOf, sendHtml, sendText, startTyping } from './reply.js';
import { describeError, type Services } from './services.js';

/** Rate limit for one user: true when the request may go on; replies politely once per window. */
export async function checkRate(ctx: Context, s: Services, replyTo?: number): Promise<boolean> {
  const userId = ctx.from?.id;
  if (userId === undefined) return true;
  const decision = s.limiter.check(String(userId));
  if (decision.allowed) return true;
  s.logger.info({ event: 'rate-limited', chatType: ctx.chat?.type, notify: decision.notify }, 'rate limited');
  const text = rateLimitText(langOf(ctx), decision.retryAfterSeconds);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
  else if (decision.notify) await sendText(ctx, s, text, replyTo);
  return false;
}

/** The question as the bot searches it: cut to MAX_QUESTION_CHARS at a word boundary. */
export function prepareQuestion(question: string, s: Services): { text: string; truncated: boolean } {
  return cleanQuestion(question, s.config.maxQuestionChars);
}

/** Adds the truncation notice when the bot cut the question and the engine did not say so itself. */
export function withTruncationNotice(answer: Answer, truncated: boolean, maxChars: number): Answer {
  if (!truncated || answer.notices.some((n) => n.kind === 'question-truncated')) return answer;
  return { ...answer, notices: [...answer.notices, { kind: 'question-truncated', maxChars }] };
}

export function logAnswer(s: Services, ctx: Context, question: string, answer: Answer, startedAt: number, extra: Record<string, unknown> = {}): void {
  s.logger.info(
    {
      event: 'question',
      chatType: ctx.chat?.type ?? (ctx.inlineQuery ? 'inline' : 'unknown'),
      latencyMs: Math.round(performance.now() - startedAt),
      mode: answer.mode,
      topScore: answer.results[0] ? Number(answer.results[0].score.toFixed(4)) : null,
      answered: answer.answered,
      results: answer.results.length,
      total: answer.total,
      question,
      ...extra,
    },
    'answered',
  );
}

/**
 * Answers `rawQuestion` (already stripped of any mention or command) in reply to `replyTo`.
 * Empty → a hint with examples; too long → cut with a notice; engine failure → an apology.
 */
export async function answerQuestion(ctx: Context, s: Services, rawQuestion: string, replyTo: number): Promise<void> {
  const lang = langOf(ctx);
  if (rawQuestion.trim() === '') {
    await sendHtml(ctx, s, [renderEmptyQuestionHtml(lang)], { replyTo });
    return;
  }
  if (!(await checkRate(ctx, s, replyTo))) return;
  const q = prepareQuestion(rawQuestion, s);
  const stopTyping = startTyping(ctx);
  const startedAt = performance.now();
  try {
    let answer: Answer;
    try {
      answer = await s.engine.ask(q.text, { lang, top: s.config.topK });
    } catch (err) {
      s.logger.error({ err: describeError(err, s.config.botToken), event: 'engine-error', chatType: ctx.chat?.type }, 'engine.ask failed');
      await sendText(ctx, s, t('engineError', lang), replyTo);
      return;
    }
    answer = withTruncationNotice(answer, q.truncated, s.config.maxQuestionChars);
    await sendHtml(ctx, s, renderAnswerHtml(answer, lang), { replyTo, keyboard: answerKeyboard(answer, lang, { offset: 0 }) });
    logAnswer(s, ctx, q.text, answer, startedAt);
  } finally {
    stopTyping();
  }
}

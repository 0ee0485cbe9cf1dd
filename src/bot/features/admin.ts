/** Admin commands (ADMIN_USER_IDS only): /reload, /stats. */
import type { CommandContext } from 'grammy';
import type { ReloadResult } from '../../engine/types.js';
import { escapeHtml } from '../../present/render.js';
import { reloadResultText } from '../../present/messages.js';
import { computeStats, statsText } from '../../present/stats.js';
import { commandComposer, type BotCommandSpec } from '../command-registry.js';
import type { BotContext } from '../context.js';
import { sendHtml, sendText } from '../reply.js';

/** Days of records /stats reads. */
const STATS_DAYS = 30;

async function stats(ctx: CommandContext<BotContext>): Promise<void> {
  const { store } = ctx.services;
  const since = new Date(Date.now() - STATS_DAYS * 86_400_000).toISOString();
  const [questions, votes] = await Promise.all([store.listQuestions({ since }), store.listFeedback({ since })]);
  await sendText(ctx, statsText(computeStats(questions, votes), votes.length, ctx.lang), ctx.msg.message_id);
}

async function reload(ctx: CommandContext<BotContext>): Promise<void> {
  const { engine, logger } = ctx.services;
  logger.info({ event: 'reload', by: ctx.from?.id }, 'reload requested');
  let result: ReloadResult;
  try {
    result = await engine.reload();
  } catch (err) {
    logger.error({ err }, 'reload failed');
    result = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  logger.info({ event: 'reloaded', ok: result.ok, indexVersion: engine.status().indexVersion }, result.message);
  await sendHtml(ctx, [escapeHtml(reloadResultText(result, ctx.lang, engine.status()))], { replyTo: ctx.msg.message_id });
}

export const ADMIN_COMMANDS: readonly BotCommandSpec[] = [
  {
    name: 'reload',
    adminOnly: true,
    description: { vi: 'Nạp lại chỉ mục', en: 'Reload the index' },
    help: { text: { vi: 'nạp lại chỉ mục (quản trị viên)', en: 'reload the index (admins)' } },
    handler: reload,
  },
  {
    name: 'stats',
    adminOnly: true,
    description: { vi: 'Thống kê câu hỏi và góp ý', en: 'Question and feedback statistics' },
    help: { text: { vi: 'thống kê câu hỏi, tỷ lệ trả lời, 👍/👎 (quản trị viên)', en: 'questions, answer rates, 👍/👎 (admins)' } },
    handler: stats,
  },
];

export const admin = commandComposer(ADMIN_COMMANDS);

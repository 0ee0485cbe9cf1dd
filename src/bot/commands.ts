/** /start /help /sources /status /ask /reload, and the command menu registered at start. */
import type { Bot, Context } from 'grammy';
import { commandMenu, helpText, reloadResultText, startText, t } from '../present/messages.js';
import { escapeHtml, renderSourcesHtml, renderStatusHtml } from '../present/render.js';
import { questionOfMessage } from './addressing.js';
import { answerQuestion } from './question.js';
import { guard, langOf, sendHtml, sendText } from './reply.js';
import { describeError, type Services } from './services.js';

function isAdmin(ctx: Context, s: Services): boolean {
  return ctx.from !== undefined && s.config.adminUserIds.has(ctx.from.id);
}

export function registerCommands(bot: Bot, s: Services): void {
  bot.command('start', async (ctx) => {
    if (!(await guard(ctx, s))) return;
    await sendText(ctx, s, startText(langOf(ctx), ctx.from?.first_name));
  });

  bot.command('help', async (ctx) => {
    if (!(await guard(ctx, s))) return;
    await sendText(ctx, s, helpText(langOf(ctx), { isAdmin: isAdmin(ctx, s), botUsername: ctx.me.username }));
  });

  bot.command('sources', async (ctx) => {
    if (!(await guard(ctx, s))) return;
    await sendHtml(ctx, s, renderSourcesHtml(s.engine.articles(), langOf(ctx)));
  });

  bot.command('status', async (ctx) => {
    if (!(await guard(ctx, s))) return;
    await sendHtml(ctx, s, [renderStatusHtml(s.engine.status(), langOf(ctx))]);
  });

  bot.command('ask', async (ctx) => {
    if (!(await guard(ctx, s))) return;
    const question = questionOfMessage(ctx.msg, ctx.me) ?? '';
    await answerQuestion(ctx, s, question, ctx.msg.message_id);
  });

  bot.command('reload', async (ctx) => {
    const lang = langOf(ctx);
    if (!isAdmin(ctx, s)) {
      if (!(await guard(ctx, s))) return;
      await sendText(ctx, s, t('adminOnly', lang), ctx.msg.message_id);
      return;
    }
    s.logger.info({ event: 'reload', by: ctx.from?.id }, 'reload requested');
    let result: { ok: boolean; message: string };
    try {
      result = await s.engine.reload();
    } catch (err) {
      s.logger.error({ err: describeError(err, s.config.botToken) }, 'reload failed');
      result = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    const status = s.engine.status();
    s.logger.info({ event: 'reloaded', ok: result.ok, indexVersion: status.indexVersion }, result.message);
    await sendHtml(ctx, s, [escapeHtml(reloadResultText(result.ok, result.message, lang))], { replyTo: ctx.msg.message_id });
  });
}

/** The command menu in Vietnamese (default) and English (for English-language Telegram apps). */
export async function registerCommandMenu(bot: Bot, s: Services): Promise<void> {
  try {
    await bot.api.setMyCommands(commandMenu('vi'));
    await bot.api.setMyCommands(commandMenu('vi'), { language_code: 'vi' });
    await bot.api.setMyCommands(commandMenu('en'), { language_code: 'en' });
  } catch (err) {
    s.logger.warn({ err: describeError(err, s.config.botToken) }, 'setMyCommands failed (the bot works without the menu)');
  }
}

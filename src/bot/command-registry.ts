/**
 * What a command is: its name, who may use it, its texts in both languages and its handler. The
 * command menu (setMyCommands), the command list of /help and the handlers are all made from a list
 * of these (see features/commands.ts for the list).
 */
import { Composer, type CommandContext } from 'grammy';
import type { Lang } from '../answer/types.js';
import { t, type CommandHelp } from '../present/messages.js';
import type { BotContext } from './context.js';
import { sendText } from './reply.js';

export interface BotCommandSpec {
  name: string;
  /** Only for ADMIN_USER_IDS; others get a short "admins only" reply. Not in the public menu. */
  adminOnly: boolean;
  /** The command menu entry. */
  description: Record<Lang, string>;
  /** The /help line ("/ask question: …"): what the arguments are, and what it does; null: not listed. */
  help: { args?: Record<Lang, string>; text: Record<Lang, string> } | null;
  handler: (ctx: CommandContext<BotContext>) => Promise<unknown>;
}

export function isAdmin(ctx: BotContext): boolean {
  return ctx.from !== undefined && ctx.services.config.adminUserIds.has(ctx.from.id);
}

/** The menu registered with setMyCommands: everyone's commands (admin ones stay out of it). */
export function commandMenu(commands: readonly BotCommandSpec[], lang: Lang): { command: string; description: string }[] {
  return commands.filter((c) => !c.adminOnly).map((c) => ({ command: c.name, description: c.description[lang] }));
}

/** The command list of /help; admin commands only for admins. */
export function commandHelp(commands: readonly BotCommandSpec[], lang: Lang, admin: boolean): CommandHelp[] {
  return commands.flatMap((c) => (c.help && (admin || !c.adminOnly) ? [{ command: c.name, args: c.help.args?.[lang], help: c.help.text[lang] }] : []));
}

/** A Composer with the handlers of `commands`; admin-only ones check the user first. */
export function commandComposer(commands: readonly BotCommandSpec[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  for (const c of commands) {
    composer.command(c.name, async (ctx) => {
      if (c.adminOnly && !isAdmin(ctx)) {
        await sendText(ctx, t('adminOnly', ctx.lang), ctx.msg.message_id);
        return;
      }
      await c.handler(ctx);
    });
  }
  return composer;
}

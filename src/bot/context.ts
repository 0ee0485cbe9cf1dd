/**
 * The bot's context flavour: every handler gets the shared services and the user's language on the
 * context, set once per update by `provideContext`.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Lang } from '../answer/types.js';
import { pickLang } from '../present/lang.js';
import type { Services } from './services.js';

export type BotContext = Context & {
  services: Services;
  /** The language to answer in (from the user's Telegram language). */
  lang: Lang;
};

export function provideContext(services: Services): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.services = services;
    ctx.lang = pickLang(ctx.from?.language_code);
    return next();
  };
}

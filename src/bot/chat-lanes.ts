/**
 * Per-chat lanes: the updates of one chat are handled one at a time, in order, and the ones waiting
 * for their turn do not hold one of the runner's handler slots.
 *
 * Why: @grammyjs/auto-retry waits out a 429 (retry_after) inside the handler. A group that hit its
 * flood limit (about 20 messages a minute) would otherwise fill every slot with handlers sleeping on
 * retries, and an unrelated private chat would wait for that group's flood to end. `sequentialize`
 * from @grammyjs/runner keeps the same order, but its waiting updates sit in slots; here they wait in
 * a queue, so a flooded chat holds one slot at most. (Per-chat order is also what the context store
 * and "Kết quả tiếp" assume.)
 *
 * Install after provideContext and before the error boundary: a queued update later runs the rest of
 * the stack, boundary included, so its errors are caught and apologised for like any other.
 */
import type { MiddlewareFn, NextFunction } from 'grammy';
import type { BotContext } from './context.js';

/**
 * Updates one chat may have waiting; more are dropped (and logged). A bound on memory, not the way a
 * busy user is slowed down (that is RATE_LIMIT_PER_MINUTE, answered politely): a hundred is five
 * minutes of a group's flood limit, and fits a burst of button presses, which are answered at once.
 */
const MAX_WAITING_PER_CHAT = 100;

interface Lane {
  waiting: (() => Promise<void>)[];
}

export function chatLanes(): MiddlewareFn<BotContext> {
  const lanes = new Map<number, Lane>();

  /** Runs the lane's waiting updates one after another, outside any handler slot, then retires it. */
  const drain = async (chatId: number, lane: Lane): Promise<void> => {
    for (let job = lane.waiting.shift(); job; job = lane.waiting.shift()) await job();
    lanes.delete(chatId);
  };

  return async (ctx: BotContext, next: NextFunction) => {
    const chatId = ctx.chat?.id;
    // Inline queries have no chat and are answered with answerInlineQuery: nothing to order.
    if (chatId === undefined) return next();
    const lane = lanes.get(chatId);
    if (!lane) {
      const fresh: Lane = { waiting: [] };
      lanes.set(chatId, fresh);
      try {
        await next();
      } finally {
        void drain(chatId, fresh);
      }
      return;
    }
    const { inFlight, logger } = ctx.services;
    if (lane.waiting.length >= MAX_WAITING_PER_CHAT) {
      logger.warn({ chatId, updateId: ctx.update.update_id, waiting: lane.waiting.length }, 'chat backlog full: update dropped');
      return;
    }
    // Counted as in flight from now on, so a shutdown waits for it too.
    const done = inFlight.begin(ctx.update.update_id);
    lane.waiting.push(() =>
      next()
        .catch((err: unknown) => logger.error({ err, updateId: ctx.update.update_id }, 'queued update failed'))
        .finally(done),
    );
  };
}

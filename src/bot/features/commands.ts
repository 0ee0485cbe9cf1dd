/**
 * The command registry (COMMANDS: everyone's commands here, then the admin ones) and the Composer
 * with everyone's commands: /ask /sources /status /help /start.
 */
import { helpText, startText, t } from '../../present/messages.js';
import { renderSourcesHtml, renderStatusHtml } from '../../present/render.js';
import { questionOfMessage } from '../addressing.js';
import { commandComposer, commandHelp, isAdmin, type BotCommandSpec } from '../command-registry.js';
import { answerQuestion, forgetContext } from '../question.js';
import { sendHtml, sendText } from '../reply.js';
import { ADMIN_COMMANDS } from './admin.js';
import { CORPUS_COMMANDS } from './corpus.js';

const USER_COMMANDS: readonly BotCommandSpec[] = [
  {
    name: 'ask',
    adminOnly: false,
    description: { vi: 'Đặt câu hỏi về các bài báo cáo', en: 'Ask a question about the reports' },
    help: { args: { vi: 'câu hỏi', en: 'question' }, text: { vi: 'đặt câu hỏi (dùng được trong nhóm)', en: 'ask (also in groups)' } },
    handler: (ctx) => answerQuestion(ctx, questionOfMessage(ctx.msg, ctx.me) ?? '', ctx.msg.message_id),
  },
  {
    name: 'new',
    adminOnly: false,
    description: { vi: 'Bắt đầu chủ đề mới', en: 'Start a new topic' },
    help: { text: { vi: 'quên câu hỏi trước, câu sau không nối tiếp', en: 'forget the last question: the next one is read on its own' } },
    handler: async (ctx) => {
      await forgetContext(ctx);
      await sendText(ctx, t('newChat', ctx.lang), ctx.msg.message_id);
    },
  },
  {
    name: 'sources',
    adminOnly: false,
    description: { vi: 'Danh sách bài viết', en: 'List the articles' },
    help: { text: { vi: 'danh sách bài viết', en: 'the articles I know' } },
    handler: (ctx) => sendHtml(ctx, renderSourcesHtml(ctx.services.engine.articles(), ctx.lang)),
  },
  {
    name: 'status',
    adminOnly: false,
    description: { vi: 'Chỉ mục và chế độ tìm kiếm', en: 'Index and search mode' },
    help: { text: { vi: 'kích thước chỉ mục và chế độ tìm kiếm', en: 'index size and search mode' } },
    // Server file paths (the index folder, paths in reasons) only for admins.
    handler: (ctx) =>
      sendHtml(ctx, [renderStatusHtml(ctx.services.engine.status(), ctx.lang, { showPaths: ctx.from !== undefined && ctx.services.config.adminUserIds.has(ctx.from.id) })]),
  },
  {
    name: 'help',
    adminOnly: false,
    description: { vi: 'Hướng dẫn cách hỏi', en: 'How to ask' },
    help: { text: { vi: 'hướng dẫn này', en: 'this help' } },
    handler: async (ctx) =>
      sendText(ctx, helpText(ctx.lang, { botUsername: ctx.me.username, commands: commandHelp(COMMANDS, ctx.lang, isAdmin(ctx)), examples: await ctx.services.engine.examples() })),
  },
  {
    name: 'start',
    adminOnly: false,
    description: { vi: 'Giới thiệu', en: 'Welcome' },
    help: null,
    handler: async (ctx) => sendText(ctx, startText(ctx.lang, ctx.from?.first_name, await ctx.services.engine.examples())),
  },
];

/** Every command the bot knows, in menu and /help order. */
export const COMMANDS: readonly BotCommandSpec[] = [...USER_COMMANDS, ...ADMIN_COMMANDS, ...CORPUS_COMMANDS];

export const commands = commandComposer(USER_COMMANDS);

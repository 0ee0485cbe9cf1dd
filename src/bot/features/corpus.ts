/**
 * Articles from wherever the admin is (ADMIN_USER_IDS only): a document sent to the bot (.txt, .md,
 * .html, .htm, .docx, .pdf) or `/add <URL>` is read, saved into the corpus (addToCorpus: a file that
 * does not read cleanly writes nothing), the index is rebuilt in a child process while the bot keeps
 * answering (one build at a time), the engine reloads, and the reply says what was read. `/remove <id>`
 * deletes an article's file and rebuilds. Anyone else's document gets a polite refusal.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Composer, type CommandContext } from 'grammy';
import { ArticleError } from '../../corpus/errors.js';
import { formatFor, knownExtensions } from '../../corpus/formats/registry.js';
import { addToCorpus, IngestError, looksLikeUrl, type Added } from '../../corpus/ingest.js';
import { addedText, CORPUS_TEXTS, fileTooBigText, noSuchArticleText, notAddedText, notRemovedText, removedText, unsupportedFileText } from '../../present/messages.js';
import { commandComposer, isAdmin, type BotCommandSpec } from '../command-registry.js';
import type { BotContext } from '../context.js';
import { sendText } from '../reply.js';

/** The Bot API lets bots download files up to 20 MB. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const DEFAULT_API_ROOT = 'https://api.telegram.org';
const DOWNLOAD_TIMEOUT_MS = 60_000;
/** A build slower than this gets a line saying the index is being updated: a seed-sized build takes 1–2 s, a 10 MB file minutes. */
const BUILD_NOTICE_MS = 5_000;

/** A file name safe to create in a temporary folder (the corpus name is made by addToCorpus). */
function safeName(name: string | undefined, fallbackExt: string): string {
  const base = path.basename((name ?? '').replace(/\\/gu, '/')).replace(/[\u0000-\u001f\u007f/]/gu, '').trim();
  return base && base !== '.' && base !== '..' ? base.slice(-200) : `document${fallbackExt}`;
}

/** Downloads a Telegram file (getFile, then the file URL of the configured API root) to `dest`. */
async function downloadTelegramFile(ctx: BotContext, fileId: string, dest: string): Promise<void> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new IngestError('Telegram gave no download path for the file');
  if (file.file_size !== undefined && file.file_size > MAX_UPLOAD_BYTES) throw new IngestError(`the file is over the ${MAX_UPLOAD_BYTES}-byte limit`);
  // A local Bot API server (--local) gives an absolute path on its own disk.
  if (path.isAbsolute(file.file_path)) {
    await fs.copyFile(file.file_path, dest);
    return;
  }
  const { config } = ctx.services;
  const root = config.telegramApiRoot ?? DEFAULT_API_ROOT;
  const url = `${root}/file/bot${config.botToken}/${file.file_path.split('/').map(encodeURIComponent).join('/')}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (e) {
    // Never show the URL: it holds the token.
    throw new IngestError(`the file could not be downloaded from Telegram (${(e as Error).name === 'TimeoutError' ? 'timeout' : 'network error'})`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new IngestError(`Telegram answered ${res.status} when the file was downloaded`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) throw new IngestError(`the file is over the ${MAX_UPLOAD_BYTES}-byte limit`);
    chunks.push(Buffer.from(chunk));
  }
  await fs.writeFile(dest, Buffer.concat(chunks));
}

/** The one line for the user when a source cannot be added, or null for an unexpected error. */
function refusalReason(e: unknown, corpusDir: string): string | null {
  if (e instanceof IngestError || e instanceof ArticleError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return `the corpus folder ${corpusDir} is not writable for the bot (${code}); mount it read-write to add articles from Telegram`;
  if (code === 'ENOSPC') return 'the disk is full';
  return null;
}

/** Adds a source to the corpus, rebuilds, and replies with what was read (or one line saying why not). */
async function addAndReport(ctx: BotContext, replyTo: number, add: () => Promise<Added>): Promise<void> {
  const { config, engine, rebuilder, logger } = ctx.services;
  let added: Added;
  try {
    added = await add();
  } catch (e) {
    const reason = refusalReason(e, config.corpusDir);
    if (reason === null) throw e;
    logger.info({ event: 'add-refused', by: ctx.from?.id, reason }, 'article not added');
    await sendText(ctx, notAddedText(reason, ctx.lang), replyTo);
    return;
  }
  logger.info({ event: 'added', by: ctx.from?.id, file: added.file }, 'article added to the corpus');
  void ctx.replyWithChatAction('typing').catch(() => undefined);
  // Not a reply to the upload: the reply is the report of what was read, once the index has it.
  const notice = setTimeout(() => void sendText(ctx, CORPUS_TEXTS[ctx.lang].reading).catch(() => undefined), BUILD_NOTICE_MS);
  const build = await rebuilder.rebuild().finally(() => clearTimeout(notice));
  const a = added.article;
  const id = path.basename(added.file, path.extname(added.file));
  const text = addedText(
    {
      id,
      file: path.relative(config.corpusDir, path.join(config.corpusDir, added.file)),
      title: a.title,
      date: a.date,
      outlet: a.outlet,
      paragraphs: a.blocks.filter((b) => b.kind === 'body').length,
      replaced: added.replaced,
      nameTakenBy: added.nameTakenBy,
      warnings: a.warnings,
      build: { ok: build.ok, message: build.message, seconds: build.ms / 1000 },
      indexed: engine.article(id) !== null,
    },
    ctx.lang,
  );
  await sendText(ctx, text, replyTo);
}

async function addCommand(ctx: CommandContext<BotContext>): Promise<void> {
  const url = ctx.match.trim();
  if (!url || !looksLikeUrl(url)) {
    await sendText(ctx, CORPUS_TEXTS[ctx.lang].addUsage, ctx.msg.message_id);
    return;
  }
  await addAndReport(ctx, ctx.msg.message_id, () => addToCorpus(url, ctx.services.config.corpusDir, { maxBytes: MAX_UPLOAD_BYTES }));
}

/** The corpus file of an article id (its file stem), or null. */
async function fileOfArticle(corpusDir: string, id: string): Promise<string | null> {
  const entries = await fs.readdir(corpusDir, { recursive: true }).catch(() => [] as string[]);
  for (const rel of entries.map(String)) {
    const base = path.basename(rel);
    if (base.startsWith('.') || !formatFor(base)) continue;
    if (path.basename(base, path.extname(base)) === id) return rel;
  }
  return null;
}

async function removeCommand(ctx: CommandContext<BotContext>): Promise<void> {
  const id = ctx.match.trim();
  if (!id || !/^[\p{L}\p{N}_.-]+$/u.test(id) || id.startsWith('.')) {
    await sendText(ctx, CORPUS_TEXTS[ctx.lang].removeUsage, ctx.msg.message_id);
    return;
  }
  const { config, rebuilder, logger } = ctx.services;
  const rel = await fileOfArticle(config.corpusDir, id);
  if (!rel) {
    await sendText(ctx, noSuchArticleText(id, ctx.lang), ctx.msg.message_id);
    return;
  }
  try {
    await fs.rm(path.join(config.corpusDir, rel));
  } catch (e) {
    const reason = refusalReason(e, config.corpusDir);
    if (reason === null) throw e;
    await sendText(ctx, notRemovedText(id, reason, ctx.lang), ctx.msg.message_id);
    return;
  }
  logger.info({ event: 'removed', by: ctx.from?.id, file: rel }, 'article removed from the corpus');
  const build = await rebuilder.rebuild();
  await sendText(ctx, removedText(id, rel, { ok: build.ok, message: build.message, seconds: build.ms / 1000 }, ctx.lang), ctx.msg.message_id);
}

export const CORPUS_COMMANDS: readonly BotCommandSpec[] = [
  {
    name: 'add',
    adminOnly: true,
    description: { vi: 'Thêm bài viết từ địa chỉ web', en: 'Add an article from a web address' },
    help: {
      args: { vi: 'địa chỉ web', en: 'URL' },
      text: { vi: 'thêm bài viết (hoặc gửi tệp .txt, .md, .html, .docx, .pdf) (quản trị viên)', en: 'add an article (or send a .txt, .md, .html, .docx, .pdf file) (admins)' },
    },
    handler: addCommand,
  },
  {
    name: 'remove',
    adminOnly: true,
    description: { vi: 'Xoá một bài viết', en: 'Remove an article' },
    help: { args: { vi: 'mã bài', en: 'article id' }, text: { vi: 'xoá bài viết khỏi kho và chỉ mục (quản trị viên)', en: 'remove an article from the corpus and the index (admins)' } },
    handler: removeCommand,
  },
];

export const corpus = new Composer<BotContext>();
corpus.use(commandComposer(CORPUS_COMMANDS));

corpus.on('message:document', async (ctx, next) => {
  const doc = ctx.msg.document;
  if (!isAdmin(ctx)) {
    // Told first that the file is not added (a report sent with a caption describing it must not pass for
    // an upload); a caption is then answered as a question (a screenshot saved as a file).
    await sendText(ctx, CORPUS_TEXTS[ctx.lang].uploadRefused, ctx.msg.message_id);
    if (ctx.msg.caption?.trim()) return next();
    return;
  }
  const name = safeName(doc.file_name, '');
  if (!formatFor(name)) {
    await sendText(ctx, unsupportedFileText(knownExtensions(), ctx.lang, path.extname(name)), ctx.msg.message_id);
    return;
  }
  if (doc.file_size !== undefined && doc.file_size > MAX_UPLOAD_BYTES) {
    await sendText(ctx, fileTooBigText(doc.file_size, MAX_UPLOAD_BYTES, ctx.lang), ctx.msg.message_id);
    return;
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tg-upload-'));
  try {
    const file = path.join(tmp, name);
    await addAndReport(ctx, ctx.msg.message_id, async () => {
      await downloadTelegramFile(ctx, doc.file_id, file);
      return addToCorpus(file, ctx.services.config.corpusDir);
    });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});

/**
 * Who a message is for, and the question in it: in groups the bot answers only when mentioned
 * (@botname, as an entity or plain text), when the message replies to the bot, or on /ask; the mention
 * is removed from the question.
 */
import type { Message, MessageEntity, UserFromGetMe } from 'grammy/types';
import { stripInvisibles } from '../text/normalise.js';

const USERNAME_CHAR = /[A-Za-z0-9_]/;
/** "/command@somebot": a command explicitly addressed to a bot (leadingCommand checks which). */
const EXPLICIT_COMMAND = /^\/[A-Za-z0-9_]+@/;

const isGroupType = (chatType: string) => chatType === 'group' || chatType === 'supergroup';

/** Whitespace collapsed, stray separators left by a removed mention trimmed. */
export function tidyQuestion(text: string): string {
  return stripInvisibles(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,:;.!\-–—\s]+/, '')
    .replace(/[,:;\-–—\s]+$/, '')
    .trim();
}

function mentionRanges(text: string, entities: readonly MessageEntity[], me: UserFromGetMe): [number, number][] {
  const ranges: [number, number][] = [];
  const handle = `@${me.username}`.toLowerCase();
  for (const e of entities) {
    if (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) {
      ranges.push([e.offset, e.offset + e.length]);
    } else if (e.type === 'text_mention' && e.user.id === me.id) {
      ranges.push([e.offset, e.offset + e.length]);
    }
  }
  if (ranges.length === 0) {
    // Clients always send entities, but be lenient with a plain-text "@botname".
    const lower = text.toLowerCase();
    let i = lower.indexOf(handle);
    while (i !== -1) {
      const before = i > 0 ? text[i - 1]! : ' ';
      const after = text[i + handle.length] ?? ' ';
      if (!USERNAME_CHAR.test(before) && !USERNAME_CHAR.test(after)) ranges.push([i, i + handle.length]);
      i = lower.indexOf(handle, i + handle.length);
    }
  }
  return ranges;
}

function removeRanges(text: string, ranges: [number, number][]): string {
  let out = text;
  for (const [s, e] of [...ranges].sort((a, b) => b[0] - a[0])) out = `${out.slice(0, s)} ${out.slice(e)}`;
  return out;
}

export function isReplyToBot(msg: Message, me: UserFromGetMe): boolean {
  return msg.reply_to_message?.from?.id === me.id;
}

/** For a group text message: whether it is addressed to the bot, and the question without the mention. */
export function groupQuestion(msg: Message, me: UserFromGetMe): { addressed: boolean; question: string } {
  const text = msg.text ?? msg.caption ?? '';
  const ranges = mentionRanges(text, msg.entities ?? msg.caption_entities ?? [], me);
  const addressed = ranges.length > 0 || isReplyToBot(msg, me);
  return { addressed, question: tidyQuestion(removeRanges(text, ranges)) };
}

/** The command at the start of a message ("ask" for "/ask@mybot …"), or null; null too when it names another bot. */
export function leadingCommand(msg: Message, me: UserFromGetMe): { command: string; rest: string } | null {
  const text = msg.text ?? msg.caption ?? '';
  const entity = (msg.entities ?? msg.caption_entities ?? []).find((e) => e.type === 'bot_command' && e.offset === 0);
  const m = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?/.exec(text);
  if (!m || (!entity && !text.startsWith('/'))) return null;
  if (m[2] !== undefined && m[2].toLowerCase() !== me.username.toLowerCase()) return null;
  return { command: m[1]!.toLowerCase(), rest: text.slice(m[0].length) };
}

/**
 * The question a message asked, as the bot understood it when it answered: used to recover the
 * question for "more results" from the message an answer replies to.
 */
export function questionOfMessage(msg: Message, me: UserFromGetMe): string | null {
  const text = msg.text ?? msg.caption;
  if (text === undefined) return null;
  const cmd = leadingCommand(msg, me);
  if (cmd) return cmd.command === 'ask' ? tidyQuestion(removeRanges(cmd.rest, mentionRanges(cmd.rest, [], me))) : null;
  if (text.startsWith('/')) return null;
  return groupQuestion(msg, me).question;
}

/** Whether a command the bot does not know was explicitly addressed to it ("/foo@thisbot"). */
export function isExplicitCommand(msg: Message): boolean {
  return EXPLICIT_COMMAND.test(msg.text ?? msg.caption ?? '');
}

/** Stickers, photos, voice…: content someone sent (not a service message such as a member joining). */
export function isContentMessage(m: Message): boolean {
  return Boolean(
    m.sticker || m.photo || m.voice || m.video || m.video_note || m.audio || m.document || m.animation || m.location || m.contact || m.poll || m.dice || m.venue,
  );
}

/**
 * Whether a message is for this bot at all; anything else is ignored without a word.
 * Private chats: everything but commands for other bots and service messages. Groups: known commands,
 * unknown ones written "/foo@thisbot", and a text or a photo's caption that mentions the bot or replies to it.
 */
export function isAddressedToMe(msg: Message, chatType: string, me: UserFromGetMe, knownCommands: ReadonlySet<string>): boolean {
  const cmd = leadingCommand(msg, me);
  if (chatType === 'private') {
    if (cmd) return true;
    if (msg.text !== undefined) return !msg.text.startsWith('/');
    return isContentMessage(msg);
  }
  if (!isGroupType(chatType)) return false;
  if (cmd) return knownCommands.has(cmd.command) || isExplicitCommand(msg);
  // A photo's caption asks as a text does (it must mention the bot or reply to it as well).
  const text = msg.text ?? msg.caption;
  if (text === undefined || text.startsWith('/')) return false;
  return groupQuestion(msg, me).addressed;
}

/**
 * Inline-button payloads. Telegram allows 64 bytes of callback data and keeps nothing for us, so a
 * button carries everything needed to act on it after a restart; the question itself (for "more
 * results" and for rank-based buttons) is recovered from the message the answer replies to.
 *
 *   p:<tag>:<fp>:<chunkId>   full paragraph of a chunk, fp = fingerprint of the chunk's text
 *   P:<tag>:<fp>:<rank>      same, when the chunk id is too long: re-ask the question, take that rank
 *   a:<tag>:<articleId>      article details
 *   A:<tag>:<rank>           same, by rank, when the article id is too long
 *   n:<tag>:<offset>         the next page of results, starting after `offset` results
 *   v:<tag>:<u|d>            👍 / 👎 on the answer (the question and chunk ids are read from the chat)
 *   N:<tag>                  start a new conversation (forget the chat's context)
 *   r:<tag>                  ask the question again (when its kept list of results is gone)
 *
 * <tag> is a short hash of the index version that produced the button. A chunk shown after the index
 * changed is served only when it still exists with the same text (its fingerprint matches); otherwise
 * the button is answered as outdated.
 */

export const MAX_CALLBACK_BYTES = 64;

export type CallbackAction =
  | { kind: 'paragraph'; tag: string; fp: string; chunkId: string }
  | { kind: 'paragraph-rank'; tag: string; fp: string; rank: number }
  | { kind: 'article'; tag: string; articleId: string }
  | { kind: 'article-rank'; tag: string; rank: number }
  | { kind: 'next'; tag: string; offset: number }
  | { kind: 'vote'; tag: string; vote: 'up' | 'down' }
  | { kind: 'new-chat'; tag: string }
  | { kind: 'again'; tag: string };

/** The one-letter prefix of each kind (buttons are routed on it). */
export const CALLBACK_PREFIX = {
  paragraph: 'p',
  'paragraph-rank': 'P',
  article: 'a',
  'article-rank': 'A',
  next: 'n',
  vote: 'v',
  'new-chat': 'N',
  again: 'r',
} as const satisfies Record<CallbackAction['kind'], string>;

/** Matches the callback data of one kind, for `bot.callbackQuery(pattern, …)`. */
export function callbackPattern(kind: CallbackAction['kind']): RegExp {
  return new RegExp(`^${CALLBACK_PREFIX[kind]}:`);
}

/** FNV-1a 32-bit hash as 6 base-36 characters. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** A 4-character tag of an index version. */
export function versionTag(indexVersion: string): string {
  return fnv(indexVersion).slice(-4);
}

/** A 4-character fingerprint of a chunk's text. */
export function textFingerprint(text: string): string {
  return fnv(text.normalize('NFC')).slice(-4);
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const fits = (s: string) => byteLength(s) <= MAX_CALLBACK_BYTES;

export function encodeParagraph(tag: string, chunkId: string, chunkText: string, rank: number): string {
  const fp = textFingerprint(chunkText);
  const byId = `${CALLBACK_PREFIX.paragraph}:${tag}:${fp}:${chunkId}`;
  return fits(byId) ? byId : `${CALLBACK_PREFIX['paragraph-rank']}:${tag}:${fp}:${rank}`;
}

export function encodeArticle(tag: string, articleId: string, rank: number | null): string | null {
  const byId = `${CALLBACK_PREFIX.article}:${tag}:${articleId}`;
  if (fits(byId)) return byId;
  return rank === null ? null : `${CALLBACK_PREFIX['article-rank']}:${tag}:${rank}`;
}

export function encodeNext(tag: string, offset: number): string {
  return `${CALLBACK_PREFIX.next}:${tag}:${offset}`;
}

export function encodeVote(tag: string, vote: 'up' | 'down'): string {
  return `${CALLBACK_PREFIX.vote}:${tag}:${vote === 'up' ? 'u' : 'd'}`;
}

export function encodeNewChat(tag: string): string {
  return `${CALLBACK_PREFIX['new-chat']}:${tag}:`;
}

export function encodeAgain(tag: string): string {
  return `${CALLBACK_PREFIX.again}:${tag}:`;
}

const TAG = /^[0-9a-z]{1,8}$/;
const nonNegInt = (s: string | undefined): number | null => (s !== undefined && /^\d{1,6}$/.test(s) ? Number(s) : null);

/** Parses callback data; null for anything this bot did not produce (or an older format). */
export function decodeCallback(data: string): CallbackAction | null {
  const m = /^([pPaAnvNr]):([^:]*):(.*)$/s.exec(data);
  if (!m) return null;
  const [, kind, tag = '', rest = ''] = m;
  if (!TAG.test(tag)) return null;
  switch (kind) {
    case 'p': {
      const i = rest.indexOf(':');
      if (i <= 0) return null;
      const fp = rest.slice(0, i);
      const chunkId = rest.slice(i + 1);
      return chunkId ? { kind: 'paragraph', tag, fp, chunkId } : null;
    }
    case 'P': {
      const [fp, r] = rest.split(':');
      const rank = nonNegInt(r);
      return fp && rank !== null && rank >= 1 ? { kind: 'paragraph-rank', tag, fp, rank } : null;
    }
    case 'a':
      return rest ? { kind: 'article', tag, articleId: rest } : null;
    case 'A': {
      const rank = nonNegInt(rest);
      return rank !== null && rank >= 1 ? { kind: 'article-rank', tag, rank } : null;
    }
    case 'n': {
      const offset = nonNegInt(rest);
      return offset !== null ? { kind: 'next', tag, offset } : null;
    }
    case 'v':
      return rest === 'u' || rest === 'd' ? { kind: 'vote', tag, vote: rest === 'u' ? 'up' : 'down' } : null;
    case 'N':
      return { kind: 'new-chat', tag };
    case 'r':
      return { kind: 'again', tag };
    default:
      return null;
  }
}

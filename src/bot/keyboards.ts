/** Inline keyboards under answers (see callback-data.ts for what the buttons carry). */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { buttonArticle, buttonFullParagraph, t } from '../present/messages.js';
import type { Answer, Lang } from '../answer/types.js';
import { cutWithEllipsis } from '../text/normalise.js';
import { callbackPattern, decodeCallback, encodeArticle, encodeNewChat, encodeNext, encodeParagraph, encodeVote, versionTag } from './callback-data.js';

/** Article titles on suggestion buttons are shortened to this many characters. */
const MAX_TITLE_IN_BUTTON = 40;

/**
 * Under an answer: one row per result ([Đoạn đầy đủ N] [Bài viết N]) and, when more relevant results
 * exist, a last row [Kết quả tiếp]. Under a not-found reply: a button per suggested article.
 * Returns undefined when there is nothing to press.
 */
export function answerKeyboard(answer: Answer, lang: Lang, opts: { offset?: number } = {}): InlineKeyboardMarkup | undefined {
  const tag = versionTag(answer.indexVersion);
  const rows: InlineKeyboardButton[][] = [];
  if (answer.results.length > 0) {
    for (const r of answer.results) {
      const row: InlineKeyboardButton[] = [
        { text: buttonFullParagraph(r.rank, lang), callback_data: encodeParagraph(tag, r.chunkId, r.text, r.rank) },
      ];
      const art = encodeArticle(tag, r.article.id, r.rank);
      if (art) row.push({ text: buttonArticle(r.rank, lang), callback_data: art });
      rows.push(row);
    }
    const next = nextOffset(answer, opts.offset ?? 0);
    if (next !== null) rows.push([{ text: t('buttonNext', lang), callback_data: encodeNext(tag, next) }]);
  } else {
    for (const a of answer.suggestions.slice(0, 5)) {
      const data = encodeArticle(tag, a.id, null);
      if (!data) continue;
      const label = `${buttonArticle(null, lang)}: ${cutWithEllipsis(a.title.trim(), MAX_TITLE_IN_BUTTON)}`;
      rows.push([{ text: label, callback_data: data }]);
    }
  }
  if (!answer.notices.some((n) => n.kind === 'ask-who' || n.kind === 'empty-question')) {
    rows.push([
      { text: '👍', callback_data: encodeVote(tag, 'up') },
      { text: '👎', callback_data: encodeVote(tag, 'down') },
      { text: t('buttonNewChat', lang), callback_data: encodeNewChat(tag) },
    ]);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** Where the page after this one starts (results shown so far), or null when there is no further page. */
export function nextOffset(answer: Answer, offset: number): number | null {
  const last = answer.results.at(-1);
  if (!last) return null;
  const next = Math.max(offset + answer.results.length, last.rank);
  return answer.total > next ? next : null;
}

/** The chunk ids an answer message showed, read from its "full paragraph" buttons. */
export function shownChunkIds(markup: InlineKeyboardMarkup | undefined): string[] {
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => {
    const action = 'callback_data' in b && typeof b.callback_data === 'string' ? decodeCallback(b.callback_data) : null;
    return action?.kind === 'paragraph' ? [action.chunkId] : [];
  });
}

/** The same keyboard without its "next results" row (after that button was used). */
export function withoutNextRow(markup: InlineKeyboardMarkup | undefined): InlineKeyboardMarkup | undefined {
  if (!markup) return undefined;
  const isNext = callbackPattern('next');
  const rows = markup.inline_keyboard.filter((row) => !row.some((b) => 'callback_data' in b && typeof b.callback_data === 'string' && isNext.test(b.callback_data)));
  return { inline_keyboard: rows };
}

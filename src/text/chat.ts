/**
 * Sets chat language aside: the greeting, the request to ask and the closing particles around a
 * question ("bot ơi cho mình hỏi … vậy ạ?"). Only the edges are touched; the question inside is kept
 * verbatim, so what is searched is a slice of what was typed.
 */
import { fold } from './normalise.js';
import { tokenize, type Token } from './tokens.js';
import { CHAT_CLAUSE_WORDS, CHAT_CLOSERS, CHAT_OPENERS, CHAT_OPENER_TAILS } from './words.js';

/** A list word with its folded form, folded once here rather than at every comparison. */
interface Word {
  word: string;
  folded: string;
}
const word = (w: string): Word => ({ word: w, folded: fold(w) });
const split = (list: readonly string[]) =>
  list
    .map((p) => p.split(' '))
    .sort((a, b) => b.length - a.length)
    .map((p) => p.map(word));
const OPENERS = split(CHAT_OPENERS);
const OPENER_TAILS = split(CHAT_OPENER_TAILS);
const CLOSERS = split(CHAT_CLOSERS);
const OPENERS_AND_CLOSERS = [...OPENERS, ...CLOSERS];
const CLAUSE_WORDS = [...new Set(CHAT_CLAUSE_WORDS)].map(word);
const PRONOUNS = ['em', 'mình', 'tôi', 'tớ', 'tui', 'anh', 'chị', 'cháu'].map(word);
const IS = word('là');

/**
 * Chat words whose unmarked spelling is also a common content word ("nha": nhà, "the": thể, "voi":
 * với / voi): typed without marks they are kept, so "… trong co the?" keeps its "thể".
 */
const AMBIGUOUS_UNMARKED = new Set(['nha', 'the', 'voi', 'ha', 'ho', 'oi', 'ban', 'hoi', 'chi', 'anh', 'em', 'la', 'cho', 'chut', 'xiu', 'to', 'tui', 'minh', 'toi', 'can', 'muon', 'biet', 'da', 'vang']);

/** A token equals a list word: exactly, or folded when the token was typed without marks (and is no ambiguous twin). */
function same(t: Token, w: Word): boolean {
  if (t.term === w.word) return true;
  return t.term === t.folded && t.folded === w.folded && !AMBIGUOUS_UNMARKED.has(t.folded);
}

function matchAt(tokens: readonly Token[], i: number, phrase: readonly Word[]): boolean {
  if (i < 0 || i + phrase.length > tokens.length) return false;
  return phrase.every((w, k) => same(tokens[i + k]!, w));
}

/** Is tokens[from..to) a chat clause: all chat words, or a self-introduction ("em là phóng viên báo X")? */
function isChatClause(tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false;
  if (tokens.every((t) => CLAUSE_WORDS.some((w) => same(t, w)))) return true;
  return tokens.length >= 2 && PRONOUNS.some((p) => same(tokens[0]!, p)) && same(tokens[1]!, IS);
}

/** Offsets [start, end) of the question inside `text` once the chat around it is set aside. */
export function chatSpan(text: string): { start: number; end: number } {
  const tokens = tokenize(text);
  let first = 0;
  let last = tokens.length; // exclusive
  // A leading clause that is all chat, ended by a comma or colon ("Chào bot, em là phóng viên, …").
  for (;;) {
    const comma = text.slice(tokens[first]?.start ?? 0).search(/[,:;]/u);
    if (comma < 0) break;
    const at = (tokens[first]?.start ?? 0) + comma;
    const upto = tokens.findIndex((t, i) => i >= first && t.start > at);
    if (upto <= first || !isChatClause(tokens.slice(first, upto))) break;
    first = upto;
  }
  let opened = false;
  for (let moved = true; moved && first < last; ) {
    moved = false;
    for (const list of opened ? [OPENERS, OPENER_TAILS] : [OPENERS]) {
      const p = list.find((ph) => matchAt(tokens, first, ph) && first + ph.length < last);
      if (p) {
        first += p.length;
        opened = moved = true;
        break;
      }
    }
  }
  for (let moved = true; moved && last > first + 1; ) {
    moved = false;
    const p = CLOSERS.find((ph) => last - ph.length > first && matchAt(tokens, last - ph.length, ph));
    if (p) {
      last -= p.length;
      moved = true;
    }
  }
  if (first >= last) return { start: 0, end: text.length };
  return { start: tokens[first]!.start, end: tokens[last - 1]!.end };
}

/** The question without the chat around it, its final punctuation kept. */
export function stripChat(text: string): string {
  const { start, end } = chatSpan(text);
  const tail = /^[?!.]*/u.exec(text.slice(end))![0];
  return (text.slice(start, end) + tail).trim();
}

/**
 * The message is nothing but chat ("xin chào", "cảm ơn bot nhé", "thanks!"): every word belongs to an
 * opener or a closer of the lists, so there is no question to search.
 */
export function isOnlyChat(text: string): boolean {
  const tokens = tokenize(text);
  if (tokens.length === 0) return false;
  // covered[i]: tokens[0..i) are a sequence of chat phrases.
  const covered = new Array<boolean>(tokens.length + 1).fill(false);
  covered[0] = true;
  for (let i = 0; i < tokens.length; i++) {
    if (!covered[i]) continue;
    for (const p of OPENERS_AND_CLOSERS) if (matchAt(tokens, i, p)) covered[i + p.length] = true;
  }
  return covered[tokens.length]!;
}

/**
 * `npm run eval -- --wrap-chatty`: each question as a chat user would type it, wrapped in fillers and
 * politeness and given one typo (a fixed seed, so every run asks the same). The fillers here are an
 * eval list of their own, written apart from the analyser's table so the test is not circular.
 */
import { Rng } from '../text/random.js';

const OPENERS = ['bot ơi cho mình hỏi', 'cho em hỏi', 'ad ơi', 'xin hỏi', 'chào bot, em là phóng viên, cho em hỏi', 'mình muốn hỏi là', 'cho tôi hỏi chút', 'hi bot,'];
const CLOSERS = ['vậy', 'ạ', 'nhé', 'thế', 'nhỉ', 'với ạ', 'vậy bot', 'cảm ơn nhiều', 'ạ, cảm ơn bot'];

/** The seeded generator's next value in [0, 1). */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

/** One slip in one syllable of 3+ letters: a letter dropped (not the first) or two neighbours swapped. */
function typo(text: string, r: () => number): string {
  const words = [...text.matchAll(/\p{L}{3,}/gu)];
  if (words.length === 0) return text;
  const w = words[Math.floor(r() * words.length)]!;
  const chars = [...w[0]];
  const i = 1 + Math.floor(r() * (chars.length - 1));
  if (r() < 0.5 || i >= chars.length - 1) chars.splice(i, 1);
  else [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  return text.slice(0, w.index) + chars.join('') + text.slice(w.index + w[0].length);
}

/** The question wrapped and slipped, deterministically per (seed, index). */
export function wrapChatty(question: string, seed: number): string {
  const r = rng(seed);
  const body = question.replace(/[?.!\s]+$/u, '');
  const first = body.charAt(0).toLowerCase() + body.slice(1);
  const opener = OPENERS[Math.floor(r() * OPENERS.length)]!;
  const closer = CLOSERS[Math.floor(r() * CLOSERS.length)]!;
  return `${opener} ${typo(first, r)} ${closer}?`;
}

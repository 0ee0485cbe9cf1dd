/**
 * Candidate passages' texts, kept between reads: a question reads each candidate's text for coverage,
 * again for its quote or a constraint, and the next question often reads the same passages; a text
 * otherwise costs a read from the index's file and its decoding every time. The same string each time
 * also lets the tokens kept for it (sentence-tokens.ts) be found without hashing the text again.
 */
import type { LoadedIndex } from '../index/load.js';
import { ByteLru } from '../index/lru.js';

/** Memory for texts (two bytes a character): some 1,200 passages of a few hundred words, a question's and the next ones'. */
const TEXTS_BYTES = 2 << 20;

const caches = new WeakMap<LoadedIndex, ByteLru<number, string>>();

/** index.chunks[chunk].text. */
export function chunkText(index: LoadedIndex, chunk: number): string {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new ByteLru(TEXTS_BYTES)));
  let text = cache.get(chunk);
  if (text === undefined) {
    text = index.chunks[chunk]!.text;
    cache.set(chunk, text, 2 * text.length + 64);
  }
  return text;
}

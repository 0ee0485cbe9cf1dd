/**
 * The sentences of a candidate passage and their tokens, kept between questions: coverage reads every
 * sentence of some thirty passages per question, tokenising them is most of its cost, and questions on
 * one topic bring the same passages back. Kept packed (strings shared with the tokeniser's memo, offsets
 * in typed arrays), not as token objects: thousands of those living on would be old-generation work for
 * the garbage collector.
 */
import { ByteLru } from '../index/lru.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize, type Token } from '../text/tokens.js';

/** Memory for packed passages: about 5 kB each, so some 800 passages (the candidates of the last twenty-odd questions). */
const PASSAGES_BYTES = 4 << 20;

export interface SentenceTokens {
  /** Offsets of the sentence in the passage (splitSentences). */
  start: number;
  end: number;
  sentence: string;
  /** tokenize(sentence): offsets into the sentence. */
  tokens: Token[];
}

/** A passage's sentences: per sentence its start, end and first token; per token its forms, offsets and flags. */
interface Packed {
  spans: Uint32Array;
  terms: string[];
  folded: string[];
  offsets: Uint32Array;
  flags: Uint8Array;
}

const IS_NUMBER = 1;
const JOINED = 2;

const passages = new ByteLru<string, Packed>(PASSAGES_BYTES);

function pack(read: readonly SentenceTokens[]): Packed {
  const n = read.reduce((k, s) => k + s.tokens.length, 0);
  const p: Packed = { spans: new Uint32Array(3 * read.length), terms: new Array<string>(n), folded: new Array<string>(n), offsets: new Uint32Array(2 * n), flags: new Uint8Array(n) };
  let k = 0;
  read.forEach(({ start, end, tokens }, i) => {
    p.spans[3 * i] = start;
    p.spans[3 * i + 1] = end;
    p.spans[3 * i + 2] = k;
    for (const t of tokens) {
      p.terms[k] = t.term;
      p.folded[k] = t.folded;
      p.offsets[2 * k] = t.start;
      p.offsets[2 * k + 1] = t.end;
      p.flags[k] = (t.isNumber ? IS_NUMBER : 0) | (t.joined ? JOINED : 0);
      k++;
    }
  });
  return p;
}

function unpack(text: string, p: Packed): SentenceTokens[] {
  const out: SentenceTokens[] = [];
  const count = p.spans.length / 3;
  for (let i = 0; i < count; i++) {
    const start = p.spans[3 * i]!;
    const end = p.spans[3 * i + 1]!;
    const last = i + 1 < count ? p.spans[3 * i + 5]! : p.terms.length;
    const tokens: Token[] = [];
    for (let k = p.spans[3 * i + 2]!; k < last; k++) {
      const f = p.flags[k]!;
      tokens.push({ term: p.terms[k]!, folded: p.folded[k]!, start: p.offsets[2 * k]!, end: p.offsets[2 * k + 1]!, isNumber: (f & IS_NUMBER) !== 0, joined: (f & JOINED) !== 0 });
    }
    out.push({ start, end, sentence: text.slice(start, end), tokens });
  }
  return out;
}

/** What sentenceTokens(text) gives when the passage is kept, else undefined (nothing read, nothing kept). */
export function keptSentenceTokens(text: string): SentenceTokens[] | undefined {
  const p = passages.get(text);
  return p && unpack(text, p);
}

/** splitSentences(text), each sentence with tokenize() of it; callers may keep what they get (a fresh copy). */
export function sentenceTokens(text: string): SentenceTokens[] {
  const p = passages.get(text);
  if (p) return unpack(text, p);
  const read = splitSentences(text).map(({ start, end }) => {
    const sentence = text.slice(start, end);
    return { start, end, sentence, tokens: tokenize(sentence) };
  });
  const packed = pack(read);
  // The text itself is the key (two bytes a character), a token its two form pointers, offsets and flags.
  passages.set(text, packed, 2 * text.length + 27 * packed.terms.length + 12 * packed.spans.length + 200);
  return read;
}

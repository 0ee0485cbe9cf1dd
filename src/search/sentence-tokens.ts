/**
 * The sentences of the current question's candidate passages and their tokens: coverage reads them,
 * the quote highlights its sentences' words, and a constraint's phrase is looked for in them, so each
 * passage is tokenised once per question. One question's worth (retrieval and composition of a question
 * run without a break): passages kept across questions turned over in the old generation, work for
 * the garbage collector that cost more than tokenising again, and few come back: the 300 bench
 * questions at 500,000 paragraphs tokenise 4,809 passages (16 a question, 2.7 sentences each), of
 * which 14% an earlier question had read.
 */
import { splitSentences } from '../text/sentences.js';
import { tokenize, type Token } from '../text/tokens.js';

export interface SentenceTokens {
  /** Offsets of the sentence in the passage (splitSentences). */
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  /** tokenize(sentence): offsets into the sentence. */
  readonly tokens: readonly Token[];
}

let current: { owner: object; byText: Map<string, readonly SentenceTokens[]> } | null = null;

/** splitSentences(text), each sentence with tokenize() of it, shared by the reads of one question (`owner`): callers only read them. */
export function sentenceTokens(text: string, owner: object): readonly SentenceTokens[] {
  if (current?.owner !== owner) current = { owner, byText: new Map() };
  let read = current.byText.get(text);
  if (!read) {
    read = splitSentences(text).map(({ start, end }) => {
      const sentence = text.slice(start, end);
      return { start, end, sentence, tokens: tokenize(sentence) };
    });
    current.byText.set(text, read);
  }
  return read;
}

/** What sentenceTokens(text) gave the question being answered, else undefined (nothing read, nothing kept). */
export function keptSentenceTokens(text: string): readonly SentenceTokens[] | undefined {
  return current?.byText.get(text);
}

/**
 * Sentence boundaries for Vietnamese news prose: the one splitter. Chunking long paragraphs, picking
 * the sentences an answer quotes, titles made from a lead and the cleaner's line shapes all use it,
 * so they agree on what a sentence is.
 */
import { SENTENCE_ABBREVIATIONS } from './words.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(SENTENCE_ABBREVIATIONS);
const TERMINATOR = /[.!?…]+["'”’»)\]]*(?=\s)|[.!?…]+["'”’»)\]]*$/gu;
const NEXT_STARTS_SENTENCE = /^\s+["'“‘«(\[-]?[\p{Lu}\p{N}]/u;

/** Splits `text` into sentence spans (offsets into `text`), whitespace trimmed, none empty. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index + m[0].length;
    if (end < text.length) {
      if (!NEXT_STARTS_SENTENCE.test(text.slice(end, end + 4))) continue;
      if (m[0].startsWith('.') && isAbbreviation(text, m.index)) continue;
    }
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/** The first sentence of a paragraph (the whole of it when it has one sentence). */
export function firstSentence(paragraph: string): string {
  const s = paragraph.trim();
  const first = splitSentences(s)[0];
  return first ? s.slice(first.start, first.end) : s;
}

/** Number of sentences (a final sentence without a period counts). */
export function sentenceCount(text: string): number {
  return Math.max(1, splitSentences(text).length);
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 8), dotIndex))?.[1] ?? '';
  if (before === '') return false;
  // A lone capital is an initial ("Hồ Chí M. …") unless it is the last word of a sentence like "… khu A."
  if (/^\p{Lu}$/u.test(before)) return true;
  return ABBREVIATIONS.has(before.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
}

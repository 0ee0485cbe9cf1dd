/**
 * Sentence boundaries for Vietnamese news prose. Used to split long paragraphs into chunks and to
 * pick the sentences quoted in an answer, so both agree on what a sentence is.
 */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Abbreviations that end with a period inside a sentence ("TP. Hồ Chí Minh", "PGS. TS. Nguyễn …").
const ABBREVIATIONS = new Set([
  'tp', 'tt', 'tx', 'q', 'p', 'h', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'ls', 'th.s', 'nxb', 'st', 'mr', 'mrs', 'dr', 'vs', 'etc', 'v.v', 'tr', 'no',
]);

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

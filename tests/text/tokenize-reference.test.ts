/**
 * tokenize() reads text with a class table and a spelling memo for speed; this checks it against the
 * plain reading it stands for (one regular expression, numbers normalised, words through canon,
 * normaliseTone and foldSyllable) on random mixes of what reports and questions hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canon, foldSyllable, normaliseTone } from '../../src/text/normalise.js';
import { normaliseNumber, tokenize, type Token } from '../../src/text/tokens.js';

const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)+(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+/gu;
const ALL_DIGITS = /^\p{N}+(?:[.,]\p{N}+)*$/u;

function isSingleNumber(raw: string): boolean {
  return /^\d+$/.test(raw) || /^\d{1,3}(\.\d{3})+$/.test(raw) || /^\d+,\d+$/.test(raw) || /^\d{1,3}(,\d{3})+$/.test(raw) || /^\d+\.\d{1,2}$/.test(raw);
}

/** The tokens as the regular expression reads them: what tokenize() must give for every text. */
function reference(text: string): Token[] {
  const out: Token[] = [];
  const add = (term: string, folded: string, start: number, end: number, isNumber: boolean) => {
    const prev = out[out.length - 1];
    const joined = prev !== undefined && /^[ \t\u00a0]*$/.test(text.slice(prev.end, start));
    out.push({ term, folded, start, end, isNumber, joined });
  };
  const word = (raw: string, start: number) => {
    const term = normaliseTone(canon(raw));
    add(term, foldSyllable(term), start, start + raw.length, false);
  };
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    if (!ALL_DIGITS.test(raw)) {
      word(raw, m.index);
      continue;
    }
    const ascii = raw.normalize('NFKC');
    if (ascii.length === raw.length && isSingleNumber(ascii)) {
      const term = normaliseNumber(ascii);
      add(term, term, m.index, m.index + raw.length, true);
      continue;
    }
    for (const g of raw.matchAll(/\p{N}+/gu)) {
      const part = g[0].normalize('NFKC');
      if (/^\d+$/.test(part)) {
        const term = normaliseNumber(part);
        add(term, term, m.index + g.index, m.index + g.index + part.length, true);
      } else word(g[0], m.index + g.index);
    }
  }
  return out;
}

/** Pieces of Vietnamese report text: words (composed and decomposed, any case), numbers, dates, abbreviations, entities, marks, emoji. */
const PIECES = [
  'Đảng', 'đảng', 'viên', 'Thành', 'ủy', 'uỷ', 'hoà', 'hòa', 'HĐND', 'TP.HCM', 'TPHCM', 'Th.S', 'PGS.TS', 'UBND', 'Q.1', 'Ng.',
  'Nguyễn', 'NGUYỄN', 'nghiêng', 'khuya', 'quốc', 'gia', 'Hà Nội', 'Huế', 'Vinh', 'iPhone', 'COVID-19', 'F0',
  'Tie\u0302\u0301ng', 'Vie\u0323\u0302t', 'ho\u0300a', 'A\u0300', // decomposed marks
  '2021', '07', '007', '0', '4.466', '1.234.567', '64,5', '64,5%', '2,50', '1,234', '3.14', '3.145', '16.10.2024', '10/2024', '12-3',
  '1.2.3a', '12.5ha', '1,5km', '2.000đ', 'năm2020', '３', '１２', '٣٤', '٣.٤', '½', '²', 'Ⅻ',
  '&amp;', '&#39;', '&nbsp;', '&quot;', '<b>', '</p>',
  '.', ',', ';', ':', '!', '?', '…', '“', '”', '(', ')', '-', '–', '/', '%', "'", '"',
  ' ', ' ', ' ', '  ', '\t', '\u00a0', '\n', '\r\n', '\u200b', '\u0000', '\u202e',
  '😀', '🇻🇳', '𠀀', '\ud83d', '\ude00',
];

/** A small deterministic generator (xorshift), so a failure is the same text on every run. */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

function randomText(next: () => number): string {
  const n = 1 + Math.floor(next() * 40);
  let text = '';
  for (let k = 0; k < n; k++) {
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    // Pieces glued without a space as often as with one ("2021,", "TP.HCM.", "năm2020").
    text += next() < 0.35 ? piece : ` ${piece}`;
  }
  return text;
}

describe('tokenize against the regular-expression reading', () => {
  it('gives the same tokens, offsets and joins on random mixes of words, numbers, dates, abbreviations, entities and symbols', () => {
    const next = generator(12);
    let compared = 0;
    let withNumbers = 0;
    let astral = 0;
    for (let k = 0; k < 6000; k++) {
      const text = randomText(next);
      const got = tokenize(text);
      expect(got, text).toEqual(reference(text));
      compared += got.length;
      if (got.some((t) => t.isNumber)) withNumbers++;
      if (/[\ud800-\udfff]/.test(text)) astral++;
    }
    // The mixes reached every branch: many tokens, numbers, and texts read the astral way.
    expect(compared).toBeGreaterThan(50_000);
    expect(withNumbers).toBeGreaterThan(1000);
    expect(astral).toBeGreaterThan(1000);
  });

  it('gives the same tokens twice over (the second time from the spelling memo) on the seed reports', () => {
    const dir = path.join(import.meta.dirname, '../../corpus');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
    expect(texts.length).toBeGreaterThan(0);
    for (let round = 0; round < 2; round++) for (const text of texts) expect(tokenize(text)).toEqual(reference(text));
  });
});

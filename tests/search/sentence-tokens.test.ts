/** The sentence tokens kept between questions are exactly what splitting and tokenising the passage again gives. */
import { describe, expect, it } from 'vitest';
import { keptSentenceTokens, sentenceTokens } from '../../src/search/sentence-tokens.js';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenize } from '../../src/text/tokens.js';

const fresh = (text: string) =>
  splitSentences(text).map(({ start, end }) => ({ start, end, sentence: text.slice(start, end), tokens: tokenize(text.slice(start, end)) }));

describe('sentence tokens of a passage', () => {
  const passages = [
    'Năm 2023, Đảng bộ kết nạp 4.466 đảng viên mới, đạt 102,5% kế hoạch. Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy, phát biểu chỉ đạo hội nghị.',
    'TP. Hồ Chí Minh: ngày 16-10, Ủy ban nhân dân thành phố họp.   Tỷ lệ hộ nghèo giảm còn 1,2%!  Covid-19 đã được kiểm soát…',
    'Một câu duy nhất không có dấu chấm',
    '',
  ];

  it('reads as splitSentences and tokenize do, the first time and again from memory', () => {
    for (const text of passages) {
      expect(sentenceTokens(text)).toEqual(fresh(text));
      expect(sentenceTokens(text)).toEqual(fresh(text));
    }
  });

  it("are the passage's own tokens, sentence by sentence (whose first token the passage never joins to the one before)", () => {
    for (const text of passages) {
      const parts = sentenceTokens(text).flatMap((s) => s.tokens.map((t, k) => ({ ...t, start: t.start + s.start, end: t.end + s.start, joined: k > 0 && t.joined })));
      expect(parts).toEqual(tokenize(text));
    }
  });

  it('are told without being read or kept only for a passage kept already', () => {
    const text = 'Một đoạn văn chưa ai đọc. Nó có hai câu.';
    expect(keptSentenceTokens(text)).toBeUndefined();
    expect(keptSentenceTokens(text)).toBeUndefined();
    sentenceTokens(text);
    expect(keptSentenceTokens(text)).toEqual(fresh(text));
  });

  it('hands out a fresh copy each time: a caller changing its tokens changes nothing kept', () => {
    const text = passages[0]!;
    sentenceTokens(text)[0]!.tokens[0]!.term = 'x';
    expect(sentenceTokens(text)).toEqual(fresh(text));
  });
});

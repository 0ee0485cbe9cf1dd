/** The sentence tokens shared by one question's reads are exactly what splitting and tokenising the passage gives. */
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

  it('reads as splitSentences and tokenize do, first and again within a question', () => {
    const question = {};
    for (const text of passages) for (let i = 0; i < 2; i++) expect(sentenceTokens(text, question)).toEqual(fresh(text));
  });

  it("are the passage's own tokens, sentence by sentence (whose first token the passage never joins to the one before)", () => {
    for (const text of passages) {
      const parts = sentenceTokens(text, {}).flatMap((s) => s.tokens.map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start })));
      expect(parts).toEqual(tokenize(text));
    }
  });

  it('are told without being read only for a passage the current question read', () => {
    const text = 'Một đoạn văn chưa ai đọc. Nó có hai câu.';
    const question = {};
    sentenceTokens(passages[0]!, question);
    expect(keptSentenceTokens(text)).toBeUndefined();
    sentenceTokens(text, question);
    expect(keptSentenceTokens(text)).toEqual(fresh(text));
    sentenceTokens(passages[0]!, {});
    expect(keptSentenceTokens(text)).toBeUndefined();
  });
});

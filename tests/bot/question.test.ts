import { describe, expect, it } from 'vitest';
import { cleanQuestion as cutQuestion } from '../../src/text/normalise.js';

// The bot passes questions to the engine as they are: cleaning and cutting are the engine's
// (src/text/normalise.ts cleanQuestion). This test of that rule belongs in tests/text.
describe('questions', () => {
  it('cuts questions at a word boundary', () => {
    expect(cutQuestion('ngắn', 10)).toEqual({ text: 'ngắn', truncated: false });
    const cut = cutQuestion('một hai ba bốn năm sáu bảy tám chín mười', 20);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(20);
    expect('một hai ba bốn năm sáu bảy tám chín mười'.startsWith(cut.text)).toBe(true);
    expect(cut.text).toBe('một hai ba bốn năm');
  });
});

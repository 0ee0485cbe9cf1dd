import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkArticle, chunkId, wordCount } from '../../src/chunk/chunker.js';
import { splitSentences } from '../../src/text/sentences.js';
import { parseArticle } from '../../src/corpus/read.js';
import { SEEDS } from '../helpers/index-fixture.js';

const seed = (id: string) => parseArticle(readFileSync(path.join(SEEDS, `${id}.txt`)), `${id}.txt`);

describe('chunkArticle on the seeds', () => {
  for (const id of ['000_2f1c6def5fbb55b7', '001_118586bd13fbd541', '002_25813a48fb69556b', '003_8fd1f3030b24dd22', '004_7239dae0792dcdec']) {
    it(`${id}: chunks are slices of the cleaned text, within the model window, with stable ids`, () => {
      const article = seed(id);
      const chunks = chunkArticle(article);
      expect(chunks.length).toBeGreaterThan(0);
      for (const c of chunks) {
        expect(article.text.slice(c.start, c.end)).toBe(c.text);
        expect(wordCount(c.text)).toBeLessThanOrEqual(300);
        expect(['paragraph', 'caption']).toContain(c.kind);
        expect(c.paragraph).toBeGreaterThanOrEqual(c.kind === 'caption' ? 0 : 1);
      }
      expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
      expect(chunkArticle(seed(id)).map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    });
  }

  it('splits the 900-word paragraph of 001 at sentence boundaries', () => {
    const chunks = chunkArticle(seed('001_118586bd13fbd541')).filter((c) => c.paragraph === 2);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text).toMatch(/[.…;!?]$|\.\.\.$/);
    expect(chunks.some((c) => c.text.includes('19 đảng viên không hoàn thành nhiệm vụ'))).toBe(true);
  });

  it('headings become the context of the paragraphs under them, captions are chunks of their own', () => {
    const chunks = chunkArticle(seed('004_7239dae0792dcdec'));
    const hp = chunks.find((c) => c.text.includes('4.466 đảng viên'))!;
    expect(hp.context).toBe('Hoàn thành toàn diện 9 chỉ tiêu');
    expect(hp.kind).toBe('paragraph');
    const award = chunkArticle(seed('002_25813a48fb69556b')).find((c) => c.text.includes('Huân chương Lao động hạng Nhì'))!;
    expect(award.kind).toBe('caption');
  });

  it('an id depends on the article and the normalised text only', () => {
    expect(chunkId('a', 'Đảng  viên\n')).toBe(chunkId('a', 'đảng viên'));
    expect(chunkId('a', 'x')).not.toBe(chunkId('b', 'x'));
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends followed by a capital, not at abbreviations or numbers', () => {
    const text = 'TP. Hồ Chí Minh có hơn 10 triệu dân. Năm 2020, có 4.466 đảng viên! Ai chủ trì? “Đó là ý kiến.” Hết';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual(['TP. Hồ Chí Minh có hơn 10 triệu dân.', 'Năm 2020, có 4.466 đảng viên!', 'Ai chủ trì?', '“Đó là ý kiến.”', 'Hết']);
  });
  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});

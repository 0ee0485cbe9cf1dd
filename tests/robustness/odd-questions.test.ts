/**
 * Questions nobody should send but someone will: empty, one letter, 100,000 characters, only emoji, only
 * punctuation, NFD, control characters, right-to-left marks. No throw; a refusal or a sensible answer.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

const Q = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
let sb: Sandbox;
let engine: Engine;

beforeAll(async () => {
  sb = sandbox('tiny-vi');
  cpSync(path.join(ROOT, 'corpus'), sb.corpusDir, { recursive: true });
  await buildIndex({ corpusDir: sb.corpusDir, outDir: sb.indexDir, config: sb.config });
  engine = await Engine.open(sb.config, { watch: false });
});
afterAll(async () => {
  await engine?.close();
  sb?.cleanup();
});

const refusedAsEmpty = (a: Answer) => {
  expect(a.answered).toBe(false);
  expect(a.results).toEqual([]);
  expect(a.notices.some((n) => n.kind === 'empty-question')).toBe(true);
};

describe('odd questions', () => {
  it('empty, blank, one letter, only emoji, only punctuation: refused as empty or unanswered, never thrown', async () => {
    for (const q of ['', '   ', '\n\t', '😀🎉🇻🇳👍🏽', '?!…—«»()[]{}.,;:"\'', '\u200b\u200f\u202e']) refusedAsEmpty(await engine.ask(q));
    for (const q of ['a', 'đ']) {
      const a = await engine.ask(q);
      expect(a.question).toBe(q);
      expect(a.answered).toBe(false);
    }
    // One number: a paragraph that states it is a fair reply ("kết nạp được 07 đảng viên").
    const seven = await engine.ask('7');
    if (seven.answered) expect(seven.results[0]!.text).toMatch(/(^|\D)0*7(\D|$)/);
  });

  it('100,000 characters: cut at a word boundary with a notice, answered quickly', async () => {
    const long = `${Q} ${'và những nội dung khác '.repeat(5000)}`;
    expect(long.length).toBeGreaterThan(100_000);
    const t0 = performance.now();
    const a = await engine.ask(long);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(a.notices).toContainEqual({ kind: 'question-truncated', maxChars: sb.config.maxQuestionChars });
    expect(a.question.length).toBeLessThanOrEqual(sb.config.maxQuestionChars);
    expect(long.startsWith(a.question)).toBe(true);
    expect(a.results[0]?.quote).toContain('4.466');
    // One long word: no boundary to cut at, cut anyway.
    const blob = await engine.ask('x'.repeat(100_000));
    expect(blob.question.length).toBe(sb.config.maxQuestionChars);
    expect(blob.answered).toBe(false);
  });

  it('NFD, control characters, bidi marks and emoji around a real question: the same answer as the plain one', async () => {
    const plain = await engine.ask(Q);
    expect(plain.results[0]?.quote).toContain('4.466');
    const variants = [
      Q.normalize('NFD'),
      `\u0000${Q.replace(/ /g, ' \u0007')}\u001b[0m`,
      `\u200f\u202b${Q}\u202c\u200e`,
      `\ufeff${Q.replace('Hải Phòng', 'Hải\u200bPhòng')}`,
      `🙏 ${Q} 🇻🇳`,
    ];
    for (const v of variants) {
      const a = await engine.ask(v);
      expect(a.question).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\ufeff]/);
      expect(a.results[0]?.chunkId).toBe(plain.results[0]!.chunkId);
      expect(a.results[0]?.quote).toBe(plain.results[0]!.quote);
    }
  });

  it('right-to-left text and lone surrogates: no throw, a refusal', async () => {
    for (const q of ['ما هو عدد أعضاء الحزب؟', 'מה מספר חברי המפלגה?', '\ud800 nửa ký tự \udfff']) {
      const a = await engine.ask(q);
      expect(typeof a.answered).toBe('boolean');
      if (a.answered) expect(a.results.length).toBeGreaterThan(0);
    }
  });
});

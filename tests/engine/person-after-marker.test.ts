/**
 * review12a: "Bà Thu Hường phát biểu gì về công tác cán bộ?" was repaired to "Bà Thư Thường" (a slip of
 * corpus words) and answered with confidence by "Phó bí thư Thường trực Thành ủy …": another person's words.
 * The capitalised run after a word that introduces a person is a name, kept as typed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QaEngine } from '../../src/engine/types.js';
import { makeTestEngine } from '../helpers/test-engine.js';

let engine: QaEngine;
beforeAll(async () => {
  engine = await makeTestEngine();
}, 120_000);
afterAll(() => engine.close());

it('keeps a name after "bà" as typed, and gives no one else\'s speech as hers', async () => {
  for (const q of ['Bà Thu Hường phát biểu gì về công tác cán bộ?', 'bà Thu Hường phát biểu gì']) {
    const a = await engine.ask(q);
    expect(a.interpreted).toContain('Thu Hường');
    expect(a.confidence).not.toBe('high');
  }
});

it('still reads a name the reports write, after "đồng chí", and still repairs a slip in plain words', async () => {
  const named = await engine.ask('Đồng chí Đỗ Mạnh Hiến giữ chức vụ gì?');
  expect(named.confidence).toBe('high');
  expect(named.results[0]!.quote).toContain('Đỗ Mạnh Hiến');
  const slip = await engine.ask('bí thu thàn ủy hai phong là ai');
  expect(slip.interpreted).toBe('bí thư thành ủy hải phòng là ai');
});

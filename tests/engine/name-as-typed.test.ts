/**
 * review12a: "Cam Lộ có bao nhiêu đảng viên?" (a district the seeds do not cover) was read "Cảm Lộ" (the
 * corpus's more frequent syllable for an unmarked capital) and answered "không nhắc đến Cảm Lộ. Có phải bạn
 * muốn hỏi về Chăm Lo?" (an everyday phrase, "chăm lo", offered as a name).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QaEngine } from '../../src/engine/types.js';
import { makeTestEngine } from '../helpers/test-engine.js';

let engine: QaEngine;
beforeAll(async () => {
  engine = await makeTestEngine();
}, 120_000);
afterAll(() => engine.close());

const nearNames = (a: Awaited<ReturnType<QaEngine['ask']>>) => a.notices.flatMap((n) => (n.kind === 'did-you-mean' ? n.names : []));

it('keeps a capitalised name opening the question as typed, and offers no everyday phrase as a name', async () => {
  const a = await engine.ask('Cam Lộ có bao nhiêu đảng viên?');
  expect(a.missing).toEqual(['Cam Lộ']);
  expect(a.confidence).not.toBe('high');
  expect(nearNames(a)).toEqual([]);
});

it('still offers the name the reports write for a one-letter slip, capitalised as they write it', async () => {
  const a = await engine.ask('Đồng chí Lê Tiến Chau là ai?');
  expect(a.missing).toEqual(['Lê Tiến Chau']);
  expect(nearNames(a)).toEqual(['Lê Tiến Châu']);
});

/**
 * The conversations of tests/fixtures/eval/conversations.jsonl through the engine, turn by turn with
 * the chat's context carried over: the rate of right turns, per kind, must stay at or above the target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaEngine } from '../../src/engine/types.js';
import { runConversations } from '../helpers/conversations.js';
import { makeTestEngine } from '../helpers/test-engine.js';

let engine: QaEngine;
beforeAll(async () => {
  engine = await makeTestEngine();
}, 120_000);
afterAll(() => engine.close());

describe('conversations', () => {
  it('answers at least 90% of the conversation turns right', async () => {
    const { byKind, wrong } = await runConversations(engine);
    let right = 0;
    let total = 0;
    const lines = [...byKind].map(([kind, k]) => {
      right += k.right;
      total += k.total;
      return `${kind.padEnd(15)} ${k.right}/${k.total}`;
    });
    console.log(`conversation turns right: ${right}/${total} (${((100 * right) / total).toFixed(1)}%)\n${lines.join('\n')}\nwrong:\n${wrong.join('\n')}`);
    // Measured 108 of 114 (0.947) here, 105 through the bot; the wrong turns are a count stated for a
    // subset ("4 đảng viên" disciplined), a venue or byline role the reports do not state (see the README).
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it('asks a question put to two places once per place, and says which one the reports lack', async () => {
    const { converse } = await import('../../src/engine/chat.js');
    const { renderAnswerPlain } = await import('../../src/present/render.js');
    const both = (await converse(engine, 'Hải Phòng và Nghệ An có bao nhiêu tổ chức đảng?', null)).answer;
    expect(both.confidence).toBe('high');
    // Each report counts its Party bloc's organisations, not the whole city's or province's: said for each side.
    const shown = renderAnswerPlain(both, 'vi');
    expect(shown).toContain('Lưu ý: số liệu dưới đây là của Đảng bộ Khối các cơ quan thành phố (Hải Phòng); các báo cáo không nêu số liệu của toàn Hải Phòng.');
    expect(shown).toContain('các báo cáo không nêu số liệu của toàn Nghệ An.');
    expect(both.results.map((r) => r.article.id)).toEqual(['004_7239dae0792dcdec', '002_25813a48fb69556b']);
    expect(both.results[1]!.quote).toContain('64 tổ chức đảng');
    expect(both.interpreted).toBe('Hải Phòng có bao nhiêu tổ chức đảng; Nghệ An có bao nhiêu tổ chức đảng');
    const one = (await converse(engine, 'Hải Phòng và Đà Nẵng có bao nhiêu đảng viên?', null)).answer;
    expect(one.missing).toEqual(['Đà Nẵng']);
    expect(one.confidence).not.toBe('high');
    expect(renderAnswerPlain(one, 'vi')).toContain('Các báo cáo hiện có không nhắc đến Đà Nẵng.');
  });
});

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
});

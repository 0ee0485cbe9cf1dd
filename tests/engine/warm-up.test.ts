/**
 * The engine's warm-up (src/engine/warm-up.ts): a fresh process asks itself a few questions in idle
 * time so its users' first questions find the code compiled. It must leave answers as they were, give
 * way to users' questions, and stop at a close.
 */
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/text/normalise.js';
import { WARM_UP_QUESTIONS, warmUp, warmUpQuestions } from '../../src/engine/warm-up.js';
import { useSeedEngine } from '../helpers/index-fixture.js';

describe('warm-up questions', () => {
  it('are the built-in forms plus titles spread over the index, as typed and without marks', () => {
    const titles = Array.from({ length: 40 }, (_, i) => `Hội nghị Ban Chấp hành Đảng bộ số ${i}`);
    const qs = warmUpQuestions(titles);
    expect(qs.slice(0, WARM_UP_QUESTIONS.length)).toEqual(WARM_UP_QUESTIONS);
    const fromTitles = qs.slice(WARM_UP_QUESTIONS.length);
    expect(fromTitles).toHaveLength(8);
    expect(fromTitles).toContain('Hội nghị Ban Chấp hành Đảng bộ số 0?');
    expect(fromTitles).toContain(fold('Hội nghị Ban Chấp hành Đảng bộ số 10').toLowerCase());
    // Spread over the index, not its first four articles.
    expect(fromTitles).toContain('Hội nghị Ban Chấp hành Đảng bộ số 30?');
    expect(warmUpQuestions([])).toEqual(WARM_UP_QUESTIONS);
    expect(warmUpQuestions(['', '  '])).toEqual(WARM_UP_QUESTIONS);
  });
});

describe('warmUp', () => {
  it('asks one question at a time, yielding between them, skipping one that fails', async () => {
    const asked: string[] = [];
    let between = 0;
    const r = await warmUp(
      async (q) => {
        asked.push(q);
        setImmediate(() => between++);
        if (q === 'b') throw new Error('broken');
      },
      ['a', 'b', 'c'],
      { budgetMs: 10_000, stopped: () => false },
    );
    expect(asked).toEqual(['a', 'b', 'c']);
    expect(r.questions).toBe(3);
    // A task queued during one question ran before the next question started.
    expect(between).toBeGreaterThanOrEqual(2);
  });

  it('stops when told to, and when its time is spent', async () => {
    const asked: string[] = [];
    let stop = false;
    await warmUp(
      async (q) => {
        asked.push(q);
        if (q === 'b') stop = true;
      },
      ['a', 'b', 'c', 'd'],
      { budgetMs: 10_000, stopped: () => stop },
    );
    expect(asked).toEqual(['a', 'b']);
    const slow: string[] = [];
    await warmUp(
      async (q) => {
        slow.push(q);
        await new Promise((r) => setTimeout(r, 30));
      },
      ['a', 'b', 'c', 'd'],
      { budgetMs: 10, stopped: () => false },
    );
    expect(slow).toEqual(['a']);
  });
});

describe('Engine.warmUp on the seeds', () => {
  const seedEngine = useSeedEngine();

  it('leaves every answer as a fresh engine gives it', async () => {
    const qs = ['Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?', 'bi thu thanh uy hue la ai', 'Ai chủ trì hội nghị?', 'Who chaired the conference?'];
    const before = [];
    for (const q of qs) before.push(await seedEngine().ask(q));
    const r = await seedEngine().warmUp();
    expect(r.questions).toBeGreaterThanOrEqual(WARM_UP_QUESTIONS.length);
    for (const [i, q] of qs.entries()) {
      const after = await seedEngine().ask(q);
      const { timings: _a, ...a } = after;
      const { timings: _b, ...b } = before[i]!;
      expect(a, q).toEqual(b);
    }
  });

  it('stops at a close', async () => {
    const { Engine } = await import('../../src/engine/engine.js');
    const engine = await Engine.open(seedEngine().config, { watch: false });
    const warming = engine.warmUp();
    await engine.close();
    expect((await warming).questions).toBeLessThan(WARM_UP_QUESTIONS.length);
  });
});

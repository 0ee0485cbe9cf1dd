/**
 * 200 questions at once against one loaded index (hybrid: each question awaits its query embedding, so
 * they really interleave): every one answered with its own results, and memory stays flat over rounds.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { questionFrom } from '../../src/bench/questions.js';
import { Rng } from '../../src/text/random.js';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { sandbox, synthCorpus, type Sandbox } from './helpers.js';

let sb: Sandbox;
let engine: Engine;
let questions: string[];

beforeAll(async () => {
  sb = sandbox('tiny-vi');
  const gen = await synthCorpus(sb.corpusDir, 60, 11);
  await buildIndex({ corpusDir: sb.corpusDir, outDir: sb.indexDir, config: sb.config });
  engine = await Engine.open(sb.config, { watch: false });
  const rng = new Rng(5);
  const seen = new Set<string>();
  while (seen.size < 200) {
    const p = rng.pick(rng.pick(gen.articles).paragraphs);
    const q = questionFrom(p, rng);
    if (q) seen.add(`${q} (${seen.size})`); // distinct even when two sentences give the same words
  }
  questions = [...seen];
});
afterAll(async () => {
  await engine?.close();
  sb?.cleanup();
});

/**
 * A full collection before each reading, so the heap measured is what is kept: Node 24 collects later than
 * Node 20 (25 MB more per round here without it, none with it), which read as growth.
 */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** An answer without what legitimately differs between two runs of the same question. */
const essence = (a: Answer) => ({ ...a, timings: null });

describe('200 concurrent questions', () => {
  it('each gets the answer it gets alone (no cross-talk), and memory stays flat', async () => {
    const alone: Answer[] = [];
    for (const q of questions) alone.push(await engine.ask(q));
    expect(engine.status().mode).toBe('hybrid');
    expect(alone.filter((a) => a.answered).length).toBeGreaterThan(150);

    const heap: number[] = [];
    for (let round = 0; round < 3; round++) {
      const together = await Promise.all(questions.map((q) => engine.ask(q)));
      together.forEach((a, i) => {
        expect(a.question).toBe(alone[i]!.question);
        expect(essence(a)).toEqual(essence(alone[i]!));
      });
      collect();
      heap.push(process.memoryUsage().heapUsed);
    }
    // Rounds 2-3 hold no more than round 1 (plus GC noise): nothing is kept per question.
    const growthMb = (Math.max(...heap.slice(1)) - heap[0]!) / 1024 / 1024;
    expect(growthMb).toBeLessThan(40);
  });
});

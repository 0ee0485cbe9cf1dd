/**
 * tests/fixtures/eval/typed-places.jsonl on the seeds: places as users type them (one syllable, lower
 * case, initials, Title Case, capitals, English). One the seeds do not cover is refused with its name;
 * a question the seeds answer is answered from the right report however it is typed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contains } from '../../src/eval/metrics.js';
import { ROOT, useSeedEngine } from '../helpers/index-fixture.js';

interface TypedPlace {
  id: string;
  question: string;
  expect: string[];
  article: string | null;
  kind: string;
  missing?: string[];
}

const seedEngine = useSeedEngine();
const questions = readFileSync(path.join(ROOT, 'tests/fixtures/eval/typed-places.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as TypedPlace);

describe('places as users type them', () => {
  it('holds both kinds: places the seeds lack and questions they answer', () => {
    expect(questions.filter((q) => q.missing).length).toBeGreaterThanOrEqual(5);
    expect(questions.filter((q) => q.article).length).toBeGreaterThanOrEqual(5);
  });

  it.each(questions.filter((q) => q.missing).map((q) => [q.id, q] as const))('%s: refused, naming the place', async (_, q) => {
    const a = await seedEngine().ask(q.question);
    expect(a.confidence).toBe('none');
    expect(a.missing).toEqual(q.missing);
  });

  it.each(questions.filter((q) => q.article).map((q) => [q.id, q] as const))('%s: answered from its report', async (_, q) => {
    const a = await seedEngine().ask(q.question);
    expect(a.answered).toBe(true);
    expect(a.results[0]!.article.id).toBe(q.article);
    expect(contains(a.results[0]!.text, q.expect)).toBe(true);
  });
});

/**
 * The ranking eval reads (every candidate, those the constraints rule out after the others) is worked out
 * only when a trace asks for it: an ask of a refused question, whose check never read its candidates,
 * does not read them all for a ranking nobody shows.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSeedEngine } from '../helpers/index-fixture.js';

const calls = vi.hoisted(() => ({ rest: 0, first: 0 }));
vi.mock('../../src/search/entities.js', async (original) => {
  const m = await original<typeof import('../../src/search/entities.js')>();
  return {
    ...m,
    admitted: (...args: Parameters<typeof m.admitted>) => {
      if (args[2] === true) calls.rest++;
      else calls.first++;
      return m.admitted(...args);
    },
  };
});

const engine = useSeedEngine();
const REFUSED = 'Tỉnh Cà Mau có bao nhiêu đảng viên?';

describe('the ranking for eval', () => {
  beforeEach(() => {
    calls.rest = 0;
    calls.first = 0;
  });

  it('is not worked out by ask()', async () => {
    const a = await engine().ask(REFUSED);
    expect(a.answered).toBe(false);
    expect(a.missing).toContain('Cà Mau');
    expect(calls.rest).toBe(0);
    const b = await engine().ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?');
    expect(b.answered).toBe(true);
    expect(calls.first).toBeGreaterThan(0);
    expect(calls.rest).toBe(0);
  });

  it('is worked out when a trace asks for it, the same answer beside it', async () => {
    const plain = await engine().ask(REFUSED);
    const traced = await engine().trace(REFUSED, {}, 5);
    expect(calls.rest).toBe(1);
    expect(traced.ranked.length).toBeGreaterThan(0);
    expect(traced.ranked.length).toBeLessThanOrEqual(5);
    expect({ ...traced.answer, timings: null }).toEqual({ ...plain, timings: null });
  });
});

/** readNewIfReaching: a list read under a floor takes in a new chunk only where its article's share may reach it. */
import { describe, expect, it } from 'vitest';
import { readNewIfReaching } from '../../src/search/keyword.js';

describe('readNewIfReaching', () => {
  // Six chunks in three articles (two each); article 1 has a large share, 0 and 2 small ones.
  const chunkArticle = Uint32Array.from([0, 0, 1, 1, 2, 2]);
  const share = Float64Array.from([0.5, 4, 1]);
  const norm = Float32Array.from([1, 1, 1, 1, 1, 1]);

  it('adds the term to the chunks running and takes in new chunks only in articles whose share reaches the cut', () => {
    const partial = new Float64Array(6);
    const running = new Uint32Array(6);
    partial[1] = 3; // chunk 1 is running (article 0, small share)
    running[0] = 1;
    const list = { docs: Uint32Array.from([0, 1, 2, 4, 5]), tfs: Uint16Array.from([1, 1, 3, 1, 1]) };
    const n = readNewIfReaching(list, 2, norm, chunkArticle, share, 2, { partial, running }, 1);
    // Chunk 0 and chunks 4, 5 are new in articles under the cut: left out, their partial sums still zero.
    expect([...running.subarray(0, n)]).toEqual([1, 2]);
    expect(partial[0]).toBe(0);
    expect(partial[4]).toBe(0);
    expect(partial[5]).toBe(0);
    // The running chunk gains the term's part whatever its article's share; the new one in article 1 is scored.
    expect(partial[1]).toBe(3 + (2 * 1) / (1 + 1));
    expect(partial[2]).toBe((2 * 3) / (3 + 1));
  });

  it('takes in every new chunk when the cut is under every share', () => {
    const partial = new Float64Array(6);
    const running = new Uint32Array(6);
    const list = { docs: Uint32Array.from([0, 3, 5]), tfs: Uint16Array.from([1, 1, 2]) };
    const n = readNewIfReaching(list, 1, norm, chunkArticle, share, 0.25, { partial, running }, 0);
    expect([...running.subarray(0, n)]).toEqual([0, 3, 5]);
  });
});

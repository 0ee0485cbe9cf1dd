import { describe, expect, it } from 'vitest';
import { bandFrom } from '../../src/embed/band.js';
import { denseCalibration } from '../../src/embed/calibration.js';

const spread = (n: number, from: number, to: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

describe('denseCalibration', () => {
  it('without a measured band, the static table applies and no model vouches (e5 included)', () => {
    expect(denseCalibration('Xenova/multilingual-e5-small')).toEqual({ lo: 0.8, hi: 0.9, weight: 0.5, vouches: false });
    expect(denseCalibration('tiny-vi')).toMatchObject({ lo: 0.25, hi: 0.7, vouches: false });
    expect(denseCalibration('some-other-model', null)).toMatchObject({ vouches: false, weight: 0.15 });
  });

  it('a measured band replaces the table, vouching included', () => {
    const clear = bandFrom(spread(200, 0.82, 0.95), spread(65, 0.7, 0.78), []);
    expect(denseCalibration('Xenova/multilingual-e5-small', clear)).toEqual({ lo: clear.lo, hi: clear.hi, weight: clear.weight, vouches: true });
    const poor = bandFrom(spread(200, 0.7, 0.9), spread(65, 0.72, 0.92), []);
    expect(denseCalibration('Xenova/multilingual-e5-small', poor).vouches).toBe(false);
  });
});

/**
 * How far a model's cosine similarity can vouch for a passage on its own (without keyword overlap),
 * as a linear map cos -> confidence: (cos - lo) / (hi - lo), clamped to [0, 1].
 * Dense similarities are model-specific (e5 packs everything into 0.7–0.9), so each model needs its
 * own numbers; a model not listed here never answers on dense similarity alone (it still ranks).
 */
const CALIBRATION: Array<{ match: RegExp; lo: number; hi: number; note: string }> = [
  // Measured on the seed corpus with tests/fixtures/eval/dev.jsonl (scripts/eval.ts --calibrate).
  { match: /^tiny-vi$/, lo: 0.55, hi: 0.95, note: 'bag-of-syllables test model' },
  // Not measurable here (the hub is unreachable); from e5's published behaviour: unrelated pairs sit
  // near 0.75–0.80, paraphrases above 0.86. Override with DENSE_CALIBRATION if your eval says otherwise.
  { match: /multilingual-e5/i, lo: 0.8, hi: 0.9, note: 'e5 family, uncalibrated here' },
];

export function denseCalibration(modelId: string): { lo: number; hi: number } | null {
  const hit = CALIBRATION.find((c) => c.match.test(modelId));
  return hit ? { lo: hit.lo, hi: hit.hi } : null;
}

/**
 * What a model's cosine similarity is worth, per model: dense similarities are model-specific (e5
 * packs everything into 0.7–0.9, a bag-of-syllables model spreads them), so each model needs its own.
 *
 * - `lo`/`hi`: a linear map cos -> confidence, (cos - lo) / (hi - lo) clamped to [0, 1]: the
 *   similarity at which a passage starts to look related, and the one at which it surely is.
 * - `weight`: how much the calibrated dense score counts next to the keyword score in fusion. A weak
 *   model gets little, so that fusion never does worse than keyword search alone.
 * - `vouches`: whether dense confidence alone may answer a question the keywords do not cover
 *   (an English question about Vietnamese text). Only when measured: the band build-index stores in
 *   the manifest (band.ts) says so for this index and model.
 * The table below is the fallback for an index without a measured band: its models re-rank only.
 * A model not listed here ranks with a small weight and never answers on dense similarity alone.
 */
import type { DenseBand } from './band.js';

export interface DenseCalibration {
  lo: number;
  hi: number;
  weight: number;
  vouches: boolean;
}

type StaticCalibration = Omit<DenseCalibration, 'vouches'>;

const CALIBRATION: Array<{ match: RegExp; calibration: StaticCalibration; note: string }> = [
  // Measured on the seed corpus and xquad_vi (npm run eval with MODELS_DIR=tests/fixtures/models).
  { match: /^tiny-vi$/, calibration: { lo: 0.25, hi: 0.7, weight: 0.05 }, note: 'bag-of-syllables test model' },
  // Not measurable here (the hub is unreachable); from e5's published behaviour: unrelated pairs sit
  // near 0.75–0.80, paraphrases above 0.86. Used only by indexes built before bands were measured.
  { match: /multilingual-e5/i, calibration: { lo: 0.8, hi: 0.9, weight: 0.5 }, note: 'e5 family, uncalibrated here' },
];

const UNKNOWN: StaticCalibration = { lo: 0.5, hi: 1, weight: 0.15 };

/** The band measured for this index when there is one, else the table's (which never vouches). */
export function denseCalibration(modelId: string, measured: DenseBand | null = null): DenseCalibration {
  if (measured) return { lo: measured.lo, hi: measured.hi, weight: measured.weight, vouches: measured.vouches };
  return { ...(CALIBRATION.find((c) => c.match.test(modelId))?.calibration ?? UNKNOWN), vouches: false };
}

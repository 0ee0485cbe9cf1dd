/** Dense retriever: the nearest chunks to the question's vector in the index's vector store. */
import type { LoadedIndex } from '../index/load.js';
import type { DenseCalibration } from '../embed/calibration.js';

export interface DenseHit {
  chunk: number;
  rank: number;
  cosine: number;
}

export function denseSearch(index: LoadedIndex, queryVector: Float32Array, depth: number): DenseHit[] {
  if (!index.vectors) return [];
  const hits: DenseHit[] = [];
  index.vectors.search(queryVector, depth).forEach((n, i) => {
    const chunk = index.labelToChunk.get(n.label);
    if (chunk !== undefined) hits.push({ chunk, rank: i + 1, cosine: n.cosine });
  });
  return hits;
}

/** Cosine of a chunk found by keywords only, read back from the store (vectors are unit length). */
export function cosineOf(index: LoadedIndex, chunk: number, q: Float32Array): number | null {
  const v = index.vectors?.vectorOf(index.chunks[chunk]!.label) ?? null;
  if (!v) return null;
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i]! * q[i]!;
  return dot;
}

/** The model's cosine as a confidence in [0, 1], through its calibrated band. */
export function denseConfidence(cosine: number | null, band: DenseCalibration): number {
  if (cosine === null) return 0;
  const x = (cosine - band.lo) / (band.hi - band.lo);
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

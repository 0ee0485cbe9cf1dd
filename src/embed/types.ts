/** How a model wants queries and passages marked (e5: "query: " / "passage: "). */
export interface PrefixScheme {
  name: string;
  query: string;
  passage: string;
}

export interface Embedder {
  /** The model id as configured, e.g. "Xenova/multilingual-e5-small" or "tiny-vi". */
  readonly modelId: string;
  readonly dim: number;
  readonly prefix: PrefixScheme;
  /** Unit-length vectors, one per text, in order. Batches internally. */
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
  dispose(): Promise<void>;
}

export interface EmbedderOptions {
  /** A model id, or "none" for keyword-only. */
  model: string;
  /** A local folder of models: when set, nothing is downloaded. */
  modelsDir?: string | undefined;
  /** Where downloaded models are cached when modelsDir is not set. */
  cacheDir?: string | undefined;
  batchSize?: number;
  /** Download/load progress, for a terminal progress line. */
  onLoadProgress?: (info: { file: string; loaded?: number; total?: number; status: string }) => void;
}

/** Thrown when a model cannot be loaded; `message` is one clear, user-facing line. */
export class EmbedderLoadError extends Error {
  override readonly name = 'EmbedderLoadError';
  constructor(message: string, readonly causeDetail?: string) {
    super(message);
  }
}

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

/** What `loadEmbedder` returns: an Embedder plus facts worth logging. */
export interface LoadedEmbedder extends Embedder {
  /** Where the model came from: its folder, or "the Hugging Face hub (cache: DIR)". */
  readonly location: string;
  /** True when onnx/model_quantized.onnx is used, false for onnx/model.onnx. */
  readonly quantized: boolean;
  /** Token limit; longer texts are truncated by the tokenizer. */
  readonly maxTokens: number;
  /** Milliseconds spent loading (files, ONNX session, probe embedding). */
  readonly loadMs: number;
}

export interface LoadProgressInfo {
  /** The file being fetched/read (e.g. "onnx/model_quantized.onnx"); the model id for the final "ready". */
  file: string;
  loaded?: number;
  total?: number;
  /** transformers.js status: "initiate" | "download" | "progress" | "done" | "ready". */
  status: string;
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
  onLoadProgress?: (info: LoadProgressInfo) => void;
  /**
   * Force onnx/model_quantized.onnx (true) or onnx/model.onnx (false). Default: for a local folder, the file that
   * exists (the quantized one if both); from the hub, quantized (transformers.js's default).
   */
  quantized?: boolean | undefined;
  /** Model hub to download from when modelsDir is not set (a Hugging Face mirror). Default https://huggingface.co/. */
  remoteHost?: string | undefined;
  /**
   * Console warnings transformers.js / onnxruntime print while loading a model that then loads fine. Default: passed
   * on to console.warn. (When loading fails they go into EmbedderLoadError.causeDetail instead.)
   */
  onWarning?: ((message: string) => void) | undefined;
}

/** Thrown when a model cannot be loaded; `message` is one clear, user-facing line. */
export class EmbedderLoadError extends Error {
  override readonly name = 'EmbedderLoadError';
  constructor(message: string, readonly causeDetail?: string) {
    super(message);
  }
}

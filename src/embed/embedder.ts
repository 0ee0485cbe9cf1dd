/**
 * Dense embeddings computed locally with transformers.js (v2: `@xenova/transformers`, onnxruntime-node on CPU).
 *
 * - `modelsDir` set: the model is read from `<modelsDir>/<model>/` (config.json, tokenizer.json,
 *   tokenizer_config.json, onnx/model[_quantized].onnx) and nothing is downloaded.
 * - otherwise: the model is fetched from the Hugging Face hub on first use and cached under `cacheDir`
 *   (`<cacheDir>/<model>/...`); later runs read the cache and work offline.
 *
 * transformers.js keeps its settings in one global `env` object, read while files load: loads are therefore run one at
 * a time here (embedding itself needs no global state and may run concurrently).
 */
import fs from 'node:fs';
import path from 'node:path';
import { prefixSchemeFor } from './prefix.js';
import { EmbedderLoadError, type EmbedderOptions, type LoadProgressInfo, type LoadedEmbedder, type PrefixScheme } from './types.js';

import { DEFAULT_EMBED_BATCH_SIZE, isKeywordOnlySetting, type Config } from '../config.js';
import { oneLine } from '../text/normalise.js';

/** Used when a tokenizer_config.json has no usable model_max_length (transformers.js would then not truncate). */
export const FALLBACK_MAX_TOKENS = 512;
/** Texts are cut to this many characters per allowed token before tokenising (the tokenizer truncates anyway). */
const CHARS_PER_TOKEN_CAP = 64;
const KEYWORD_ONLY_HINT = 'or set EMBEDDING_MODEL=none for keyword-only search';
const DEFAULT_HUB = 'https://huggingface.co/';
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

// --- The slice of transformers.js we use (its bundled .d.ts types `env` as read-only re-exports). ---------------

interface TensorLike {
  dims: number[];
  data: ArrayLike<number>;
}
type PoolOptions = { pooling: 'mean'; normalize: boolean };
interface Extractor {
  (texts: string[], options: PoolOptions): Promise<TensorLike>;
  dispose(): Promise<void>;
  tokenizer?: { model_max_length?: number };
}
interface TransformersEnv {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  remoteHost: string;
  cacheDir: string | null;
  useFSCache: boolean;
}
interface TransformersModule {
  env: TransformersEnv;
  pipeline(
    task: 'feature-extraction',
    model: string,
    options: { quantized: boolean; progress_callback: (event: Record<string, unknown>) => void },
  ): Promise<Extractor>;
}

let transformers: Promise<TransformersModule> | null = null;
/** Imported on first load only, so keyword-only runs never load onnxruntime. */
function importTransformers(): Promise<TransformersModule> {
  transformers ??= import('@xenova/transformers').then((m) => m as unknown as TransformersModule);
  return transformers;
}

let loadQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(fn, fn);
  loadQueue = run.catch(() => undefined);
  return run;
}

// --- Where the model is -------------------------------------------------------------------------------------------

export type ModelSource =
  | { kind: 'local'; modelsDir: string; modelDir: string; quantized: boolean }
  | { kind: 'hub'; cacheDir: string; remoteHost: string; quantized: boolean };

/** Which ONNX file a local model folder has: true = onnx/model_quantized.onnx (preferred), false = onnx/model.onnx. */
export function localQuantizedFlag(modelDir: string): boolean | null {
  if (isFile(path.join(modelDir, 'onnx', 'model_quantized.onnx'))) return true;
  if (isFile(path.join(modelDir, 'onnx', 'model.onnx'))) return false;
  return null;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Checks a local model folder before transformers.js runs, for precise messages. Throws EmbedderLoadError. */
export function resolveSource(opts: EmbedderOptions): ModelSource {
  const model = opts.model;
  if (opts.modelsDir === undefined || opts.modelsDir === '') {
    const cacheDir = path.resolve(opts.cacheDir ?? path.join('.cache', 'models'));
    let remoteHost = opts.remoteHost?.trim() || DEFAULT_HUB;
    if (!remoteHost.endsWith('/')) remoteHost += '/';
    return { kind: 'hub', cacheDir, remoteHost, quantized: opts.quantized ?? true };
  }
  const modelsDir = path.resolve(opts.modelsDir);
  const modelDir = path.join(modelsDir, ...model.split('/'));
  if (!isDir(modelsDir)) {
    throw new EmbedderLoadError(
      `Embedding model "${model}" not found: the models folder ${modelsDir} (MODELS_DIR) does not exist. ` +
        `Point MODELS_DIR at the folder that holds the model, unset MODELS_DIR to download it from the Hugging Face hub, ${KEYWORD_ONLY_HINT}.`,
      `ENOENT: ${modelsDir}`,
    );
  }
  if (!isDir(modelDir)) {
    throw new EmbedderLoadError(
      `Embedding model "${model}" not found in ${modelDir} (looked only in MODELS_DIR=${modelsDir}; nothing is downloaded when MODELS_DIR is set). ` +
        `Copy the model folder there, fix EMBEDDING_MODEL or MODELS_DIR, ${KEYWORD_ONLY_HINT}.`,
      `ENOENT: ${modelDir}`,
    );
  }
  const missing: string[] = REQUIRED_FILES.filter((f) => !isFile(path.join(modelDir, f)));
  let quantized = localQuantizedFlag(modelDir);
  if (opts.quantized !== undefined) {
    const wanted = path.join('onnx', opts.quantized ? 'model_quantized.onnx' : 'model.onnx');
    if (!isFile(path.join(modelDir, wanted))) missing.push(wanted);
    quantized = opts.quantized;
  } else if (quantized === null) {
    missing.push('onnx/model_quantized.onnx (or onnx/model.onnx)');
  }
  if (missing.length > 0 || quantized === null) {
    throw new EmbedderLoadError(
      `Embedding model "${model}" in ${modelDir} is incomplete: missing ${missing.join(', ')}. ` +
        `Copy the complete model folder (a transformers.js ONNX export), ${KEYWORD_ONLY_HINT}.`,
      `missing files in ${modelDir}: ${missing.join(', ')}`,
    );
  }
  return { kind: 'local', modelsDir, modelDir, quantized };
}

function hubName(src: { remoteHost: string }): string {
  return src.remoteHost === DEFAULT_HUB ? 'the Hugging Face hub' : `the model hub ${src.remoteHost}`;
}

function describeSource(src: ModelSource): string {
  return src.kind === 'local' ? src.modelDir : `${hubName(src)} (cache: ${src.cacheDir})`;
}

// --- Errors --------------------------------------------------------------------------------------------------------

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? ` (cause: ${e.cause.message})` : e.cause ? ` (cause: ${String(e.cause)})` : '';
    return `${e.message}${cause}`;
  }
  return String(e);
}

function loadError(model: string, src: ModelSource, e: unknown, warnings: string[]): EmbedderLoadError {
  const text = errorText(e);
  const detail = [text, ...warnings.map((w) => `warning: ${w}`)].join('\n');
  // onnxruntime's own reason ("... protobuf parsing failed") only reaches the console; prefer it to "Can't create a session".
  const ortReason = warnings.find((w) => /Failed to load model/i.test(w));
  const short = oneLine(ortReason ?? text, 160);
  if (src.kind === 'local') {
    if (/not found locally/.test(text)) {
      return new EmbedderLoadError(
        `Embedding model "${model}" in ${src.modelDir} is incomplete (${short}). Copy the complete model folder, ${KEYWORD_ONLY_HINT}.`,
        detail,
      );
    }
    return new EmbedderLoadError(
      `Embedding model "${model}" in ${src.modelDir} could not be loaded (${short}); its files may be damaged or not a transformers.js ONNX export. ` +
        `Copy the model folder again, ${KEYWORD_ONLY_HINT}.`,
      detail,
    );
  }
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|UND_ERR|network/i.test(text)) {
    return new EmbedderLoadError(
      `Embedding model "${model}" could not be downloaded from ${hubName(src)} (${short}). ` +
        `Check the internet connection, or set MODELS_DIR to a folder that holds the model, ${KEYWORD_ONLY_HINT}.`,
      detail,
    );
  }
  if (/Could not locate file|Unauthorized access|Forbidden access/.test(text)) {
    return new EmbedderLoadError(
      `Embedding model "${model}" was not found on ${hubName(src)} (${short}). ` +
        `Check EMBEDDING_MODEL (a transformers.js ONNX model id, e.g. Xenova/multilingual-e5-small), ${KEYWORD_ONLY_HINT}.`,
      detail,
    );
  }
  return new EmbedderLoadError(
    `Embedding model "${model}" from ${hubName(src)} could not be loaded (${short}). ` +
      `Delete its cached copy under ${src.cacheDir} and retry, set MODELS_DIR to a folder that holds the model, ${KEYWORD_ONLY_HINT}.`,
    detail,
  );
}

/** While a model loads, console.warn/console.error output (transformers.js, onnxruntime) is collected instead. */
async function collectingConsole<T>(warnings: string[], fn: () => Promise<T>): Promise<T> {
  const { warn, error } = console;
  const collect = (...args: unknown[]) => {
    warnings.push(oneLine(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '), 500));
  };
  console.warn = collect;
  console.error = collect;
  try {
    return await fn();
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

// --- Vectors -------------------------------------------------------------------------------------------------------

/** Splits a [n, dim] output into unit vectors; a degenerate (zero or non-finite) row becomes all zeros. */
function rows(out: TensorLike, n: number, dim: number): Float32Array[] {
  if (out.dims.length !== 2 || out.dims[0] !== n || out.dims[1] !== dim) {
    throw new Error(`embedding output has shape [${out.dims.join(', ')}], expected [${n}, ${dim}]`);
  }
  const result: Float32Array[] = [];
  for (let i = 0; i < n; i++) {
    const v = new Float32Array(dim);
    let norm2 = 0;
    for (let j = 0; j < dim; j++) {
      const x = out.data[i * dim + j]!;
      v[j] = x;
      norm2 += x * x;
    }
    const norm = Math.sqrt(norm2);
    if (!Number.isFinite(norm) || norm === 0) {
      v.fill(0);
    } else if (Math.abs(norm - 1) > 1e-6) {
      for (let j = 0; j < dim; j++) v[j] = v[j]! / norm;
    }
    result.push(v);
  }
  return result;
}

const POOL: PoolOptions = { pooling: 'mean', normalize: true };

// --- Loading -------------------------------------------------------------------------------------------------------

/** The loader options a configuration asks for (one place for every caller: build, engine, bench). */
export function embedderOptions(config: Config, model: string, extra: Partial<EmbedderOptions> = {}): EmbedderOptions {
  return { model, modelsDir: config.modelsDir ?? undefined, cacheDir: config.modelsCacheDir, batchSize: config.embedBatchSize, ...extra };
}

/**
 * Loads an embedding model. Throws EmbedderLoadError (one user-facing line in `message`, details in `causeDetail`)
 * when the model cannot be loaded: missing folder or file, hub unreachable, unknown model id, damaged ONNX file.
 */
export function loadEmbedder(opts: EmbedderOptions): Promise<LoadedEmbedder> {
  return oneAtATime(() => load(opts));
}

async function load(opts: EmbedderOptions): Promise<LoadedEmbedder> {
  const started = performance.now();
  const model = (opts.model ?? '').trim();
  if (isKeywordOnlySetting(model)) {
    throw new EmbedderLoadError(
      `No embedding model to load: EMBEDDING_MODEL=${model || '(empty)'} means keyword-only search. ` +
        `Set EMBEDDING_MODEL to a model id (e.g. Xenova/multilingual-e5-small) for hybrid search.`,
    );
  }
  const batchSize = opts.batchSize ?? DEFAULT_EMBED_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new EmbedderLoadError(`Invalid embedding batch size ${batchSize}: expected a whole number >= 1 (EMBED_BATCH_SIZE).`);
  }
  const src = resolveSource({ ...opts, model });
  const location = describeSource(src);

  let tf: TransformersModule;
  try {
    tf = await importTransformers();
  } catch (e) {
    transformers = null;
    throw new EmbedderLoadError(
      `Embedding model "${model}" could not be loaded: the ONNX runtime (@xenova/transformers, onnxruntime-node) failed to start (${oneLine(errorText(e), 160)}). ` +
        `Reinstall dependencies (npm ci), ${KEYWORD_ONLY_HINT}.`,
      errorText(e),
    );
  }

  const { env } = tf;
  if (src.kind === 'local') {
    env.localModelPath = src.modelsDir + path.sep;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    // No cache lookups: the cache is searched before the local folder and could shadow it.
    env.useFSCache = false;
  } else {
    env.cacheDir = src.cacheDir;
    env.remoteHost = src.remoteHost;
    env.useFSCache = true;
    env.allowRemoteModels = true;
    // Skip the bundled node_modules/@xenova/transformers/models/ folder; the cache is still read first.
    env.allowLocalModels = false;
  }

  const onProgress = opts.onLoadProgress;
  const progress_callback = (event: Record<string, unknown>) => {
    if (!onProgress) return;
    const str = (k: string) => (typeof event[k] === 'string' ? (event[k] as string) : undefined);
    const num = (k: string) => (typeof event[k] === 'number' ? (event[k] as number) : undefined);
    const info: LoadProgressInfo = {
      file: str('file') ?? str('model') ?? str('name') ?? model,
      status: str('status') ?? 'progress',
    };
    const loaded = num('loaded');
    const total = num('total');
    if (loaded !== undefined) info.loaded = loaded;
    if (total !== undefined) info.total = total;
    try {
      onProgress(info);
    } catch {
      // A broken progress display must not break loading.
    }
  };

  const warnings: string[] = [];
  let extractor: Extractor | null = null;
  let dim = 0;
  let maxTokens = FALLBACK_MAX_TOKENS;
  try {
    await collectingConsole(warnings, async () => {
      extractor = await tf.pipeline('feature-extraction', model, { quantized: src.quantized, progress_callback });
      const tok = extractor.tokenizer;
      const mml = tok?.model_max_length;
      if (tok && (typeof mml !== 'number' || !Number.isFinite(mml) || mml < 2 || mml > 8192)) {
        // Without a finite model_max_length transformers.js pads/truncates to NaN: use a safe limit instead.
        tok.model_max_length = FALLBACK_MAX_TOKENS;
      }
      maxTokens = tok?.model_max_length ?? FALLBACK_MAX_TOKENS;
      // The dimension is whatever the model outputs, not what config.json claims.
      const probe = await extractor(['dimension probe'], POOL);
      dim = probe.dims.length === 2 && probe.dims[0] === 1 ? (probe.dims[1] ?? 0) : 0;
      if (!(dim > 0)) {
        throw new Error(`unexpected embedding output shape [${probe.dims.join(', ')}] (expected [1, dim])`);
      }
    });
  } catch (e) {
    await (extractor as Extractor | null)?.dispose().catch(() => undefined);
    throw loadError(model, src, e, warnings);
  }
  const forward = opts.onWarning ?? ((m: string) => console.warn(m));
  for (const w of warnings) forward(w);

  return makeEmbedder({
    modelId: model,
    extractor: extractor as unknown as Extractor,
    dim,
    prefix: prefixSchemeFor(model),
    batchSize,
    maxTokens,
    location,
    quantized: src.quantized,
    loadMs: performance.now() - started,
  });
}

function makeEmbedder(p: {
  modelId: string;
  extractor: Extractor;
  dim: number;
  prefix: PrefixScheme;
  batchSize: number;
  maxTokens: number;
  location: string;
  quantized: boolean;
  loadMs: number;
}): LoadedEmbedder {
  let extractor: Extractor | null = p.extractor;
  const maxChars = p.maxTokens * CHARS_PER_TOKEN_CAP;
  const prepare = (prefix: string, text: string) => {
    const t = prefix + (typeof text === 'string' ? text : String(text ?? ''));
    return t.length > maxChars ? t.slice(0, maxChars) : t;
  };
  const live = (): Extractor => {
    if (!extractor) throw new Error(`embedder for "${p.modelId}" was disposed`);
    return extractor;
  };
  const run = async (inputs: string[]): Promise<Float32Array[]> => rows(await live()(inputs, POOL), inputs.length, p.dim);

  return {
    modelId: p.modelId,
    dim: p.dim,
    prefix: p.prefix,
    location: p.location,
    quantized: p.quantized,
    maxTokens: p.maxTokens,
    loadMs: p.loadMs,

    async embedPassages(texts, onProgress) {
      live();
      const inputs = texts.map((t) => prepare(p.prefix.passage, t));
      // Batches of similar lengths waste less work on padding; results go back in input order.
      const order = inputs.map((_, i) => i).sort((a, b) => inputs[a]!.length - inputs[b]!.length || a - b);
      const out = new Array<Float32Array>(texts.length);
      for (let i = 0; i < order.length; i += p.batchSize) {
        const ids = order.slice(i, i + p.batchSize);
        const vectors = await run(ids.map((k) => inputs[k]!));
        ids.forEach((k, j) => {
          out[k] = vectors[j]!;
        });
        onProgress?.(i + ids.length, texts.length);
        // onnxruntime-node runs a batch synchronously on the main thread: let I/O breathe between batches.
        if (i + p.batchSize < order.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return out;
    },

    async embedQuery(text) {
      const [v] = await run([prepare(p.prefix.query, text)]);
      return v!;
    },

    async dispose() {
      const ex = extractor;
      extractor = null;
      // onnxruntime-node 1.14's session dispose is a no-op: dropping the reference lets GC free the native session.
      await ex?.dispose().catch(() => undefined);
    },
  };
}

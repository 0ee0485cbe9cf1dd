export { loadEmbedder, resolveSource, localQuantizedFlag, DEFAULT_BATCH_SIZE, FALLBACK_MAX_TOKENS } from './embedder.js';
export type { ModelSource } from './embedder.js';
export { prefixSchemeFor } from './prefix.js';
export { EmbedderLoadError } from './types.js';
export type { Embedder, EmbedderOptions, LoadedEmbedder, LoadProgressInfo, PrefixScheme } from './types.js';

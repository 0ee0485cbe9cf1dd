/** Temporary corpora and indexes for tests: real files, real builds, removed afterwards. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/config.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(ROOT, 'corpus');
export const MODELS = path.join(ROOT, 'tests/fixtures/models');

export interface TempIndex {
  corpusDir: string;
  indexDir: string;
  config: Config;
  cleanup(): void;
}

/** A copy of the seed corpus and an empty index folder; `model`: 'tiny-vi' (default) or 'none'. */
export function tempIndex(opts: { model?: string; seeds?: boolean; env?: Record<string, string> } = {}): TempIndex {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vn-index-test-'));
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'embeddings');
  if (opts.seeds ?? true) cpSync(SEEDS, corpusDir, { recursive: true });
  const config = loadConfig(
    {
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      EMBEDDING_MODEL: opts.model ?? 'tiny-vi',
      MODELS_DIR: MODELS,
      WATCH_INDEX: 'false',
      LOG_LEVEL: 'silent',
      ...opts.env,
    },
    ROOT,
  );
  return { corpusDir, indexDir, config, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

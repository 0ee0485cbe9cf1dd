/** Temporary corpora and indexes for tests: real files, real builds, removed afterwards. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { LoadedIndex } from '../../src/index/load.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(ROOT, 'corpus');
export const MODELS = path.join(ROOT, 'tests/fixtures/models');

export interface TempIndex {
  root: string;
  corpusDir: string;
  indexDir: string;
  config: Config;
  cleanup(): void;
}

/** A temporary folder with a copy of the seed corpus (unless `seeds: false`), an index path and a config for them. */
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
  return { root, corpusDir, indexDir, config, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The seeds built into a temporary index, with a pristine copy to restore between tests that damage it. */
export async function builtSeedIndex(model = 'tiny-vi'): Promise<TempIndex & { restore(): void }> {
  const { buildIndex } = await import('../../src/index/build.js');
  const t = tempIndex({ model });
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  const pristine = path.join(t.root, 'pristine');
  cpSync(t.indexDir, pristine, { recursive: true });
  return {
    ...t,
    restore() {
      rmSync(t.indexDir, { recursive: true, force: true });
      cpSync(pristine, t.indexDir, { recursive: true });
    },
  };
}

/**
 * The seeds built keyword-only and loaded, for a test file's `describe`s: registers the build before
 * and the removal after, and returns a getter for the loaded index.
 */
export function useSeedIndex(): () => LoadedIndex {
  let t: TempIndex;
  let index: LoadedIndex;
  beforeAll(async () => {
    const { buildIndex } = await import('../../src/index/build.js');
    const { loadIndex } = await import('../../src/index/load.js');
    t = tempIndex({ model: 'none' });
    await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
    index = await loadIndex(t.indexDir);
  });
  afterAll(() => t.cleanup());
  return () => index;
}

/**
 * The seeds built keyword-only and opened as an engine, for a test file's `describe`s: registers the
 * build before and the close and removal after, and returns a getter for the engine.
 */
export function useSeedEngine(): () => import('../../src/engine/engine.js').Engine {
  let t: TempIndex;
  let engine: import('../../src/engine/engine.js').Engine;
  beforeAll(async () => {
    const { buildIndex } = await import('../../src/index/build.js');
    const { Engine } = await import('../../src/engine/engine.js');
    t = tempIndex({ model: 'none' });
    await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
    engine = await Engine.open(t.config, { watch: false });
  });
  afterAll(async () => {
    await engine?.close();
    t?.cleanup();
  });
  return () => engine;
}

/**
 * An engine over reports written for a test (file name -> text), built once for the file's tests and
 * removed after them. Returns a getter: the engine exists only once beforeAll has run.
 */
export function useCorpusEngine(articles: Readonly<Record<string, string>>): () => import('../../src/engine/engine.js').Engine {
  return useCorpus(articles).engine;
}

/** useCorpusEngine, with the built index loaded too, for tests of the search's parts on it. */
export function useCorpus(articles: Readonly<Record<string, string>>): {
  engine: () => import('../../src/engine/engine.js').Engine;
  index: () => import('../../src/index/load.js').LoadedIndex;
} {
  let t: TempIndex;
  let engine: import('../../src/engine/engine.js').Engine;
  let index: import('../../src/index/load.js').LoadedIndex;
  beforeAll(async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { buildIndex } = await import('../../src/index/build.js');
    const { Engine } = await import('../../src/engine/engine.js');
    const { loadIndex } = await import('../../src/index/load.js');
    t = tempIndex({ seeds: false, model: 'none' });
    mkdirSync(t.corpusDir, { recursive: true });
    for (const [name, text] of Object.entries(articles)) writeFileSync(path.join(t.corpusDir, name), text);
    await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
    engine = await Engine.open(t.config, { watch: false });
    index = await loadIndex(t.indexDir);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    t?.cleanup();
  });
  return { engine: () => engine, index: () => index };
}

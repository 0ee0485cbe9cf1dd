/** Chunk texts read into memory at load (a small index) or from their files when asked: the same texts either way. */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { currentVersionDir } from '../../src/index/store.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

describe('chunk texts in memory or on disk', () => {
  let t: TempIndex;
  let inMemory: LoadedIndex;
  let onDisk: LoadedIndex;
  beforeAll(async () => {
    t = tempIndex({ model: 'none' });
    await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
    inMemory = await loadIndex(t.indexDir);
    onDisk = await loadIndex(t.indexDir, { textsInMemoryBytes: 0 });
  });
  afterAll(() => t.cleanup());

  it('gives every chunk the same text, and still reads them once texts.bin is removed', async () => {
    const texts = onDisk.chunks.map((c) => c.text);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.every((x) => x.length > 0)).toBe(true);
    expect(inMemory.chunks.map((c) => c.text)).toEqual(texts);
    // A newer build prunes an older version's files: a loaded index keeps reading its own (the open file, or its copy in memory).
    const dir = (await currentVersionDir(t.indexDir))!.dir;
    for (const name of readdirSync(dir).filter((f) => f.startsWith('texts'))) rmSync(path.join(dir, name));
    expect(onDisk.chunks.map((c) => c.text)).toEqual(texts);
    expect(inMemory.chunks.map((c) => c.text)).toEqual(texts);
  });
});

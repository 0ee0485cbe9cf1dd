/**
 * A reload asked for while another is under way must not be answered by it: that load may have read
 * CURRENT before the build asking now committed (a rebuild's reload meeting the index watcher's, or an
 * admin's /reload), and the bot would reply "added" while the old index serves.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { INDEX_FORMAT, POINTER_FILE } from '../../src/index/store.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

/** While set, every load waits for it once it has read its version (a slow load of a large index). */
const gate = vi.hoisted(() => ({ wait: null as Promise<void> | null }));
vi.mock('../../src/index/load.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/index/load.js')>();
  return {
    ...actual,
    loadIndex: async (...args: Parameters<typeof actual.loadIndex>) => {
      const index = await actual.loadIndex(...args);
      if (gate.wait) await gate.wait;
      return index;
    },
  };
});

let t: TempIndex;
afterAll(() => t?.cleanup());

describe('Engine.reload', () => {
  it('a reload asked for during another one serves the version committed since', async () => {
    t = tempIndex({ model: 'none' });
    const build = async () => (await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config })).version;
    const a = await build();
    const keepA = path.join(t.root, 'keep-a');
    cpSync(path.join(t.indexDir, `v-${a}`), keepA, { recursive: true });
    writeFileSync(path.join(t.corpusDir, 'zz-them-1.txt'), 'Hội nghị Đảng bộ xã An Bình lần thứ 3\n\nĐảng bộ xã An Bình có 318 đảng viên.\n');
    const b = await build();
    writeFileSync(path.join(t.corpusDir, 'zz-them-2.txt'), 'Hội nghị Đảng bộ xã Minh Tân\n\nXã Minh Tân có 240 đảng viên.\n');
    const c = await build();
    cpSync(keepA, path.join(t.indexDir, `v-${a}`), { recursive: true }); // pruned by the third build
    const point = (version: string) => writeFileSync(path.join(t.indexDir, POINTER_FILE), JSON.stringify({ format: INDEX_FORMAT, version, dir: `v-${version}` }));

    point(a);
    const engine = await Engine.open(t.config, { watch: false });
    try {
      expect(engine.status().indexVersion).toBe(a);
      let open!: () => void;
      gate.wait = new Promise((resolve) => (open = resolve));
      point(b);
      const first = engine.reload(); // reads b, then waits
      await vi.waitFor(() => expect(engine.status().indexVersion).toBe(a)); // still under way
      await new Promise((resolve) => setTimeout(resolve, 200));
      point(c); // a build commits c while b is being loaded, then asks for a reload
      const second = engine.reload();
      gate.wait = null;
      open();
      expect((await first).ok).toBe(true);
      expect((await second).ok).toBe(true);
      expect(engine.status().indexVersion).toBe(c);
    } finally {
      await engine.close();
    }
  });
});

/**
 * Format 4 keeps the articles' file stamps in stamps.bin; the manifest lists files only, so its size
 * does not grow with the corpus. An index written by the previous version (format 3: stamps in the
 * manifest) still loads, and the next build reuses it incrementally and writes format 4.
 */
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { FILES, POINTER_FILE, decodeStamps, type Manifest, type StoredArticle } from '../../src/index/store.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

let t: TempIndex;
afterAll(() => t?.cleanup());

/** Rewrites the current version as format 3 wrote it: the stamps in the manifest, no stamps.bin. */
function asFormat3(indexDir: string): void {
  const pointerFile = path.join(indexDir, POINTER_FILE);
  const pointer = JSON.parse(readFileSync(pointerFile, 'utf8')) as { format: number; dir: string };
  const dir = path.join(indexDir, pointer.dir);
  const manifest = JSON.parse(readFileSync(path.join(dir, FILES.manifest), 'utf8')) as Manifest;
  const articles = JSON.parse(readFileSync(path.join(dir, FILES.articles), 'utf8')) as StoredArticle[];
  const stamps = decodeStamps(readFileSync(path.join(dir, FILES.stamps)), articles.length);
  manifest.articles = {};
  articles.forEach((a, i) => {
    manifest.articles![a.id] = { file: a.file, contentHash: a.contentHash, chunks: a.chunks, ...(stamps[i] ? { stamp: stamps[i] } : {}) };
  });
  delete manifest.files[FILES.stamps];
  rmSync(path.join(dir, FILES.stamps));
  manifest.format = 3;
  writeFileSync(path.join(dir, FILES.manifest), JSON.stringify(manifest));
  writeFileSync(pointerFile, JSON.stringify({ ...pointer, format: 3 }));
}

describe('index format 4', () => {
  it('keeps stamps with the articles, and builds incrementally on a format 3 index', async () => {
    t = tempIndex({ model: 'none' });
    const build = () => buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
    // Files last written a minute ago: their stamps are recorded (a file written just now is not trusted).
    const past = new Date(Date.now() - 60_000);
    for (const f of readdirSync(t.corpusDir)) utimesSync(path.join(t.corpusDir, f), past, past);
    const first = await build();
    const idx = await loadIndex(t.indexDir);
    const stampsOf = (i: typeof idx) => decodeStamps(readFileSync(path.join(i.dir, FILES.stamps)), i.articles.length);
    const firstStamps = stampsOf(idx);
    expect(firstStamps.every((s) => s !== undefined)).toBe(true);
    expect(idx.manifest.format).toBe(4);
    expect(idx.manifest.articles).toBeUndefined();
    expect(readFileSync(path.join(idx.dir, FILES.manifest)).length).toBeLessThan(4096);

    asFormat3(t.indexDir);
    const old = await loadIndex(t.indexDir);
    expect(old.manifest.format).toBe(3);
    expect(old.manifest.files[FILES.stamps]).toBeUndefined();
    expect(Object.values(old.manifest.articles!).every((a) => a.stamp !== undefined)).toBe(true);

    const again = await build();
    expect(again).toMatchObject({ articles: first.articles, chunks: first.chunks, reused: first.chunks, removed: 0 });
    const next = await loadIndex(t.indexDir);
    expect(next.manifest.format).toBe(4);
    expect(stampsOf(next)).toEqual(firstStamps);
    expect(next.chunks.map((c) => c.id)).toEqual(idx.chunks.map((c) => c.id));
    expect(next.articles.map((a) => a.contentHash)).toEqual(idx.articles.map((a) => a.contentHash));
  });
});

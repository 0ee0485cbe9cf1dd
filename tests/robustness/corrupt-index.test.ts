/**
 * Damaged index files: truncated, overwritten, or replaced by garbage whose checksum the manifest was
 * made to agree with. Loading refuses each with one IndexLoadError line naming the file and the command
 * to run; a running engine refuses such a new index on reload and keeps serving the old one.
 */
import { readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { FILES, IndexLoadError, POINTER_FILE, sha256, type Manifest } from '../../src/index/store.js';
import { builtSeedIndex } from '../helpers/index-fixture.js';

const QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
let sb: Awaited<ReturnType<typeof builtSeedIndex>>;

beforeAll(async () => {
  sb = await builtSeedIndex('tiny-vi');
});
afterAll(() => sb.cleanup());

function restore(): void {
  sb.restore();
}
function versionDir(indexDir = sb.indexDir): string {
  return path.join(indexDir, (JSON.parse(readFileSync(path.join(indexDir, POINTER_FILE), 'utf8')) as { dir: string }).dir);
}
const file = (name: string) => path.join(versionDir(), name);
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, FILES.manifest), 'utf8')) as Manifest;

/** Garbage the manifest agrees with: only the parser and the native reader stand in the way. */
function garbageWithChecksum(name: string, bytes: Buffer): void {
  writeFileSync(file(name), bytes);
  const m = manifestOf(versionDir());
  m.files[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  writeFileSync(file(FILES.manifest), JSON.stringify(m));
}

async function expectRefused(damagedFile: string): Promise<string> {
  const err = await loadIndex(sb.indexDir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `${damagedFile}: loadIndex should refuse`).toBeInstanceOf(IndexLoadError);
  const msg = (err as Error).message;
  expect(msg).not.toContain('\n');
  expect(msg).toContain(damagedFile);
  expect(msg).toMatch(/npm run build-index/);
  return msg;
}

const flip = (p: string) => {
  const b = readFileSync(p);
  const at = Math.floor(b.length / 2);
  b[at] = b[at]! ^ 0xff;
  writeFileSync(p, b);
};
const halve = (p: string) => truncateSync(p, Math.floor(readFileSync(p).length / 2));

describe('damaged index files', () => {
  const names = [FILES.keyword, FILES.chunks, FILES.texts, FILES.vectors, FILES.articles, FILES.titles, FILES.leads];
  for (const name of names) {
    it(`${name}: truncated, flipped, missing`, async () => {
      for (const damage of [halve, flip, unlinkSync]) {
        restore();
        damage(file(name));
        const msg = await expectRefused(name);
        expect(msg).toMatch(/truncated|corrupted|missing/);
      }
    });
  }

  it('garbage with a matching checksum is still refused, by the parsers and before native code', async () => {
    for (const name of [FILES.keyword, FILES.titles, FILES.chunks, FILES.articles, FILES.texts, FILES.vectors]) {
      restore();
      garbageWithChecksum(name, Buffer.from('{"this is": "not an index file" '.repeat(7)));
      await expectRefused(name);
    }
    // A well-formed chunk table whose texts run past the end of texts.bin.
    restore();
    garbageWithChecksum(FILES.texts, readFileSync(file(FILES.texts)).subarray(0, -5));
    expect(await expectRefused(FILES.texts)).toContain(FILES.chunks);
  });

  it('manifest.json: truncated, not a manifest, missing', async () => {
    restore();
    halve(file(FILES.manifest));
    await expectRefused(FILES.manifest);
    restore();
    writeFileSync(file(FILES.manifest), JSON.stringify({ hello: 'world' }));
    await expectRefused(FILES.manifest);
    restore();
    unlinkSync(file(FILES.manifest));
    await expectRefused(FILES.manifest);
  });

  it('CURRENT: truncated, empty, pointing outside, pointing at nothing', async () => {
    for (const content of ['{"format":1,"vers', '', '{"format":1,"version":"x","dir":"../../etc"}']) {
      restore();
      writeFileSync(path.join(sb.indexDir, POINTER_FILE), content);
      await expectRefused(POINTER_FILE);
    }
    restore();
    writeFileSync(path.join(sb.indexDir, POINTER_FILE), JSON.stringify({ format: 1, version: 'gone', dir: 'v-gone' }));
    await expectRefused(FILES.manifest);
  });

  it('Engine.open refuses a damaged index with the same one line (the bot prints it and exits)', async () => {
    restore();
    flip(file(FILES.keyword));
    await expect(Engine.open(sb.config, { watch: false })).rejects.toThrow(IndexLoadError);
  });
});

describe('a running engine and a damaged new index', () => {
  it('reload() refuses it and keeps serving the old one; a rebuild repairs it', async () => {
    restore();
    const engine = await Engine.open(sb.config, { watch: false });
    try {
      const before = engine.status().indexVersion;
      expect((await engine.ask(QUESTION)).results[0]?.quote).toContain('4.466');

      writeFileSync(path.join(sb.corpusDir, '900_extra.txt'), 'Hội nghị sơ kết quý I\n\nSáng 2/3, Đảng ủy phường tổ chức hội nghị sơ kết quý I với 77 đảng viên tham dự.\n');
      await buildIndex({ corpusDir: sb.corpusDir, outDir: sb.indexDir, config: sb.config });
      for (const [name, damage] of [
        [FILES.keyword, flip],
        [FILES.vectors, halve],
        [FILES.chunks, halve],
      ] as const) {
        const saved = readFileSync(file(name));
        damage(file(name));
        const r = await engine.reload();
        expect(r.ok).toBe(false);
        expect(r.message).toContain(`still serving ${before}`);
        expect(r.message).toContain(name);
        expect(engine.status().indexVersion).toBe(before);
        const a = await engine.ask(QUESTION);
        expect(a.indexVersion).toBe(before);
        expect(a.results[0]?.quote).toContain('4.466');
        writeFileSync(file(name), saved);
      }

      // The damaged index is not reused by the next build: it says so and builds from scratch.
      flip(file(FILES.keyword));
      const lines: string[] = [];
      const report = await buildIndex({ corpusDir: sb.corpusDir, outDir: sb.indexDir, config: sb.config, log: (l) => lines.push(l) });
      expect(lines.join('\n')).toMatch(/Previous index not reusable .*keyword\.bin.*building from scratch/);
      expect(report.embedded).toBe(report.chunks);
      const r = await engine.reload();
      expect(r.ok).toBe(true);
      expect(engine.status().indexVersion).toBe(report.version);
      expect((await engine.ask('Đảng ủy phường hội nghị sơ kết quý I có bao nhiêu đảng viên tham dự?')).results[0]?.quote).toContain('77 đảng viên');
    } finally {
      await engine.close();
    }
  });
});

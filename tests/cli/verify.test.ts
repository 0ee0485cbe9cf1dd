/**
 * `npm run build-index -- --verify`: a file damaged in a way loading cannot see (same size, same stamp)
 * is found and named, in Vietnamese or English, with a non-zero exit; an intact index exits 0.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { currentVersionDir, FILES } from '../../src/index/store.js';
import { ROOT, tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let t: TempIndex;
beforeAll(async () => {
  t = tempIndex({ model: 'none' });
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
});
afterAll(() => t.cleanup());

const verify = (lang: string) =>
  run(TSX, ['scripts/build-index.ts', '--out', t.indexDir, '--verify'], { cwd: ROOT, env: { ...process.env, EMBEDDING_MODEL: 'none', LANG: lang, LC_ALL: '' } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

/** Flips one byte of a file of the current version, keeping its size and modification time. */
async function flipByte(name: string): Promise<string> {
  const file = path.join((await currentVersionDir(t.indexDir))!.dir, name);
  const st = statSync(file);
  const bytes = readFileSync(file);
  const at = bytes.length >> 1;
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(file, bytes);
  utimesSync(file, st.atime, st.mtime);
  return file;
}

describe('build-index --verify', () => {
  it('says an intact index is intact and exits 0', async () => {
    const r = await verify('en_US.UTF-8');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The index \S+ in .+ is intact: \d+ files/);
  });

  it('names a file damaged behind its stamp (loading may trust it), and exits 1', async () => {
    const file = await flipByte(FILES.keyword);
    const en = await verify('en_US.UTF-8');
    expect(en.code).toBe(1);
    expect(en.out).toContain(`${file} is corrupted (checksum mismatch).`);
    expect(en.out).toMatch(/is damaged: 1 of \d+ files do not match the manifest/);
    const vi = await verify('vi_VN.UTF-8');
    expect(vi.code).toBe(1);
    expect(vi.out).toContain(`${file} bị hỏng (sai tổng kiểm tra).`);
    expect(vi.out).toMatch(/bị hỏng: 1 trên \d+ tệp không khớp manifest/);
  });

  it('names a truncated file too', async () => {
    const file = path.join((await currentVersionDir(t.indexDir))!.dir, FILES.titles);
    truncateSync(file, 10);
    const r = await verify('en_US.UTF-8');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file} is truncated or damaged (10 bytes, expected`);
    expect(r.out).toMatch(/is damaged: 2 of \d+ files/);
  });
});

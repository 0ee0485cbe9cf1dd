/**
 * `npm install` / `npm ci` run scripts/prepare.mjs (package.json "prepare"): it compiles into dist/ so that
 * the first `npm start` runs compiled JavaScript, and it never fails an install that has nothing to compile.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project folder holding prepare.mjs, and what else `parts` asks for. */
function project(parts: { sources?: boolean; typescript?: boolean }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prepare-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  copyFileSync(path.join(ROOT, 'scripts/prepare.mjs'), path.join(dir, 'scripts/prepare.mjs'));
  if (parts.sources) {
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/hello.ts'), 'export const hello: string = "xin chào";\n');
    writeFileSync(
      path.join(dir, 'tsconfig.build.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', outDir: 'dist', rootDir: '.', incremental: true, tsBuildInfoFile: 'dist/.tsbuildinfo' }, include: ['src'] }),
    );
  }
  if (parts.typescript) {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.join(ROOT, 'node_modules/typescript'), path.join(dir, 'node_modules/typescript'), 'dir');
  }
  return dir;
}

describe('npm prepare (scripts/prepare.mjs)', () => {
  it('is the package\'s prepare script', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('node scripts/prepare.mjs');
  });

  it('compiles the sources into dist/, with the stamp scripts/run.mjs compares against', async () => {
    const dir = project({ sources: true, typescript: true });
    await run(process.execPath, ['scripts/prepare.mjs'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'dist/src/hello.js'), 'utf8')).toContain('xin chào');
    expect(existsSync(path.join(dir, 'dist/.tsbuildinfo'))).toBe(true);
  }, 60_000);

  it('does nothing and succeeds without sources (Docker copies package.json first) or without TypeScript (--omit=dev)', async () => {
    for (const dir of [project({ typescript: true }), project({ sources: true })]) {
      const { stderr } = await run(process.execPath, ['scripts/prepare.mjs'], { cwd: dir });
      expect(stderr).toBe('');
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    }
  });

  it('warns in the user\'s language but does not fail the install when the compile reports errors', async () => {
    const dir = project({ sources: true, typescript: true });
    writeFileSync(path.join(dir, 'src/hello.ts'), 'export const hello: number = "không phải số";\n');
    const vi = await run(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(vi.stderr).toContain('Biên dịch vào dist/ báo lỗi');
    const en = await run(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, env: { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(en.stderr).toContain('Compiling to dist/ reported errors');
  }, 60_000);
});

/** The scripts as an operator runs them: through npm, piped into jq, asked for --help. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TOP_K } from '../../src/config.js';
import { buildIndex } from '../../src/index/build.js';
import { ROOT, tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ENV = { ...process.env, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' };

let t: TempIndex;
beforeAll(async () => {
  t = tempIndex({ model: 'none' });
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
});
afterAll(() => t.cleanup());

describe('npm run -s ask -- --json', () => {
  it('stdout is JSON lines only, through npm', async () => {
    const file = path.join(t.root, 'questions.txt');
    writeFileSync(file, 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?\nbi thu thanh uy hue la ai\n');
    const { stdout } = await run('npm', ['run', '-s', 'ask', '--', '--index', t.indexDir, '--json', '--batch', file], { cwd: ROOT, env: ENV });
    const lines = stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(0, -1).map((l) => JSON.parse(l) as { answered: boolean });
    expect(rows.map((r) => r.answered)).toEqual([true, true]);
  });

  it(`--top and TOP_K share one limit (${MAX_TOP_K})`, async () => {
    const ok = await run(TSX, ['scripts/ask.ts', '--index', t.indexDir, '--json', '--top', String(MAX_TOP_K), 'Huế festival'], { cwd: ROOT, env: ENV });
    expect(JSON.parse(ok.stdout).question).toBe('Huế festival');
    const err = (await run(TSX, ['scripts/ask.ts', '--index', t.indexDir, '--top', String(MAX_TOP_K + 1), 'Huế'], { cwd: ROOT, env: ENV }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain(`--top must be an integer from 1 to ${MAX_TOP_K}.`);
  });
});

describe('--help', () => {
  const scripts = readdirSync(path.join(ROOT, 'scripts')).filter((f) => f.endsWith('.ts') && f !== 'start.ts');
  it.each(scripts)('%s --help prints its usage and exits 0, even with bad settings', async (script) => {
    const { stdout } = await run(TSX, [`scripts/${script}`, '--help'], { cwd: ROOT, env: { ...ENV, TOP_K: 'many' } });
    expect(stdout).toMatch(new RegExp(`^Usage: npm run (-s )?${script.replace(/\.ts$/, '')} `));
    expect(stdout.trim().split('\n').length).toBeGreaterThan(2); // what each flag does, not only the synopsis
  });
});

describe('build-index --help (probe10)', () => {
  it('names every kind of article file the corpus may hold, not only .txt and .md', async () => {
    const { stdout } = await run(TSX, ['scripts/build-index.ts', '--help'], { cwd: ROOT, env: ENV });
    expect(stdout).toMatch(/--corpus DIR .*\.txt, \.md, \.html, \.htm, \.docx, \.pdf/u);
  });
});

describe('npm start -- --help (probe10)', () => {
  // It used to ignore its arguments: `--help` built a missing index and opened the chat or the bot.
  const empty = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vn-start-help-'));
    mkdirSync(path.join(dir, 'corpus'));
    return dir;
  };
  it('prints its usage and exits 0, without building an index, even with bad settings', async () => {
    const dir = empty();
    try {
      const env = { ...ENV, TOP_K: 'many', CORPUS_DIR: path.join(dir, 'corpus'), INDEX_DIR: path.join(dir, 'index'), BOT_TOKEN: '' };
      const { stdout } = await run(TSX, ['scripts/start.ts', '--help'], { cwd: ROOT, env, timeout: 30_000 });
      expect(stdout).toMatch(/^Usage: npm start /u);
      expect(stdout.trim().split('\n').length).toBeGreaterThan(2);
      expect(readdirSync(dir)).toEqual(['corpus']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('refuses an argument it does not know with the usage and exit code 1', async () => {
    const dir = empty();
    try {
      const env = { ...ENV, CORPUS_DIR: path.join(dir, 'corpus'), INDEX_DIR: path.join(dir, 'index'), BOT_TOKEN: '' };
      const err = (await run(TSX, ['scripts/start.ts', '--port', '8080'], { cwd: ROOT, env, timeout: 30_000 }).catch((e: unknown) => e)) as { code: number; stderr: string };
      expect(err.code).toBe(1);
      expect(err.stderr).toContain('Usage: npm start');
      expect(readdirSync(dir)).toEqual(['corpus']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/run.mjs', () => {
  it('runs the compiled copy only while it is newer than every source file, else the source through tsx', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'vn-launcher-'));
    try {
      for (const dir of ['scripts', 'src', 'dist/scripts']) mkdirSync(path.join(root, dir), { recursive: true });
      copyFileSync(path.join(ROOT, 'scripts/run.mjs'), path.join(root, 'scripts/run.mjs'));
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
      writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }');
      writeFileSync(path.join(root, 'scripts/hello.ts'), "const from: string = 'source';\nconsole.log(from, process.argv.slice(2).join(' '));\n");
      writeFileSync(path.join(root, 'src/lib.ts'), 'export const x = 1;\n');
      const launch = async () => (await run(process.execPath, [path.join(root, 'scripts/run.mjs'), 'scripts/hello.ts', 'a', 'b'], { cwd: root })).stdout.trim();
      expect(await launch()).toBe('source a b'); // nothing compiled

      const past = new Date(Date.now() - 60_000);
      for (const f of ['scripts/hello.ts', 'src/lib.ts']) utimesSync(path.join(root, f), past, past);
      writeFileSync(path.join(root, 'dist/scripts/hello.js'), "console.log('compiled', process.argv.slice(2).join(' '));\n");
      writeFileSync(path.join(root, 'dist/.tsbuildinfo'), '{}');
      expect(await launch()).toBe('compiled a b');

      const future = new Date(Date.now() + 60_000);
      utimesSync(path.join(root, 'src/lib.ts'), future, future); // a source edited after compiling
      expect(await launch()).toBe('source a b');

      // The Docker image: dist/ and the launcher, no sources (and no tsx): dist/ runs.
      rmSync(path.join(root, 'src'), { recursive: true });
      rmSync(path.join(root, 'scripts/hello.ts'));
      rmSync(path.join(root, 'node_modules'));
      expect(await launch()).toBe('compiled a b');

      // Sources newer than dist/ and tsx not installed (npm ci --omit=dev): one line saying what to run.
      writeFileSync(path.join(root, 'scripts/hello.ts'), "console.log('source');\n");
      utimesSync(path.join(root, 'scripts/hello.ts'), future, future);
      const failed = await run(process.execPath, [path.join(root, 'scripts/run.mjs'), 'scripts/hello.ts'], { cwd: root, env: { ...process.env, LC_ALL: 'en_US.UTF-8' } }).catch((e: { code: number; stderr: string }) => e);
      expect('code' in failed && failed.code).toBe(1);
      expect(failed.stderr).toContain('npm ci && npm run compile');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

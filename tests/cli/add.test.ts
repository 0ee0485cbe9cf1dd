/** npm run add: files into the corpus, then the incremental build; a refused source fails alone. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const FIXTURES = path.join(ROOT, 'tests/fixtures/formats');

let t: TempIndex;
beforeAll(() => {
  t = tempIndex({ seeds: false });
});
afterAll(() => t.cleanup());

async function add(args: string[], lang = 'en_US.UTF-8'): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/add.ts', '--corpus', t.corpusDir, '--out', t.indexDir, ...args], {
      cwd: ROOT,
      // The summary line is in the operator's language: English here, explicitly.
      env: { ...process.env, MODELS_DIR: 'tests/fixtures/models', EMBEDDING_MODEL: 'tiny-vi', LOG_LEVEL: 'silent', LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run add', () => {
  it('adds the files it can, says why it refuses the others, builds the index and exits 1 when something was refused', async () => {
    const r = await add([path.join(FIXTURES, 'pdf/003_8fd1f3030b24dd22.pdf'), 'file:///etc/passwd', path.join(FIXTURES, 'html/004_7239dae0792dcdec.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Not added file:///etc/passwd: only http and https addresses can be added');
    expect(r.stdout).toMatch(/Added .*003_8fd1f3030b24dd22\.pdf: Đảng ủy Khối Dân - Chính - Đảng TPHCM/u);
    expect(r.stdout).toMatch(/^2 articles, \d+ chunks: \d+ embedded, 0 reused, 0 removed/mu);
    expect(readdirSync(t.corpusDir).sort()).toEqual(['003_8fd1f3030b24dd22.pdf', '004_7239dae0792dcdec.html']);
  }, 60_000);

  it('says when a name is taken and the article was saved under another, and how to replace it instead (probe10)', async () => {
    const src = mkdtempSync(path.join(tmpdir(), 'add-src-'));
    try {
      // Two different reports under the same file name: the second must not pass silently as "added".
      const file = path.join(src, 'Báo cáo hội nghị.pdf');
      copyFileSync(path.join(FIXTURES, 'pdf/000_2f1c6def5fbb55b7.pdf'), file);
      expect((await add([file])).code).toBe(0);
      copyFileSync(path.join(FIXTURES, 'pdf/001_118586bd13fbd541.pdf'), file);
      const r = await add([file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Added .*bao-cao-hoi-nghi-2\.pdf/u);
      expect(r.stdout).toContain('note: bao-cao-hoi-nghi.pdf already had this name');
      expect(r.stdout).toContain('--replace');
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  }, 90_000);

  it('speaks Vietnamese to a Vietnamese locale', async () => {
    const r = await add(['file:///etc/passwd'], 'vi_VN.UTF-8');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Không thêm được file:\/\/\/etc\/passwd: chỉ thêm được địa chỉ http và https, không phải "file:"/m);
  }, 30_000);

  it('without sources it prints the usage', async () => {
    const r = await add([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Usage: npm run -s add --');
  }, 30_000);
});

/**
 * `npm run ask` over an index whose model the terminal cannot load: the answers say only "keyword search,
 * see /status", and a terminal has no /status. The operator gets one line saying why and what to do, in
 * Vietnamese or English; stdout (the answer, or the JSON) is unchanged. `npm start` says it too (its log
 * line is English JSON, silent at LOG_LEVEL=silent).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { ROOT, tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const HP = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';

let t: TempIndex;
let noModels: string;
beforeAll(async () => {
  t = tempIndex();
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  noModels = path.join(t.root, 'models');
  mkdirSync(noModels);
});
afterAll(() => t.cleanup());

const ask = (args: string[], env: Record<string, string>) =>
  run(TSX, ['scripts/ask.ts', '--index', t.indexDir, ...args], { cwd: ROOT, env: { ...process.env, EMBEDDING_MODEL: 'tiny-vi', LOG_LEVEL: 'silent', LANG: 'vi_VN.UTF-8', LC_ALL: '', ...env } });

describe('ask with the index\'s model missing', () => {
  it('answers by keywords and says once, on stderr, which model is missing where', async () => {
    const { stdout, stderr } = await ask(['--json', HP], { MODELS_DIR: noModels });
    expect(JSON.parse(stdout).results[0].quote).toContain('4.466');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/"tiny-vi".*MODELS_DIR.*Chỉ tìm theo từ khóa/u);
    const en = await ask([HP], { MODELS_DIR: noModels, LANG: 'en_US.UTF-8' });
    expect(en.stderr).toMatch(/"tiny-vi" not found.*Keyword search only/u);
  });

  it('says nothing when the model serves, or keyword-only search was asked for', async () => {
    expect((await ask([HP], { MODELS_DIR: path.join(ROOT, 'tests/fixtures/models') })).stderr).toBe('');
    expect((await ask([HP], { MODELS_DIR: noModels, EMBEDDING_MODEL: 'none' })).stderr).toBe('');
  });
});

describe('npm start (console chat) with the index\'s model missing', () => {
  it('says why it searches by keywords only before the chat opens', async () => {
    const child = spawn(TSX, ['scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, EMBEDDING_MODEL: 'tiny-vi', MODELS_DIR: noModels, INDEX_DIR: t.indexDir, CORPUS_DIR: t.corpusDir, STORE_PATH: 'none', LOG_LEVEL: 'silent', BOT_TOKEN: '', LANG: 'vi_VN.UTF-8', LC_ALL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end();
    await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toMatch(/"tiny-vi".*MODELS_DIR.*Chỉ tìm theo từ khóa/u);
  });
});

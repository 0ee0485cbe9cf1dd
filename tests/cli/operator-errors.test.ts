/**
 * What an operator sees when `npm run build-index` cannot do its job: one line (no stack trace) saying
 * what is wrong and what to do, in Vietnamese unless the locale is English; and the index in use intact.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorLang, operatorMessage } from '../../src/cli/messages.js';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { acquireBuildLock } from '../../src/index/store.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';
import { childBuild, ROOT, type ChildResult } from '../robustness/helpers.js';

const FAIL_WRITES = ['--import', path.join(ROOT, 'tests/helpers/fail-writes.ts')];
const VI = { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

let t: TempIndex;
let version: string;
beforeAll(async () => {
  t = tempIndex({ model: 'none' });
  version = (await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config })).version;
});
afterAll(() => t.cleanup());

/** The error: the last line of stderr (before it, the build's own notes about the corpus), never a stack trace. */
function oneLine(r: ChildResult): string {
  expect(r.stderr).not.toMatch(/^\s+at |Error:/m);
  return r.stderr.trim().split('\n').at(-1)!;
}

/** The previous index still serves, and the failed build left no lock and no half-written folder. */
async function intact(): Promise<void> {
  expect((await loadIndex(t.indexDir, { skipVectors: true })).manifest.version).toBe(version);
  expect(existsSync(path.join(t.indexDir, '.build.lock'))).toBe(false);
  expect(readdirSync(t.indexDir).filter((d) => d.startsWith('v-'))).toHaveLength(1);
}

describe('operator errors of build-index', () => {
  it('a full disk (ENOSPC while writing the index files)', async () => {
    const env = { FAIL_WRITES_CODE: 'ENOSPC', FAIL_WRITES_MATCH: '/v-[^/]+/.' };
    const vi = await childBuild(t, { nodeArgs: FAIL_WRITES, env: { ...env, ...VI } });
    expect(vi.code).toBe(1);
    const line = oneLine(vi);
    expect(line).toMatch(/^Ổ đĩa đã đầy khi ghi .*\/v-[^/]+\/\S+\. Hãy giải phóng dung lượng/);
    await intact();
    const en = await childBuild(t, { nodeArgs: FAIL_WRITES, env: { ...env, ...EN } });
    expect(oneLine(en)).toMatch(/^The disk is full \(writing .*\)\. Free some space/);
    await intact();
  });

  it('a read-only index folder (EROFS)', async () => {
    const env = { FAIL_WRITES_CODE: 'EROFS', FAIL_WRITES_MATCH: `^${t.indexDir}` };
    const vi = await childBuild(t, { nodeArgs: FAIL_WRITES, env: { ...env, ...VI } });
    expect(vi.code).toBe(1);
    expect(oneLine(vi)).toBe(
      `Không ghi được vào ${t.indexDir} (hệ thống tệp chỉ đọc). Hãy cho phép ghi vào thư mục chỉ mục (quyền của người dùng chạy bot, volume không gắn chỉ đọc) hoặc chọn thư mục khác bằng --out hoặc INDEX_DIR.`,
    );
    await intact();
    const en = await childBuild(t, { nodeArgs: FAIL_WRITES, env: { ...env, ...EN } });
    expect(oneLine(en)).toMatch(/^Cannot write to .* \(read-only file system\)\. Make the index folder writable/);
  });

  it('another build is running', async () => {
    const release = await acquireBuildLock(t.indexDir); // held by this (live) process
    try {
      const vi = await childBuild(t, { env: VI });
      expect(vi.code).toBe(75);
      expect(oneLine(vi)).toMatch(new RegExp(`^Một lần xây dựng chỉ mục khác \\(pid ${process.pid}, từ .*\\) đang ghi vào ${t.indexDir}\\. Hãy đợi nó xong rồi chạy lại; nếu chắc chắn .* hãy xoá tệp .*\\.build\\.lock\\.$`));
      const en = await childBuild(t, { env: EN });
      expect(oneLine(en)).toMatch(/^Another index build \(pid \d+, since .*\) is writing .*\. Wait for it to finish/);
    } finally {
      await release();
    }
    expect((await loadIndex(t.indexDir, { skipVectors: true })).manifest.version).toBe(version);
  });

  it('build-index --corpus /nonexistent', async () => {
    const args = ['--corpus', '/nonexistent', '--out', t.indexDir];
    const vi = await childBuild(t, { args, env: VI });
    expect(vi.code).toBe(1);
    expect(oneLine(vi)).toBe('Không tìm thấy thư mục bài viết /nonexistent. Hãy kiểm tra --corpus hoặc CORPUS_DIR (thư mục chứa các bài: tệp .txt, .md, .html, .htm, .docx, .pdf).');
    const en = await childBuild(t, { args, env: EN });
    expect(oneLine(en)).toBe('Corpus folder not found: /nonexistent. Check --corpus or CORPUS_DIR (the folder of the articles: .txt, .md, .html, .htm, .docx, .pdf files).');
    await intact();
  });
});

describe('operator messages', () => {
  it('language: LC_ALL, then LC_MESSAGES, then LANG; Vietnamese unless English', () => {
    expect(operatorLang({})).toBe('vi');
    expect(operatorLang({ LANG: 'C.UTF-8' })).toBe('vi');
    expect(operatorLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(operatorLang({ LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' })).toBe('vi');
    expect(operatorLang({ LANG: 'vi_VN', LC_ALL: 'en_US.UTF-8' })).toBe('en');
  });

  it('permission denied names the path; unknown errors are left to the stack trace', () => {
    const e = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/srv/bot/embeddings/v-1/keyword.bin' });
    expect(operatorMessage(e, 'vi')).toMatch(/^Không ghi được vào \/srv\/bot\/embeddings\/v-1\/keyword\.bin \(không có quyền\)\./);
    expect(operatorMessage(e, 'en')).toMatch(/^Cannot write to \/srv\/bot\/embeddings\/v-1\/keyword\.bin \(permission denied\)\./);
    expect(operatorMessage(new TypeError('x is undefined'), 'vi')).toBeNull();
  });
});

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { ROOT, tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const HP = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';

let t: TempIndex;
beforeAll(async () => {
  t = tempIndex();
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
});
afterAll(() => t.cleanup());

async function ask(args: string[], env: Record<string, string> = {}) {
  return run(TSX, ['scripts/ask.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, MODELS_DIR: 'tests/fixtures/models', EMBEDDING_MODEL: 'tiny-vi', LOG_LEVEL: 'silent', ...env },
  });
}

describe('npm run ask', () => {
  it('--json gives the documented shape', async () => {
    const { stdout } = await ask(['--index', t.indexDir, '--json', '--top', '2', HP]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['question', 'answered', 'results', 'reply']));
    expect(j.question).toBe(HP);
    expect(j.answered).toBe(true);
    expect(j.results.length).toBeGreaterThan(0);
    expect(j.results.length).toBeLessThanOrEqual(2);
    const r = j.results[0];
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['rank', 'score', 'article', 'paragraph', 'text', 'quote']));
    expect(Object.keys(r.article)).toEqual(expect.arrayContaining(['id', 'title', 'date', 'source', 'url']));
    expect(r).toMatchObject({ rank: 1, article: { id: '004_7239dae0792dcdec', date: '2024-10-16', source: 'HPĐT', url: null } });
    expect(r.text).toContain(r.quote);
    expect(r.quote).toContain('4.466 đảng viên');
    expect(j.reply).toContain('<blockquote>');
    expect(j.reply).toContain('4.466');
  });

  it('--batch answers one JSON line per question, and refuses what the corpus does not say', async () => {
    const file = path.join(path.dirname(t.indexDir), 'questions.txt');
    writeFileSync(file, `${HP}\nbi thu thanh uy hue la ai\n\nGiá vàng SJC hôm nay là bao nhiêu?\n`);
    const { stdout } = await ask(['--index', t.indexDir, '--json', '--batch', file]);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.answered)).toEqual([true, true, false]);
    expect(rows[1].results[0].quote).toContain('Phan Thiên Định');
    expect(rows[2].results).toEqual([]);
    expect(rows[2].reply).toMatch(/không trả lời/);
  });

  it('--conversation: consecutive lines are one chat, a blank line starts another; each line says how it was read', async () => {
    const file = path.join(path.dirname(t.indexDir), 'chat.txt');
    writeFileSync(file, `Ai là Bí thư Thành ủy Hải Phòng?\nthế còn Huế?\n\nthế còn Huế?\n`);
    const { stdout } = await ask(['--index', t.indexDir, '--json', '--conversation', '--batch', file]);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ question: 'thế còn Huế?', interpreted: 'Ai là Bí thư Thành ủy Huế?' });
    expect(rows[1].results[0].quote).toContain('Phan Thiên Định');
    expect(rows[2].interpreted).not.toContain('Bí thư'); // a new chat: nothing to follow
  });

  it('plain output quotes the paragraph and names its article and date', async () => {
    const { stdout } = await ask(['--index', t.indexDir, HP]);
    expect(stdout).toContain('4.466 đảng viên');
    expect(stdout).toContain('Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ');
    expect(stdout).toContain('16/10/2024');
  });

  it('works keyword-only with EMBEDDING_MODEL=none', async () => {
    const { stdout } = await ask(['--index', t.indexDir, HP], { EMBEDDING_MODEL: 'none' });
    expect(stdout).toContain('4.466 đảng viên');
  });

  it('a missing index is one clear line and exit code 1, not a stack trace', async () => {
    const EN = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const err = await ask(['--index', path.join(t.indexDir, 'nowhere'), HP], EN).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    const stderr = (err as { stderr: string }).stderr.trim();
    expect(stderr).toMatch(/^No index in .*nowhere\. Build it with: npm run build-index/);
    expect(stderr.split('\n')).toHaveLength(1);
    // The same line in Vietnamese for any other locale.
    const vi = await ask(['--index', path.join(t.indexDir, 'nowhere'), HP], { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }).catch((e: { stderr: string }) => e);
    expect((vi as { stderr: string }).stderr.trim()).toMatch(/^Chưa có chỉ mục trong .*nowhere\. Hãy xây dựng bằng: npm run build-index/);
  });
});

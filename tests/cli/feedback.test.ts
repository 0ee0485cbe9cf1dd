import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ROOT } from '../helpers/index-fixture.js';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'feedback-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run feedback -- --export', () => {
  it('writes the votes of the store as eval questions, one JSON line each', async () => {
    const storePath = path.join(dir, 'store.sqlite');
    // Recent votes: the store deletes records older than STORE_KEEP_DAYS when it opens.
    const now = Date.now();
    const day = (n: number) => new Date(now - (3 - n) * 86_400_000).toISOString();
    const store = new SqliteStore(storePath);
    await store.appendFeedback({ time: day(1), chatId: 1, userId: 2, question: 'Ai là Bí thư Thành ủy Huế?', chunkIds: ['c1', 'c2'], indexVersion: 'v1', vote: 'up' });
    await store.appendFeedback({ time: day(2), chatId: 1, userId: 2, question: 'thế còn Hải Dương?', chunkIds: [], indexVersion: 'v1', vote: 'down' });
    await store.close();
    const out = path.join(dir, 'fb.jsonl');
    await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/feedback.ts', '--export', out], { cwd: ROOT, env: { ...process.env, STORE_PATH: storePath, LOG_LEVEL: 'silent' } });
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { id: 'fb-0001', question: 'Ai là Bí thư Thành ủy Huế?', expect: [], article: null, kind: 'feedback_up', chunk_ids: ['c1', 'c2'], index_version: 'v1', time: day(1) },
      { id: 'fb-0002', question: 'thế còn Hải Dương?', expect: [], article: null, kind: 'feedback_down', chunk_ids: [], index_version: 'v1', time: day(2) },
    ]);
  }, 60_000);
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const CONTEXT = { question: 'Quảng Ngãi có bao nhiêu đảng viên?', chunkIds: ['c1'], indexVersion: 'v1', shown: 1 };

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore over a damaged SQLite file', () => {
  it('moves a database file whose pages are garbage aside and starts a fresh store, so the bot still starts', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'store-open-'));
    const file = path.join(dir, 'store.sqlite');
    writeFileSync(file, 'SQLite format 3\0' + 'not a database '.repeat(100));
    const moved: string[] = [];
    const store = openStore({ storePath: file, storeKeepDays: 180 }, (aside) => moved.push(aside));
    await store.setContext({ chatId: 1 }, CONTEXT, 60_000);
    expect(await store.getContext({ chatId: 1 })).not.toBeNull();
    await store.close();
    expect(moved).toHaveLength(1);
    expect(readFileSync(moved[0]!, 'utf8')).toContain('not a database');
  });

  it('leaves a file that is no SQLite file at all where it is (STORE_PATH set to .env by mistake): the error stands', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'store-open-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'BOT_TOKEN=123:abc\n'.repeat(20));
    const moved: string[] = [];
    expect(() => openStore({ storePath: file, storeKeepDays: 180 }, (aside) => moved.push(aside))).toThrow();
    expect(moved).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('BOT_TOKEN=123:abc');
  });

  it('moves a file cut short (a copy or a write that stopped halfway) aside, with its journal', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'store-open-'));
    const full = path.join(dir, 'full.sqlite');
    const good = new SqliteStore(full);
    for (let i = 0; i < 2000; i++) await good.appendQuestion({ time: new Date().toISOString(), chatId: i, question: 'câu hỏi '.repeat(30), interpreted: 'x', confidence: 'high', chunkIds: [], indexVersion: 'v1' });
    await good.close();
    const file = path.join(dir, 'store.sqlite');
    const bytes = readFileSync(full);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(`${file}-wal`, '');
    const moved: string[] = [];
    const store = openStore({ storePath: file, storeKeepDays: 180 }, (aside) => moved.push(aside));
    expect(await store.listQuestions()).toEqual([]);
    await store.close();
    expect(moved).toHaveLength(1);
    expect(existsSync(`${moved[0]!}-wal`)).toBe(true);
  });

  it('opens a sound file as it is, and leaves other errors (a folder that cannot be made) to the caller', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'store-open-'));
    const file = path.join(dir, 'store.sqlite');
    const first = openStore({ storePath: file, storeKeepDays: 180 });
    await first.setContext({ chatId: 2 }, CONTEXT, 60_000);
    await first.close();
    const moved: string[] = [];
    const again = openStore({ storePath: file, storeKeepDays: 180 }, (aside) => moved.push(aside));
    expect(await again.getContext({ chatId: 2 })).not.toBeNull();
    await again.close();
    expect(moved).toEqual([]);
    writeFileSync(path.join(dir, 'plain-file'), '');
    expect(() => openStore({ storePath: path.join(dir, 'plain-file', 'store.sqlite'), storeKeepDays: 180 })).toThrow();
  });
});

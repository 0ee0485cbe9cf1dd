/** The store the settings ask for: SQLite at STORE_PATH (created on first use), or memory with STORE_PATH=none. */
import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';
import type { Config } from '../config.js';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import type { ChatStore } from './types.js';

/**
 * SQLite's codes for a file that is no database or a damaged one (a copy cut short, a disk that filled up
 * mid-write): the bot would not start again until an operator removed it, so it is set aside instead.
 */
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
/** How a SQLite database file begins; a file that does not (STORE_PATH set to .env by mistake) is no store of ours. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Begins as SQLite does, or with zeros (a page cut off before its header was written): a store, damaged. */
function looksLikeStore(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).equals(SQLITE_HEADER.subarray(0, n)) || head.subarray(0, n).every((b) => b === 0);
  } finally {
    closeSync(fd);
  }
}

/** The files SQLite keeps beside the database in WAL mode; they belong to the damaged file. */
const JOURNALS = ['-wal', '-shm'];

/**
 * `onDamaged`: told where a damaged store file was moved (`<file>.damaged-<time>`, its journals beside it)
 * before a fresh store was made in its place; contexts are short-lived, the old records stay in that file.
 */
export function openStore(config: Pick<Config, 'storePath' | 'storeKeepDays'>, onDamaged?: (movedTo: string, err: Error) => void): ChatStore {
  if (config.storePath === null) return new MemoryStore();
  try {
    return new SqliteStore(config.storePath, { keepDays: config.storeKeepDays });
  } catch (err) {
    // Another kind of file is left where it is (moving it would lose someone's file): the error stands.
    if (!DAMAGED_CODES.has((err as { code?: string }).code ?? '') || !looksLikeStore(config.storePath)) throw err;
    const aside = `${config.storePath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(config.storePath, aside);
    for (const j of JOURNALS) if (existsSync(config.storePath + j)) renameSync(config.storePath + j, aside + j);
    onDamaged?.(aside, err as Error);
    return new SqliteStore(config.storePath, { keepDays: config.storeKeepDays });
  }
}

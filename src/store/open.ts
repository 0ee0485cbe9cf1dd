/** The store the settings ask for: SQLite at STORE_PATH (created on first use), or memory with STORE_PATH=none. */
import type { Config } from '../config.js';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import type { ChatStore } from './types.js';

export function openStore(config: Pick<Config, 'storePath' | 'storeKeepDays'>): ChatStore {
  return config.storePath === null ? new MemoryStore() : new SqliteStore(config.storePath, { keepDays: config.storeKeepDays });
}

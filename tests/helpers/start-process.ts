/** `npm start` as a child process, the way a supervisor runs it: for tests of signals, health, log files. */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './index-fixture.js';

/**
 * Runs scripts/start.ts with `env` over the test's environment: keyword-only, no watcher, no store, and
 * the operator's lines in Vietnamese unless `env` says otherwise.
 */
export function spawnStart(env: Record<string, string>, stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', EMBEDDING_MODEL: 'none', WATCH_INDEX: 'false', STORE_PATH: 'none', LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
    stdio,
  });
}

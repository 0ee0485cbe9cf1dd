/**
 * A build-lock contender in its own process (tests/robustness/build-lock.test.ts): says it is ready
 * (GO_FILE.ready.<pid>), waits for the start signal, takes the lock, appends "<pid> in" / "<pid> out" to a journal while holding it, releases.
 * Exit 0: held it; 3: another build held it (one clear refusal); anything else is a failure.
 *   node --import tsx tests/robustness/lock-child.ts INDEX_DIR JOURNAL GO_FILE HOLD_MS
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { acquireBuildLock } from '../../src/index/store.js';

const [indexDir, journal, go, holdMs] = process.argv.slice(2) as [string, string, string, string];
writeFileSync(`${go}.ready.${process.pid}`, '');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 1));
let release: () => Promise<void>;
try {
  release = await acquireBuildLock(indexDir);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(/Another build/.test((e as Error).message) ? 3 : 1);
}
appendFileSync(journal, `${process.pid} in\n`);
await new Promise((r) => setTimeout(r, Number(holdMs)));
appendFileSync(journal, `${process.pid} out\n`);
await release();

/** What a finished build clears from the index folder: old versions and the leftovers of dead builders. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneVersions } from '../../src/index/store.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid no process has (above Linux's pid_max). */
const DEAD = 4_194_999;

describe('pruneVersions', () => {
  it('removes old versions and the temporary files of dead lock and takeover-guard contenders, keeps the rest', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'prune-'));
    for (const d of ['v-old', 'v-keep']) mkdirSync(path.join(dir, d));
    const dead = [`.build.lock.${DEAD}.deadbeef.tmp`, `.build.lock.takeover-0123456789abcdef.${DEAD}.c5989cc1.tmp`];
    const alive = [`.build.lock.${process.pid}.deadbeef.tmp`, 'CURRENT'];
    for (const f of [...dead, ...alive]) writeFileSync(path.join(dir, f), 'x');
    const removed = await pruneVersions(dir, [path.join(dir, 'v-keep')]);
    expect(removed.sort()).toEqual([...dead, 'v-old'].sort());
    expect(readdirSync(dir).sort()).toEqual([...alive, 'v-keep'].sort());
  });
});

/**
 * A build that crashed left its lock behind; then two builds start together. Exactly one of them may
 * take the stale lock over (never both: two writers pruning each other's version folders once left
 * CURRENT pointing at a deleted folder), at least one build succeeds, and the index always loads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { operatorMessage } from '../../src/cli/messages.js';
import { loadIndex } from '../../src/index/load.js';
import { processIdentity } from '../../src/index/lock.js';
import { acquireBuildLock, POINTER_FILE } from '../../src/index/store.js';
import { childBuild, ROOT, sandbox, synthCorpus, type Sandbox } from './helpers.js';

const LOCK = '.build.lock';
const sb: Sandbox = sandbox('none');
afterAll(() => sb.cleanup());

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid;
}

/** A lock left by a builder that died, in the format of this version or of the previous one (a bare pid). */
function staleLock(dir: string, round: number): void {
  mkdirSync(dir, { recursive: true });
  const pid = deadPid();
  const content = round % 2 === 0 ? `${pid}` : JSON.stringify({ pid, host: os.hostname(), startedAt: new Date().toISOString(), token: `dead${round}` }) + '\n';
  writeFileSync(path.join(dir, LOCK), content);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a stale build lock and concurrent builds', () => {
  it('50 rounds of contenders racing for a stale lock: one holder at a time, someone always wins, no lock left', async () => {
    const dir = path.join(sb.root, 'inproc');
    for (let round = 0; round < 50; round++) {
      staleLock(dir, round);
      let active = 0;
      let maxActive = 0;
      const contender = async (): Promise<'won' | 'busy'> => {
        let release: () => Promise<void>;
        try {
          release = await acquireBuildLock(dir);
        } catch (e) {
          expect((e as Error).message).toMatch(/Another build/);
          return 'busy';
        }
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(3);
        active--;
        await release();
        return 'won';
      };
      const outcomes = await Promise.all([contender(), contender(), contender()]);
      expect(maxActive, `round ${round}`).toBe(1);
      expect(outcomes.filter((o) => o === 'won').length, `round ${round}`).toBeGreaterThanOrEqual(1);
      expect(existsSync(path.join(dir, LOCK)), `round ${round}`).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a lock written on another host (another container) is respected: its process cannot be checked from here', async () => {
    const dir = path.join(sb.root, 'other-host');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, LOCK), JSON.stringify({ pid: deadPid(), host: 'another-container', startedAt: '2026-01-01T00:00:00.000Z', token: 'x' }) + '\n');
    const err = await acquireBuildLock(dir).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Another build \(pid \d+ on another-container, since 2026-01-01T00:00:00.000Z\) holds .*\.build\.lock/);
    expect(operatorMessage(err, 'en')).toMatch(/^Another index build \(pid \d+ on another-container, since .*\) is writing .*; if you are sure none is running, delete .*\.build\.lock\.$/);
  });

  it.runIf(process.platform === 'linux')('a live process that merely reuses the pid (other start time, or another boot) does not hold the lock', async () => {
    const dir = path.join(sb.root, 'reused-pid');
    mkdirSync(dir, { recursive: true });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await sleep(100);
      const id = processIdentity(other.pid!);
      expect(id.ticks).not.toBeNull();
      const lock = (extra: object) =>
        writeFileSync(path.join(dir, LOCK), JSON.stringify({ pid: other.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: 't', ...extra }) + '\n');
      lock({ boot: id.boot, ticks: id.ticks }); // that very process: held
      expect(((await acquireBuildLock(dir).catch((e: unknown) => e)) as Error).message).toMatch(/^Another build/);
      for (const reused of [{ boot: id.boot, ticks: id.ticks! - 1 }, { boot: 'another-boot', ticks: id.ticks }]) {
        lock(reused);
        const release = await acquireBuildLock(dir);
        await release();
        expect(existsSync(path.join(dir, LOCK))).toBe(false);
      }
    } finally {
      other.kill();
    }
  });

  it('separate processes racing for a stale lock never hold it together', async () => {
    const dir = path.join(sb.root, 'procs');
    const journal = path.join(sb.root, 'journal.txt');
    for (let round = 0; round < 6; round++) {
      staleLock(dir, round);
      writeFileSync(journal, '');
      const go = path.join(sb.root, `go-${round}`);
      let exited = 0;
      const child = () =>
        new Promise<number | null>((resolve, reject) => {
          const c = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/robustness/lock-child.ts'), dir, journal, go, '150'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } });
          c.on('error', reject);
          c.on('close', (code) => {
            exited++;
            resolve(code);
          });
        });
      const running = [child(), child()];
      const ready = () => readdirSync(sb.root).filter((f) => f.startsWith(`go-${round}.ready.`)).length;
      while (ready() < 2 && exited === 0) await sleep(5); // both processes started and polling for the signal
      writeFileSync(go, '');
      const codes = await Promise.all(running);
      expect(codes.every((c) => c === 0 || c === 3), `round ${round}: exit codes ${codes}`).toBe(true);
      expect(codes.filter((c) => c === 0).length, `round ${round}`).toBeGreaterThanOrEqual(1);
      const lines = readFileSync(journal, 'utf8').trim().split('\n');
      // Holds never interleave: "a in, a out, b in, b out", never "a in, b in".
      for (let i = 0; i < lines.length; i += 2) {
        expect(lines[i]!.endsWith(' in') && lines[i + 1] === lines[i]!.replace(/ in$/, ' out'), `round ${round}: ${lines.join(' | ')}`).toBe(true);
      }
      expect(existsSync(path.join(dir, LOCK))).toBe(false);
    }
  }, 120_000);

  it('a build killed while holding the lock, then two real builds at once: the index always loads', async () => {
    await synthCorpus(sb.corpusDir, 40, 7);
    const lock = path.join(sb.indexDir, LOCK);
    const crashed = await childBuild(sb, { killWhen: () => existsSync(lock) });
    expect(crashed.signal).toBe('SIGKILL');
    expect(existsSync(lock)).toBe(true);
    for (let round = 0; round < 3; round++) {
      if (round > 0) staleLock(sb.indexDir, round);
      const [a, b] = await Promise.all([childBuild(sb), childBuild(sb)]);
      for (const r of [a, b]) {
        if (r.code !== 0) {
          expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
          expect(r.stderr).toMatch(/build/i);
        }
      }
      expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toContain(0);
      const pointer = JSON.parse(readFileSync(path.join(sb.indexDir, POINTER_FILE), 'utf8')) as { dir: string };
      expect(existsSync(path.join(sb.indexDir, pointer.dir))).toBe(true);
      const idx = await loadIndex(sb.indexDir, { skipVectors: true });
      expect(idx.manifest.counts.articles).toBe(40);
      expect(existsSync(lock)).toBe(false);
    }
    rmSync(path.join(sb.root, 'procs'), { recursive: true, force: true });
  }, 120_000);
});

/** The rebuild queue (one build at a time, requests coalesce), the debounce and the corpus watcher. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce, Rebuilder, watchCorpus, type BuildOutcome } from '../../src/engine/rebuild.js';

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('calls once, ms after the last call of a burst', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 2000);
    d();
    vi.advanceTimersByTime(1500);
    d();
    vi.advanceTimersByTime(1500);
    d();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    d();
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('cancel drops a pending call', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('Rebuilder', () => {
  it('runs one build at a time; requests made meanwhile share the next build', async () => {
    let running = 0;
    let maxRunning = 0;
    let builds = 0;
    const release: (() => void)[] = [];
    const reload = vi.fn(async () => ({ ok: true, message: 'loaded' }));
    const r = new Rebuilder({
      build: async (): Promise<BuildOutcome> => {
        running++;
        builds++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        return { ok: true, message: `build ${builds}`, ms: 1 };
      },
      reload,
    });
    const first = r.rebuild();
    // Asked before it started: the same build.
    expect(r.rebuild()).toBe(first);
    await vi.waitFor(() => expect(release).toHaveLength(1));
    // Asked while it runs: both wait for one next build.
    const second = r.rebuild();
    const third = r.rebuild();
    expect(second).toBe(third);
    release.shift()!();
    expect((await first).message).toBe('build 1');
    await vi.waitFor(() => expect(release).toHaveLength(1));
    release.shift()!();
    expect((await second).message).toBe('build 2');
    expect(builds).toBe(2);
    expect(maxRunning).toBe(1);
    expect(reload).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(r.busy).toBe(false));
  });

  it('reports a failed build without reloading, and a failed reload as a failure', async () => {
    const reload = vi.fn(async () => ({ ok: false, message: 'new index refused' }));
    const failing = new Rebuilder({ build: async () => ({ ok: false, message: 'disk full', ms: 1 }), reload });
    expect(await failing.rebuild()).toMatchObject({ ok: false, message: 'disk full' });
    expect(reload).not.toHaveBeenCalled();
    const refused = new Rebuilder({ build: async () => ({ ok: true, message: 'built', ms: 1 }), reload });
    expect(await refused.rebuild()).toMatchObject({ ok: false, message: 'new index refused' });
    const throwing = new Rebuilder({ build: () => Promise.reject(new Error('spawn failed')), reload });
    expect(await throwing.rebuild()).toMatchObject({ ok: false, message: 'spawn failed' });
  });
});

describe('watchCorpus', () => {
  it('calls back once after a burst of changes, and not for hidden files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'watch-corpus-'));
    const onChange = vi.fn();
    const stop = watchCorpus(dir, onChange, { debounceMs: 200, pollMs: 50 });
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(path.join(dir, '.add-123.txt'), 'tạm');
      await new Promise((r) => setTimeout(r, 400));
      expect(onChange).not.toHaveBeenCalled();
      for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, `bai-${i}.txt`), `Bài ${i}`);
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000 });
      await new Promise((r) => setTimeout(r, 400));
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * SIGKILL during `npm run build-index`, at random moments: the previous index still loads and answers,
 * a half-written version folder is never read as an index, and the next build succeeds and cleans up.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/text/random.js';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { INDEX_FORMAT, IndexLoadError, POINTER_FILE } from '../../src/index/store.js';
import { childBuild, sandbox, synthCorpus, type Sandbox } from './helpers.js';

const sb: Sandbox = sandbox('none');
afterAll(() => sb.cleanup());

/** A question made of the first words of a paragraph of the index: the index must answer it. */
async function askSomething(): Promise<{ answered: boolean; version: string }> {
  const idx = await loadIndex(sb.indexDir, { skipVectors: true });
  const chunk = idx.chunks[Math.floor(idx.chunks.length / 2)]!;
  const question = chunk.text.split(/\s+/u).slice(0, 12).join(' ');
  const engine = await Engine.open(sb.config, { watch: false });
  try {
    const a = await engine.ask(question);
    return { answered: a.answered, version: a.indexVersion };
  } finally {
    await engine.close();
  }
}

/** Points a scratch index folder at a leftover version folder: it loads completely or is refused with IndexLoadError. */
async function neverHalfRead(versionDir: string): Promise<'loads' | 'refused'> {
  const scratch = path.join(sb.root, `scratch-${path.basename(versionDir)}`);
  mkdirSync(scratch, { recursive: true });
  cpSync(versionDir, path.join(scratch, path.basename(versionDir)), { recursive: true });
  writeFileSync(path.join(scratch, POINTER_FILE), JSON.stringify({ format: INDEX_FORMAT, version: path.basename(versionDir).slice(2), dir: path.basename(versionDir) }));
  try {
    const idx = await loadIndex(scratch, { skipVectors: true });
    expect(idx.chunks.length).toBe(idx.manifest.counts.chunks);
    return 'loads';
  } catch (e) {
    expect(e).toBeInstanceOf(IndexLoadError);
    expect((e as Error).message).not.toContain('\n');
    return 'refused';
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('a build killed at random moments', () => {
  it('leaves the previous index loadable and answering; the next build succeeds and cleans leftovers', async () => {
    await synthCorpus(sb.corpusDir, 150, 1);
    const first = await childBuild(sb);
    expect(first.stderr).not.toMatch(/Error|at /);
    expect(first.code).toBe(0);
    const fullMs = first.ms;
    let current = (await loadIndex(sb.indexDir)).manifest.version;
    expect((await askSomething()).answered).toBe(true);

    const rng = new Rng(20240601);
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round++) {
      // A whole new corpus: the build re-tokenises everything, so it runs about as long as the first one.
      rmSync(sb.corpusDir, { recursive: true, force: true });
      await synthCorpus(sb.corpusDir, 150, 100 + round);
      // Rounds 0-1: at a random moment of the whole run. Rounds 2-4: a random moment once the new version
      // folder exists, i.e. while its files are being written and committed (the dangerous part).
      const before = new Set(readdirSync(sb.indexDir));
      const writing = round >= 2;
      const delay = writing ? Math.round(rng.next() * 0.05 * fullMs) : Math.round(fullMs * (0.2 + 0.9 * rng.next()));
      const r = await childBuild(sb, writing ? { killWhen: () => readdirSync(sb.indexDir).some((d) => d.startsWith('v-') && !before.has(d)), killAfterMs: delay } : { killAfterMs: delay });
      const killed = r.signal === 'SIGKILL';
      if (!killed) expect(r.code).toBe(0);

      const idx = await loadIndex(sb.indexDir);
      expect(idx.chunks.length).toBe(idx.manifest.counts.chunks);
      // Killed: the old index, or the new one when the kill came after the atomic switch; complete either way.
      const asked = await askSomething();
      expect(asked.answered).toBe(true);
      expect(asked.version).toBe(idx.manifest.version);
      outcomes.push(`${writing ? 'writing + ' : ''}${delay} ms: ${killed ? 'killed' : 'finished'}, serving ${idx.manifest.version === current ? 'previous' : 'new'} index`);
      current = idx.manifest.version;

      for (const leftover of readdirSync(sb.indexDir).filter((d) => d.startsWith('v-') && !idx.dir.endsWith(d))) {
        await neverHalfRead(path.join(sb.indexDir, leftover));
      }
    }
    if (process.env.SHOW_KILLS) console.log(outcomes.join("\n"));
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join('\n')).toBeGreaterThanOrEqual(2);

    // The next build takes over the dead builder's lock, finishes, and removes what the kills left.
    const report = await buildIndex({ corpusDir: sb.corpusDir, outDir: sb.indexDir, config: sb.config });
    expect(report.articles).toBe(150);
    const left = readdirSync(sb.indexDir);
    expect(left.filter((d) => d.startsWith('v-')).length).toBeLessThanOrEqual(2);
    expect(left.filter((d) => d.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(sb.indexDir, '.build.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(sb.indexDir, POINTER_FILE), 'utf8')).version).toBe(report.version);
    expect((await askSomething()).answered).toBe(true);
  });
});

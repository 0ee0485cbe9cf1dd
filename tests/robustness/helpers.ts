/** Shared by the robustness tests: temporary corpora made by the benchmark's generator, configs, child builds. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { afterAll } from 'vitest';
import { generateCorpus, loadSourceText, type GeneratedCorpus, type SourceText } from '../../src/bench/corpus.js';
import { buildIndex } from '../../src/index/build.js';
import { SEEDS, tempIndex, type TempIndex } from '../helpers/index-fixture.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MODELS = path.join(ROOT, 'tests/fixtures/models');

export type Sandbox = TempIndex;

/** An empty temporary folder with corpus/ and embeddings/ paths and a config pointing at them. */
export function sandbox(model = 'none', env: Record<string, string> = {}): Sandbox {
  return tempIndex({ model, seeds: false, env });
}

/**
 * For the segment tests, registered with their removal: `sb`, whose corpus is edited and built
 * incrementally, and `scratch`, built from scratch from the same corpus to compare with; `build(s)`
 * builds `sb`'s corpus into `s`, `seed(i)` names the i-th seed article.
 */
export function segmentSandboxes() {
  const sb = sandbox('none');
  const scratch = sandbox('none');
  afterAll(() => {
    sb.cleanup();
    scratch.cleanup();
  });
  const build = (s: Sandbox) => buildIndex({ corpusDir: sb.corpusDir, outDir: s.indexDir, config: s.config });
  const seed = (i: number) => readdirSync(SEEDS).sort()[i]!;
  return { sb, scratch, build, seed };
}

let source: Promise<SourceText> | null = null;

/** `n` synthetic articles (deterministic for a seed) written into `dir`. */
export async function synthCorpus(dir: string, n: number, seed: number): Promise<GeneratedCorpus> {
  source ??= loadSourceText(ROOT);
  return generateCorpus({ root: ROOT, dir, articles: n, seed, source: await source });
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `npm run build-index` as its own node process (node + the tsx loader, no npx wrapper, so the pid
 * is the builder's). `killAfterMs`: SIGKILL it then. `nodeArgs`: more node flags (a preload); `args`: other script arguments.
 */
export function childBuild(
  sb: Sandbox,
  opts: { killAfterMs?: number; killWhen?: () => boolean; env?: Record<string, string>; nodeArgs?: string[]; args?: string[] } = {},
): Promise<ChildResult> {
  const t0 = performance.now();
  const args = opts.args ?? ['--corpus', sb.corpusDir, '--out', sb.indexDir];
  const child = spawn(process.execPath, ['--import', 'tsx', ...(opts.nodeArgs ?? []), path.join(ROOT, 'scripts/build-index.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent', NODE_OPTIONS: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // killWhen: polled every 2 ms; once true, the kill comes after killAfterMs more (default 0).
  let timer: NodeJS.Timeout | null = null;
  const arm = () => (timer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 0));
  const poll = opts.killWhen
    ? setInterval(() => {
        if (opts.killWhen!()) {
          clearInterval(poll!);
          arm();
        }
      }, 2)
    : null;
  if (!poll && opts.killAfterMs !== undefined) arm();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

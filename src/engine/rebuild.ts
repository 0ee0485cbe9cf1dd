/**
 * Rebuilding the index while the bot keeps answering: the incremental build runs in a child process
 * (`node scripts/run.mjs scripts/build-index.ts`: compiled when `npm run compile` made a fresh copy), one at a time (requests made while one runs share the
 * next build), and the engine reloads the new index when it is committed. `watchCorpus` asks for a
 * rebuild when files in the corpus folder change (debounced).
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { entryArgs, projectRoot, type Config } from '../config.js';

const ROOT = projectRoot(import.meta.url, 2);

export interface BuildOutcome {
  ok: boolean;
  /** The build's summary line, or why it failed (one line). */
  message: string;
  ms: number;
}

/** Runs scripts/build-index.ts for the config's corpus and index in a child process. */
export function buildInChildProcess(config: Config): Promise<BuildOutcome> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CORPUS_DIR: config.corpusDir,
    INDEX_DIR: config.indexDir,
    EMBEDDING_MODEL: config.embeddingModel ?? 'none',
    MODELS_CACHE_DIR: config.modelsCacheDir,
    EMBED_BATCH_SIZE: String(config.embedBatchSize),
    LOG_LEVEL: 'silent',
  };
  if (config.modelsDir) env.MODELS_DIR = config.modelsDir;
  else delete env.MODELS_DIR;
  const args = [...entryArgs(ROOT, 'scripts/build-index.ts'), '--corpus', config.corpusDir, '--out', config.indexDir];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60_000 }, (err, stdout, stderr) => {
      const ms = Date.now() - started;
      if (!err) {
        resolve({ ok: true, message: stdout.trim().split('\n').pop() ?? '', ms });
        return;
      }
      const lines = `${stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Embedding|Nhúng)/u.test(l));
      resolve({ ok: false, message: lines.pop() ?? (err as Error).message, ms });
    });
  });
}

export interface RebuilderOptions {
  build: () => Promise<BuildOutcome>;
  /** Loads the committed index into the engine. */
  reload: () => Promise<{ ok: boolean; message: string }>;
  onDone?: (outcome: BuildOutcome) => void;
}

/**
 * One build at a time. A request waits for the build that is running, then starts the next one;
 * requests made before that next build started share it (they all see the files as it reads them).
 */
export class Rebuilder {
  private tail: Promise<unknown> = Promise.resolve();
  /** The next build, not started yet. */
  private pending: Promise<BuildOutcome> | null = null;
  private active = 0;

  constructor(private readonly opts: RebuilderOptions) {}

  /** Resolves when a build that started after this call has finished and the engine reloaded. */
  rebuild(): Promise<BuildOutcome> {
    if (this.pending) return this.pending;
    this.active++;
    const next = this.tail.then(() => {
      this.pending = null;
      return this.runOnce();
    });
    this.pending = next;
    this.tail = next;
    void next.finally(() => this.active--);
    return next;
  }

  /** True while a build runs or waits. */
  get busy(): boolean {
    return this.active > 0;
  }

  private async runOnce(): Promise<BuildOutcome> {
    let outcome: BuildOutcome;
    try {
      outcome = await this.opts.build();
      if (outcome.ok) {
        const r = await this.opts.reload();
        if (!r.ok) outcome = { ...outcome, ok: false, message: r.message };
      }
    } catch (e) {
      outcome = { ok: false, message: (e as Error).message, ms: 0 };
    }
    this.opts.onDone?.(outcome);
    return outcome;
  }
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  const call = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}

/** Hidden and temporary files (".add-…", editors' "~" and ".swp") are not articles: their changes are ignored. */
function ignored(name: string): boolean {
  const base = path.basename(name);
  return base.startsWith('.') || base.endsWith('~') || base.endsWith('.swp');
}

/**
 * Calls `onChange` (debounced by `debounceMs`) when files in `dir` change: fs.watch, recursive where the
 * platform supports it, else a poll of the folder's listing every `pollMs`. Returns the stop function.
 */
export function watchCorpus(dir: string, onChange: () => void, opts: { debounceMs?: number; pollMs?: number } = {}): () => void {
  const fire = debounce(onChange, opts.debounceMs ?? 2000);
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
      if (name === null || !ignored(String(name))) fire();
    });
    watcher.on('error', () => undefined);
  } catch {
    watcher = null;
  }
  let poll: NodeJS.Timeout | null = null;
  if (!watcher) {
    const snapshot = () => {
      try {
        return readdirSync(dir, { recursive: true })
          .map(String)
          .filter((n) => !ignored(n))
          .map((n) => `${n}:${statSync(path.join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0}`)
          .sort()
          .join('|');
      } catch {
        return '';
      }
    };
    let last = snapshot();
    poll = setInterval(() => {
      const now = snapshot();
      if (now !== last) {
        last = now;
        fire();
      }
    }, opts.pollMs ?? 2000);
    poll.unref();
  }
  return () => {
    fire.cancel();
    watcher?.close();
    if (poll) clearInterval(poll);
  };
}

/**
 * The QaEngine the bot tests run against: the real engine over the seed corpus, built into a
 * temporary folder with the committed tiny-vi model (nothing downloaded). The bot tests rely only on
 * the QaEngine interface, plus `controlledEngine`, which wraps any engine to inject failures, delays,
 * vanished chunks, long ids and version changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer } from '../../src/answer/types.js';
import type { AskOptions, QaEngine } from '../../src/engine/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_CORPUS_DIR = path.join(ROOT, 'corpus');

/** Closing it removes the temporary index folder. */
export async function makeTestEngine(): Promise<QaEngine> {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const { loadConfig } = await import('../../src/config.js');
  const { buildIndex } = await import('../../src/index/build.js');
  const { openEngine } = await import('../../src/engine/engine.js');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bot-test-index-'));
  const config = loadConfig(
    {
      CORPUS_DIR: SEED_CORPUS_DIR,
      INDEX_DIR: dir,
      EMBEDDING_MODEL: process.env.BOT_TEST_MODEL ?? 'tiny-vi',
      MODELS_DIR: path.join(ROOT, 'tests/fixtures/models'),
      WATCH_INDEX: 'false',
      LOG_LEVEL: 'silent',
    },
    ROOT,
  );
  await buildIndex({ corpusDir: config.corpusDir, outDir: config.indexDir, config });
  const engine = await openEngine(config, { watch: false });
  return {
    ask: (q, o) => engine.ask(q, o),
    examples: () => engine.examples(),
    articles: () => engine.articles(),
    about: (q) => engine.about(q),
    signedBy: (name) => engine.signedBy(name),
    article: (id) => engine.article(id),
    chunk: (id) => engine.chunk(id),
    status: () => engine.status(),
    reload: () => engine.reload(),
    close: async () => {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A wrapper for fault and change injection, over any engine.

export interface ControlledEngine extends QaEngine {
  readonly inner: QaEngine;
  /** Calls of ask() so far. */
  readonly askCalls: number;
  /** Pretends the chunk vanished (chunk() → null, dropped from results) and the index changed. */
  hideChunk(chunkId: string): void;
  /** Pretends a new index was loaded (a new indexVersion), content unchanged. */
  bumpVersion(): void;
  /** The next `n` ask() calls throw. */
  failNextAsks(n?: number): void;
  /** Every ask() waits this long first (to keep questions in flight). */
  askDelayMs: number;
  /** Pretends chunk and article ids are too long for callback data (exercises the rank-based buttons). */
  longIds: boolean;
  /** Undoes hideChunk, failNextAsks, askDelayMs and longIds (the version stays bumped). */
  reset(): void;
}

const LONG_SUFFIX = `~${'x'.repeat(64)}`;
const lengthen = (id: string) => `${id}${LONG_SUFFIX}`;
const shorten = (id: string) => (id.endsWith(LONG_SUFFIX) ? id.slice(0, -LONG_SUFFIX.length) : id);

export function controlledEngine(inner: QaEngine): ControlledEngine {
  const hidden = new Set<string>();
  let bump = 0;
  let failures = 0;
  let calls = 0;
  const version = (v: string) => (bump > 0 ? `${v}+${bump}` : v);
  const wrapper: ControlledEngine = {
    inner,
    askDelayMs: 0,
    longIds: false,
    get askCalls() {
      return calls;
    },
    hideChunk(id) {
      hidden.add(shorten(id));
      bump += 1;
    },
    bumpVersion() {
      bump += 1;
    },
    failNextAsks(n = 1) {
      failures += n;
    },
    reset() {
      hidden.clear();
      failures = 0;
      wrapper.askDelayMs = 0;
      wrapper.longIds = false;
    },
    async ask(question, opts = {}) {
      const a = await askInner(question, opts);
      if (!wrapper.longIds) return a;
      return {
        ...a,
        results: a.results.map((r) => ({ ...r, chunkId: lengthen(r.chunkId), article: { ...r.article, id: lengthen(r.article.id) } })),
        suggestions: a.suggestions.map((x) => ({ ...x, id: lengthen(x.id) })),
      };
    },
    examples: () => inner.examples(),
    articles: () => inner.articles().map((a) => (wrapper.longIds ? { ...a, id: lengthen(a.id) } : a)),
    about: (q) => inner.about(q),
    signedBy: (name) => inner.signedBy(name).map((id) => (wrapper.longIds ? lengthen(id) : id)),
    article: (id) => {
      const a = inner.article(shorten(id));
      return a && wrapper.longIds ? { ...a, id: lengthen(a.id) } : a;
    },
    chunk: (id) => {
      const c = hidden.has(shorten(id)) ? null : inner.chunk(shorten(id));
      return c && wrapper.longIds ? { ...c, chunkId: lengthen(c.chunkId), article: { ...c.article, id: lengthen(c.article.id) } } : c;
    },
    status: () => {
      const s = inner.status();
      return { ...s, indexVersion: version(s.indexVersion) };
    },
    reload: () => inner.reload(),
    close: () => inner.close(),
  };

  async function askInner(question: string, opts: AskOptions): Promise<Answer> {
    calls += 1;
    if (wrapper.askDelayMs > 0) await new Promise((r) => setTimeout(r, wrapper.askDelayMs));
    if (failures > 0) {
      failures -= 1;
      throw new Error('injected engine failure');
    }
    if (hidden.size === 0) {
      const a = await inner.ask(question, opts);
      return { ...a, indexVersion: version(a.indexVersion) };
    }
    const offset = opts.offset ?? 0;
    const top = opts.top ?? 3;
    const a = await inner.ask(question, { ...opts, offset: 0, top: offset + top + hidden.size });
    const kept = a.results.filter((r) => !hidden.has(r.chunkId)).map((r, i) => ({ ...r, rank: i + 1 }));
    const total = Math.max(0, a.total - (a.results.length - kept.length));
    return { ...a, results: kept.slice(offset, offset + top), total, answered: a.answered && total > 0, indexVersion: version(a.indexVersion) };
  }
  return wrapper;
}

/**
 * Corpus -> index, incrementally: unchanged articles keep their chunks, a chunk whose id is already in
 * the previous index keeps its vector and its keyword postings, and only new chunks are embedded.
 * Everything is written into a fresh version folder and committed atomically (see store.ts).
 */
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Config } from '../config.js';
import { CHUNKER_VERSION, chunkArticle, type Chunk } from '../chunk/chunker.js';
import { readCorpus } from '../corpus/read.js';
import type { Article } from '../corpus/types.js';
import { loadEmbedder } from '../embed/embedder.js';
import type { Embedder } from '../embed/types.js';
import { KeywordIndex } from '../search/keyword-index.js';
import { TOKENIZER_VERSION, passageTerms } from '../search/query.js';
import { loadIndex, type LoadedIndex } from './load.js';
import {
  FILES,
  VersionWriter,
  acquireBuildLock,
  currentVersionDir,
  pruneVersions,
  readChecked,
  type Manifest,
  type ManifestModel,
  type StoredArticle,
  type StoredChunk,
} from './store.js';

export interface BuildReport {
  articles: number;
  chunks: number;
  embedded: number;
  reused: number;
  removed: number;
  mode: 'hybrid' | 'keyword';
  seconds: number;
  /** Seconds spent inside the embedding model (loading excluded). */
  modelSeconds: number;
  version: string;
  /** Problems and news worth a line each (skipped files, model changes, keyword-only fallback). */
  messages: string[];
}

export interface BuildOptions {
  corpusDir: string;
  outDir: string;
  config: Config;
  /** One line of progress or news for a terminal. */
  log?: (line: string) => void;
  /** Progress of embedding, for a progress bar. */
  onEmbedProgress?: (done: number, total: number) => void;
  /** Reuse a loaded embedder (tests, benchmarks); null forces keyword-only. */
  embedder?: Embedder | null;
  /** Called after the version folder is complete, just before it is committed (tests of crashes). */
  beforeCommit?: () => Promise<void> | void;
}

export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;

export { indexExists } from './store.js';

export async function buildIndex(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const messages: string[] = [];
  const say = (line: string) => {
    messages.push(line);
    log(line);
  };
  const release = await acquireBuildLock(opts.outDir);
  try {
    // 1. The previous index, if it is usable: it is what we reuse from.
    let prev: LoadedIndex | null = null;
    if (await currentVersionDir(opts.outDir).catch(() => null)) {
      try {
        prev = await loadIndex(opts.outDir, { skipVectors: true });
      } catch (e) {
        say(`Previous index not reusable (${(e as Error).message.split('. Rebuild')[0]}): building from scratch.`);
      }
    }

    // 2. The corpus.
    const corpus = await readCorpus(opts.corpusDir);
    for (const p of corpus.problems) say(`Skipped ${p.file}: ${p.message}`);
    for (const a of corpus.articles) for (const w of a.warnings) say(`${a.file}: ${w}`);
    if (corpus.articles.length === 0) say(`No articles found in ${opts.corpusDir} (.txt or .md files): the index is empty.`);

    // 3. The model: configured, or keyword-only with the reason said plainly.
    let embedder: Embedder | null = null;
    let modelProblem: string | null = null;
    let ownEmbedder = false;
    if (opts.embedder !== undefined) embedder = opts.embedder;
    else if (opts.config.embeddingModel) {
      try {
        log(`Loading embedding model ${opts.config.embeddingModel}…`);
        embedder = await loadEmbedder({
          model: opts.config.embeddingModel,
          modelsDir: opts.config.modelsDir ?? undefined,
          cacheDir: opts.config.modelsCacheDir,
          batchSize: opts.config.embedBatchSize,
          onLoadProgress: progressLogger(log),
        });
        ownEmbedder = true;
      } catch (e) {
        modelProblem = `model ${opts.config.embeddingModel} could not be loaded: ${(e as Error).message}`;
        say(`${modelProblem} Building the keyword index only.`);
      }
    }
    const model: ManifestModel | null = embedder ? { id: embedder.modelId, dim: embedder.dim, prefix: embedder.prefix } : null;

    try {
      const report = await writeVersion({ opts, prev, articles: corpus.articles, embedder, model, modelProblem, say, log, started });
      report.messages = messages;
      return report;
    } finally {
      if (ownEmbedder) await embedder?.dispose();
    }
  } finally {
    await release();
  }
}

interface WriteArgs {
  opts: BuildOptions;
  prev: LoadedIndex | null;
  articles: Article[];
  embedder: Embedder | null;
  model: ManifestModel | null;
  modelProblem: string | null;
  say: (line: string) => void;
  log: (line: string) => void;
  started: number;
}

async function writeVersion(w: WriteArgs): Promise<BuildReport> {
  const { opts, articles, embedder, model, say, log } = w;
  let prev = w.prev;
  if (prev && (prev.manifest.chunker !== CHUNKER_VERSION || prev.manifest.tokenizer !== TOKENIZER_VERSION)) {
    say('The chunker or tokenizer changed since the last build: rebuilding everything.');
    prev = null;
  }
  const sameModel = !!prev && !!model && !!prev.manifest.model && sameModelAs(prev.manifest.model, model);
  const reuseVectors = sameModel;
  if (prev && model && !sameModel) {
    say(prev.manifest.model ? `Model changed (${prev.manifest.model.id} -> ${model.id}): every chunk is embedded again (full rebuild of the vectors).` : `The previous index had no vectors: every chunk is embedded with ${model.id}.`);
  }

  // Chunks of every article: unchanged articles keep their stored chunks as they are.
  const newChunks: Chunk[] = [];
  const storedArticles: StoredArticle[] = [];
  for (const a of articles) {
    const before = prev?.manifest.articles[a.id];
    let chunks: Chunk[];
    if (prev && before && before.contentHash === a.contentHash) {
      chunks = prev.chunks.filter((c) => c.articleId === a.id).map(({ label: _label, ...c }) => c);
    } else {
      chunks = chunkArticle(a);
    }
    newChunks.push(...chunks);
    storedArticles.push({
      id: a.id,
      file: a.file,
      title: a.title,
      date: a.date,
      outlet: a.outlet,
      author: a.author,
      url: a.url,
      contentHash: a.contentHash,
      paragraphs: a.blocks.filter((b) => b.kind === 'body').length,
      chunks: chunks.length,
    });
  }

  // Which chunks are already in the previous index (same id = same article and same text)?
  const prevPos = new Map<string, number>();
  prev?.chunks.forEach((c, i) => prevPos.set(c.id, i));
  const keptOld: Array<{ chunk: Chunk; old: number }> = [];
  const added: Chunk[] = [];
  for (const c of newChunks) {
    const old = prevPos.get(c.id);
    if (old !== undefined) keptOld.push({ chunk: c, old });
    else added.push(c);
  }
  keptOld.sort((a, b) => a.old - b.old); // kept documents keep their order: keyword postings stay sorted
  const keep = new Int32Array(prev?.chunks.length ?? 0).fill(-1);
  keptOld.forEach((k, i) => (keep[k.old] = i));
  const removed = (prev?.chunks.length ?? 0) - keptOld.length;

  // Labels: kept chunks keep theirs when their vectors are reused; new ones get fresh labels.
  let nextLabel = reuseVectors ? prev!.manifest.nextLabel : 0;
  const ordered: StoredChunk[] = [
    ...keptOld.map((k) => ({ ...k.chunk, label: reuseVectors ? prev!.chunks[k.old]!.label : nextLabel++ })),
    ...added.map((c) => ({ ...c, label: nextLabel++ })),
  ];

  // Keyword index: kept postings are remapped, only added chunks are tokenised.
  log(`Keyword index: ${added.length} new chunk(s) to tokenise, ${keptOld.length} kept…`);
  const keyword = KeywordIndex.update(prev ? prev.keyword : null, prev ? keep : null, added.map((c) => passageTerms(c.text)));
  // The title and the lead (first paragraph) name who, where and when: what every paragraph is about.
  const leads = new Map<string, string>();
  for (const c of ordered) if (c.kind === 'paragraph' && !leads.has(c.articleId)) leads.set(c.articleId, c.text);
  const titles = KeywordIndex.build(storedArticles.map((a) => passageTerms(a.title)));
  const leadIndex = KeywordIndex.build(storedArticles.map((a) => passageTerms(leads.get(a.id) ?? '')));

  const writer = await VersionWriter.create(opts.outDir);
  let modelSeconds = 0;
  let embedded = 0;
  try {
    // Vectors: reuse the previous HNSW graph when the model is the same, else embed everything.
    if (embedder && model) {
      const toEmbed = reuseVectors ? ordered.slice(keptOld.length) : ordered;
      const tm = performance.now();
      log(`Embedding ${toEmbed.length} chunk(s) with ${model.id}…`);
      const vectors = await embedder.embedPassages(
        toEmbed.map((c) => c.text),
        opts.onEmbedProgress,
      );
      modelSeconds = (performance.now() - tm) / 1000;
      embedded = toEmbed.length;
      const hnsw = new hnswlib.HierarchicalNSW('cosine', model.dim);
      if (reuseVectors) {
        await readChecked(prev!.dir, FILES.vectors, prev!.manifest, opts.outDir); // never hand a damaged file to native code
        hnsw.readIndexSync(path.join(prev!.dir, FILES.vectors), true);
        for (let old = 0; old < keep.length; old++) if (keep[old]! < 0) hnsw.markDelete(prev!.chunks[old]!.label);
        const need = hnsw.getCurrentCount() + toEmbed.length;
        if (need > hnsw.getMaxElements()) hnsw.resizeIndex(Math.ceil(need * 1.2));
      } else {
        hnsw.initIndex({ maxElements: Math.max(16, ordered.length), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, randomSeed: 42, allowReplaceDeleted: true });
      }
      toEmbed.forEach((c, i) => hnsw.addPoint(Array.from(vectors[i]!), c.label, reuseVectors));
      await hnsw.writeIndex(writer.path(FILES.vectors));
      await writer.record(FILES.vectors);
    }
    await writer.write(FILES.articles, JSON.stringify(storedArticles));
    await writer.write(FILES.chunks, JSON.stringify(ordered));
    await writer.write(FILES.keyword, keyword.serialize());
    await writer.write(FILES.titles, titles.serialize());
    await writer.write(FILES.leads, leadIndex.serialize());
    await opts.beforeCommit?.();

    const manifestArticles: Manifest['articles'] = {};
    for (const a of storedArticles) manifestArticles[a.id] = { file: a.file, contentHash: a.contentHash, chunks: a.chunks };
    const manifest = await writer.commit({
      builtAt: new Date().toISOString(),
      chunker: CHUNKER_VERSION,
      tokenizer: TOKENIZER_VERSION,
      model,
      modelProblem: model ? null : w.modelProblem,
      articles: manifestArticles,
      counts: { articles: storedArticles.length, chunks: ordered.length, terms: keyword.termCount, postings: keyword.postingCount },
      nextLabel,
      hnsw: model ? { m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION } : null,
    });
    await pruneVersions(opts.outDir, [writer.dir, ...(prev ? [prev.dir] : [])]);
    const reused = ordered.length - added.length;
    const report: BuildReport = {
      articles: storedArticles.length,
      chunks: ordered.length,
      embedded,
      reused: model ? ordered.length - embedded : reused,
      removed,
      mode: model ? 'hybrid' : 'keyword',
      seconds: (performance.now() - w.started) / 1000,
      modelSeconds,
      version: manifest.version,
      messages: [],
    };
    return report;
  } catch (e) {
    await writer.abandon().catch(() => undefined);
    throw e;
  }
}

function sameModelAs(a: ManifestModel, b: ManifestModel): boolean {
  return a.id === b.id && a.dim === b.dim && a.prefix.query === b.prefix.query && a.prefix.passage === b.prefix.passage;
}

/** Turns transformers.js download events into occasional log lines ("model.onnx 45%"). */
function progressLogger(log: (line: string) => void): (info: { file: string; loaded?: number; total?: number; status: string }) => void {
  const lastPct = new Map<string, number>();
  return (info) => {
    if (info.status !== 'progress' || !info.total || info.loaded === undefined) return;
    const pct = Math.floor((info.loaded / info.total) * 10) * 10;
    if ((lastPct.get(info.file) ?? -1) >= pct) return;
    lastPct.set(info.file, pct);
    log(`Downloading ${info.file}: ${pct}%`);
  };
}

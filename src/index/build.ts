/**
 * Corpus -> index, incrementally: unchanged articles keep their chunks, a chunk whose id is already in
 * the previous index keeps its vector and its keyword postings, and only new chunks are embedded.
 * Everything is written into a fresh version folder and committed atomically (see store.ts).
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { CHUNKER_VERSION } from '../chunk/chunker.js';
import { READER_VERSION, articleId, readCorpus, type FileStamp, type UnchangedFile } from '../corpus/read.js';
import { BAND_METHOD, describeBand, measureBand, type DenseBand } from '../embed/band.js';
import { embedderOptions, loadEmbedder } from '../embed/embedder.js';
import type { Embedder } from '../embed/types.js';
import { KeywordIndex, KeywordSegments, type CountedDoc } from './keyword-index.js';
import { PreparePool } from './prepare-pool.js';
import type { PreparedArticle } from './prepare.js';
import { TOKENIZER_VERSION, passageTerms } from './terms.js';
import { HNSW_EF_CONSTRUCTION, HNSW_M, HnswVectorStore } from './vector-store.js';
import { LoadedChunk, chunkTextBytes, encodeChunkTable, encodeRows } from './chunk-store.js';
import { loadIndex, type LoadedIndex } from './load.js';
import { FILES, VersionWriter, acquireBuildLock, articleMeta, decodeStamps, encodeStamps, type SpillFile, currentVersionDir, pruneVersions, readChecked, type ChunkRecord, type ManifestModel, type StoredArticle, type StoredChunk } from './store.js';

/** The texts of new chunks while a build runs, in its version folder: renamed to texts.bin when they are all of it, in order, else deleted. */
const TEXT_SPILL = 'texts.spill';
const NO_BYTES = new Uint8Array(0);

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
  /** The model's dense band (measured now or reused from the previous build); null for a keyword-only index. */
  band: DenseBand | null;
  /** Seconds per phase, in order (load previous, read corpus, model load, chunks, keyword, embed, vectors, band, write, commit, prune). */
  phases: Record<string, number>;
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
  /** Threads that read and prepare corpus files (default: one per core, up to 4; 0: all on the build's own thread). */
  prepareThreads?: number;
  /** Called after the version folder is complete, just before it is committed (tests of crashes). */
  beforeCommit?: () => Promise<void> | void;
}

export async function buildIndex(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
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
        // Texts stay in their files: a build copies a few, or links texts.bin whole (no 40 MB read to add one article).
        prev = await loadIndex(opts.outDir, { skipVectors: true, textsInMemoryBytes: 0 });
      } catch (e) {
        say(`Previous index not reusable (${(e as Error).message.split('. Rebuild')[0]}): building from scratch.`);
      }
    }

    lap('load previous');
    if (prev && (prev.manifest.chunker !== CHUNKER_VERSION || prev.manifest.tokenizer !== TOKENIZER_VERSION)) {
      say('The chunker or tokenizer changed since the last build: rebuilding everything.');
      prev = null;
    }

    // 2. The corpus. A file with the same path and bytes as in the previous index is not parsed again:
    //    its stored article and chunks are reused (adding one article to thousands costs one parse).
    //    The others are read, chunked and their terms counted on worker threads (prepare-pool.ts).
    const known = prev && prev.manifest.reader === READER_VERSION ? prev : null;
    const stamps = known ? await prevStamps(known) : [];
    // The version folder is made now: the texts of new chunks are set aside in it as their files are read.
    const writer = await VersionWriter.create(opts.outDir);
    const spill = writer.spill(TEXT_SPILL);
    try {
      const pool = new PreparePool(opts.prepareThreads);
      let corpus;
      try {
        corpus = await readCorpus<PreparedArticle>(opts.corpusDir, {
          parse: (bytes, file, hash) => pool.prepare(bytes, file, hash),
          accepted: (a) => {
            a.textsAt = spill.append(a.texts);
            a.texts = NO_BYTES;
          },
          ...(known
            ? {
                isUnchanged: (file: string, hash: string) => storedArticleFor(known, articleId(file), file, hash) !== null,
                knownHash: (file: string, stamp: FileStamp) => knownHashOf(known, stamps, file, stamp),
              }
            : {}),
        });
      } finally {
        await pool.close();
      }
      if (pool.failure) throw pool.failure;
      const entries = mergeEntries(corpus.articles, corpus.unchanged, known);
      corpus.articles.length = 0; // the entries hold them now, each until its chunks are taken
      lap('read corpus');
      for (const p of corpus.problems) say(`Skipped ${p.file}: ${p.message}`);
      for (const e of entries) for (const w of e.warnings) say(`${e.file}: ${w}`);
      if (entries.length === 0) say(`No articles found in ${opts.corpusDir} (.txt or .md files): the index is empty.`);

      // 3. The model: configured, or keyword-only with the reason said plainly.
      let embedder: Embedder | null = null;
      let modelProblem: string | null = null;
      let ownEmbedder = false;
      if (opts.embedder !== undefined) embedder = opts.embedder;
      else if (opts.config.embeddingModel) {
        try {
          log(`Loading embedding model ${opts.config.embeddingModel}…`);
          embedder = await loadEmbedder(embedderOptions(opts.config, opts.config.embeddingModel, { onLoadProgress: progressLogger(log) }));
          ownEmbedder = true;
        } catch (e) {
          modelProblem = `model ${opts.config.embeddingModel} could not be loaded: ${(e as Error).message}`;
          say(`${modelProblem} Building the keyword index only.`);
        }
      }
      lap('model load');
      const model: ManifestModel | null = embedder ? { id: embedder.modelId, dim: embedder.dim, prefix: embedder.prefix } : null;

      try {
        const report = await writeVersion({ opts, writer, spill, prev, entries, vocabulary: pool.vocabulary.terms, stamps: corpus.stamps, embedder, model, modelProblem, say, log, started, lap });
        report.messages = messages;
        report.phases = phases;
        return report;
      } finally {
        if (ownEmbedder) await embedder?.dispose();
      }
    } catch (e) {
      spill.discard();
      await writer.abandon().catch(() => undefined);
      throw e;
    }
  } finally {
    await release();
  }
}

interface WriteArgs {
  opts: BuildOptions;
  writer: VersionWriter;
  /** The texts of the new chunks (see CorpusEntry, FreshChunk). */
  spill: SpillFile;
  prev: LoadedIndex | null;
  entries: CorpusEntry[];
  /** The terms of the prepared articles' counted chunks, by id. */
  vocabulary: readonly string[];
  stamps: Map<string, FileStamp>;
  embedder: Embedder | null;
  model: ManifestModel | null;
  modelProblem: string | null;
  say: (line: string) => void;
  log: (line: string) => void;
  started: number;
  lap: (phase: string) => void;
}

async function writeVersion(w: WriteArgs): Promise<BuildReport> {
  const { opts, writer, spill, prev, entries, embedder, model, say, log, lap } = w;
  const reuseVectors = !!prev && !!model && !!prev.manifest.model && sameModelAs(prev.manifest.model, model);
  if (prev && model && !reuseVectors) {
    say(prev.manifest.model ? `Model changed (${prev.manifest.model.id} -> ${model.id}): every chunk is embedded again (full rebuild of the vectors).` : `The previous index had no vectors: every chunk is embedded with ${model.id}.`);
  }

  // Chunks of every article: unchanged articles keep their stored chunks as they are (their texts
  // stay bytes: copied from the previous texts.bin, never decoded); new ones come prepared, texts as bytes.
  const prevChunks = chunksByArticle(prev);
  // The previous chunk itself stands for its fields (read from its table when asked: a kept chunk whose
  // table is kept is never copied field by field).
  const fromPrev = (i: number): NewChunk => ({ record: prev!.chunks[i]!, fresh: null, from: i, old: i, moved: -1 });
  // Kept chunks go to their previous place (kept documents keep their order: keyword postings stay
  // sorted, and the chunk base keeps its rows), the others after them.
  const slots = new Array<NewChunk | undefined>(prev?.chunks.length ?? 0);
  const added: NewChunk[] = [];
  // The first paragraph of each article read now (new or changed): its lead document.
  const leadChunk = new Map<string, NewChunk>();
  const storedArticles: StoredArticle[] = [];
  for (const e of entries) {
    if (e.stored) {
      const list = prevChunks.get(e.id) ?? [];
      for (const i of list) slots[i] = fromPrev(i);
      // Field by field: a record read from an older index carries nothing this version does not write.
      const kept: StoredArticle = { ...articleMeta(e.stored), file: e.file, paragraphs: e.stored.paragraphs, chunks: list.length };
      if (e.stored.warnings) kept.warnings = e.stored.warnings;
      storedArticles.push(kept);
      continue;
    }
    const a = e.article!;
    const before = prev ? prevArticle(prev, a.id) : undefined;
    let chunks: NewChunk[];
    if (prev && before && before.contentHash === a.contentHash) {
      chunks = (prevChunks.get(a.id) ?? []).map(fromPrev);
    } else {
      // Which chunks are already in the previous index (same id = same article and same text)? One
      // whose place in the article moved (an edit above it) is a new chunk of the table and the keyword
      // index (a kept row keeps its fields), though it keeps its vector.
      const prevPos = new Map<string, number>();
      for (const i of prevChunks.get(a.id) ?? []) prevPos.set(prev!.chunks[i]!.id, i);
      // The id hashes the squashed text (case and spacing folded): an edit of case or spacing only keeps
      // it, so the bytes decide whether the previous chunk's text, row and vector still stand for it.
      chunks = freshChunks(a).map((fresh, k) => {
        const record = a.chunks[k]!;
        let old = prevPos.get(record.id) ?? -1;
        if (old >= 0 && !spill.read(fresh.at, fresh.bytes).equals(chunkTextBytes(prev!.chunks[old]!))) old = -1;
        const same = old >= 0 && samePlace(prev!.chunks[old]!, record);
        return { record, fresh, from: -1, old: same ? old : -1, moved: same ? -1 : old };
      });
    }
    for (const c of chunks) {
      if (c.old >= 0) slots[c.old] = c;
      else added.push(c);
    }
    // The earliest paragraph, not the first listed: reused chunks are listed in their stored order.
    let lead: NewChunk | undefined;
    for (const c of chunks) if (c.record.kind === 'paragraph' && (!lead || c.record.paragraph < lead.record.paragraph)) lead = c;
    if (lead) leadChunk.set(a.id, lead);
    const stored: StoredArticle = {
      ...articleMeta(a),
      paragraphs: a.paragraphs,
      chunks: chunks.length,
    };
    if (a.warnings.length > 0) stored.warnings = a.warnings;
    storedArticles.push(stored);
    delete e.article; // its chunks hold what is still needed
  }

  const keptOld: NewChunk[] = [];
  for (const c of slots) if (c) keptOld.push(c);
  const keep = new Int32Array(prev?.chunks.length ?? 0).fill(-1);
  keptOld.forEach((k, i) => (keep[k.old] = i));
  // A paragraph that only moved inside its article is neither removed nor new text (it keeps its vector).
  const moved = added.reduce((n, c) => n + (c.moved >= 0 ? 1 : 0), 0);
  const removed = (prev?.chunks.length ?? 0) - keptOld.length - moved;

  // Labels: kept chunks keep theirs when their vectors are reused (and in a keyword-only index, where
  // they name nothing, so that kept rows of the chunk table stay as they are); new ones get fresh labels.
  const labelsKept = !!prev && (reuseVectors || !model);
  let nextLabel = labelsKept ? prev!.manifest.nextLabel : 0;
  // The chunks themselves take their label (no copy per chunk: a large corpus has half a million).
  const ordered = [...keptOld, ...added] as OrderedChunk[];
  for (const c of ordered) {
    const from = c.old >= 0 ? c.old : reuseVectors ? c.moved : -1;
    c.label = labelsKept && from >= 0 ? prev!.chunks[from]!.label : nextLabel++;
  }
  const textOf = (c: NewChunk): string => (c.fresh ? spill.read(c.fresh.at, c.fresh.bytes).toString('utf8') : prev!.chunks[c.from]!.text);
  const bytesOf = (c: NewChunk): Buffer => (c.fresh ? spill.read(c.fresh.at, c.fresh.bytes) : chunkTextBytes(prev!.chunks[c.from]!));

  lap('chunks');
  // Keyword index: kept postings are remapped, only added chunks are tokenised.
  log(`Keyword index: ${added.length} new chunk(s) to tokenise, ${keptOld.length} kept…`);
  const keyword = updateKeyword(prev, keep, countedTerms(added), w.vocabulary, ordered.length);
  // The title and the lead (first paragraph) name who, where and when: what every paragraph is about.
  // An unchanged article keeps its title and lead documents (its chunks keep their order, so its
  // lead is the same chunk): only new and changed articles are tokenised.
  const leadText = (a: StoredArticle) => {
    const c = leadChunk.get(a.id);
    return c ? textOf(c) : '';
  };
  let titles: KeywordIndex;
  let leadIndex: KeywordIndex;
  if (prev) {
    const place = new Int32Array(prev.articles.length).fill(-1);
    const addedAt: number[] = [];
    entries.forEach((e, i) => {
      const old = e.stored ? prev.articleById.get(e.id) : undefined;
      if (old !== undefined) place[old] = i;
      else addedAt.push(i);
    });
    const fresh = addedAt.map((i) => storedArticles[i]!);
    titles = KeywordIndex.rearrange(prev.titles, place, fresh.map((a) => passageTerms(a.title)), addedAt, storedArticles.length);
    leadIndex = KeywordIndex.rearrange(prev.leads, place, fresh.map((a) => passageTerms(leadText(a))), addedAt, storedArticles.length);
  } else {
    titles = KeywordIndex.build(termsOf(storedArticles.map((a) => a.title)));
    leadIndex = KeywordIndex.build(termsOf(storedArticles.map(leadText)));
  }

  lap('keyword');
  let modelSeconds = 0;
  let embedded = 0;
  let band: DenseBand | null = null;
  // Vectors: reuse the previous HNSW graph when the model is the same, else embed everything.
  if (embedder && model) {
    const toEmbed = reuseVectors ? ordered.slice(keptOld.length).filter((c) => c.moved < 0) : ordered;
    const tm = performance.now();
    log(`Embedding ${toEmbed.length} chunk(s) with ${model.id}…`);
    const vectors = await embedder.embedPassages(
      toEmbed.map(textOf),
      opts.onEmbedProgress,
    );
    modelSeconds = (performance.now() - tm) / 1000;
    lap('embed');
    embedded = toEmbed.length;
    let hnsw: HnswVectorStore;
    if (reuseVectors) {
      await readChecked(prev!.dir, FILES.vectors, prev!.manifest, opts.outDir); // never hand a damaged file to native code
      hnsw = HnswVectorStore.open(path.join(prev!.dir, FILES.vectors), model.dim);
      const movedOld = new Uint8Array(keep.length);
      for (const c of added) if (c.moved >= 0) movedOld[c.moved] = 1;
      for (let old = 0; old < keep.length; old++) if (keep[old]! < 0 && !movedOld[old]) hnsw.remove(prev!.chunks[old]!.label);
      hnsw.reserve(toEmbed.length);
    } else {
      hnsw = HnswVectorStore.create(model.dim, ordered.length);
    }
    toEmbed.forEach((c, i) => hnsw.add(vectors[i]!, c.label, reuseVectors));
    await hnsw.save(writer.path(FILES.vectors));
    await writer.record(FILES.vectors);
    lap('vectors');
    // The band depends on the chunks and the model only: the same ones give the same band.
    const prevBand = reuseVectors ? prev!.manifest.model!.band : undefined;
    if (prevBand?.method === BAND_METHOD && added.length === 0 && removed === 0) {
      band = prevBand;
      log(`Dense band reused (corpus and model unchanged): ${describeBand(band)}`);
    } else {
      log(`Measuring the dense band of ${model.id}…`);
      band = await measureBand(embedder, {
        ids: ordered.map((c) => c.record.id),
        textOf: (i) => textOf(ordered[i]!),
        top1: (v) => hnsw.search(v, 1)[0]?.cosine ?? 0,
      });
      log(`Dense band of ${model.id}: ${describeBand(band)}`);
    }
    lap('band');
  }
  await writer.write(FILES.articles, JSON.stringify(storedArticles));
  await writer.write(FILES.stamps, encodeStamps(storedArticles.map((a) => w.stamps.get(a.file))));
  // The chunk table: while the base's deleted rows and the tail stay a small share, the previous base
  // (chunks.bin, with its texts.bin) is kept as it is, linked, and only the tail (the chunks added
  // since, their texts in texts-tail.bin) and the deletion list are written; else one new base.
  const kept = prev ? ordered.map((c) => keptText(prev, c)) : [];
  const base = prev && labelsKept ? keptBase(prev, ordered, keep, kept) : null;
  if (prev && base) {
    await writer.reuse(FILES.chunks, prev.dir, prev.manifest.files[FILES.chunks]!);
    await writer.reuse(FILES.texts, prev.dir, prev.manifest.files[FILES.texts]!);
    const tail: Buffer[] = [];
    let at = 0;
    const rows = ordered.slice(base.kept).map((c, j) => {
      const k = kept[base.kept + j];
      if (k) return { record: c.record, label: c.label, seg: 0, at: k.textAt, textBytes: k.textLength };
      const bytes = bytesOf(c);
      tail.push(bytes);
      at += bytes.length;
      return { record: c.record, label: c.label, seg: 1, at: at - bytes.length, textBytes: bytes.length };
    });
    if (rows.length > 0) await writer.write(FILES.chunksTail, encodeChunkTable(rows));
    if (tail.length > 0) await writer.write(FILES.textsTail, tail);
    if (base.deleted.length > 0) await writer.write(FILES.chunksDeleted, encodeRows(base.deleted));
  } else {
    let at = 0;
    const table = encodeChunkTable(
      ordered.map((c) => {
        const from = c.fresh === null ? prev!.chunks[c.from]! : null;
        const n = from === null ? c.fresh!.bytes : from instanceof LoadedChunk ? from.textLength : Buffer.byteLength(from.text, 'utf8');
        at += n;
        return { record: c.record, label: c.label, seg: 0, at: at - n, textBytes: n };
      }),
    );
    await writer.write(FILES.chunks, table);
    // A full build's texts are already texts.bin, set aside in order as they were read; otherwise they
    // are copied in chunk order as written (the texts of half a million chunks never sit in memory).
    if (spilledInOrder(ordered, spill)) await writer.adopt(FILES.texts, spill);
    else {
      await writer.write(FILES.texts, (function* () {
        for (const c of ordered) yield bytesOf(c);
      })());
    }
  }
  if (keyword.reuseBase) await writer.reuse(FILES.keyword, prev!.dir, prev!.manifest.files[FILES.keyword]!);
  else await writer.write(FILES.keyword, keyword.segments.base.serializeParts());
  if (keyword.segments.tail) await writer.write(FILES.keywordTail, keyword.segments.tail.serialize());
  if (keyword.segments.deleted.length > 0) await writer.write(FILES.keywordDeleted, KeywordSegments.encodeDeleted(keyword.segments.deleted));
  await writer.write(FILES.titles, titles.serialize());
  await writer.write(FILES.leads, leadIndex.serialize());
  spill.discard(); // adopted (then gone already) or copied
  lap('write');
  await opts.beforeCommit?.();

  const manifest = await writer.commit({
    builtAt: new Date().toISOString(),
    chunker: CHUNKER_VERSION,
    tokenizer: TOKENIZER_VERSION,
    reader: READER_VERSION,
    model: model && band ? { ...model, band } : model,
    modelProblem: model ? null : w.modelProblem,
    counts: { articles: storedArticles.length, chunks: ordered.length, terms: keyword.segments.termCount, postings: keyword.segments.postingCount },
    nextLabel,
    hnsw: model ? { m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION } : null,
  });
  lap('commit');
  await pruneVersions(opts.outDir, [writer.dir, ...(prev ? [prev.dir] : [])]);
  lap('prune');
  const reused = ordered.length - added.length + moved;
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
    band,
    messages: [],
    phases: {},
  };
  return report;
}

/** One article of the corpus: freshly prepared, or unchanged since the previous index (its stored record). */
interface CorpusEntry {
  id: string;
  file: string;
  warnings: string[];
  article?: PreparedArticle;
  stored?: StoredArticle;
}

/** The previous index's record of an article, or undefined. */
function prevArticle(prev: LoadedIndex, id: string): StoredArticle | undefined {
  const i = prev.articleById.get(id);
  return i === undefined ? undefined : prev.articles[i];
}

/** The stored record of an article when the previous index has it with this very file and content. */
function storedArticleFor(prev: LoadedIndex, id: string, file: string, contentHash: string): StoredArticle | null {
  const a = prevArticle(prev, id);
  return a && a.file === file && a.contentHash === contentHash ? a : null;
}

/** The content hash the previous build recorded for this file, when the file still has the stamp it had then. */
function knownHashOf(prev: LoadedIndex, stamps: ReadonlyArray<FileStamp | undefined>, file: string, stamp: FileStamp): string | null {
  const i = prev.articleById.get(articleId(file));
  const a = i === undefined ? undefined : prev.articles[i];
  const s = i === undefined ? undefined : stamps[i];
  return a && s && a.file === file && s.size === stamp.size && s.ino === stamp.ino && s.mtimeNs === stamp.mtimeNs ? a.contentHash : null;
}

/** The previous index's stamps, in article order: stamps.bin (format 4), else the manifest (formats 1 to 3); none when unreadable (every file is then read again). */
async function prevStamps(prev: LoadedIndex): Promise<Array<FileStamp | undefined>> {
  if (prev.manifest.files[FILES.stamps]) {
    try {
      return decodeStamps(await readChecked(prev.dir, FILES.stamps, prev.manifest, prev.indexDir), prev.articles.length);
    } catch {
      return [];
    }
  }
  const m = prev.manifest.articles ?? {};
  return prev.articles.map((a) => (Object.hasOwn(m, a.id) && m[a.id]!.contentHash === a.contentHash ? m[a.id]!.stamp : undefined));
}

/** Parsed and unchanged articles in one list, sorted by id (both inputs are). */
function mergeEntries(parsed: readonly PreparedArticle[], unchanged: readonly UnchangedFile[], prev: LoadedIndex | null): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < parsed.length || j < unchanged.length) {
    const a = parsed[i];
    const u = unchanged[j];
    if (a && (!u || a.id < u.id)) {
      out.push({ id: a.id, file: a.file, warnings: a.warnings, article: a });
      i++;
    } else {
      const stored = storedArticleFor(prev!, u!.id, u!.file, u!.contentHash)!;
      out.push({ id: u!.id, file: u!.file, warnings: stored.warnings ?? [], stored });
      j++;
    }
  }
  return out;
}

/** Largest share of the documents (chunks) the tail and the deleted base rows together may make up before a build merges them into a new base, for the keyword index and the chunk table alike. */
export const KEYWORD_TAIL_MAX_SHARE = 0.1;

/**
 * The chunk keyword index of the new version. While the tail and the deleted base documents stay a small
 * share of the whole, the previous base is kept as it is (its file is linked, not rewritten: adding,
 * changing or removing an article in a large corpus writes only the tail and the deletion list): base
 * documents of removed chunks join the deletion list, and the tail is updated. Otherwise one new base:
 * the kept base documents' postings remapped, the kept tail documents tokenised again (the tail is
 * small), then the added ones. Chunk order (kept chunks in their old order, then added ones) is
 * document order in both cases.
 */
function updateKeyword(prev: LoadedIndex | null, keep: Int32Array, added: Iterable<CountedDoc>, vocabulary: readonly string[], total: number): { segments: KeywordSegments; reuseBase: boolean } {
  if (!prev) return { segments: new KeywordSegments(KeywordIndex.update(null, null, added, vocabulary), null), reuseBase: false };
  const kw = prev.keyword;
  const { base, tail } = kw;
  const live = kw.baseLive; // previous chunks 0..live-1 are the base's live documents
  // keep, indexed by base document id (deleted ones stay -1).
  const keepBase = new Int32Array(base.docCount).fill(-1);
  for (let i = 0; i < live; i++) keepBase[kw.baseDocOf(i)] = keep[i]!;
  const deleted: number[] = [];
  for (let d = 0; d < base.docCount; d++) if (keepBase[d]! < 0) deleted.push(d);
  const tailDocs = total - (base.docCount - deleted.length);
  if (base.docCount > 0 && deleted.length + tailDocs <= KEYWORD_TAIL_MAX_SHARE * total) {
    const tailKeep = tail ? keep.subarray(live).map((v) => (v < 0 ? -1 : v - (base.docCount - deleted.length))) : null;
    const newTail = KeywordIndex.update(tail, tailKeep, added, vocabulary);
    return { segments: new KeywordSegments(base, newTail.docCount > 0 ? newTail : null, Uint32Array.from(deleted)), reuseBase: true };
  }
  const keptTail: string[] = [];
  for (let old = live; old < keep.length; old++) if (keep[old]! >= 0) keptTail.push(prev.chunks[old]!.text);
  return { segments: new KeywordSegments(KeywordIndex.update(base, keepBase, concat(termsOf(keptTail), added), vocabulary), null), reuseBase: false };
}

/** The previous chunk with this chunk's text in its texts.bin (same chunk id: same text), or null. */
function keptText(prev: LoadedIndex, c: NewChunk): LoadedChunk | null {
  const p = c.from >= 0 ? c.from : c.old;
  const chunk = p >= 0 ? prev.chunks[p] : undefined;
  return chunk instanceof LoadedChunk && chunk.textSeg === 0 ? chunk : null;
}

/**
 * The previous chunk base, when the new version can keep it: every base text in texts.bin, its kept rows
 * the first chunks in order (kept chunks keep their order and, by samePlace, their fields), and the
 * deleted rows and the tail rows (and, in bytes, the texts nothing uses and the tail's texts) a small
 * share of the whole. Returns how many chunks it holds and its new deletion list.
 */
function keptBase(prev: LoadedIndex, ordered: readonly NewChunk[], keep: Int32Array, kept: ReadonlyArray<LoadedChunk | null>): { kept: number; deleted: Uint32Array } | null {
  const base = prev.chunkBase;
  if (!base || !base.inBaseTexts) return null;
  const live = base.rows - base.deleted.length; // previous chunks 0..live-1 are the base's live rows
  const gone = new Uint8Array(base.rows);
  for (const r of base.deleted) gone[r] = 1;
  let baseKept = 0;
  for (let i = 0; i < live; i++) {
    if (keep[i]! >= 0) baseKept++;
    else gone[(prev.chunks[i] as LoadedChunk).row] = 1;
  }
  if (base.rows - baseKept + (ordered.length - baseKept) > KEYWORD_TAIL_MAX_SHARE * ordered.length) return null;
  if (!keepTexts(prev, ordered, kept)) return null;
  const deleted = new Uint32Array(base.rows - baseKept);
  let n = 0;
  for (let r = 0; r < base.rows; r++) if (gone[r]) deleted[n++] = r;
  return { kept: baseKept, deleted };
}

/** Keep the previous texts.bin when the texts it holds for nothing and the texts of the tail stay a small share (as for the keyword base). */
function keepTexts(prev: LoadedIndex, ordered: readonly NewChunk[], kept: ReadonlyArray<LoadedChunk | null>): boolean {
  const base = prev.manifest.files[FILES.texts];
  if (!prev.manifest.files[FILES.chunks] || !base) return false;
  let inBase = 0;
  let all = 0;
  ordered.forEach((c, i) => {
    const k = kept[i];
    if (k) {
      inBase += k.textLength;
      all += k.textLength;
    } else {
      all += c.fresh ? c.fresh.bytes : chunkTextBytes(prev.chunks[c.from]!).length;
    }
  });
  return all - inBase + (base.bytes - inBase) <= KEYWORD_TAIL_MAX_SHARE * all;
}

/** Index terms of each text, made one at a time as the keyword index consumes them. */
function* termsOf(texts: readonly string[]): Generator<string[]> {
  for (const t of texts) yield passageTerms(t);
}

function* concat<T, U>(a: Iterable<T>, b: Iterable<U>): Generator<T | U> {
  yield* a;
  yield* b;
}

/** A new chunk's text (`bytes` of UTF-8 at `at` in the build's spill file) and its counted terms (dropped once the keyword index has them). */
interface FreshChunk {
  at: number;
  bytes: number;
  terms: CountedDoc | null;
}

/** The chunks of a prepared article whose texts were set aside: where each text is, and views of its counted terms. */
function freshChunks(a: PreparedArticle): FreshChunk[] {
  const out: FreshChunk[] = [];
  let at = a.textsAt!;
  let term = 0;
  for (let k = 0; k < a.chunks.length; k++) {
    const n = a.textBytes[k]!;
    const m = a.distinct[k]!;
    out.push({ at, bytes: n, terms: { ids: a.termIds.subarray(term, term + m), tfs: a.tfs.subarray(term, term + m), length: a.lengths[k]! } });
    at += n;
    term += m;
  }
  return out;
}

/** Every chunk is new and the spill holds their texts in chunk order and nothing else: it is texts.bin as it stands. */
function spilledInOrder(ordered: readonly NewChunk[], spill: SpillFile): boolean {
  let at = 0;
  for (const c of ordered) {
    if (!c.fresh || c.fresh.at !== at) return false;
    at += c.fresh.bytes;
  }
  return at === spill.size;
}

/** The counted terms of new chunks, each let go as the keyword index takes it. */
function* countedTerms(chunks: readonly NewChunk[]): Generator<CountedDoc> {
  for (const c of chunks) {
    const terms = c.fresh!.terms!;
    c.fresh!.terms = null;
    yield terms;
  }
}

/** A chunk of the version being written: its fields, and its text or the previous chunk whose bytes it reuses. */
interface NewChunk {
  record: Omit<ChunkRecord, 'textBytes' | 'label'>;
  /** null: the text is that of previous chunk `from` (copied as bytes). */
  fresh: FreshChunk | null;
  from: number;
  /** The same chunk in the previous index (same id: same article and text, in the same place), or -1. */
  old: number;
  /** The same text of the same article in the previous index, in another place (its vector is reused), or -1. */
  moved: number;
  label?: number;
}

/** A chunk in its place in the new version, with its HNSW label. */
interface OrderedChunk extends NewChunk {
  label: number;
}

/** The previous chunk's fields are the new one's (same id: same text), so its stored row can stand for it. */
function samePlace(p: StoredChunk, r: Omit<ChunkRecord, 'textBytes' | 'label'>): boolean {
  return p.kind === r.kind && p.paragraph === r.paragraph && p.paragraphEnd === r.paragraphEnd && p.start === r.start && p.end === r.end && p.context === r.context && p.page === r.page;
}

/** The previous index's chunks by article id, in chunk order (from its chunk -> article column: no chunk decoded). */
function chunksByArticle(prev: LoadedIndex | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!prev) return out;
  const lists: number[][] = prev.articles.map(() => []);
  for (let i = 0; i < prev.chunkArticle.length; i++) lists[prev.chunkArticle[i]!]!.push(i);
  prev.articles.forEach((a, i) => out.set(a.id, lists[i]!));
  return out;
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

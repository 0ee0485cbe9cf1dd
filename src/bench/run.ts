/**
 * The benchmark: generate a large corpus, then per mode (keyword-only, a model) measure a full build,
 * an incremental build after adding one article and after changing one, and a serving process (cold
 * start, latency per question split into query embedding / search / answer composition, memory).
 * Builds and serving run in child processes so that peak RSS and cold start are real.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryArgs, projectRoot } from '../config.js';
import { ArticleFactory, generateCorpus, loadSourceText } from './corpus.js';
import { makeQuestions, type BenchQuestion } from './questions.js';
import { distribution, mb, round, RssSampler, type Distribution } from './stats.js';
import type { BuildResult, BuildTask, QuestionTiming, ServeResult, ServeTask } from './worker.js';

const ROOT = projectRoot(import.meta.url, 2);

export interface BenchOptions {
  root: string;
  articles: number;
  questions: number;
  /** 'keyword' (EMBEDDING_MODEL=none) or a model id under modelsDir, e.g. 'tiny-vi'. */
  modes: string[];
  modelsDir: string;
  seed: number;
  quick: boolean;
  /** Keep the temporary folder (corpus, indexes) for inspection. */
  keep?: boolean;
  /** Write V8 CPU profiles of every child process into this folder. */
  cpuProfDir?: string | null;
  /** Keep this many of the slowest timed questions per mode, with their time by stage (ServeMeasure.slowest). */
  slowest?: number;
  /** Also time another draw of questions after the timed ones (ServeMeasure.warm); off, the serving process's memory is that of the timed questions alone. */
  warm?: boolean;
  /** Time the questions in a serving process that has not run the engine's warm-up (ServeTask.coldProcess). */
  coldProcess?: boolean;
  log?: (line: string) => void;
}

export interface ChildRun<T> {
  result: T;
  /** Spawn to exit, as seen by the parent. */
  wallSeconds: number;
  /** Peak RSS sampled from outside (/proc), a cross-check of the child's own VmHWM. */
  sampledPeakMb: number;
}

export interface BuildMeasure {
  /** Process wall time (what `npm run build-index` costs, node start included). */
  wallSeconds: number;
  /** Inside the process: model load + buildIndex(). */
  seconds: number;
  startupSeconds: number;
  modelSeconds: number;
  modelLoadSeconds: number;
  /** Share of `seconds` spent outside the model (loading and embedding). */
  outsideModelShare: number | null;
  articles: number;
  chunks: number;
  embedded: number;
  reused: number;
  removed: number;
  chunksPerSecond: number;
  peakRssMb: number;
  indexMb: number;
  /** Seconds per phase inside buildIndex() (load previous, read corpus, chunks, keyword, embed, vectors, write, …). */
  phases: Record<string, number>;
  /** CPU seconds of the build process (user + system): steadier than wall time when other work shares the cores. */
  cpuSeconds: number;
}

export interface ServeMeasure {
  /** Process start to first answer, as seen by the parent (spawn to the answer). */
  coldStartSeconds: number;
  /** Its parts: node (+ tsx when not compiled) + imports, Engine.open (index and model), first question. */
  coldStartParts: { startup: number; open: number; firstQuestion: number };
  /** CPU seconds of the serving process until its first answer. */
  coldStartCpuSeconds: number;
  questions: number;
  answeredShare: number;
  embedMs: Distribution;
  searchMs: Distribution;
  answerMs: Distribution;
  searchAnswerMs: Distribution;
  totalMs: Distribution;
  /** Process CPU over each ask() (user + system): steadier than wall time on a shared machine. */
  cpuMs: Distribution;
  /**
   * Other questions asked after the timed ones, in the same process: what a serving bot's questions cost
   * once its code paths have run (a fresh process's first questions also pay for V8 compiling and
   * optimising the code and regular expressions they are first to run, and for filling memos).
   */
  warm: { questions: number; searchAnswerMs: Distribution; cpuMs: Distribution } | null;
  /** The engine's warm-up before the timed questions (null: --cold-process). */
  warmUp: { questions: number; ms: number; cpuMs: number } | null;
  /** The slowest timed questions (search + answer), slowest first, as many as BenchOptions.slowest asks. */
  slowest: SlowQuestion[];
  /** Share of question time outside the model (search + answer + the rest of ask()). */
  outsideModelShare: number | null;
  rssAfterOpenMb: number;
  rssAfterMb: number;
  peakRssMb: number;
  mode: string;
  degradedReason: string | null;
}

/** A timed question and its time by stage (ms): reading is the rest of ask() (cleaning and analysing the question). */
export interface SlowQuestion {
  question: string;
  source: string;
  /** Its place in the timed order (0: the first after the untimed one). */
  order: number;
  searchMs: number;
  answerMs: number;
  embedMs: number;
  readingMs: number;
  totalMs: number;
  cpuMs: number;
}

export interface ModeResult {
  mode: string;
  model: string;
  full: BuildMeasure;
  addOne: BuildMeasure;
  changeOne: BuildMeasure;
  serve: ServeMeasure;
}

export interface Target {
  name: string;
  limit: string;
  value: string;
  holds: boolean;
}

export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; platform: string; node: string };
  /** `compiled`: the processes ran dist/ (npm run compile, fresh), not the sources through tsx (see scripts/run.mjs). */
  params: { articles: number; questions: number; seed: number; quick: boolean; corpusMb: number; generateSeconds: number; compiled: boolean };
  modes: ModeResult[];
  targets: Target[];
  problems: string[];
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => undefined);
  const startedAt = new Date().toISOString();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vn-bench-'));
  const problems: string[] = [];
  try {
    const t0 = performance.now();
    const source = await loadSourceText(opts.root);
    const corpusDir = path.join(tmp, 'corpus');
    const corpus = await generateCorpus({ root: opts.root, dir: corpusDir, articles: opts.articles, seed: opts.seed, source });
    const generateSeconds = (performance.now() - t0) / 1000;
    log(`Generated ${corpus.articles.length} articles (${mb(corpus.bytes)} MB) in ${tmp} in ${generateSeconds.toFixed(1)} s`);
    const questions = await makeQuestions({ root: opts.root, articles: corpus.articles, count: opts.questions, seed: opts.seed });
    const questionsFile = path.join(tmp, 'questions.json');
    await fs.writeFile(questionsFile, JSON.stringify(questions.map((q) => q.question)));
    // Another draw, without the timed questions: what the warm process has not been asked.
    let warmQuestionsFile: string | undefined;
    if (opts.warm) {
      const timed = new Set(questions.map((q) => q.question));
      const warmQuestions = (await makeQuestions({ root: opts.root, articles: corpus.articles, count: opts.questions, seed: opts.seed + 1 })).filter((q) => !timed.has(q.question));
      warmQuestionsFile = path.join(tmp, 'warm-questions.json');
      await fs.writeFile(warmQuestionsFile, JSON.stringify(warmQuestions.map((q) => q.question)));
    }

    const modes: ModeResult[] = [];
    for (const mode of opts.modes) {
      const model = mode === 'keyword' ? 'none' : mode;
      const indexDir = path.join(tmp, `index-${mode.replace(/[^\w.-]+/g, '_')}`);
      const common = { root: opts.root, model, modelsDir: opts.modelsDir, indexDir };
      const build = async (label: string): Promise<BuildMeasure> => {
        const run = await runChild<BuildResult>('build', { ...common, corpusDir, resultFile: path.join(tmp, `${mode}-${label}.json`) } satisfies BuildTask, opts, `${mode}-${label}`);
        const m = buildMeasure(run);
        log(`[${mode}] ${label}: ${m.wallSeconds.toFixed(2)} s wall (${m.seconds.toFixed(2)} s in process, model ${m.modelSeconds.toFixed(2)} s), ${m.chunks} chunks, ${m.embedded} embedded, ${m.reused} reused, peak RSS ${m.peakRssMb} MB`);
        return m;
      };

      const full = await build('full');
      // One new article, then one changed paragraph in an existing one: the same edits in every mode.
      const extra = new ArticleFactory(source, opts.seed + 1).article();
      const extraFile = path.join(corpusDir, `zz_${extra.file}`);
      await fs.writeFile(extraFile, extra.text);
      const addOne = await build('add-one');
      const target = corpus.articles[Math.floor(corpus.articles.length / 2)]!;
      const targetFile = path.join(corpusDir, target.file);
      const original = await fs.readFile(targetFile, 'utf8');
      const blocks = original.split('\n\n');
      blocks[Math.min(3, blocks.length - 2)] = new ArticleFactory(source, opts.seed + 2).paragraph(); // the third paragraph
      await fs.writeFile(targetFile, blocks.join('\n\n'));
      const changeOne = await build('change-one');
      const serveRun = await runChild<ServeResult>('serve', { ...common, questionsFile, warmQuestionsFile, coldProcess: opts.coldProcess ?? false, resultFile: path.join(tmp, `${mode}-serve.json`) } satisfies ServeTask, opts, `${mode}-serve`);
      const serve = serveMeasure(serveRun, questions, opts.slowest ?? 0);
      log(`[${mode}] serve: cold start ${serve.coldStartSeconds.toFixed(2)} s, search+answer p95 ${serve.searchAnswerMs.p95} ms${serve.warm ? ` (warm process ${serve.warm.searchAnswerMs.p95} ms)` : ''}, peak RSS ${serve.peakRssMb} MB, answered ${(serve.answeredShare * 100).toFixed(0)}%`);
      // Back to the generated corpus for the next mode.
      await fs.rm(extraFile, { force: true });
      await fs.writeFile(targetFile, original);

      if (full.chunks === 0) problems.push(`[${mode}] the full build indexed no chunks`);
      if (addOne.articles !== full.articles + 1) problems.push(`[${mode}] adding one article gave ${addOne.articles} articles, expected ${full.articles + 1}`);
      if (addOne.reused < full.chunks) problems.push(`[${mode}] adding one article re-did kept chunks (${addOne.reused} reused of ${full.chunks})`);
      if (changeOne.reused < addOne.chunks - 5) problems.push(`[${mode}] changing one paragraph re-did ${addOne.chunks - changeOne.reused} chunks`);
      if (serve.questions !== questions.length) problems.push(`[${mode}] ${serve.questions} of ${questions.length} questions answered`);
      if (serve.answeredShare === 0) problems.push(`[${mode}] no question was answered`);
      if (model !== 'none' && serve.mode !== 'hybrid') problems.push(`[${mode}] served ${serve.mode}, not hybrid: ${serve.degradedReason}`);
      modes.push({ mode, model, full, addOne, changeOne, serve });
    }

    const cpus = os.cpus();
    return {
      startedAt,
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGb: round(os.totalmem() / 1024 ** 3, 1), platform: `${os.platform()} ${os.release()}`, node: process.version },
      // The children decide as this process did (the same launcher, the same files).
      params: { articles: opts.articles, questions: questions.length, seed: opts.seed, quick: opts.quick, corpusMb: mb(corpus.bytes), generateSeconds: round(generateSeconds, 2), compiled: import.meta.url.endsWith('.js') },
      modes,
      targets: targets(modes),
      problems,
    };
  } finally {
    if (opts.keep) log(`Kept ${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true });
  }
}

function buildMeasure(run: ChildRun<BuildResult>): BuildMeasure {
  const r = run.result;
  const model = r.modelSeconds + r.modelLoadSeconds;
  return {
    wallSeconds: round(run.wallSeconds, 3),
    seconds: r.seconds,
    startupSeconds: r.startupSeconds,
    modelSeconds: r.modelSeconds,
    modelLoadSeconds: r.modelLoadSeconds,
    outsideModelShare: r.mode === 'hybrid' && r.seconds > 0 ? round((r.seconds - model) / r.seconds, 3) : null,
    articles: r.articles,
    chunks: r.chunks,
    embedded: r.embedded,
    reused: r.reused,
    removed: r.removed,
    chunksPerSecond: round(r.chunks / Math.max(r.seconds, 1e-9), 0),
    peakRssMb: Math.max(r.peakRssMb, run.sampledPeakMb),
    indexMb: mb(r.indexBytes),
    phases: r.phases,
    cpuSeconds: r.cpuSeconds,
  };
}

function serveMeasure(run: ChildRun<ServeResult> & { spawnedAt?: number }, questions: readonly BenchQuestion[], slowest: number): ServeMeasure {
  const r = run.result;
  const t = r.timings;
  const embed = t.map((x) => x.embedMs);
  const total = t.map((x) => x.totalMs);
  const sumEmbed = embed.reduce((a, b) => a + b, 0);
  const sumTotal = total.reduce((a, b) => a + b, 0);
  const spawnedAt = run.spawnedAt ?? r.processStart;
  return {
    coldStartSeconds: round((r.firstAnswer - spawnedAt) / 1000, 3),
    coldStartParts: {
      startup: round((r.modulesReady - spawnedAt) / 1000, 3),
      open: round((r.engineReady - r.modulesReady) / 1000, 3),
      firstQuestion: round((r.firstAnswer - r.engineReady) / 1000, 3),
    },
    coldStartCpuSeconds: r.firstAnswerCpuSeconds,
    questions: t.length,
    answeredShare: t.length ? round(t.filter((x) => x.answered).length / t.length, 3) : 0,
    embedMs: distribution(embed),
    searchMs: distribution(t.map((x) => x.searchMs)),
    answerMs: distribution(t.map((x) => x.answerMs)),
    searchAnswerMs: distribution(t.map((x) => x.searchMs + x.answerMs)),
    totalMs: distribution(total),
    cpuMs: distribution(t.map((x) => x.cpuMs)),
    warm: r.warmTimings.length > 0 ? { questions: r.warmTimings.length, searchAnswerMs: distribution(r.warmTimings.map((x) => x.searchMs + x.answerMs)), cpuMs: distribution(r.warmTimings.map((x) => x.cpuMs)) } : null,
    warmUp: r.warmUp ?? null,
    slowest: slowestOf(t, questions, slowest),
    outsideModelShare: r.mode === 'hybrid' && sumTotal > 0 ? round((sumTotal - sumEmbed) / sumTotal, 3) : null,
    rssAfterOpenMb: r.rssAfterOpenMb,
    rssAfterMb: r.rssAfterMb,
    peakRssMb: Math.max(r.peakRssMb, run.sampledPeakMb),
    mode: r.mode,
    degradedReason: r.degradedReason,
  };
}

/** The `n` timed questions of the longest search + answer, slowest first, with their time by stage. */
export function slowestOf(t: readonly QuestionTiming[], questions: readonly BenchQuestion[], n: number): SlowQuestion[] {
  return t
    .map((x, order): SlowQuestion => ({
      question: questions[order]?.question ?? '',
      source: questions[order]?.source ?? '',
      order,
      searchMs: x.searchMs,
      answerMs: x.answerMs,
      embedMs: x.embedMs,
      readingMs: round(Math.max(0, x.totalMs - x.embedMs - x.searchMs - x.answerMs), 3),
      totalMs: x.totalMs,
      cpuMs: x.cpuMs,
    }))
    .sort((a, b) => b.searchMs + b.answerMs - (a.searchMs + a.answerMs) || a.order - b.order)
    .slice(0, n);
}

/** The slowest questions of each mode (BenchOptions.slowest) as a Markdown table, or '' when none were kept. */
export function slowestTable(r: BenchResult): string {
  const lines: string[] = [];
  for (const m of r.modes) {
    if (m.serve.slowest.length === 0) continue;
    lines.push('', `Slowest ${m.serve.slowest.length} of ${m.serve.questions} questions, ${m.model === 'none' ? 'keyword-only' : m.mode} (ms; order: when it was asked, 0 first):`, '', '| search + answer | search | answer | reading | embedding | process CPU | order | source | question |', '|---:|---:|---:|---:|---:|---:|---:|---|---|');
    for (const s of m.serve.slowest) lines.push(`| ${fmt(s.searchMs + s.answerMs)} | ${fmt(s.searchMs)} | ${fmt(s.answerMs)} | ${fmt(s.readingMs)} | ${fmt(s.embedMs)} | ${fmt(s.cpuMs)} | ${s.order} | ${s.source} | ${s.question.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 120)} |`);
  }
  return lines.join('\n');
}

/** Runs src/bench/worker.ts in a fresh node process as the scripts run (scripts/run.mjs: compiled when fresh; no npx wrapper: the pid is the worker's). */
async function runChild<T>(task: 'build' | 'serve', args: BuildTask | ServeTask, opts: BenchOptions, label: string): Promise<ChildRun<T> & { spawnedAt: number }> {
  const nodeArgs: string[] = [];
  if (opts.cpuProfDir) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir, '--cpu-prof-name', `${label}.cpuprofile`);
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...entryArgs(ROOT, 'src/bench/worker.ts'), task, JSON.stringify(args)], { cwd: opts.root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  const sampler = child.pid ? new RssSampler(child.pid) : null;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : null)));
  });
  const wallSeconds = (performance.timeOrigin + performance.now() - spawnedAt) / 1000;
  const sampledPeakMb = sampler?.stop() ?? 0;
  if (code !== 0) throw new Error(`${label}: the ${task} process failed (exit ${code}):\n${stderr.trim()}`);
  const result = JSON.parse(await fs.readFile(args.resultFile, 'utf8')) as T;
  return { result, wallSeconds, sampledPeakMb, spawnedAt };
}

const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
/** "read corpus 1.8 · keyword 11.3 · …": the phases that took at least 10 ms. */
const phaseLine = (p: Record<string, number> | undefined) =>
  Object.entries(p ?? {})
    .filter(([, s]) => s >= 0.01)
    .map(([k, s]) => `${k} ${s.toFixed(2)}`)
    .join(' · ') || '–';
const dist = (d: Distribution) => `${fmt(d.p50)} / ${fmt(d.p95)} / ${fmt(d.p99)}`;

/** The issue's targets (for 500,000 paragraphs on a 2-core machine; p50 by size), judged on the keyword-only mode (and the model share on the others). */
export function targets(modes: readonly ModeResult[]): Target[] {
  const out: Target[] = [];
  const kw = modes.find((m) => m.mode === 'keyword');
  if (kw) {
    out.push({ name: `keyword: full build of ${kw.full.chunks} chunks (process wall)`, limit: '≤ 60 s', value: `${fmt(kw.full.wallSeconds)} s`, holds: kw.full.wallSeconds <= 60 });
    out.push({ name: 'keyword: add one article (process wall)', limit: '≤ 2 s', value: `${fmt(kw.addOne.wallSeconds)} s`, holds: kw.addOne.wallSeconds <= 2 });
    out.push({ name: 'keyword: search + answer p50', limit: '≤ 1 ms at 50k, ≤ 5 ms at 500k', value: `${fmt(kw.serve.searchAnswerMs.p50)} ms`, holds: kw.serve.searchAnswerMs.p50 <= (kw.full.chunks > 200_000 ? 5 : 1) });
    out.push({ name: 'keyword: search + answer p95', limit: '≤ 10 ms', value: `${fmt(kw.serve.searchAnswerMs.p95)} ms`, holds: kw.serve.searchAnswerMs.p95 <= 10 });
    out.push({ name: 'keyword: serving peak RSS', limit: '≤ 600 MB', value: `${fmt(kw.serve.peakRssMb, 0)} MB`, holds: kw.serve.peakRssMb <= 600 });
    out.push({ name: 'keyword: cold start to first answer', limit: '≤ 1 s', value: `${fmt(kw.serve.coldStartSeconds)} s`, holds: kw.serve.coldStartSeconds <= 1 });
    out.push({ name: 'keyword: full build peak RSS', limit: '≤ 2 GB', value: `${fmt(kw.full.peakRssMb, 0)} MB`, holds: kw.full.peakRssMb <= 2048 });
  }
  for (const m of modes) {
    if (m.model === 'none') continue;
    out.push({ name: `${m.mode}: full build, share outside the model (reported)`, limit: 'report', value: pct(m.full.outsideModelShare), holds: true });
    out.push({ name: `${m.mode}: per question, share outside the model (reported)`, limit: 'report', value: pct(m.serve.outsideModelShare), holds: true });
  }
  return out;
}

export function markdownTable(r: BenchResult): string {
  const cols = r.modes.map((m) => (m.model === 'none' ? 'keyword-only' : m.mode));
  const row = (label: string, f: (m: ModeResult) => string) => `| ${label} | ${r.modes.map(f).join(' | ')} |`;
  const lines = [
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB RAM, ${r.machine.platform}, Node ${r.machine.node}.`,
    `Corpus: ${r.params.articles} generated articles (${r.params.corpusMb} MB, seed ${r.params.seed}${r.params.quick ? ', --quick' : ''}); ${r.params.questions} questions.`,
    `Code: ${r.params.compiled ? 'compiled (dist/)' : 'TypeScript through tsx (npm run compile for the compiled start)'}.`,
    '',
    `| | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    row('articles / chunks', (m) => `${m.full.articles} / ${m.full.chunks}`),
    row('full build, process wall (s)', (m) => fmt(m.full.wallSeconds)),
    row('full build, in process (s)', (m) => fmt(m.full.seconds)),
    row('chunks per second', (m) => String(m.full.chunksPerSecond)),
    row('full build: model load + embedding (s)', (m) => (m.model === 'none' ? '–' : `${fmt(m.full.modelLoadSeconds)} + ${fmt(m.full.modelSeconds)}`)),
    row('full build: share outside the model', (m) => pct(m.full.outsideModelShare)),
    row('full build phases (s)', (m) => phaseLine(m.full.phases)),
    row('add one article, process wall (s)', (m) => fmt(m.addOne.wallSeconds)),
    row('add one article, in process (s)', (m) => `${fmt(m.addOne.seconds)} (${m.addOne.embedded} embedded)`),
    row('add one article phases (s)', (m) => phaseLine(m.addOne.phases)),
    row('add one article, process CPU (s)', (m) => fmt(m.addOne.cpuSeconds)),
    row('change one article, process wall (s)', (m) => fmt(m.changeOne.wallSeconds)),
    row('change one article, process CPU (s)', (m) => fmt(m.changeOne.cpuSeconds)),
    row('change one article, in process (s)', (m) => `${fmt(m.changeOne.seconds)} (${m.changeOne.embedded} embedded, ${m.changeOne.removed} removed)`),
    row(`node${r.params.compiled ? '' : ' + tsx'} start of a build process (s)`, (m) => fmt(m.addOne.startupSeconds)),
    row('peak RSS, full build (MB)', (m) => fmt(m.full.peakRssMb, 0)),
    row('peak RSS, add one article (MB)', (m) => fmt(m.addOne.peakRssMb, 0)),
    row('index on disk (MB)', (m) => fmt(m.full.indexMb, 1)),
    row('cold start to first answer (s)', (m) => fmt(m.serve.coldStartSeconds)),
    row('cold start, process CPU (s)', (m) => fmt(m.serve.coldStartCpuSeconds)),
    row(`… node${r.params.compiled ? '' : ' + tsx'} / open index / first question (s)`, (m) => `${fmt(m.serve.coldStartParts.startup)} / ${fmt(m.serve.coldStartParts.open)} / ${fmt(m.serve.coldStartParts.firstQuestion)}`),
    row('query embedding p50 / p95 / p99 (ms)', (m) => (m.model === 'none' ? '–' : dist(m.serve.embedMs))),
    row('engine warm-up before the timed questions (questions / s / CPU s)', (m) => (m.serve.warmUp ? `${m.serve.warmUp.questions} / ${fmt(m.serve.warmUp.ms / 1000)} / ${fmt(m.serve.warmUp.cpuMs / 1000)}` : '– (--cold-process)')),
    row('search p50 / p95 / p99 (ms)', (m) => dist(m.serve.searchMs)),
    row('answer composition p50 / p95 / p99 (ms)', (m) => dist(m.serve.answerMs)),
    row('search + answer p50 / p95 / p99 (ms)', (m) => dist(m.serve.searchAnswerMs)),
    row('whole ask() p50 / p95 / p99 (ms)', (m) => dist(m.serve.totalMs)),
    row('ask() process CPU p50 / p95 / p99 (ms)', (m) => dist(m.serve.cpuMs)),
    row('warm process, other questions: search + answer p50 / p95 / p99 (ms)', (m) => (m.serve.warm ? `${dist(m.serve.warm.searchAnswerMs)} (${m.serve.warm.questions} questions)` : '– (--warm)')),
    row('warm process, other questions: ask() process CPU p50 / p95 / p99 (ms)', (m) => (m.serve.warm ? dist(m.serve.warm.cpuMs) : '–')),
    row('per question: share outside the model', (m) => pct(m.serve.outsideModelShare)),
    row('serving RSS after open / after all questions / peak (MB)', (m) => `${fmt(m.serve.rssAfterOpenMb, 0)} / ${fmt(m.serve.rssAfterMb, 0)} / ${fmt(m.serve.peakRssMb, 0)}`),
    row('questions answered', (m) => `${(m.serve.answeredShare * 100).toFixed(0)}% of ${m.serve.questions}`),
    '',
    '| target | limit | measured | holds |',
    '|---|---|---:|:---:|',
    ...r.targets.map((t) => `| ${t.name} | ${t.limit} | ${t.value} | ${t.limit === 'report' ? '–' : t.holds ? 'yes' : '**no**'} |`),
  ];
  if (r.problems.length) lines.push('', 'Problems:', ...r.problems.map((p) => `- ${p}`));
  return lines.join('\n');
}

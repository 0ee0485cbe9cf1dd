/**
 * The benchmark's child process: one build or one serving session per process, so that peak RSS and
 * cold start are those of a real process. Run as `node scripts/run.mjs src/bench/worker.ts <task> <json>`;
 * the result is written as JSON to the task's `resultFile`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { embedderOptions, loadEmbedder } from '../embed/embedder.js';
import type { Embedder } from '../embed/types.js';
import { Engine } from '../engine/engine.js';
import { buildIndex, type BuildReport } from '../index/build.js';
import { currentVersionDir } from '../index/store.js';
import { dirBytes, peakRssMb, round, rssMb } from './stats.js';

/** Epoch ms of this process's start, and of the moment its modules finished loading. */
const processStart = performance.timeOrigin;
const modulesReady = performance.timeOrigin + performance.now();

export interface WorkerCommon {
  root: string;
  /** 'none' (keyword-only) or a model id under modelsDir. */
  model: string;
  modelsDir: string;
  indexDir: string;
  resultFile: string;
}

export interface BuildTask extends WorkerCommon {
  corpusDir: string;
}

/** A child build's report: buildIndex's own, plus what only the child process can measure. */
export interface BuildResult extends Pick<BuildReport, 'articles' | 'chunks' | 'embedded' | 'reused' | 'removed' | 'mode' | 'modelSeconds' | 'phases' | 'version'> {
  /** buildIndex() itself (plus the model load, when there is a model). */
  seconds: number;
  modelLoadSeconds: number;
  /** Process start until its modules are loaded (node + tsx + imports). */
  startupSeconds: number;
  /** CPU seconds of the whole process (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  messages: number;
  firstMessages: string[];
  peakRssMb: number;
  indexBytes: number;
}

export interface ServeTask extends WorkerCommon {
  questionsFile: string;
  /** Questions asked after the timed ones, timed apart: the same process warm (see ServeResult.warmTimings). */
  warmQuestionsFile?: string;
  /** Time the questions in a process that has not warmed up (as a bot does after its start: Engine.warmUp). */
  coldProcess?: boolean;
}

export interface QuestionTiming {
  embedMs: number;
  searchMs: number;
  answerMs: number;
  /** engine.ask() as the caller sees it. */
  totalMs: number;
  /** Process CPU (user + system) over engine.ask(): steadier than wall time when other work shares the cores. */
  cpuMs: number;
  answered: boolean;
}

export interface ServeResult {
  processStart: number;
  modulesReady: number;
  /** Engine.open() done (index loaded, model loaded when there is one). */
  engineReady: number;
  firstAnswer: number;
  /** CPU seconds of the process (user + system) from its start to the first answer. */
  firstAnswerCpuSeconds: number;
  mode: string;
  degradedReason: string | null;
  timings: QuestionTiming[];
  /**
   * The warm questions' timings, asked after the timed ones: a fresh process pays for its first
   * questions' code paths (V8 compiles and optimises functions and regular expressions as they are
   * first run) and memos, which a serving bot pays once.
   */
  warmTimings: QuestionTiming[];
  /** The engine's own warm-up after the first answer, as `npm start` runs it (null: --cold-process). */
  warmUp: { questions: number; ms: number; cpuMs: number } | null;
  rssAfterOpenMb: number;
  rssAfterMb: number;
  peakRssMb: number;
}

function cpuSeconds(): number {
  const c = process.cpuUsage();
  return round((c.user + c.system) / 1e6, 3);
}

function configFor(t: WorkerCommon, extra: Record<string, string> = {}): Config {
  return loadConfig(
    {
      INDEX_DIR: t.indexDir,
      EMBEDDING_MODEL: t.model,
      MODELS_DIR: t.modelsDir,
      WATCH_INDEX: 'false',
      LOG_LEVEL: 'silent',
      ...extra,
    },
    t.root,
  );
}

async function build(t: BuildTask): Promise<BuildResult> {
  const config = configFor(t, { CORPUS_DIR: t.corpusDir });
  const t0 = performance.now();
  let embedder: Embedder | null = null;
  if (config.embeddingModel) {
    embedder = await loadEmbedder(embedderOptions(config, config.embeddingModel, { onWarning: () => undefined }));
  }
  const modelLoadSeconds = (performance.now() - t0) / 1000;
  const messages: string[] = [];
  const report = await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config, embedder, log: (l) => messages.push(l) });
  const seconds = (performance.now() - t0) / 1000;
  await embedder?.dispose();
  const cur = await currentVersionDir(t.indexDir);
  return {
    articles: report.articles,
    chunks: report.chunks,
    embedded: report.embedded,
    reused: report.reused,
    removed: report.removed,
    mode: report.mode,
    seconds: round(seconds, 3),
    modelLoadSeconds: round(modelLoadSeconds, 3),
    modelSeconds: round(report.modelSeconds, 3),
    startupSeconds: round((modulesReady - processStart) / 1000, 3),
    phases: report.phases,
    cpuSeconds: cpuSeconds(),
    messages: report.messages.length,
    firstMessages: report.messages.slice(0, 5),
    peakRssMb: peakRssMb(),
    indexBytes: cur ? await dirBytes(cur.dir) : 0,
    version: report.version,
  };
}

async function serve(t: ServeTask): Promise<ServeResult> {
  const questions = JSON.parse(await fs.readFile(t.questionsFile, 'utf8')) as string[];
  const config = configFor(t);
  const engine = await Engine.open(config, { watch: false });
  const engineReady = performance.timeOrigin + performance.now();
  const rssAfterOpenMb = rssMb();
  try {
    await engine.ask(questions[0] ?? 'Hội nghị tổng kết năm 2020');
    const firstAnswer = performance.timeOrigin + performance.now();
    const firstAnswerCpuSeconds = cpuSeconds();
    // What `npm start` does once the bot runs, before its users' questions (warm-up.ts); the timed
    // questions then cost what they cost a serving bot. Its readings are forgotten (Engine.warmUp).
    let warmUp: ServeResult['warmUp'] = null;
    if (!t.coldProcess) {
      const c0 = process.cpuUsage();
      const w = await engine.warmUp();
      const c = process.cpuUsage(c0);
      warmUp = { questions: w.questions, ms: round(w.ms, 1), cpuMs: round((c.user + c.system) / 1000, 1) };
    }
    const timeAll = async (qs: readonly string[]): Promise<QuestionTiming[]> => {
      const out: QuestionTiming[] = [];
      for (const q of qs) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const a = await engine.ask(q);
        const totalMs = performance.now() - t0;
        const c = process.cpuUsage(c0);
        out.push({ ...a.timings, totalMs: round(totalMs, 3), cpuMs: round((c.user + c.system) / 1000, 3), answered: a.answered });
      }
      return out;
    };
    const timings = await timeAll(questions);
    const warmTimings = t.warmQuestionsFile ? await timeAll(JSON.parse(await fs.readFile(t.warmQuestionsFile, 'utf8')) as string[]) : [];
    const st = engine.status();
    return {
      processStart,
      modulesReady,
      engineReady,
      firstAnswer,
      firstAnswerCpuSeconds,
      mode: st.mode,
      degradedReason: st.degradedReason,
      timings,
      warmTimings,
      warmUp,
      rssAfterOpenMb,
      rssAfterMb: rssMb(),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  if (!task || !json) throw new Error('usage: worker.ts build|serve <json>');
  const args = JSON.parse(json) as BuildTask & ServeTask;
  const result = task === 'build' ? await build(args) : task === 'serve' ? await serve(args) : null;
  if (!result) throw new Error(`unknown task ${task}`);
  await fs.mkdir(path.dirname(args.resultFile), { recursive: true });
  await fs.writeFile(args.resultFile, JSON.stringify(result));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

/**
 * npm run eval -- --questions FILE.jsonl [--corpus DIR] [--index DIR] [--mode keyword|vector|hybrid|all]
 *                 [--unaccent] [--json] [--dump FILE]
 * Builds (or incrementally updates) an index of the corpus, asks every question, prints a table per kind.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SearchMode } from '../src/search/types.js';
import { configOrExit, exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { wordCount } from '../src/chunk/chunker.js';
import { Engine } from '../src/engine/engine.js';
import { markdown, parseQuestions, table, type Outcome } from '../src/eval/metrics.js';
import { buildIndex } from '../src/index/build.js';
import { fold } from '../src/text/normalise.js';

const USAGE = 'Usage: npm run eval -- --questions FILE.jsonl [--corpus DIR] [--index DIR] [--mode keyword|vector|hybrid|all] [--unaccent] [--json] [--dump FILE]';

async function main(): Promise<void> {
  const config = configOrExit();
  const { values } = parseCli(USAGE, {
    questions: { type: 'string' },
    corpus: { type: 'string' },
    index: { type: 'string' },
    mode: { type: 'string', default: 'all' },
    unaccent: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    dump: { type: 'string' },
  });
  if (!values.questions) throw new UsageError(`--questions is required.\n${USAGE}`);
  const modeArg = values.mode ?? 'all';
  if (!['keyword', 'vector', 'hybrid', 'all'].includes(modeArg)) throw new UsageError(`--mode must be keyword, vector, hybrid or all.\n${USAGE}`);

  const questionsFile = path.resolve(values.questions);
  const raw = await fs.readFile(questionsFile, 'utf8').catch((e: Error) => {
    throw new UsageError(`Cannot read ${values.questions}: ${e.message}`);
  });
  const questions = parseQuestions(raw, values.questions).map((q) => (values.unaccent ? { ...q, question: fold(q.question) } : q));

  const corpusDir = path.resolve(values.corpus ?? config.corpusDir);
  const modelSlug = (config.embeddingModel ?? 'none').replace(/[^\w.-]+/g, '_');
  const indexDir = path.resolve(values.index ?? path.join('.cache', 'eval', `${path.basename(corpusDir)}-${modelSlug}`));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const report = await buildIndex({ corpusDir, outDir: indexDir, config, log });
  log(`Index: ${report.articles} articles, ${report.chunks} chunks (${report.embedded} embedded, ${report.reused} reused, ${report.removed} removed) in ${path.relative(process.cwd(), indexDir)}`);

  const engine = await Engine.open({ ...config, indexDir }, { watch: false });
  try {
    const status = engine.status();
    const chunks = engine.index.chunks;
    const meanWords = chunks.reduce((n, c) => n + wordCount(c.text), 0) / (chunks.length || 1);
    const modes: SearchMode[] = modeArg === 'all' ? ['keyword', 'vector', 'hybrid'] : [modeArg as SearchMode];
    const results: Array<{ mode: SearchMode; rows: ReturnType<typeof table> }> = [];
    const dump: unknown[] = [];
    for (const mode of modes) {
      if (mode !== 'keyword' && status.mode === 'keyword') {
        log(`Mode ${mode} skipped: ${status.degradedReason ?? 'no embedding model'}.`);
        continue;
      }
      engine.setMode(mode);
      const outcomes: Outcome[] = [];
      for (const q of questions) {
        const t0 = performance.now();
        const tr = await engine.trace(q.question, { top: 5 }, 5);
        const ms = performance.now() - t0;
        outcomes.push({
          question: q,
          texts: tr.ranked.map((r) => r.text),
          firstQuote: tr.ranked[0]?.quote ?? null,
          answered: tr.answer.answered,
          topConfidence: tr.candidates.reduce((m, c) => Math.max(m, c.confidence), 0),
          ms,
        });
        if (values.dump) dump.push({ mode, id: q.id, kind: q.kind, question: q.question, answered: tr.answer.answered, topConfidence: outcomes.at(-1)!.topConfidence, first: tr.ranked[0]?.quote ?? null, expect: q.expect });
      }
      results.push({ mode, rows: table(outcomes) });
    }
    engine.setMode(null);
    const meta = {
      questions: path.relative(process.cwd(), questionsFile),
      corpus: path.relative(process.cwd(), corpusDir) || '.',
      unaccented: values.unaccent,
      model: status.model ?? 'none (keyword-only)',
      threshold: config.answerThreshold,
      chunks: chunks.length,
      meanChunkWords: Math.round(meanWords * 10) / 10,
      dense: status.dense ?? null,
    };
    if (values.dump) await fs.writeFile(values.dump, dump.map((d) => JSON.stringify(d)).join('\n') + '\n');
    if (values.json) {
      console.log(JSON.stringify({ ...meta, modes: results }, null, 1));
    } else {
      console.log(`Questions: ${meta.questions}${meta.unaccented ? ' (diacritics stripped)' : ''} | corpus: ${meta.corpus} (${meta.chunks} chunks, mean ${meta.meanChunkWords} words) | model: ${meta.model} | threshold ${meta.threshold}${meta.dense ? `\n${meta.dense}` : ''}\n`);
      for (const r of results) console.log(markdown(`mode: ${r.mode}`, r.rows) + '\n');
    }
  } finally {
    await engine.close();
  }
}

main().catch(exitOnError);

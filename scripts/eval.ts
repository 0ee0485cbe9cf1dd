/**
 * npm run eval -- --questions FILE.jsonl [--corpus DIR] [--index DIR] [--mode keyword|vector|hybrid|all]
 *                 [--unaccent] [--split-half] [--wrap-chatty] [--json] [--dump FILE]
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { configOrExit, exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { parseQuestions } from '../src/eval/metrics.js';
import { printReport, runEval } from '../src/eval/run.js';
import type { SearchMode } from '../src/search/types.js';

const USAGE = `Usage: npm run -s eval -- --questions FILE.jsonl [--corpus DIR] [--index DIR] [--mode keyword|vector|hybrid|all] [--unaccent] [--split-half] [--wrap-chatty] [--json] [--dump FILE]
Retrieval and answer quality per question kind (hit@1, hit@5, quote hit@1, MRR, answered, refusals), beside plain BM25.
  --questions FILE   JSON lines: {"id", "kind", "question", "expect": [...]} (see tests/fixtures/eval/)
  --corpus DIR       the articles (default: CORPUS_DIR); the index is built or updated first
  --index DIR        where that index goes (default: .cache/eval/<corpus>-<model>)
  --mode M           keyword, vector, hybrid or all (default all)
  --unaccent         strip the diacritics of every question first
  --split-half       also index the first half of the articles only: answered on those, refused on the rest
  --wrap-chatty      also ask each question wrapped in chat fillers with one typo (fixed seed)
  --json             the tables as JSON on stdout
  --dump FILE        every question's first result, as JSON lines`;

async function main(): Promise<void> {
  const { values } = parseCli(USAGE, {
    questions: { type: 'string' },
    corpus: { type: 'string' },
    index: { type: 'string' },
    mode: { type: 'string', default: 'all' },
    unaccent: { type: 'boolean', default: false },
    'split-half': { type: 'boolean', default: false },
    'wrap-chatty': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    dump: { type: 'string' },
  });
  const config = configOrExit();
  if (!values.questions) throw new UsageError(`--questions is required.\n${USAGE}`);
  const modeArg = values.mode ?? 'all';
  if (!['keyword', 'vector', 'hybrid', 'all'].includes(modeArg)) throw new UsageError(`--mode must be keyword, vector, hybrid or all.\n${USAGE}`);
  const raw = await fs.readFile(path.resolve(values.questions), 'utf8').catch((e: Error) => {
    throw new UsageError(`Cannot read ${values.questions}: ${e.message}`);
  });
  const corpusDir = path.resolve(values.corpus ?? config.corpusDir);
  const modelSlug = (config.embeddingModel ?? 'none').replace(/[^\w.-]+/g, '_');
  const report = await runEval({
    questions: parseQuestions(raw, values.questions),
    questionsLabel: values.questions,
    corpusDir,
    indexDir: path.resolve(values.index ?? path.join('.cache', 'eval', `${path.basename(corpusDir)}-${modelSlug}`)),
    config,
    modes: modeArg === 'all' ? 'all' : [modeArg as SearchMode],
    unaccent: values.unaccent ?? false,
    splitHalf: values['split-half'] ?? false,
    wrapChatty: values['wrap-chatty'] ?? false,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.dump) await fs.writeFile(values.dump, report.dump.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log(values.json ? JSON.stringify(report, null, 1) : printReport(report));
}

main().catch(exitOnError);

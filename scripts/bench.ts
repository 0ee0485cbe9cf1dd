/**
 * npm run bench -- [--articles N | --paragraphs N] [--questions N] [--quick] [--out FILE.json] [--modes keyword,tiny-vi]
 *                  [--seed N] [--keep] [--cpu-prof DIR] [--slowest N] [--warm] [--cold-process] [--strict]
 * Generates a large corpus from the project's own text, measures builds and serving (see src/bench/run.ts),
 * prints a Markdown table and writes the results as JSON. Exits 1 when something is broken (a child
 * process fails, a build is not incremental, nothing is answered), and with --strict also when a target is missed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { markdownTable, runBench, slowestTable } from '../src/bench/run.js';

/** Paragraphs of a generated article on average (15-35, see src/bench/corpus.ts). */
const PARAGRAPHS_PER_ARTICLE = 25;

const USAGE = `Usage: npm run bench -- [--articles N | --paragraphs N] [--questions N] [--quick] [--out FILE.json] [--modes keyword,tiny-vi] [--seed N] [--keep] [--cpu-prof DIR] [--slowest N] [--warm] [--cold-process] [--strict]
Speed and memory of builds and serving on a generated corpus; a Markdown table on stdout, JSON in --out.
  --articles N    articles to generate (default 2000; --quick 120)
  --paragraphs N  the corpus size in paragraphs instead: N / ${PARAGRAPHS_PER_ARTICLE} articles (500000 = a province's archive)
  --questions N   questions to time (default 300; --quick 60)
  --quick         the small run CI does
  --out FILE      the JSON results (default .cache/bench/bench.json)
  --modes LIST    keyword and/or model ids from tests/fixtures/models (default keyword,tiny-vi)
  --seed N        generator seed; --keep keeps the generated corpus; --cpu-prof DIR writes CPU profiles
  --slowest N     also prints the N slowest timed questions, their time by stage (search, answer, reading)
  --warm          then asks another draw of questions in the same serving process and times them apart
  --cold-process  times the questions without the engine's warm-up that npm start runs first
  --strict        exit 1 when a target is missed, not only when something is broken`;

async function main(): Promise<void> {
  const { values } = parseCli(USAGE, {
    articles: { type: 'string' },
    paragraphs: { type: 'string' },
    questions: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    modes: { type: 'string', default: 'keyword,tiny-vi' },
    seed: { type: 'string', default: '20240601' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    slowest: { type: 'string' },
    warm: { type: 'boolean', default: false },
    'cold-process': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  });
  const int = (name: string, v: string | undefined, fallback: number, min: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}.\n${USAGE}`);
    return n;
  };
  const quick = values.quick ?? false;
  if (values.paragraphs !== undefined && values.articles !== undefined) throw new UsageError(`--articles and --paragraphs say the same thing: give one.\n${USAGE}`);
  const root = process.cwd();
  const modes = (values.modes ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  if (modes.length === 0) throw new UsageError(`--modes needs at least one of keyword, <model id>.\n${USAGE}`);
  const out = path.resolve(values.out ?? path.join('.cache', 'bench', quick ? 'bench-quick.json' : 'bench.json'));
  const cpuProfDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null;
  if (cpuProfDir) await fs.mkdir(cpuProfDir, { recursive: true });

  const result = await runBench({
    root,
    articles: values.paragraphs !== undefined ? Math.ceil(int('paragraphs', values.paragraphs, 0, 1) / PARAGRAPHS_PER_ARTICLE) : int('articles', values.articles, quick ? 120 : 2000, 1),
    questions: int('questions', values.questions, quick ? 60 : 300, 1),
    modes,
    modelsDir: path.join(root, 'tests/fixtures/models'),
    seed: int('seed', values.seed, 20240601, 0),
    quick,
    keep: values.keep ?? false,
    cpuProfDir,
    slowest: int('slowest', values.slowest, 0, 0),
    warm: values.warm ?? false,
    coldProcess: values['cold-process'] ?? false,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, JSON.stringify(result, null, 1) + '\n');
  console.log(markdownTable(result));
  const slow = slowestTable(result);
  if (slow) console.log(slow);
  console.log(`\nJSON: ${path.relative(root, out)}`);
  if (result.problems.length > 0) process.exit(1);
  if (values.strict && result.targets.some((t) => !t.holds)) process.exit(1);
}

main().catch(exitOnError);

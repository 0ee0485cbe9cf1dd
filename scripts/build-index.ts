/** npm run build-index -- [--corpus DIR] [--out DIR] */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configOrExit, exitOnError, UsageError } from '../src/cli/common.js';
import { progressBar } from '../src/cli/progress.js';
import { buildIndex } from '../src/index/build.js';

async function main(): Promise<void> {
  const config = configOrExit();
  let values;
  try {
    ({ values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nUsage: npm run build-index -- [--corpus DIR] [--out DIR]`);
  }
  if (values.help) {
    console.log('Usage: npm run build-index -- [--corpus DIR] [--out DIR]   (defaults: corpus/, embeddings/)');
    return;
  }
  const corpusDir = path.resolve(values.corpus ?? config.corpusDir);
  const outDir = path.resolve(values.out ?? config.indexDir);
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nInterrupted: the previous index is left as it was.\n');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const report = await buildIndex({
    corpusDir,
    outDir,
    config,
    log: (line) => process.stderr.write(`${line}\n`),
    onEmbedProgress: progressBar('Embedding'),
  });
  console.log(
    `${report.articles} articles, ${report.chunks} chunks: ${report.embedded} embedded, ${report.reused} reused, ${report.removed} removed` +
      ` (${report.mode === 'hybrid' ? 'keyword + vectors' : 'keyword only'}, ${report.seconds.toFixed(1)} s) -> ${path.relative(process.cwd(), outDir) || '.'}`,
  );
}

main().catch(exitOnError);

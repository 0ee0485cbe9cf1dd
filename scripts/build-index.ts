/** npm run build-index -- [--corpus DIR] [--out DIR] */
import path from 'node:path';
import { configOrExit, exitOnError, parseCli } from '../src/cli/common.js';
import { progressBar } from '../src/cli/progress.js';
import { buildIndex } from '../src/index/build.js';

const USAGE = `Usage: npm run build-index -- [--corpus DIR] [--out DIR]
Builds or updates the index: only new or changed paragraphs are embedded; a running bot switches over by itself.
  --corpus DIR   the articles, .txt and .md (default: CORPUS_DIR, corpus/)
  --out DIR      the index folder (default: INDEX_DIR, embeddings/)
Exit codes: 0 built, 1 failed (one line says why), 2 bad settings, 75 another build is running.`;

async function main(): Promise<void> {
  const { values } = parseCli(USAGE, { corpus: { type: 'string' }, out: { type: 'string' } });
  const config = configOrExit();
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

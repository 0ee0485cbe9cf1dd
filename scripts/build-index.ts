/** npm run build-index -- [--corpus DIR] [--out DIR] */
import path from 'node:path';
import { runBuild } from '../src/cli/build.js';
import { configOrExit, exitOnError, parseCli } from '../src/cli/common.js';

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
  console.log(await runBuild(config, corpusDir, outDir));
}

main().catch(exitOnError);

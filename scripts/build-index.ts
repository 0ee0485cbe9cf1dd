/** npm run build-index -- [--corpus DIR] [--out DIR] */
import path from 'node:path';
import { runBuild } from '../src/cli/build.js';
import { configOrExit, exitOnError, parseCli } from '../src/cli/common.js';

const USAGE = 'Usage: npm run build-index -- [--corpus DIR] [--out DIR]   (defaults: corpus/, embeddings/)';

async function main(): Promise<void> {
  const config = configOrExit();
  const { values } = parseCli(USAGE, { corpus: { type: 'string' }, out: { type: 'string' } });
  const corpusDir = path.resolve(values.corpus ?? config.corpusDir);
  const outDir = path.resolve(values.out ?? config.indexDir);
  console.log(await runBuild(config, corpusDir, outDir));
}

main().catch(exitOnError);

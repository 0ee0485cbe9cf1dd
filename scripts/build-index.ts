/** npm run build-index -- [--corpus DIR] [--out DIR] [--verify] */
import path from 'node:path';
import { runBuild } from '../src/cli/build.js';
import { configOrExit, exitOnError, parseCli } from '../src/cli/common.js';
import { runVerify } from '../src/cli/verify.js';
import { knownExtensions } from '../src/corpus/formats/registry.js';

const USAGE = `Usage: npm run build-index -- [--corpus DIR] [--out DIR] [--verify]
Builds or updates the index: only new or changed paragraphs are embedded; a running bot switches over by itself.
  --corpus DIR   the articles: ${knownExtensions().join(', ')} files (default: CORPUS_DIR, corpus/)
  --out DIR      the index folder (default: INDEX_DIR, embeddings/)
  --verify       build nothing: read every file of the index and check its size and checksum against
                 the manifest (loading trusts unchanged files by their stamp); names each damaged file
Exit codes: 0 built (or intact), 1 failed or damaged (one line says why), 2 bad settings, 75 another build is running.`;

async function main(): Promise<void> {
  const { values } = parseCli(USAGE, { corpus: { type: 'string' }, out: { type: 'string' }, verify: { type: 'boolean', default: false } });
  const config = configOrExit();
  const corpusDir = path.resolve(values.corpus ?? config.corpusDir);
  const outDir = path.resolve(values.out ?? config.indexDir);
  if (values.verify) {
    const { lines, intact } = await runVerify(outDir);
    (intact ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
    if (!intact) process.exitCode = 1;
    return;
  }
  console.log(await runBuild(config, corpusDir, outDir));
}

main().catch(exitOnError);

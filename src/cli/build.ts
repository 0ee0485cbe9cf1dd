/** The incremental index build as the scripts run it (build-index, add): logs on stderr, one summary line back. */
import path from 'node:path';
import type { Config } from '../config.js';
import { buildIndex } from '../index/build.js';
import { operatorLang } from './messages.js';
import { progressBar } from './progress.js';

/**
 * Builds `corpusDir` into `outDir` (Ctrl-C leaves the previous index in place) and returns the summary:
 * "N articles, M chunks: X embedded, Y reused, Z removed (…) -> embeddings".
 */
export async function runBuild(config: Config, corpusDir: string, outDir: string): Promise<string> {
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nInterrupted: the previous index is left as it was.\n');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await buildIndex({
      corpusDir,
      outDir,
      config,
      log: (line) => process.stderr.write(`${line}\n`),
      onEmbedProgress: progressBar(operatorLang() === 'en' ? 'Embedding' : 'Nhúng vector'),
    });
    return (
      `${report.articles} articles, ${report.chunks} chunks: ${report.embedded} embedded, ${report.reused} reused, ${report.removed} removed` +
      ` (${report.mode === 'hybrid' ? 'keyword + vectors' : 'keyword only'}, ${report.seconds.toFixed(1)} s) -> ${path.relative(process.cwd(), outDir) || '.'}`
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

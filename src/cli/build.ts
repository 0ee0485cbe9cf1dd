/** The incremental index build as the scripts run it (build-index, add): logs on stderr, one summary line back. */
import path from 'node:path';
import type { Config } from '../config.js';
import { buildIndex } from '../index/build.js';
import { note, operatorLang, operatorText } from '../text/operator.js';
import { buildLog, progressBar } from './progress.js';

/**
 * Builds `corpusDir` into `outDir` (Ctrl-C leaves the previous index in place) and returns the summary in
 * the operator's language: "N articles, M chunks: X embedded, Y reused, Z removed (…) -> embeddings".
 */
export async function runBuild(config: Config, corpusDir: string, outDir: string): Promise<string> {
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write(`\n${operatorText(note('buildInterrupted'), operatorLang())}\n`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await buildIndex({
      corpusDir,
      outDir,
      config,
      log: buildLog((line) => process.stderr.write(`${line}\n`)),
      onEmbedProgress: progressBar(operatorText(note('embeddingLabel'), operatorLang())),
    });
    const summary = note('buildSummary', {
      articles: report.articles,
      chunks: report.chunks,
      embedded: report.embedded,
      reused: report.reused,
      removed: report.removed,
      hybrid: report.mode === 'hybrid' ? 1 : 0,
      seconds: report.seconds.toFixed(1),
      out: path.relative(process.cwd(), outDir) || '.',
    });
    return operatorText(summary, operatorLang());
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

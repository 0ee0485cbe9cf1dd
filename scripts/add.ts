/** npm run add -- [--corpus DIR] [--out DIR] [--replace] <URL|FILE…> */
import path from 'node:path';
import { runBuild } from '../src/cli/build.js';
import { configOrExit, exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { ArticleError } from '../src/corpus/errors.js';
import { addToCorpus, IngestError } from '../src/corpus/ingest.js';
import { localizeLine, note, operatorLang, operatorText, type OperatorNote } from '../src/text/operator.js';

/** A line for the operator, in the locale's language. */
const say = (n: OperatorNote) => operatorText(n, operatorLang());

const USAGE = [
  'Usage: npm run -s add -- [--corpus DIR] [--out DIR] [--replace] <URL|FILE…>',
  '  Saves each web page (as .md with front matter), .pdf, .docx, .html, .txt or .md file into the corpus,',
  '  then updates the index. An existing article is kept (the new one gets another name) unless --replace.',
].join('\n');

async function main(): Promise<void> {
  const { values, positionals } = parseCli(USAGE, { corpus: { type: 'string' }, out: { type: 'string' }, replace: { type: 'boolean' } }, true);
  const config = configOrExit();
  if (positionals.length === 0) throw new UsageError(`Nothing to add.\n${USAGE}`);
  const corpusDir = path.resolve(values.corpus ?? config.corpusDir);
  const outDir = path.resolve(values.out ?? config.indexDir);
  let added = 0;
  let failed = 0;
  for (const source of positionals) {
    try {
      const a = await addToCorpus(source, corpusDir, { replace: values.replace ?? false });
      added++;
      console.log(say(note('added', { replaced: a.replaced ? 1 : 0, file: path.relative(process.cwd(), path.join(corpusDir, a.file)), title: a.article.title })));
      if (a.nameTakenBy) console.log(say(note('addNameTaken', { file: a.nameTakenBy })));
      for (const w of a.article.warnings) console.log(say(note('addNote', { note: localizeLine(w, operatorLang()) })));
    } catch (e) {
      if (!(e instanceof IngestError || e instanceof ArticleError)) throw e;
      failed++;
      process.stderr.write(`${say(note('notAdded', { source, reason: localizeLine(e.message, operatorLang()) }))}\n`);
    }
  }
  if (added > 0) console.log(await runBuild(config, corpusDir, outDir));
  if (failed > 0) process.exitCode = 1;
}

main().catch(exitOnError);

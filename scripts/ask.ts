/** npm run ask -- [--index DIR] [--top K] [--json] [--batch FILE] [QUESTION] */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toJson } from '../src/answer/json.js';
import { renderAnswerHtml, renderAnswerPlain } from '../src/present/render.js';
import { configOrExit, exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { Engine } from '../src/engine/engine.js';

const USAGE = 'Usage: npm run ask -- [--index DIR] [--top K] [--json] [--batch FILE] [QUESTION]';

async function main(): Promise<void> {
  const config = configOrExit();
  const { values, positionals } = parseCli(
    USAGE,
    {
      index: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean', default: false },
      batch: { type: 'string' },
      lang: { type: 'string', default: 'vi' },
    },
    true,
  );
  const top = values.top === undefined ? config.topK : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 50) throw new UsageError(`--top must be an integer from 1 to 50.\n${USAGE}`);
  const lang = values.lang === 'en' ? 'en' : 'vi';

  let questions: string[];
  if (values.batch) {
    const raw = await fs.readFile(values.batch, 'utf8').catch((e: Error) => {
      throw new UsageError(`Cannot read --batch file ${values.batch}: ${e.message}`);
    });
    questions = raw.split(/\r?\n/).filter((l) => l.trim() !== '');
  } else {
    const q = positionals.join(' ');
    if (q.trim() === '') throw new UsageError(`No question given.\n${USAGE}`);
    questions = [q];
  }

  if (values.index) config.indexDir = path.resolve(values.index);
  const engine = await Engine.open(config, { watch: false });
  try {
    for (const question of questions) {
      const answer = await engine.ask(question, { top, lang });
      if (values.json) {
        console.log(JSON.stringify(toJson(answer, renderAnswerHtml(answer, lang).join('\n'))));
      } else {
        console.log(renderAnswerPlain(answer, lang));
        if (questions.length > 1) console.log('');
      }
    }
  } finally {
    await engine.close();
  }
}

main().catch(exitOnError);

/** npm run -s ask -- [--index DIR] [--top K] [--json] [--batch FILE] [QUESTION] */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toJson } from '../src/answer/json.js';
import { renderAnswerHtml, renderAnswerPlain } from '../src/present/render.js';
import { configOrExit, exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { Engine } from '../src/engine/engine.js';
import { MAX_TOP_K } from '../src/config.js';

const USAGE = `Usage: npm run -s ask -- [--index DIR] [--top K] [--json] [--batch FILE] [--lang vi|en] [QUESTION]
The bot's answer to QUESTION in the terminal.
  --index DIR    the index folder (default: INDEX_DIR, embeddings/)
  --top K        results per answer, 1 to ${MAX_TOP_K} (default: TOP_K, 3)
  --json         one JSON object per question on stdout, nothing else (pipe it to jq; keep npm's -s,
                 else npm prints its banner on stdout too)
  --batch FILE   one question per line of FILE (the model is loaded once)
  --lang vi|en   language of the texts around the quotes (default vi)`;

async function main(): Promise<void> {
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
  // JSON mode: stdout carries the JSON lines only; whatever else a library prints goes to stderr.
  const out = process.stdout.write.bind(process.stdout);
  if (values.json) {
    for (const k of ['log', 'info', 'debug'] as const) console[k] = (...args: unknown[]) => console.error(...args);
    if (process.env.npm_lifecycle_event === 'ask' && process.env.npm_config_loglevel !== 'silent') {
      process.stderr.write('Note: npm printed its banner on stdout before the JSON; run `npm run -s ask -- --json …` for JSON only.\n');
    }
  }
  const config = configOrExit();
  const top = values.top === undefined ? config.topK : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP_K) throw new UsageError(`--top must be an integer from 1 to ${MAX_TOP_K}.\n${USAGE}`);
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
        out(JSON.stringify(toJson(answer, renderAnswerHtml(answer, lang).join('\n'))) + '\n');
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

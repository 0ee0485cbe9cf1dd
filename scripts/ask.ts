/** npm run -s ask -- [--index DIR] [--top K] [--json] [--batch FILE] [--conversation] [QUESTION] */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toJson } from '../src/answer/json.js';
import { renderAnswerHtml, renderAnswerPlain } from '../src/present/render.js';
import { configOrExit, exitOnError, parseCli, servingProblem, UsageError } from '../src/cli/common.js';
import { converse } from '../src/engine/chat.js';
import type { TurnContext } from '../src/engine/conversation.js';
import { Engine } from '../src/engine/engine.js';
import { MAX_TOP_K } from '../src/config.js';

const USAGE = `Usage: npm run -s ask -- [--index DIR] [--top K] [--json] [--batch FILE] [--conversation] [--lang vi|en] [QUESTION]
The bot's answer to QUESTION in the terminal.
  --index DIR    the index folder (default: INDEX_DIR, embeddings/)
  --top K        results per answer, 1 to ${MAX_TOP_K} (default: TOP_K, 3)
  --json         one JSON object per question on stdout, nothing else (pipe it to jq; keep npm's -s,
                 else npm prints its banner on stdout too)
  --batch FILE   one question per line of FILE (the model is loaded once)
  --conversation consecutive lines of the batch are one chat (follow-ups read against the line
                 before, as the bot does); a blank line starts a new chat
  --lang vi|en   language of the texts around the quotes (default vi)`;

async function main(): Promise<void> {
  const { values, positionals } = parseCli(
    USAGE,
    {
      index: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean', default: false },
      batch: { type: 'string' },
      conversation: { type: 'boolean', default: false },
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

  // null: a blank line of a conversation batch, the start of a new chat.
  let questions: Array<string | null>;
  if (values.batch) {
    const raw = await fs.readFile(values.batch, 'utf8').catch((e: Error) => {
      throw new UsageError(`Cannot read --batch file ${values.batch}: ${e.message}`);
    });
    questions = raw.split(/\r?\n/).map((l) => (l.trim() === '' ? null : l)).filter((l, i, all) => l !== null || (values.conversation && i > 0 && all[i - 1] !== null));
  } else {
    const q = positionals.join(' ');
    if (q.trim() === '') throw new UsageError(`No question given.\n${USAGE}`);
    questions = [q];
  }

  if (values.index) config.indexDir = path.resolve(values.index);
  const engine = await Engine.open(config, { watch: false });
  const problem = servingProblem(engine.status());
  if (problem !== null) process.stderr.write(`${problem}\n`);
  try {
    let previous: TurnContext | null = null;
    const asked = questions.filter((q) => q !== null).length;
    for (const question of questions) {
      if (question === null) {
        previous = null;
        continue;
      }
      let answer;
      if (values.conversation) {
        const turn = await converse(engine, question, previous, { top, lang });
        answer = turn.answer;
        previous = turn.turn;
      } else {
        answer = await engine.ask(question, { top, lang });
      }
      if (values.json) {
        out(JSON.stringify(toJson(answer, renderAnswerHtml(answer, lang).join('\n'))) + '\n');
      } else {
        console.log(renderAnswerPlain(answer, lang));
        if (asked > 1) console.log('');
      }
    }
  } finally {
    await engine.close();
  }
}

main().catch(exitOnError);

/**
 * The console chat (npm start without BOT_TOKEN): questions from stdin, answers as terminal text.
 * Works interactively (prompt "Câu hỏi> ") and with piped input: reads lines until EOF. Like the bot,
 * a follow-up is read against the last question (/new forgets it), /more or an empty line shows the
 * next results, a command is never taken for a question, and a reloaded index is announced.
 */
import readline from 'node:readline';
import { helpText, t } from '../present/messages.js';
import { htmlToPlain, renderAnswerPlain, renderSourcesHtml, renderStatusHtml } from '../present/render.js';
import type { Answer, Lang } from '../answer/types.js';
import type { Config } from '../config.js';
import { converse } from '../engine/chat.js';
import type { TurnContext } from '../engine/conversation.js';
import type { QaEngine } from '../engine/types.js';

export interface ConsoleChatOptions {
  engine: QaEngine;
  config: Pick<Config, 'topK'>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  lang?: Lang;
  /** ANSI bold highlights (default: when output is a terminal). */
  ansi?: boolean;
}

/** Where paging stands: the question as searched, how many results were shown. */
interface Paging {
  question: string;
  shown: number;
  total: number;
}

export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const lang = opts.lang ?? 'vi';
  const { engine } = opts;
  const top = opts.config.topK;
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY && output.isTTY);
  const ansi = opts.ansi ?? Boolean(output.isTTY);
  const prompt = t('consolePrompt', lang);
  const write = (text: string) => output.write(`${text}\n`);
  let previous: TurnContext | null = null;
  let paging: Paging | null = null;
  let indexVersion = engine.status().indexVersion;

  const show = (answer: Answer) => {
    const version = engine.status().indexVersion;
    if (version !== indexVersion) {
      write(t('indexReloaded', lang));
      indexVersion = version;
    }
    write(renderAnswerPlain(answer, lang, { ansi }));
  };
  const more = async () => {
    if (!paging || paging.shown >= paging.total) {
      write(t('consoleNoMore', lang));
      return;
    }
    const answer = await engine.ask(paging.question, { lang, top, offset: paging.shown });
    if (answer.results.length === 0) write(t('consoleNoMore', lang));
    else show(answer);
    paging.shown += answer.results.length;
  };
  const ask = async (question: string) => {
    const { answer, turn } = await converse(engine, question, previous, { lang, top });
    previous = turn;
    paging = { question: answer.interpreted, shown: answer.results.length, total: answer.total };
    show(answer);
  };

  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    write(t('consoleIntro', lang));
    rl.setPrompt(prompt);
    rl.prompt();
  }
  try {
    for await (const rawLine of rl) {
      const line = rawLine.trim();
      if (line === '' && !paging) {
        if (interactive) rl.prompt();
        continue;
      }
      if (!interactive) write(`${prompt}${line}`);
      const command = line === '' ? 'more' : line.startsWith('/') ? line.slice(1).split(/\s+/)[0]!.toLowerCase() : null;
      if (command === 'quit' || command === 'exit' || command === 'q') break;
      try {
        if (command === 'help' || command === 'start') write(`${helpText(lang, { console: true, examples: await engine.examples() })}\n\n${t('consoleIntro', lang)}`);
        else if (command === 'sources') write(renderSourcesHtml(engine.articles(), lang).map(htmlToPlain).join('\n'));
        else if (command === 'status') write(htmlToPlain(renderStatusHtml(engine.status(), lang, { showPaths: true })));
        else if (command === 'more') await more();
        else if (command === 'new') {
          previous = null;
          paging = null;
          write(t('newChat', lang));
        } else if (command === 'ask') await ask(line.replace(/^\/ask\s*/i, ''));
        else if (command !== null) write(t('consoleUnknownCommand', lang));
        else await ask(line);
      } catch (err) {
        write(`${t('engineError', lang)}${err instanceof Error ? ` (${err.message})` : ''}`);
      }
      write('');
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
  if (interactive) write(t('consoleBye', lang));
}

/**
 * The console chat (npm start without BOT_TOKEN): questions from stdin, answers as terminal text.
 * Works interactively (prompt "Câu hỏi> ") and with piped input: reads lines until EOF.
 */
import readline from 'node:readline';
import { helpText, t } from '../present/messages.js';
import { htmlToPlain, renderAnswerPlain, renderSourcesHtml, renderStatusHtml } from '../present/render.js';
import type { Lang } from '../answer/types.js';
import type { Config } from '../config.js';
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

export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const lang = opts.lang ?? 'vi';
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY && output.isTTY);
  const ansi = opts.ansi ?? Boolean(output.isTTY);
  const prompt = t('consolePrompt', lang);
  const write = (text: string) => output.write(`${text}\n`);

  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    write(t('consoleIntro', lang));
    rl.setPrompt(prompt);
    rl.prompt();
  }
  try {
    for await (const rawLine of rl) {
      const line = rawLine.trim();
      if (line === '') {
        if (interactive) rl.prompt();
        continue;
      }
      if (!interactive) write(`${prompt}${line}`);
      const command = line.startsWith('/') ? line.slice(1).split(/\s+/)[0]!.toLowerCase() : null;
      if (command === 'quit' || command === 'exit' || command === 'q') break;
      try {
        if (command === 'help' || command === 'start') write(`${helpText(lang)}\n\n${t('consoleIntro', lang)}`);
        else if (command === 'sources') write(renderSourcesHtml(opts.engine.articles(), lang).map(htmlToPlain).join('\n'));
        else if (command === 'status') write(htmlToPlain(renderStatusHtml(opts.engine.status(), lang)));
        else {
          const question = command === 'ask' ? line.replace(/^\/ask\s*/i, '') : line;
          const answer = await opts.engine.ask(question, { lang, top: opts.config.topK });
          write(renderAnswerPlain(answer, lang, { ansi }));
        }
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

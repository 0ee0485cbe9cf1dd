/** The conversations of tests/fixtures/eval/conversations.jsonl, how a turn is judged, and a runner over the engine. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from '../../src/answer/types.js';
import { converse } from '../../src/engine/chat.js';
import type { TurnContext } from '../../src/engine/conversation.js';
import type { QaEngine } from '../../src/engine/types.js';
import { factLines } from '../../src/present/messages.js';
import { ROOT } from './index-fixture.js';

export interface Turn {
  q: string;
  expect: string[];
  answer?: string;
  interpreted_contains?: string[];
  kind_expected?: string;
}
interface Conversation {
  id: string;
  kind: string;
  turns: Turn[];
}

export const CONVERSATIONS: Conversation[] = readFileSync(path.join(ROOT, 'tests/fixtures/eval/conversations.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Conversation);

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');

/** Shown quotes first; the whole passage and metadata facts count too (the user sees them a tap away). */
function turnIsRight(turn: Turn, answer: Answer): boolean {
  if (turn.interpreted_contains && !turn.interpreted_contains.every((w) => norm(answer.interpreted).includes(norm(w)))) return false;
  if (turn.expect.length === 0) return answer.confidence !== 'high';
  const facts = answer.facts ? factLines(answer.facts, 'vi') : [];
  const texts = [...answer.results.flatMap((r) => [r.quote, r.text]), ...facts].map(norm);
  return answer.results.length + facts.length > 0 && turn.expect.some((e) => texts.some((t) => t.includes(norm(e))));
}

/**
 * The same judgement on the bot's reply as the user reads it (plain text of the Telegram HTML):
 * `confident` says whether the reply presents an answer (quotes or report facts, not the "may be
 * related" list, a refusal or a "who do you mean?"); `readAs` is its "Hiểu là" line, if any.
 */
export function replyIsRight(turn: Turn, reply: { text: string; confident: boolean; readAs: string | null }): boolean {
  const read = norm(reply.readAs ?? turn.q);
  if (turn.interpreted_contains && !turn.interpreted_contains.every((w) => read.includes(norm(w)))) return false;
  if (turn.expect.length === 0) return !reply.confident;
  const text = norm(reply.text);
  return reply.confident && turn.expect.some((e) => text.includes(norm(e)));
}

/** Runs every conversation; returns right/total per kind and the wrong turns. */
export async function runConversations(engine: QaEngine) {
  const byKind = new Map<string, { right: number; total: number }>();
  const wrong: string[] = [];
  for (const c of CONVERSATIONS) {
    let previous: TurnContext | null = null;
    for (const [i, turn] of c.turns.entries()) {
      const { answer, turn: next } = await converse(engine, turn.q, previous, { top: 3 });
      previous = next;
      const ok = turnIsRight(turn, answer);
      const k = byKind.get(c.kind) ?? { right: 0, total: 0 };
      k.total += 1;
      if (ok) k.right += 1;
      else wrong.push(`${c.id}#${i + 1} ${turn.q} → ${answer.interpreted} [${answer.confidence}] ${answer.results[0]?.quote.slice(0, 80) ?? ''}`);
      byKind.set(c.kind, k);
    }
  }
  return { byKind, wrong };
}


/** The messages of one chat, each read with the previous turn's context; the last turn's answer. */
export async function chatAnswer(engine: QaEngine, messages: readonly string[], opts: { top?: number } = {}): Promise<Answer> {
  let previous: TurnContext | null = null;
  let last: Awaited<ReturnType<typeof converse>> | null = null;
  for (const m of messages) {
    last = await converse(engine, m, previous, opts);
    previous = last.turn;
  }
  return last!.answer;
}

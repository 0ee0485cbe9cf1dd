/**
 * `npm run eval`: builds (or incrementally updates) an index of a corpus, asks every question, and
 * prints one table per mode beside the plain-BM25 row over the same chunks. Options add the
 * split-half test (what is missing must be refused) and the chatty test (fillers and a typo must not
 * move the top paragraph).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { Engine } from '../engine/engine.js';
import { buildIndex } from '../index/build.js';
import type { SearchMode } from '../search/types.js';
import { fold } from '../text/normalise.js';
import { isUnaccented, tokenize } from '../text/tokens.js';
import { PlainBm25 } from './baseline.js';
import { wrapChatty } from './chatty.js';
import { contains, firstHitRank, isUnanswerable, markdown, summarise, table, type EvalQuestion, type Outcome, type Row } from './metrics.js';

export interface EvalOptions {
  questions: EvalQuestion[];
  questionsLabel: string;
  corpusDir: string;
  indexDir: string;
  config: Config;
  modes: SearchMode[] | 'all';
  unaccent: boolean;
  splitHalf: boolean;
  wrapChatty: boolean;
  log: (line: string) => void;
}

export interface EvalReport {
  header: string;
  tables: Array<{ title: string; rows: Row[] }>;
  splitHalf: { indexedAnswered: number; indexedN: number; missingRefused: number; missingN: number } | null;
  chatty: { sameTop: number; n: number; answered: number } | null;
  dump: unknown[];
}

/** Seed of the chatty wrapping: fixed, so every run asks the same questions. */
const CHATTY_SEED = 20261129;
const TOP = 5;

/** Questions split in two halves by a hash of their id: one to look at while choosing constants, one held out. */
export function isHeldOut(id: string): boolean {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) & 1) === 1;
}

async function ask(engine: Engine, questions: EvalQuestion[]): Promise<{ outcomes: Outcome[]; top: Array<string | null> }> {
  const outcomes: Outcome[] = [];
  const top: Array<string | null> = [];
  for (const q of questions) {
    const t0 = performance.now();
    const tr = await engine.trace(q.question, { top: TOP }, TOP);
    outcomes.push({
      question: q,
      texts: tr.ranked.map((r) => r.text),
      firstQuote: tr.ranked[0]?.quote ?? null,
      answered: tr.answer.answered,
      topConfidence: tr.candidates.reduce((m, c) => Math.max(m, c.confidence), 0),
      ms: performance.now() - t0,
      interpreted: tr.answer.interpreted,
      missing: tr.answer.missing,
    });
    top.push(tr.ranked[0]?.chunkId ?? null);
  }
  return { outcomes, top };
}

function baselineRow(engine: Engine, questions: EvalQuestion[]): Row {
  const texts = engine.index.chunks.map((c) => c.text);
  const bm25 = new PlainBm25(texts);
  const outcomes: Outcome[] = questions
    .filter((q) => !isUnanswerable(q))
    .map((q) => {
      const t0 = performance.now();
      const hits = bm25.search(q.question, isUnaccented(tokenize(q.question)), TOP);
      return { question: q, texts: hits.map((h) => texts[h]!), firstQuote: null, answered: true, topConfidence: 1, ms: performance.now() - t0 };
    });
  return { ...summarise('plain BM25', outcomes), quoteHit1: null, answered: null };
}

/** The article each answerable question is about: given, or the one whose text holds the expected phrase. */
function articleOf(engine: Engine, q: EvalQuestion): string | null {
  if (q.article) return q.article;
  if (q.expect.length === 0) return null;
  const chunk = engine.index.chunks.find((c) => contains(c.text, q.expect));
  return chunk ? chunk.articleId : null;
}

export async function runEval(o: EvalOptions): Promise<EvalReport> {
  const questions = o.unaccent ? o.questions.map((q) => ({ ...q, question: fold(q.question) })) : o.questions;
  // Per-file warnings ("no date found") say nothing about retrieval: counted, not printed.
  let fileNotes = 0;
  const buildLog = (line: string) => (/^\S+\.\w+: /u.test(line) ? fileNotes++ : o.log(line));
  const report = await buildIndex({ corpusDir: o.corpusDir, outDir: o.indexDir, config: o.config, log: buildLog });
  if (fileNotes > 0) o.log(`(${fileNotes} per-file notes from the build not shown)`);
  o.log(`Index: ${report.articles} articles, ${report.chunks} chunks (${report.embedded} embedded, ${report.reused} reused, ${report.removed} removed) in ${path.relative(process.cwd(), o.indexDir)}`);
  const engine = await Engine.open({ ...o.config, indexDir: o.indexDir }, { watch: false });
  const out: EvalReport = { header: '', tables: [], splitHalf: null, chatty: null, dump: [] };
  try {
    const status = engine.status();
    const chunks = engine.index.chunks;
    const meanWords = chunks.reduce((n, c) => n + c.text.split(/\s+/u).length, 0) / (chunks.length || 1);
    out.header = `Questions: ${o.questionsLabel}${o.unaccent ? ' (diacritics stripped)' : ''} | corpus: ${path.relative(process.cwd(), o.corpusDir) || '.'} (${chunks.length} chunks, mean ${Math.round(meanWords * 10) / 10} words) | model: ${status.model ?? 'none (keyword-only)'} | threshold ${o.config.answerThreshold}${status.dense ? `\n${status.dense}` : ''}`;
    const base = baselineRow(engine, questions);
    const modes: SearchMode[] = o.modes === 'all' ? ['keyword', 'vector', 'hybrid'] : o.modes;
    for (const mode of modes) {
      if (mode !== 'keyword' && status.mode === 'keyword') {
        o.log(`Mode ${mode} skipped: ${status.degradedReason ?? 'no embedding model'}.`);
        continue;
      }
      engine.setMode(mode);
      const { outcomes } = await ask(engine, questions);
      const halves = [summarise('tuning half', outcomes.filter((x) => !isHeldOut(x.question.id))), summarise('held-out half', outcomes.filter((x) => isHeldOut(x.question.id)))];
      out.tables.push({ title: `mode: ${mode}`, rows: [...table(outcomes), ...halves, base] });
      for (const x of outcomes) out.dump.push({ mode, id: x.question.id, kind: x.question.kind, question: x.question.question, interpreted: x.interpreted, missing: x.missing, answered: x.answered, topConfidence: x.topConfidence, rank: firstHitRank(x), first: x.firstQuote, expect: x.question.expect });
    }
    engine.setMode(null);

    if (o.wrapChatty) {
      const answerable = questions.filter((q) => !isUnanswerable(q));
      const plain = await ask(engine, answerable);
      const wrapped = await ask(engine, answerable.map((q, i) => ({ ...q, question: wrapChatty(q.question, CHATTY_SEED + i) })));
      let same = 0;
      plain.top.forEach((t, i) => (same += t !== null && t === wrapped.top[i] ? 1 : 0));
      out.chatty = { sameTop: same / (answerable.length || 1), n: answerable.length, answered: wrapped.outcomes.filter((x) => x.answered).length / (answerable.length || 1) };
      out.tables.push({ title: 'wrapped in fillers with one typo', rows: table(wrapped.outcomes.map((x) => ({ ...x, question: { ...x.question, kind: 'chatty' } }))) });
      wrapped.outcomes.forEach((x, i) =>
        out.dump.push({ mode: 'chatty', id: x.question.id, question: x.question.question, interpreted: x.interpreted, answered: x.answered, topConfidence: x.topConfidence, rank: firstHitRank(x), sameTop: plain.top[i] !== null && plain.top[i] === wrapped.top[i], first: x.firstQuote }),
      );
    }

    if (o.splitHalf) out.splitHalf = await splitHalf(engine, questions, o);
  } finally {
    await engine.close();
  }
  return out;
}

async function splitHalf(full: Engine, questions: EvalQuestion[], o: EvalOptions): Promise<EvalReport['splitHalf']> {
  const ids = full.index.articles.map((a) => a.id).sort();
  const kept = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
  const files = full.index.articles.filter((a) => kept.has(a.id)).map((a) => a.file);
  const about = questions.filter((q) => !isUnanswerable(q)).map((q) => ({ q, article: articleOf(full, q) }));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'eval-half-'));
  try {
    for (const f of files) {
      await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await fs.copyFile(path.join(o.corpusDir, f), path.join(dir, f));
    }
    const indexDir = `${o.indexDir}-half`;
    await buildIndex({ corpusDir: dir, outDir: indexDir, config: o.config, log: () => undefined });
    const engine = await Engine.open({ ...o.config, indexDir }, { watch: false });
    try {
      let indexedN = 0;
      let indexedAnswered = 0;
      let missingN = 0;
      let missingRefused = 0;
      for (const { q, article } of about) {
        if (article === null) continue;
        const a = (await engine.trace(q.question, { top: TOP })).answer;
        if (kept.has(article)) {
          indexedN++;
          if (a.answered) indexedAnswered++;
        } else {
          missingN++;
          if (!a.answered) missingRefused++;
        }
      }
      return { indexedAnswered: indexedAnswered / (indexedN || 1), indexedN, missingRefused: missingRefused / (missingN || 1), missingN };
    } finally {
      await engine.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function printReport(r: EvalReport): string {
  const parts = [r.header, '', ...r.tables.map((t) => markdown(t.title, t.rows) + '\n')];
  if (r.chatty) parts.push(`Chatty: the top paragraph stays the same for ${r.chatty.sameTop.toFixed(3)} of ${r.chatty.n} questions (answered ${r.chatty.answered.toFixed(3)}).`);
  if (r.splitHalf) {
    const s = r.splitHalf;
    parts.push(`Split half: questions on indexed articles answered ${s.indexedAnswered.toFixed(3)} (n ${s.indexedN}); on articles left out refused ${s.missingRefused.toFixed(3)} (n ${s.missingN}).`);
  }
  return parts.join('\n');
}



/**
 * Preparing corpus files (prepare.ts) on worker threads, one per core, while the build's own thread
 * reads, hashes and checks the next files: reading, cleaning, chunking and counting terms are most of
 * a full build, and they need nothing from each other. A build that parses a few files (adding or
 * changing an article) does them itself: starting a thread costs more than it saves.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { entryArgs, projectRoot } from '../config.js';
import { ArticleError } from '../corpus/errors.js';
import { TermCounter, Vocabulary, prepareArticle, type PreparedArticle } from './prepare.js';

/** Files prepared on the build's own thread before threads are started (an incremental build rarely parses more). */
const INLINE_FILES = 32;
/** Threads by default: one per core, at most this many (the build's own thread still reads, hashes and places). */
const MAX_THREADS = 4;

/** What a worker thread sends back for one file. */
export type PrepareReply = { seq: number; article: PreparedArticle } | { seq: number; error: { message: string; article: boolean; code?: string } };

/** What the build's thread asks a worker thread. */
export interface PrepareRequest {
  seq: number;
  bytes: Uint8Array;
  file: string;
  contentHash: string;
}

interface Thread {
  worker: Worker;
  busy: number;
}

export class PreparePool {
  readonly vocabulary = new Vocabulary();
  private readonly counter = new TermCounter();
  private readonly threads: Thread[] = [];
  private readonly waiting = new Map<number, { resolve: (a: PreparedArticle) => void; reject: (e: Error) => void }>();
  private inline = 0;
  private seq = 0;
  private readonly threadCount: number;
  /** Why a thread died (an uncaught error, out of memory): the build must fail, not skip every file. */
  failure: Error | null = null;
  private closing = false;

  /** `threads`: worker threads to start once more than a few files are asked (0: every file on this thread). */
  constructor(threads = Math.min(MAX_THREADS, os.availableParallelism())) {
    this.threadCount = threads;
  }

  /** Prepares one file: on this thread for the first few, then on worker threads. */
  async prepare(bytes: Uint8Array, file: string, contentHash: string): Promise<PreparedArticle> {
    if (this.inline < INLINE_FILES || this.threadCount === 0) {
      this.inline++;
      const a = await prepareArticle(bytes, file, contentHash, this.counter);
      this.vocabulary.adopt(0, a);
      return a;
    }
    if (this.failure) throw this.failure;
    if (this.threads.length === 0) this.start();
    const thread = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = ++this.seq;
    thread.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      thread.worker.postMessage({ seq, bytes, file, contentHash } satisfies PrepareRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.threads.length = 0;
  }

  private start(): void {
    // Through the scripts' launcher: the compiled copy when fresh, else the source with tsx (a thread does not inherit this one's loader).
    const [launcher, entry] = entryArgs(projectRoot(import.meta.url, 2), 'src/index/prepare-worker.ts') as [string, string];
    for (let i = 0; i < this.threadCount; i++) {
      const worker = new Worker(launcher, { argv: [entry], execArgv: [] });
      const thread: Thread = { worker, busy: 0 };
      const source = i + 1; // 0 is this thread's own counter
      worker.on('message', (reply: PrepareReply) => {
        thread.busy--;
        const waiter = this.waiting.get(reply.seq)!;
        this.waiting.delete(reply.seq);
        if ('article' in reply) {
          this.vocabulary.adopt(source, reply.article);
          waiter.resolve(reply.article);
        } else {
          waiter.reject(threadError(reply.error));
        }
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => this.fail(new Error(`a corpus reading thread stopped (exit code ${code})`)));
      this.threads.push(thread);
    }
  }

  /** A thread died: nothing it was asked will come back. */
  private fail(e: Error): void {
    if (this.closing) return;
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}

/** The error a thread reported, as the corpus reader tells them apart (an unusable file, or a system error with its code). */
function threadError(e: { message: string; article: boolean; code?: string }): Error {
  if (e.article) return new ArticleError(e.message);
  const err = new Error(e.message) as NodeJS.ErrnoException;
  if (e.code) err.code = e.code;
  return err;
}

/** A worker thread of PreparePool (prepare-pool.ts): prepares the files it is sent, with its own term counter. */
import { parentPort } from 'node:worker_threads';
import { ArticleError } from '../corpus/errors.js';
import { TermCounter, prepareArticle, transferables } from './prepare.js';
import type { PrepareReply, PrepareRequest } from './prepare-pool.js';

const counter = new TermCounter();
const port = parentPort!;

port.on('message', (req: PrepareRequest) => {
  prepareArticle(req.bytes, req.file, req.contentHash, counter).then(
    (article) => port.postMessage({ seq: req.seq, article } satisfies PrepareReply, transferables(article)),
    (e: unknown) => {
      const err = e as NodeJS.ErrnoException;
      port.postMessage({ seq: req.seq, error: { message: err?.message ?? String(e), article: e instanceof ArticleError, ...(err?.code ? { code: err.code } : {}) } } satisfies PrepareReply);
    },
  );
});

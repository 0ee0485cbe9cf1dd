/** npm run feedback -- --export FILE.jsonl [--since ISO-TIME]: the 👍/👎 records of STORE_PATH as eval questions. */
import { promises as fs } from 'node:fs';
import { configOrExit, exitOnError, parseCli, UsageError } from '../src/cli/common.js';
import { feedbackQuestions } from '../src/cli/feedback.js';
import { SqliteStore } from '../src/store/sqlite.js';

const USAGE = `Usage: npm run feedback -- --export FILE.jsonl [--since ISO-TIME]
Writes the feedback records of the store (STORE_PATH, data/store.sqlite) to FILE.jsonl, one eval
question a line: {"id", "question", "expect": [], "article": null, "kind": "feedback_up"|"feedback_down",
"chunk_ids", "index_version", "time"}.`;

async function main(): Promise<void> {
  const { values } = parseCli(USAGE, { export: { type: 'string' }, since: { type: 'string' } });
  if (!values.export) throw new UsageError(`--export FILE is required.\n${USAGE}`);
  const config = configOrExit();
  if (config.storePath === null) throw new UsageError('STORE_PATH=none: feedback is kept in memory only, there is nothing to export.');
  const store = new SqliteStore(config.storePath);
  try {
    const records = await store.listFeedback(values.since ? { since: values.since } : {});
    const rows = feedbackQuestions(records);
    await fs.writeFile(values.export, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : ''));
    console.error(`${rows.length} feedback records written to ${values.export}`);
  } finally {
    await store.close();
  }
}

main().catch(exitOnError);

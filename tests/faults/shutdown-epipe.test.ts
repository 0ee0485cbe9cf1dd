/** Fault: SIGTERM never ended the bot once its stderr/stdout pipes had closed (logging retried EPIPE forever). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';
import { spawnStart } from '../helpers/start-process.js';

let fake: FakeBotApi;
let ix: TempIndex;

beforeAll(async () => {
  fake = await FakeBotApi.start();
  ix = tempIndex({ model: 'none' });
});
afterAll(async () => {
  await fake.close();
  ix.cleanup();
});

describe('shutdown with closed output pipes', () => {
  it('exits within a few seconds of SIGTERM after stdout and stderr were closed', async () => {
    const child = spawnStart(
      // The start lines are in the operator's language: Vietnamese (the helper's default), pinned.
      { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, CORPUS_DIR: ix.corpusDir, INDEX_DIR: ix.indexDir, STORE_PATH: path.join(ix.root, 'store.sqlite'), LOG_LEVEL: 'debug' },
      ['pipe', 'pipe', 'pipe'],
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', () => undefined);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      // Started: the bot polls the fake API.
      const t0 = Date.now();
      while (!/đang chạy/.test(stderr) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toMatch(/đang chạy/);
      // The reader of its output goes away (a supervisor's log pipe closed).
      child.stdout!.destroy();
      child.stderr!.destroy();
      await new Promise((r) => setTimeout(r, 200));
      const sent = Date.now();
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 8_000));
      const result = await Promise.race([exited, timeout]);
      expect(result).not.toBe('timeout');
      expect(Date.now() - sent).toBeLessThan(8_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});

/** HEALTH_PORT: /healthz and /readyz in polling mode (own server on HEALTH_HOST) and on the webhook port. */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';
import { spawnStart } from '../helpers/start-process.js';
import { startHarness, type Harness } from '../bot/harness.js';
import { freePort } from './helpers.js';

const get = async (port: number, p: string) => (await fetch(`http://127.0.0.1:${port}${p}`)).status;

describe('health settings', () => {
  it('reads HEALTH_PORT (off by default) and HEALTH_HOST (127.0.0.1 by default)', () => {
    const c = loadConfig({ EMBEDDING_MODEL: 'none' });
    expect(c.healthPort).toBeNull();
    expect(c.healthHost).toBe('127.0.0.1');
    const d = loadConfig({ EMBEDDING_MODEL: 'none', HEALTH_PORT: '9100', HEALTH_HOST: '0.0.0.0' });
    expect(d.healthPort).toBe(9100);
    expect(d.healthHost).toBe('0.0.0.0');
    expect(() => loadConfig({ EMBEDDING_MODEL: 'none', HEALTH_PORT: 'x' })).toThrow(/HEALTH_PORT/);
  });
});

describe('health endpoints in polling mode (npm start)', () => {
  let fake: FakeBotApi;
  let ix: TempIndex;
  let child: ChildProcess;
  let port: number;
  let stderr = '';
  beforeAll(async () => {
    fake = await FakeBotApi.start();
    ix = tempIndex({ model: 'none' });
    port = await freePort();
    child = spawnStart(
      // The start lines are in the operator's language: Vietnamese (the helper's default), pinned.
      { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, CORPUS_DIR: ix.corpusDir, INDEX_DIR: ix.indexDir, LOG_LEVEL: 'warn', HEALTH_PORT: String(port) },
      ['ignore', 'ignore', 'pipe'],
    );
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const t0 = Date.now();
    while (!/đang chạy/.test(stderr) && Date.now() - t0 < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  }, 90_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await fake.close();
    ix.cleanup();
  });

  it('serves /healthz 200 and /readyz 200 (index loaded) on 127.0.0.1:HEALTH_PORT', async () => {
    expect(stderr).toMatch(/đang chạy/);
    expect(await get(port, '/healthz')).toBe(200);
    expect(await get(port, '/readyz')).toBe(200);
    expect(await get(port, '/other')).toBe(404);
  });
});

describe('health endpoints in webhook mode', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    h = await startHarness({ WEBHOOK_URL: `http://127.0.0.1:${port}/tg-hook`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'test_secret-123' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('serves /healthz and /readyz on the webhook port; /readyz is 503 without a loaded index', async () => {
    expect(await get(port, '/healthz')).toBe(200);
    expect(await get(port, '/readyz')).toBe(200);
    const real = h.engine.status;
    h.engine.status = () => {
      throw new Error('no index loaded');
    };
    try {
      expect(await get(port, '/readyz')).toBe(503);
      expect(await get(port, '/healthz')).toBe(200);
    } finally {
      h.engine.status = real;
    }
  });
});

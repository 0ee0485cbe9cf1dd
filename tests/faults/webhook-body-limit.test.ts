/** Fault: webhook requests carrying the right secret had no body-size limit. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../bot/harness.js';
import { freePort } from './helpers.js';

const SECRET = 'test_secret-123';
const MB = 1024 * 1024;

describe('webhook body limit', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    h = await startHarness({ WEBHOOK_URL: `http://127.0.0.1:${port}/tg-hook`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** POSTs `size` bytes (declared with Content-Length, or chunked), resolves with the status, or 'reset' if the socket was closed first. */
  const post = (size: number, chunked: boolean) =>
    new Promise<number | 'reset'>((resolve) => {
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };
      if (!chunked) headers['content-length'] = size;
      const req = http.request({ host: '127.0.0.1', port, path: '/tg-hook', method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve('reset'));
      const piece = Buffer.alloc(64 * 1024, 0x20);
      let left = size;
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, piece.length);
          left -= n;
          if (!req.write(piece.subarray(0, n))) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });

  it('refuses a body declared over 1 MB with 413', async () => {
    expect(await post(3 * MB, false)).toBe(413);
  });

  it('refuses a chunked body (no declared length) with 411 (or a closed connection), not a 200', async () => {
    const status = await post(3 * MB, true);
    expect([411, 'reset']).toContain(status);
  });

  it('still takes a normal update', async () => {
    const body = JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1, is_bot: false, first_name: 'A' }, text: '/start' } });
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/tg-hook', method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(200);
  });
});

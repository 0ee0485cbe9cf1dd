/** Fault: the bot token leaked into the "bot started" log (WEBHOOK_URL carrying it) and into raw startup stack traces. */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/bot/logger.js';
import { exitOnError } from '../../src/cli/common.js';
import { startHarness, type Harness } from '../bot/harness.js';
import { freePort, logCapture } from './helpers.js';

const TOKEN = '123456789:TEST-fake-token_abcdefghijklmnop';

describe('the token never reaches a log line', () => {
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.stop();
  });

  it('a webhook start whose URL carries the token logs no line containing it', async () => {
    const port = await freePort();
    const { lines, stream } = logCapture();
    const logger = createLogger({ level: 'debug', botToken: TOKEN, destination: stream });
    h = await startHarness(
      { WEBHOOK_URL: `http://127.0.0.1:${port}/hook/${TOKEN}`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'test_secret-123' },
      { logger },
    );
    expect(h.fake.token).toBe(TOKEN);
    // Log sites that pass a URL or a message of their own are masked too.
    logger.warn({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, enc: encodeURIComponent(TOKEN) }, `calling bot${TOKEN}`);
    await new Promise((r) => setTimeout(r, 50));
    const started = lines.find((l) => l.includes('bot started'));
    expect(started).toBeDefined();
    expect(started).toContain('<token>');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(l).not.toContain(TOKEN);
      expect(l).not.toContain(encodeURIComponent(TOKEN));
    }
  });
});

describe('a raw startup stack trace', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  it('is printed with the token masked', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (written.push(String(s)), true));
    vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    vi.stubEnv('BOT_TOKEN', TOKEN);
    expect(() => exitOnError(new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`))).toThrow('exit');
    vi.unstubAllEnvs();
    expect(written.join('')).toContain('<token>');
    expect(written.join('')).not.toContain(TOKEN);
  });
});

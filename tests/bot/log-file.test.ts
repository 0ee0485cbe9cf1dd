/** LOG_FILE: log lines land in a file (token masked), which rolls over at LOG_FILE_SIZE and keeps LOG_FILE_KEEP old files. */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, openLogFile } from '../../src/bot/logger.js';
import { loadConfig } from '../../src/config.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { tempIndex } from '../helpers/index-fixture.js';
import { spawnStart } from '../helpers/start-process.js';

const TOKEN = '123456:SECRET-token_value';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** Writes `n` log lines of about 200 bytes, pausing now and then so the file stream drains and can roll. */
async function writeLines(settings: NonNullable<ReturnType<typeof loadConfig>['logFile']>, n: number): Promise<void> {
  const dest = await openLogFile(settings);
  const logger = createLogger({ level: 'info', botToken: TOKEN, destination: dest });
  for (let i = 0; i < n; i++) {
    logger.info({ i, question: 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?', url: `https://api.telegram.org/bot${TOKEN}/getMe` }, 'answered');
    if (i % 10 === 9) await pause(5);
  }
  await new Promise<void>((resolve) => (dest as unknown as { flush(cb: () => void): void }).flush(() => resolve()));
  await pause(50);
}

describe('LOG_FILE', () => {
  it('is read with its rotation settings, and checked', () => {
    const config = loadConfig({ LOG_FILE: 'logs/bot.log', LOG_FILE_SIZE: '5M', LOG_FILE_FREQUENCY: 'hourly', LOG_FILE_KEEP: '3' }, '/srv/bot');
    expect(config.logFile).toEqual({ path: '/srv/bot/logs/bot.log', size: '5m', frequency: 'hourly', keep: 3 });
    expect(loadConfig({}).logFile).toBeNull();
    expect(loadConfig({ LOG_FILE: 'x.log', LOG_FILE_FREQUENCY: 'none' }, '/').logFile?.frequency).toBeNull();
    expect(() => loadConfig({ LOG_FILE: 'x.log', LOG_FILE_SIZE: 'big', LOG_FILE_FREQUENCY: 'weekly' })).toThrow(/LOG_FILE_SIZE="big"[\s\S]*LOG_FILE_FREQUENCY="weekly"/);
    expect(loadConfig({ LOG_FIEL: 'x.log' }).warnings.join(' ')).toMatch(/did you mean LOG_FILE\?/);
  });

  it('writes the log lines to the file, token masked, with current.log pointing at it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'log-file-'));
    const config = loadConfig({ LOG_FILE: path.join(dir, 'logs', 'bot.log') });
    await writeLines(config.logFile!, 20);
    const files = readdirSync(path.join(dir, 'logs')).filter((f) => f !== 'current.log');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^bot\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    const text = readFileSync(path.join(dir, 'logs', files[0]!), 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { i: number; msg: string });
    expect(lines.map((l) => l.i)).toEqual([...Array(20).keys()]);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('bot<token>/getMe');
    expect(path.basename(readlinkSync(path.join(dir, 'logs', 'current.log')))).toBe(files[0]);
  });

  it('rolls over at LOG_FILE_SIZE and keeps LOG_FILE_KEEP old files', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'log-file-'));
    const config = loadConfig({ LOG_FILE: path.join(dir, 'bot.log'), LOG_FILE_SIZE: '2k', LOG_FILE_FREQUENCY: 'none', LOG_FILE_KEEP: '2' });
    await writeLines(config.logFile!, 150);
    const files = readdirSync(dir).filter((f) => f !== 'current.log').sort((a, b) => Number(/\.(\d+)\.log$/.exec(a)![1]) - Number(/\.(\d+)\.log$/.exec(b)![1]));
    // About 30 kB in 2 kB files: many rollovers, of which the current file and two old ones remain.
    expect(files).toHaveLength(3);
    expect(Number(/\.(\d+)\.log$/.exec(files[2]!)![1])).toBeGreaterThan(5);
    for (const f of files.slice(0, 2)) expect(readFileSync(path.join(dir, f)).length).toBeLessThan(4096);
    // Nothing is lost at a rollover: the kept files hold the last lines, in order, up to the very last.
    const kept = files.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { i: number }).i));
    expect(kept[kept.length - 1]).toBe(149);
    expect(kept).toEqual([...Array(kept.length).keys()].map((k) => 150 - kept.length + k));
  });

  it('npm start writes its log to LOG_FILE, not stderr, and the last lines reach the file on SIGTERM', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'log-file-'));
    const fake = await FakeBotApi.start();
    const ix = tempIndex({ model: 'none' });
    const child = spawnStart(
      { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, CORPUS_DIR: ix.corpusDir, INDEX_DIR: ix.indexDir, LOG_LEVEL: 'info', LOG_FILE: path.join(dir, 'bot.log'), LANG: 'en_US.UTF-8' },
      ['ignore', 'ignore', 'pipe'],
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const t0 = Date.now();
      while (!/is running/.test(stderr) && Date.now() - t0 < 60_000 && child.exitCode === null) await pause(50);
      expect(stderr).toMatch(/^Bot @fake_qa_bot is running \(long polling\)/m);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      const log = readFileSync(path.join(dir, 'current.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
      expect(log.map((l) => l.msg), stderr).toEqual(expect.arrayContaining(['bot started', 'shutting down', 'bot stopped']));
      // stderr has the operator's lines only, no JSON log line.
      expect(stderr).not.toMatch(/^\{"level"/m);
      expect(readFileSync(path.join(dir, 'current.log'), 'utf8')).not.toContain(fake.token);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await fake.close();
      ix.cleanup();
    }
  }, 90_000);
});

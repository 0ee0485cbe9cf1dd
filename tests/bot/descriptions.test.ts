/**
 * The bot's profile texts: setMyDescription and setMyShortDescription in Vietnamese (default and "vi")
 * and English at start, written only when they changed; a refusal is logged and the bot still answers.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot, startBot } from '../../src/bot/bot.js';
import { t } from '../../src/present/messages.js';
import { startHarness, type Harness } from './harness.js';

const QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';

/** Resolves once the bot has read or written its last profile text (the English short description). */
const profileDone = (h: Harness) => h.fake.waitForCall('getMyShortDescription', { where: (c) => c.params.language_code === 'en' });

describe('profile texts at start', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('sets the description and short description in Vietnamese and English, within Telegram limits', async () => {
    h = await startHarness();
    await profileDone(h);
    await h.fake.waitForCall('setMyShortDescription', { where: (c) => c.params.language_code === 'en' });
    const d = h.fake.descriptions;
    expect(d.get('d:')).toBe(t('botDescription', 'vi'));
    expect(d.get('d:vi')).toBe(t('botDescription', 'vi'));
    expect(d.get('d:en')).toBe(t('botDescription', 'en'));
    expect(d.get('s:')).toBe(t('botShortDescription', 'vi'));
    expect(d.get('s:en')).toBe(t('botShortDescription', 'en'));
    expect(d.get('d:en')).toMatch(/quotes/);
    expect(h.fake.rejections()).toEqual([]);
  });

  it('does not write them again on a restart when they are unchanged', async () => {
    h = await startHarness();
    await h.fake.waitForCall('setMyShortDescription', { where: (c) => c.params.language_code === 'en' });
    const mark = h.fake.mark();
    const again = await startBot(createBot({ config: h.config, engine: h.engine, logger: pino({ level: 'silent' }) }), { pollTimeoutSeconds: 1 });
    await h.fake.waitForCall('getMyShortDescription', { since: mark, where: (c) => c.params.language_code === 'en' });
    await again.stop();
    expect(h.fake.callsSince(mark, 'setMyDescription')).toEqual([]);
    expect(h.fake.callsSince(mark, 'setMyShortDescription')).toEqual([]);
  });

  it('logs a refusal (a flood wait of hours) and keeps answering', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    // Started with the fake refusing every profile write for an hour: longer than auto-retry waits.
    h = await startHarness({}, { logger, beforeStart: (fake) => (fake.failNext('setMyDescription', 3, 3600), fake.failNext('setMyShortDescription', 3, 3600)) });
    const { reply } = await h.ask(QUESTION);
    expect(String(reply.params.text)).toContain('4.466');
    const warned = () => lines.map((l) => JSON.parse(l) as { msg: string; err?: { code?: number } }).filter((l) => /setMyDescription failed/.test(l.msg));
    for (let i = 0; i < 50 && warned().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(warned()[0]?.err?.code).toBe(429);
    // Told to wait, the bot stops writing its profile until the next start.
    expect(h.fake.callsOf('setMyDescription')).toHaveLength(1);
  });
});

/**
 * WATCH_CORPUS=true: the running bot rebuilds when a file appears in the corpus folder (debounced),
 * and the new article is answerable without any command.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBot, startBot, type BotHandle } from '../../src/bot/bot.js';
import { loadConfig } from '../../src/config.js';
import { openEngine } from '../../src/engine/engine.js';
import type { QaEngine } from '../../src/engine/types.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { builtSeedIndex, MODELS, ROOT, type TempIndex } from '../helpers/index-fixture.js';

let fake: FakeBotApi;
let idx: TempIndex;
let engine: QaEngine;
let handle: BotHandle;

beforeAll(async () => {
  fake = await FakeBotApi.start();
  idx = await builtSeedIndex();
  const config = loadConfig(
    {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      CORPUS_DIR: idx.corpusDir,
      INDEX_DIR: idx.indexDir,
      EMBEDDING_MODEL: 'tiny-vi',
      MODELS_DIR: MODELS,
      WATCH_INDEX: 'false',
      WATCH_CORPUS: 'true',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
    },
    ROOT,
  );
  engine = await openEngine(config, { watch: false });
  handle = await startBot(createBot({ config, engine, logger: pino({ level: 'silent' }) }), { pollTimeoutSeconds: 1, shutdownGraceSeconds: 30 });
}, 120_000);

afterAll(async () => {
  await handle?.stop();
  await engine?.close();
  await fake?.close();
  idx?.cleanup();
});

it('rebuilds by itself when a file is dropped into the corpus, and answers about it', async () => {
  const started = Date.now();
  writeFileSync(
    path.join(idx.corpusDir, 'hoi-nghi-dong-van.txt'),
    'Hội nghị Đảng bộ huyện Đồng Văn lần thứ 9\n\nĐảng bộ huyện Đồng Văn hiện có 3.917 đảng viên sinh hoạt tại 35 tổ chức cơ sở đảng.\n\nHuyện phấn đấu năm 2025 đón 900 nghìn lượt khách du lịch.\n',
  );
  await expect.poll(() => engine.article('hoi-nghi-dong-van'), { timeout: 30_000, interval: 200 }).not.toBeNull();
  console.log(`corpus change to answerable (watch, 2 s debounce): ${Date.now() - started} ms`);
  const user = fake.user(31_337);
  const q = fake.sendText({ from: user, text: 'Đảng bộ huyện Đồng Văn có bao nhiêu đảng viên?' });
  const reply = await fake.waitForCall('sendMessage', { where: (c) => c.status === 200 && c.params.reply_parameters?.message_id === q.message_id && Number(c.params.chat_id) === user.id });
  expect(String(reply.params.text)).toContain('3.917');
});

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MODEL, loadConfig, MAX_TOP_K } from '../src/config.js';
import { ROOT } from './helpers/index-fixture.js';

const TOKEN = '123456789:AAH-abcdefghijklmnopqrstuvwxyz_0123';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/x');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('no ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({}, '/srv/bot');
    expect(c).toMatchObject({ corpusDir: '/srv/bot/corpus', indexDir: '/srv/bot/embeddings', embeddingModel: DEFAULT_MODEL, modelsDir: null, botToken: null, topK: 3, vectorWeight: null });
  });
  it('reads EMBEDDING_MODEL=none as keyword-only and id lists as sets', () => {
    const c = loadConfig({ EMBEDDING_MODEL: 'none', ALLOWED_USER_IDS: '1, 2;3', ADMIN_USER_IDS: '-100123' }, '/x');
    expect(c.embeddingModel).toBeNull();
    expect([...c.allowedUserIds!]).toEqual([1, 2, 3]);
    expect([...c.adminUserIds]).toEqual([-100123]);
  });
  it('names every bad setting at once, without echoing the token', () => {
    let err: unknown;
    try {
      loadConfig({ TOP_K: 'many', WEBHOOK_URL: 'ftp://x', BOT_TOKEN: 'secret-token-value', ALLOWED_CHAT_IDS: 'abc', WATCH_INDEX: 'maybe' }, '/x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['TOP_K', 'WEBHOOK_URL', 'BOT_TOKEN', 'ALLOWED_CHAT_IDS', 'WATCH_INDEX']) expect(msg).toContain(name);
    expect(msg).not.toContain('secret-token-value');
  });
});

describe('misspelt settings', () => {
  it('ALLOWED_USERS=111 warns that the bot is open to everyone and names ALLOWED_USER_IDS', () => {
    const c = loadConfig({ ALLOWED_USERS: '111' }, '/x');
    expect(c.allowedUserIds).toBeNull();
    expect(c.warnings).toEqual([
      'ALLOWED_USERS is not a setting and is ignored: did you mean ALLOWED_USER_IDS? Without ALLOWED_USER_IDS or ALLOWED_CHAT_IDS the bot answers everyone.',
    ]);
  });

  it('names the closest setting for prefixes of ours and near misses in any case; values are never shown', () => {
    const c = loadConfig({ TOPK: '5', bot_token: TOKEN, LOGLEVEL: 'debug', MODEL_DIR: '/m', WEBHOOK_HOST: 'h', EMBEDING_MODEL: 'none', ALLOWED_CHATS: '-1', ALLOWED_USER_IDS: '1' }, '/x');
    const closest = Object.fromEntries(c.warnings.map((w) => [w.split(' ')[0], /did you mean (\w+)\?/.exec(w)![1]]));
    expect(closest).toEqual({ TOPK: 'TOP_K', bot_token: 'BOT_TOKEN', LOGLEVEL: 'LOG_LEVEL', MODEL_DIR: 'MODELS_DIR', WEBHOOK_HOST: 'WEBHOOK_PORT', EMBEDING_MODEL: 'EMBEDDING_MODEL', ALLOWED_CHATS: 'ALLOWED_CHAT_IDS' });
    expect(c.warnings.join('\n')).not.toContain(TOKEN);
    expect(c.warnings.join('\n')).not.toContain('answers everyone'); // ALLOWED_USER_IDS is set
  });

  it('known settings and the usual system variables give no warning', () => {
    const system = ['PATH', 'HOME', 'USER', 'LANG', 'TERM', 'SHELL', 'PWD', 'HOSTNAME', 'NODE_ENV', 'NODE_OPTIONS', 'TZ', 'CI', 'LOGNAME', 'TMPDIR', 'LC_ALL', 'HTTP_PROXY', 'DEBUG', 'PORT', 'HOST', 'TOKEN', 'GITHUB_TOKEN', 'npm_lifecycle_event', 'VITEST', 'MODE', 'INIT_CWD', '_'];
    expect(loadConfig(Object.fromEntries(system.map((n) => [n, 'x'])), '/x').warnings).toEqual([]);
    expect(loadConfig({ ALLOWED_USER_IDS: '1', TOP_K: '5', LOG_LEVEL: 'warn', MODELS_DIR: '/m' }, '/x').warnings).toEqual([]);
    expect(loadConfig(process.env, '/x').warnings).toEqual([]);
  });

  it('scripts print the warnings at start (configOrExit)', async () => {
    // ask on a missing index: it reads the settings, then stops (exit 1) on the missing index.
    const run = promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ask.ts', '--index', '/nonexistent-index', 'câu hỏi'], { cwd: ROOT, env: { ...process.env, ALLOWED_USERS: '111', EMBEDDING_MODEL: 'none', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    const { stderr } = (await run.catch((e: { stderr: string }) => e)) as { stderr: string };
    expect(stderr).toContain('Warning: ALLOWED_USERS is not a setting and is ignored: did you mean ALLOWED_USER_IDS?');
    // In Vietnamese unless the locale is English.
    const vi = promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ask.ts', '--index', '/nonexistent-index', 'câu hỏi'], { cwd: ROOT, env: { ...process.env, ALLOWED_USERS: '111', EMBEDDING_MODEL: 'none', LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    const viErr = ((await vi.catch((e: { stderr: string }) => e)) as { stderr: string }).stderr;
    expect(viErr).toContain('Cảnh báo: ALLOWED_USERS không phải là một thiết lập và bị bỏ qua: có phải ý bạn là ALLOWED_USER_IDS? Không có ALLOWED_USER_IDS hay ALLOWED_CHAT_IDS thì bot trả lời mọi người.');
    expect(viErr).toMatch(/Chưa có chỉ mục trong \/nonexistent-index/);
  });
});

describe('secrets in error texts', () => {
  it('an invalid WEBHOOK_URL or TELEGRAM_API_ROOT never echoes a bot token', () => {
    const e = configError({ WEBHOOK_URL: `htps//example.org/bot${TOKEN}/hook`, TELEGRAM_API_ROOT: `ftp://x/${TOKEN}` });
    expect(e.message).toContain('WEBHOOK_URL');
    expect(e.message).toContain('TELEGRAM_API_ROOT');
    expect(e.message).toContain('<token>');
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).not.toMatch(/AAH-abcdefghij/);
    expect(e.problems.join('\n')).not.toContain(TOKEN);
  });
});

describe('TOP_K and ask --top', () => {
  it('share one limit', () => {
    expect(loadConfig({ TOP_K: String(MAX_TOP_K) }, '/x').topK).toBe(MAX_TOP_K);
    expect(configError({ TOP_K: String(MAX_TOP_K + 1) }).message).toContain(`TOP_K="${MAX_TOP_K + 1}": expected an integer from 1 to ${MAX_TOP_K}`);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MODEL, loadConfig } from '../src/config.js';

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

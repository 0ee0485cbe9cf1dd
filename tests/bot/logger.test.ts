import { Writable } from 'node:stream';
import { GrammyError } from 'grammy';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, errorSerializer, withErrorSerializer } from '../../src/bot/logger.js';

const TOKEN = '123456:SECRET-token_value';

/** A pino destination that keeps the lines it gets. */
function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('error serializer', () => {
  const serialize = errorSerializer(TOKEN);

  it('keeps the name, message and a short stack, with the token masked', () => {
    const out = serialize(new TypeError(`fetch https://api.telegram.org/bot${TOKEN}/getMe failed`)) as Record<string, unknown>;
    expect(out.type).toBe('TypeError');
    expect(out.message).toBe('fetch https://api.telegram.org/bot<token>/getMe failed');
    expect(String(out.stack).split('\n').length).toBeLessThanOrEqual(6);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });

  it('keeps what a Telegram error says', () => {
    const err = new GrammyError('Call to sendMessage failed', { ok: false, error_code: 400, description: "Bad Request: can't parse entities" }, 'sendMessage', {});
    expect(serialize(err)).toMatchObject({ type: 'GrammyError', code: 400, method: 'sendMessage', description: "Bad Request: can't parse entities" });
  });

  it('masks what is not an Error too', () => {
    expect(serialize(`token ${TOKEN}`)).toBe('token <token>');
    expect(serialize({ toString: () => TOKEN })).toEqual({ message: '<token>' });
  });
});

describe('logger', () => {
  it('logs { err } through the serializer', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'info', botToken: TOKEN, destination: stream });
    logger.error({ err: new Error(`boom ${TOKEN}`) }, 'failed');
    const [line] = lines();
    expect(line).toMatchObject({ msg: 'failed', err: { type: 'Error', message: 'boom <token>' } });
  });

  it('refuses an unknown level once, when made', () => {
    expect(() => createLogger({ level: 'loud' as never, botToken: null })).toThrow(/unknown log level/);
  });

  it('adds the serializer to a logger made elsewhere', () => {
    const { stream, lines } = capture();
    const logger = withErrorSerializer(pino({ level: 'info' }, stream), TOKEN);
    logger.warn({ err: new RangeError(TOKEN) }, 'x');
    expect(lines()[0]).toMatchObject({ err: { type: 'RangeError', message: '<token>' } });
  });
});

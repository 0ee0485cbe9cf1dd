import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/console/console.js';
import { makeTestEngine } from '../helpers/test-engine.js';

/** Runs the console chat on `text` and returns what it wrote; `keepOpen`: the input never ends (the chat must stop by itself). */
async function chat(text: string, opts: { keepOpen?: boolean } = {}): Promise<string> {
  const engine = await makeTestEngine();
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString('utf8')));
  if (opts.keepOpen) input.write(text);
  else input.end(text);
  try {
    await runConsoleChat({ engine, config: { topK: 2 }, input, output });
  } finally {
    input.destroy();
    await engine.close();
  }
  return out;
}

describe('console chat', () => {
  it('answers piped questions until EOF', async () => {
    const out = await chat('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?\nbi thu thanh uy hue la ai\n/sources\n/status\nGiá vàng SJC hôm nay là bao nhiêu?\n');
    expect(out).toContain('Câu hỏi> Đảng bộ Khối');
    expect(out).toContain('4.466');
    expect(out).toContain('Phan Thiên Định');
    expect(out).toContain('Các bài viết trong kho dữ liệu');
    expect(out).toContain('Số bài viết:');
    expect(out).toContain('Các báo cáo hiện có không trả lời câu hỏi này.');
    expect(out).not.toContain('\x1b[');
    expect(out).not.toMatch(/<\/?(b|i|blockquote)>/);
  });

  it('stops at /quit', async () => {
    const out = await chat('/quit\nbi thu thanh uy hue la ai\n', { keepOpen: true });
    expect(out).not.toContain('Phan Thiên Định');
  });

  it('/help shows how to ask and the console commands', async () => {
    const out = await chat('/help\n');
    expect(out).toContain('Cách hỏi');
    expect(out).toContain('/quit');
  });
});

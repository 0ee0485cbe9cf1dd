import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/console/console.js';
import { makeTestEngine } from '../helpers/test-engine.js';

describe('console chat', () => {
  it('answers piped questions until EOF', async () => {
    const engine = await makeTestEngine();
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString('utf8')));
    input.end('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?\nbi thu thanh uy hue la ai\n/sources\n/status\nGiá vàng SJC hôm nay là bao nhiêu?\n');
    await runConsoleChat({ engine, config: { topK: 2 }, input, output });
    expect(out).toContain('Câu hỏi> Đảng bộ Khối');
    expect(out).toContain('4.466');
    expect(out).toContain('Phan Thiên Định');
    expect(out).toContain('Các bài viết trong kho dữ liệu');
    expect(out).toContain('Số bài viết:');
    expect(out).toContain('Các báo cáo hiện có không trả lời câu hỏi này.');
    expect(out).not.toContain('\x1b[');
    expect(out).not.toMatch(/<\/?(b|i|blockquote)>/);
    await engine.close();
  });

  it('stops at /quit', async () => {
    const engine = await makeTestEngine();
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString('utf8')));
    input.write('/quit\nbi thu thanh uy hue la ai\n');
    await runConsoleChat({ engine, config: { topK: 2 }, input, output });
    expect(out).not.toContain('Phan Thiên Định');
    input.destroy();
    await engine.close();
  });
});

import { execFile } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/console/console.js';
import { ROOT, tempIndex } from '../helpers/index-fixture.js';
import { makeTestEngine } from '../helpers/test-engine.js';

/** Runs the console chat on `text` and returns what it wrote; `keepOpen`: the input never ends (the chat must stop by itself). */
async function chat(text: string, opts: { keepOpen?: boolean; reloadAfterFirst?: boolean } = {}): Promise<string> {
  const inner = await makeTestEngine();
  let asked = 0;
  // reloadAfterFirst: the index version changes once the first question was answered.
  const engine: typeof inner = {
    ...inner,
    ask: (q, o) => ((asked += 1), inner.ask(q, o)),
    status: () => ({ ...inner.status(), indexVersion: opts.reloadAfterFirst && asked > 1 ? 'v-new' : inner.status().indexVersion }),
  };
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
    // Groups, inline queries and buttons are Telegram's.
    expect(out).not.toContain('Trong nhóm');
    expect(out).not.toContain('Các nút');
  });

  it('reads follow-ups, pages with /more and an empty line, forgets with /new, refuses unknown commands', async () => {
    const out = await chat('Ai là Bí thư Thành ủy Hải Phòng?\nthế còn Huế?\n/more\n\n/new\n/frobnicate\nông ấy yêu cầu gì?\n');
    expect(out).toContain('Hiểu là: Ai là Bí thư Thành ủy Huế?');
    expect(out).toContain('Phan Thiên Định');
    expect(out).toMatch(/Kết quả 3–4|Không còn kết quả nào nữa/);
    expect(out).toContain('Đã bắt đầu cuộc trò chuyện mới');
    expect(out).toContain('Lệnh không hợp lệ. Gõ /help để xem các lệnh.');
    expect(out).toContain('Bạn muốn hỏi về ai?');
  });

  it('says so when the index was reloaded between questions', async () => {
    const out = await chat('Ai là Bí thư Thành ủy Hải Phòng?\nbi thu thanh uy hue la ai\n', { reloadAfterFirst: true });
    expect(out.match(/Chỉ mục vừa được nạp lại/g)?.length).toBe(1);
  });
});

describe('npm start without a token (the console chat)', () => {
  it("speaks the operator's language: English for an English locale", async () => {
    const t = tempIndex({ model: 'none' });
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', CORPUS_DIR: t.corpusDir, INDEX_DIR: t.indexDir, EMBEDDING_MODEL: 'none', STORE_PATH: 'none', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
      delete env.BOT_TOKEN;
      const out = await new Promise<string>((resolve, reject) => {
        const child = execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
        child.stdin!.end('/quit\n');
      });
      expect(out).toContain('Question> ');
      expect(out).not.toContain('Câu hỏi> ');
    } finally {
      t.cleanup();
    }
  }, 90_000);
});

/** Progress of long work: rate and time left, a cli-progress bar on a TTY, plain lines elsewhere, stderr only. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildLog, formatDuration, progressBar } from '../../src/cli/progress.js';
import { tempIndex } from '../helpers/index-fixture.js';
import { childBuild, MODELS } from '../robustness/helpers.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const w = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }) as unknown as NodeJS.WriteStream;
  Object.assign(w, { isTTY, columns: 160 });
  return { stream: w, text: () => out };
}

describe('progressBar', () => {
  it('writes a line every tenth of the way on a pipe, with the rate and the time left', () => {
    const { stream, text } = fakeStream(false);
    let t = 0;
    const tick = progressBar('Embedding', { stream, lang: 'en', now: () => t });
    for (let done = 0; done <= 1000; done += 10) {
      tick(done, 1000);
      t += 100; // 10 items every 100 ms: 100 per second
    }
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Embedding: 0/1000 (0%), estimating');
    expect(lines[5]).toBe('Embedding: 500/1000 (50%), 100/s, about 5 s left');
    expect(lines[10]).toBe('Embedding: 1000/1000 (100%), 100/s');
  });

  it('speaks Vietnamese by default', () => {
    const { stream, text } = fakeStream(false);
    let t = 0;
    const tick = progressBar('Nhúng', { stream, lang: 'vi', now: () => t });
    tick(0, 600);
    t = 60_000;
    tick(120, 600);
    expect(text()).toContain('Nhúng: 120/600 (20%), 2,0/giây, còn khoảng 4 phút 00 giây');
  });

  it('draws a cli-progress bar with the rate and the time left on a TTY', async () => {
    const { stream, text } = fakeStream(true);
    const tick = progressBar('Embedding', { stream, lang: 'en' });
    tick(0, 200);
    await new Promise((r) => setTimeout(r, 250));
    tick(100, 200);
    await new Promise((r) => setTimeout(r, 250));
    tick(200, 200);
    const out = text();
    expect(out).toMatch(/Embedding \[[=\- ]+\] 50% \| 100\/200 \| [\d.]+\/s \| about .+ left/);
    expect(out).toMatch(/100% \| 200\/200/);
  });

  it('formats durations', () => {
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(185, 'en')).toBe('3 min 05 s');
    expect(formatDuration(4800, 'vi')).toBe('1 giờ 20 phút');
  });
});

describe('buildLog', () => {
  it("turns the build's download notes into a progress line per file with the rate, and translates the other lines", () => {
    const { stream, text } = fakeStream(false);
    const written: string[] = [];
    let t = 0;
    const log = buildLog((l) => written.push(l), { stream, lang: 'vi', now: () => t });
    log('Loading embedding model Xenova/multilingual-e5-small…');
    log('Downloading onnx/model_quantized.onnx: 0%'); // the build's first note of a file is at 0%
    for (let pct = 10; pct <= 100; pct += 10) {
      t += 2_000; // 10% every 2 s: 5%/s, 18 s left at 10%
      log(`Downloading onnx/model_quantized.onnx: ${pct}%`);
    }
    expect(written).toEqual(['Đang nạp mô hình nhúng Xenova/multilingual-e5-small…']);
    const lines = text().trim().split('\n');
    expect(lines[0]).toBe('Đang tải onnx/model_quantized.onnx: 0/100 (0%), đang ước lượng');
    expect(lines[1]).toBe('Đang tải onnx/model_quantized.onnx: 10/100 (10%), 5,0%/giây, còn khoảng 18 giây');
    expect(lines.at(-1)).toBe('Đang tải onnx/model_quantized.onnx: 100/100 (100%), 5,0%/giây');
  });
});

describe('npm run build-index with a model', () => {
  it('shows the embedding progress with rate on stderr only: stdout is the one summary line', async () => {
    const t = tempIndex({ model: 'tiny-vi' });
    try {
      const r = await childBuild(t, { env: { EMBEDDING_MODEL: 'tiny-vi', MODELS_DIR: MODELS, LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toMatch(/^5 bài, \d+ đoạn: \d+ nhúng mới, 0 dùng lại, 0 bỏ đi \(từ khóa \+ vector/);
      expect(r.stderr).toMatch(/^Nhúng vector: \d+\/\d+ \(100%\), [\d,]+\/giây$/m);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

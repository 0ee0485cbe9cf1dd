import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder, localQuantizedFlag, resolveSource } from '../../src/embed/embedder.js';
import { EmbedderLoadError } from '../../src/embed/types.js';
import { localizeLine } from '../../src/text/operator.js';
import { MODELS_DIR, TINY_DIR } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-errors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of tiny-vi under tmp/<name>, minus some files, optionally with a damaged model.onnx. */
function copyTiny(name: string, opts: { drop?: string[]; corruptOnnx?: boolean } = {}): string {
  const dir = path.join(tmp, name);
  fs.cpSync(TINY_DIR, dir, { recursive: true });
  for (const f of opts.drop ?? []) fs.rmSync(path.join(dir, f));
  if (opts.corruptOnnx) {
    const onnx = path.join(dir, 'onnx/model.onnx');
    fs.writeFileSync(onnx, fs.readFileSync(onnx).subarray(0, 5000));
  }
  return dir;
}

async function loadError(opts: Parameters<typeof loadEmbedder>[0]): Promise<EmbedderLoadError> {
  try {
    const e = await loadEmbedder(opts);
    await e.dispose();
  } catch (err) {
    expect(err).toBeInstanceOf(EmbedderLoadError);
    const e = err as EmbedderLoadError;
    expect(e.name).toBe('EmbedderLoadError');
    expect(e.message).not.toContain('\n');
    expect(e.message).toContain('EMBEDDING_MODEL=none');
    // Every such line has its Vietnamese form in the operator table (what build-index prints by default).
    expect(localizeLine(e.message, 'vi')).toMatch(/^(Không|Mô hình nhúng) .*(EMBEDDING_MODEL=none để chỉ tìm theo từ khóa|để tìm kết hợp)\.$/);
    expect(localizeLine(`model x could not be loaded: ${e.message} Building the keyword index only.`, 'vi')).toMatch(/^không nạp được mô hình x: .+ Chỉ xây dựng chỉ mục từ khóa\.$/);
    return e;
  }
  throw new Error('expected loadEmbedder to fail');
}

describe('loadEmbedder failures: one clear line, quickly, no network', () => {
  it('a model that is not in MODELS_DIR', async () => {
    const started = performance.now();
    const e = await loadError({ model: 'vi-embed-nowhere', modelsDir: MODELS_DIR });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(e.message).toContain('"vi-embed-nowhere"');
    expect(e.message).toContain(path.join(MODELS_DIR, 'vi-embed-nowhere'));
    expect(e.message).toContain('MODELS_DIR');
    expect(e.message).toMatch(/nothing is downloaded/);
    expect(e.causeDetail).toContain('ENOENT');
  });

  it('a hub-style id (owner/name) that is not in MODELS_DIR', async () => {
    const e = await loadError({ model: 'Xenova/multilingual-e5-small', modelsDir: MODELS_DIR });
    expect(e.message).toContain(path.join(MODELS_DIR, 'Xenova', 'multilingual-e5-small'));
  });

  it('a MODELS_DIR that does not exist', async () => {
    const missing = path.join(tmp, 'no-such-dir');
    const e = await loadError({ model: 'tiny-vi', modelsDir: missing });
    expect(e.message).toContain(missing);
    expect(e.message).toContain('does not exist');
  });

  it('a model folder without its ONNX file', async () => {
    const dir = copyTiny('no-onnx', { drop: ['onnx/model.onnx'] });
    const e = await loadError({ model: 'no-onnx', modelsDir: tmp });
    expect(e.message).toContain(dir);
    expect(e.message).toMatch(/incomplete: missing onnx\/model_quantized\.onnx \(or onnx\/model\.onnx\)/);
  });

  it('a model folder without tokenizer.json', async () => {
    copyTiny('no-tokenizer', { drop: ['tokenizer.json'] });
    const e = await loadError({ model: 'no-tokenizer', modelsDir: tmp });
    expect(e.message).toMatch(/incomplete: missing tokenizer\.json/);
  });

  it('quantized forced on but only model.onnx present', async () => {
    copyTiny('only-fp32');
    const e = await loadError({ model: 'only-fp32', modelsDir: tmp, quantized: true });
    expect(e.message).toMatch(/missing onnx[\\/]model_quantized\.onnx/);
  });

  it('a damaged ONNX file: onnxruntime reason in the message, console output kept in causeDetail', async () => {
    const dir = copyTiny('corrupt', { corruptOnnx: true });
    const e = await loadError({ model: 'corrupt', modelsDir: tmp });
    expect(e.message).toContain(dir);
    expect(e.message).toMatch(/could not be loaded \(.*protobuf parsing failed/);
    expect(e.causeDetail).toMatch(/Can't create a session/);
  });

  it('an unreachable model hub (remote allowed, nothing cached)', async () => {
    const started = performance.now();
    const e = await loadError({
      model: 'Xenova/multilingual-e5-small',
      cacheDir: path.join(tmp, 'cache'),
      remoteHost: 'http://127.0.0.1:9/',
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(e.message).toMatch(/^Embedding model "Xenova\/multilingual-e5-small" could not be downloaded from the model hub http:\/\/127\.0\.0\.1:9\//);
    expect(e.message).toContain('fetch failed');
    expect(e.message).toContain('MODELS_DIR');
    expect(e.causeDetail).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('"none" is not a model', async () => {
    const e = await loadError({ model: 'none' });
    expect(e.message).toMatch(/keyword-only/);
  });

  it('loading still works after failures (global transformers.js settings are reset per load)', async () => {
    const e = await loadEmbedder({ model: 'tiny-vi', modelsDir: MODELS_DIR });
    expect(e.dim).toBe(96);
    await e.dispose();
  });
});

describe('which ONNX file a local model uses', () => {
  it('prefers onnx/model_quantized.onnx, else onnx/model.onnx, else none', () => {
    const both = copyTiny('both');
    fs.copyFileSync(path.join(both, 'onnx/model.onnx'), path.join(both, 'onnx/model_quantized.onnx'));
    expect(localQuantizedFlag(both)).toBe(true);
    expect(localQuantizedFlag(TINY_DIR)).toBe(false);
    expect(localQuantizedFlag(path.join(tmp, 'nothing-here'))).toBeNull();
    expect(resolveSource({ model: 'both', modelsDir: tmp })).toMatchObject({ kind: 'local', quantized: true });
    expect(resolveSource({ model: 'both', modelsDir: tmp, quantized: false })).toMatchObject({ quantized: false });
  });

  it('hub models keep the transformers.js default (quantized)', () => {
    expect(resolveSource({ model: 'Xenova/multilingual-e5-small', cacheDir: 'x' })).toMatchObject({
      kind: 'hub',
      quantized: true,
      cacheDir: path.resolve('x'),
      remoteHost: 'https://huggingface.co/',
    });
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldText, makeTinyModel, syllables } from '../../scripts/make-tiny-model.js';
import { loadEmbedder } from '../../src/embed/embedder.js';
import { ROOT, dot, norm } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-vi-gen-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('scripts/make-tiny-model.ts', () => {
  it('folds Vietnamese text the way the tokenizer does', () => {
    expect(foldText('Đảng ủy Thừa Thiên Huế')).toBe('dang uy thua thien hue');
    expect(syllables('Đảng bộ có 4.466 đảng viên, (năm 2021).')).toEqual([
      'dang', 'bo', 'co', '4', '466', 'dang', 'vien', 'nam', '2021',
    ]);
    // Decomposed input (combining marks typed separately) folds the same way.
    expect(foldText('Hue\u0302\u0301')).toBe('hue');
  });

  it('writes byte-identical files on every run (CLI with --out, and the function)', () => {
    const a = path.join(tmp, 'a', 'tiny-vi');
    const b = path.join(tmp, 'b', 'tiny-vi');
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [path.join(ROOT, 'scripts/make-tiny-model.ts'), '--out', a], {
      cwd: os.tmpdir(), // the script finds corpus/ relative to itself, not to the working directory
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/vocabulary \d+, dim 96/);

    makeTinyModel({
      out: b,
      textDirs: [path.join(ROOT, 'corpus'), path.join(ROOT, 'tests/fixtures/xquad_vi/docs')],
    });

    const files = listFiles(a);
    expect(files).toEqual(['README.md', 'config.json', path.join('onnx', 'model.onnx'), 'tokenizer.json', 'tokenizer_config.json']);
    expect(listFiles(b)).toEqual(files);
    for (const f of files) {
      expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f))), f).toBe(true);
    }
    const total = files.reduce((s, f) => s + fs.statSync(path.join(a, f)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });

  it('a model made from other text (--text) loads and works', async () => {
    const texts = path.join(tmp, 'texts');
    fs.mkdirSync(texts, { recursive: true });
    fs.writeFileSync(
      path.join(texts, 'a.txt'),
      [
        'Hội nghị tổng kết công tác năm của Đảng bộ phường.',
        'Lễ hội pháo hoa quốc tế thu hút hàng nghìn du khách.',
        'Đội tuyển bóng đá giành huy chương vàng.',
      ].join('\n'),
    );
    const models = path.join(tmp, 'models');
    const report = makeTinyModel({ out: path.join(models, 'tiny-vi'), textDirs: [texts], dim: 64 });
    expect(report.vocabSize).toBe(6 + new Set(syllables(fs.readFileSync(path.join(texts, 'a.txt'), 'utf8'))).size);

    const emb = await loadEmbedder({ model: 'tiny-vi', modelsDir: models });
    try {
      expect(emb.dim).toBe(64);
      const q = await emb.embedQuery('phao hoa');
      const [party, fireworks, football] = await emb.embedPassages(
        fs.readFileSync(path.join(texts, 'a.txt'), 'utf8').split('\n'),
      );
      expect(norm(q)).toBeCloseTo(1, 5);
      expect(dot(q, fireworks!)).toBeGreaterThan(dot(q, party!));
      expect(dot(q, fireworks!)).toBeGreaterThan(dot(q, football!));
    } finally {
      await emb.dispose();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/embedder.js';
import type { LoadedEmbedder, LoadProgressInfo } from '../../src/embed/types.js';
import { syllables } from '../../scripts/make-tiny-model.js';
import { MODELS_DIR, ROOT, TINY_DIR, dot, maxAbsDiff, norm } from './helpers.js';

const QUERY = 'Đảng bộ có bao nhiêu đảng viên';
const PARTY =
  'Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng trực thuộc; 442 chi bộ và 10 đảng bộ bộ phận ' +
  'trực thuộc đảng bộ cơ sở, với 4.466 đảng viên.';
const FESTIVAL =
  'Festival Nghề truyền thống Huế 2021 diễn ra với nhiều hoạt động trình diễn của nghệ nhân, làng nghề, ' +
  'ẩm thực và du lịch, thu hút đông đảo du khách trong nước và quốc tế.';
const PARAGRAPHS = fs
  .readFileSync(path.join(ROOT, 'corpus/004_7239dae0792dcdec.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 80);

let emb: LoadedEmbedder;
const progress: LoadProgressInfo[] = [];

beforeAll(async () => {
  emb = await loadEmbedder({
    model: 'tiny-vi',
    modelsDir: 'tests/fixtures/models',
    onLoadProgress: (p) => progress.push(p),
  });
});

afterAll(async () => {
  await emb?.dispose();
});

describe('tiny-vi through loadEmbedder (real transformers.js loading, remote off)', () => {
  it('loads from the local folder with the e5 prefixes and the dimension the model outputs', () => {
    const config = JSON.parse(fs.readFileSync(path.join(TINY_DIR, 'config.json'), 'utf8')) as { hidden_size: number };
    expect(emb.modelId).toBe('tiny-vi');
    expect(emb.dim).toBe(config.hidden_size);
    expect(emb.dim).toBe(96);
    expect(emb.prefix).toEqual({ name: 'e5', query: 'query: ', passage: 'passage: ' });
    expect(emb.location).toBe(TINY_DIR);
    expect(emb.quantized).toBe(false);
    expect(emb.maxTokens).toBe(512);
  });

  it('reports load progress per file, then ready', () => {
    expect(progress.some((p) => p.file === 'onnx/model.onnx' && p.status === 'done')).toBe(true);
    expect(progress.some((p) => p.file === 'tokenizer.json' && p.status === 'progress' && p.total! > 0)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ status: 'ready', file: 'tiny-vi' });
  });

  it('returns unit-length Float32Array vectors, in order', async () => {
    const texts = [QUERY, PARTY, FESTIVAL, ...PARAGRAPHS.slice(0, 5)];
    const seen: [number, number][] = [];
    const vs = await emb.embedPassages(texts, (done, total) => seen.push([done, total]));
    expect(vs).toHaveLength(texts.length);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(emb.dim);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(seen.at(-1)).toEqual([texts.length, texts.length]);
    expect(await emb.embedPassages([])).toEqual([]);
  });

  it('is deterministic, also across loads', async () => {
    const a = await emb.embedPassages(PARAGRAPHS.slice(0, 3));
    const b = await emb.embedPassages(PARAGRAPHS.slice(0, 3));
    const other = await loadEmbedder({ model: 'tiny-vi', modelsDir: MODELS_DIR });
    try {
      const c = await other.embedPassages(PARAGRAPHS.slice(0, 3));
      for (let i = 0; i < 3; i++) {
        expect(Array.from(b[i]!)).toEqual(Array.from(a[i]!));
        expect(Array.from(c[i]!)).toEqual(Array.from(a[i]!));
      }
    } finally {
      await other.dispose();
    }
  });

  it('puts a query closer to a passage sharing its syllables than to an unrelated one', async () => {
    const q = await emb.embedQuery(QUERY);
    const [party, festival] = await emb.embedPassages([PARTY, FESTIVAL]);
    const simParty = dot(q, party!);
    const simFestival = dot(q, festival!);
    expect(simParty).toBeGreaterThan(simFestival + 0.2);
    expect(simParty).toBeGreaterThan(0.3);
    expect(Math.abs(simFestival)).toBeLessThan(0.2);
  });

  it('maps unaccented text onto the accented one', async () => {
    const accented = await emb.embedQuery('Đảng bộ có bao nhiêu đảng viên?');
    const plain = await emb.embedQuery('dang bo co bao nhieu dang vien?');
    const upper = await emb.embedQuery('ĐẢNG BỘ CÓ BAO NHIÊU ĐẢNG VIÊN?');
    expect(dot(accented, plain)).toBeGreaterThan(0.9999);
    expect(dot(accented, upper)).toBeGreaterThan(0.9999);
  });

  it('gives the same vectors in batches as one by one', async () => {
    const texts = [...PARAGRAPHS.slice(0, 6), QUERY, '', FESTIVAL];
    const small = await loadEmbedder({ model: 'tiny-vi', modelsDir: MODELS_DIR, batchSize: 4 });
    try {
      const batched = await small.embedPassages(texts);
      for (let i = 0; i < texts.length; i++) {
        const [single] = await small.embedPassages([texts[i]!]);
        expect(maxAbsDiff(batched[i]!, single!)).toBeLessThan(1e-6);
      }
    } finally {
      await small.dispose();
    }
  });

  it('handles an empty string and a 20,000-character text (truncated at 512 tokens)', async () => {
    const [empty] = await emb.embedPassages(['']);
    expect(norm(empty!)).toBeCloseTo(1, 5);
    expect(await emb.embedQuery('')).toHaveLength(emb.dim);

    let long = '';
    for (let i = 0; long.length < 20_000; i++) long += PARAGRAPHS[i % PARAGRAPHS.length] + '\n';
    const started = performance.now();
    const [v] = await emb.embedPassages([long]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(norm(v!)).toBeCloseTo(1, 5);
    // Whatever follows the first 512 tokens is cut off by the tokenizer, so it changes nothing.
    const [same] = await emb.embedPassages([long + ' Festival ẩm thực du lịch'.repeat(50)]);
    expect(maxAbsDiff(v!, same!)).toBe(0);
  });

  it('tokenizes the gathered text exactly as the generator did (every corpus syllable is in the vocabulary)', async () => {
    // loadEmbedder has pointed transformers.js at MODELS_DIR with remote loading off.
    const { AutoTokenizer } = await import('@xenova/transformers');
    const tokenizer = await AutoTokenizer.from_pretrained('tiny-vi');
    const vocab = (JSON.parse(fs.readFileSync(path.join(TINY_DIR, 'tokenizer.json'), 'utf8')) as {
      model: { vocab: Record<string, number> };
    }).model.vocab;
    const unk = vocab['[UNK]'];
    const text = fs.readFileSync(path.join(ROOT, 'corpus/000_2f1c6def5fbb55b7.txt'), 'utf8');
    for (const para of text.split('\n').filter((l) => l.trim())) {
      const ids = tokenizer.encode(para, null, { add_special_tokens: false }).filter((id) => id !== unk);
      expect(ids).toEqual(syllables(para).map((s) => vocab[s]));
    }
  });

  it('refuses to embed after dispose', async () => {
    const e = await loadEmbedder({ model: 'tiny-vi', modelsDir: MODELS_DIR });
    await e.dispose();
    await e.dispose();
    await expect(e.embedQuery('Huế')).rejects.toThrow(/disposed/);
  });
});

import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { BAND_METHOD } from '../../src/embed/band.js';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { POINTER_FILE, indexExists } from '../../src/index/store.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const HP_QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
let t: TempIndex | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const build = (x: TempIndex, extra: Partial<Parameters<typeof buildIndex>[0]> = {}) =>
  buildIndex({ corpusDir: x.corpusDir, outDir: x.indexDir, config: x.config, ...extra });

describe('buildIndex with the tiny-vi model', () => {
  it('writes a manifest naming model, dimension, prefixes, chunker and per-article hashes', async () => {
    t = tempIndex();
    const report = await build(t);
    expect(report).toMatchObject({ articles: 5, mode: 'hybrid', reused: 0, removed: 0 });
    expect(report.embedded).toBe(report.chunks);
    const idx = await loadIndex(t.indexDir);
    const m = idx.manifest;
    expect(m.model).toMatchObject({ id: 'tiny-vi', dim: 96, prefix: { name: 'e5', query: 'query: ', passage: 'passage: ' } });
    expect(m.chunker).toMatch(/^paragraph-v\d+$/);
    // Format 4: the per-article hashes and stamps are in articles.json, the manifest lists files only.
    expect(m.articles).toBeUndefined();
    expect(idx.articles).toHaveLength(5);
    expect(idx.articles[idx.articleById.get('004_7239dae0792dcdec')!]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.counts.chunks).toBe(idx.chunks.length);
    expect(idx.vectors?.count()).toBe(idx.chunks.length);
    for (const c of idx.chunks) expect(c.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rebuilding an unchanged corpus embeds nothing and keeps every chunk id', async () => {
    t = tempIndex();
    await build(t);
    const before = (await loadIndex(t.indexDir)).chunks.map((c) => c.id);
    const again = await build(t);
    expect(again).toMatchObject({ embedded: 0, removed: 0 });
    expect(again.reused).toBe(before.length);
    expect((await loadIndex(t.indexDir)).chunks.map((c) => c.id)).toEqual(before);
  });

  it('is incremental: adding, changing and deleting articles touches only their chunks', async () => {
    t = tempIndex();
    const first = await build(t);

    writeFileSync(
      path.join(t.corpusDir, '900_new.md'),
      '---\ntitle: Hội nghị thử nghiệm\ndate: 2025-03-02\nsource: Báo Thử\nurl: https://example.org/bai-thu\n---\n\nSáng 2/3, Ban Thường vụ Huyện ủy Thử Nghiệm tổ chức hội nghị sơ kết với 1.234 đảng viên tham dự.\n\nHội nghị thống nhất trồng 5.000 cây xanh trong quý II năm 2025 tại các xã vùng cao.\n',
    );
    const added = await build(t);
    expect(added).toMatchObject({ articles: 6, embedded: 2, removed: 0, reused: first.chunks });

    appendFileSync(path.join(t.corpusDir, '000_2f1c6def5fbb55b7.txt'), '\n\nĐoạn bổ sung: Hội nghị đã biểu dương 12 tập thể có thành tích xuất sắc trong công tác dân vận.\n');
    const changed = await build(t);
    expect(changed.embedded).toBe(1); // the paragraphs that did not change keep their vectors
    expect(changed.removed).toBe(0);

    rmSync(path.join(t.corpusDir, '003_8fd1f3030b24dd22.txt'));
    const removedArticle = (await loadIndex(t.indexDir)).chunks.filter((c) => c.articleId === '003_8fd1f3030b24dd22').length;
    const deleted = await build(t);
    expect(deleted).toMatchObject({ articles: 5, embedded: 0, removed: removedArticle });

    const engine = await Engine.open(t.config, { watch: false });
    try {
      const a = await engine.ask('Hội nghị thống nhất trồng bao nhiêu cây xanh?');
      expect(a.answered).toBe(true);
      expect(a.results[0]!.quote).toContain('5.000 cây xanh');
      expect(a.results[0]!.article).toMatchObject({ title: 'Hội nghị thử nghiệm', outlet: 'Báo Thử', url: 'https://example.org/bai-thu' });
      expect(a.results[0]!.article.date?.iso).toBe('2025-03-02');
      const b = await engine.ask('Hội nghị biểu dương bao nhiêu tập thể có thành tích xuất sắc trong công tác dân vận?');
      expect(b.results[0]!.quote).toContain('12 tập thể');
      const gone = await engine.ask('Đảng ủy khối Dân – Chính – Đảng TPHCM hỗ trợ bao nhiêu trang thiết bị học tập trực tuyến?');
      expect(gone.results.every((r) => r.article.id !== '003_8fd1f3030b24dd22')).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('a model change re-embeds everything and says so', async () => {
    t = tempIndex({ model: 'none' });
    const kw = await build(t);
    expect(kw).toMatchObject({ mode: 'keyword', embedded: 0 });
    const withModel = { ...t, config: { ...t.config, embeddingModel: 'tiny-vi' } };
    const lines: string[] = [];
    const r = await build(withModel, { log: (l) => lines.push(l) });
    expect(r.mode).toBe('hybrid');
    expect(r.embedded).toBe(r.chunks);
    expect(lines.join('\n')).toMatch(/every chunk is embedded/);
  });
});

describe('dense band', () => {
  it('a build with a model measures the band and stores it in the manifest; keyword-only builds have none', async () => {
    t = tempIndex();
    const lines: string[] = [];
    const report = await build(t, { log: (l) => lines.push(l) });
    const band = (await loadIndex(t.indexDir)).manifest.model!.band!;
    expect(report.band).toEqual(band);
    expect(band.method).toBe(BAND_METHOD);
    expect(band.lo).toBeLessThan(band.hi);
    expect(band.positives.count).toBeGreaterThanOrEqual(50);
    expect(band.positives.count).toBeLessThanOrEqual(200);
    expect(band.offTopic.count).toBeGreaterThanOrEqual(60);
    expect(band.swapped.count).toBeGreaterThan(0);
    // Questions cut from the corpus look more like it than off-topic ones do.
    expect(band.positives.q50).toBeGreaterThan(band.offTopic.q50);
    expect(band.auc).toBeGreaterThan(0.75);
    // tiny-vi is a bag of syllables: a question about another province looks as close as the real one.
    expect(band.vouches).toBe(false);
    expect(band.weight).toBeLessThanOrEqual(0.15);
    expect(lines.join('\n')).toMatch(/Dense band of tiny-vi: lo 0\.\d{3} hi 0\.\d{3} .*re-rank only/);

    const kw = tempIndex({ model: 'none' });
    try {
      expect((await build(kw)).band).toBeNull();
      expect((await loadIndex(kw.indexDir)).manifest.model).toBeNull();
    } finally {
      kw.cleanup();
    }
  });

  it('is reused when neither corpus nor model changed, and measured again when the corpus did', async () => {
    t = tempIndex();
    const first = await build(t);
    const lines: string[] = [];
    const again = await build(t, { log: (l) => lines.push(l) });
    expect(again.band).toEqual(first.band);
    expect(lines.join('\n')).toMatch(/Dense band reused/);
    writeFileSync(path.join(t.corpusDir, '902_more.txt'), 'Hội nghị mới\n\nSáng nay, Đảng ủy xã Tân Lập tổ chức hội nghị tổng kết công tác xây dựng Đảng với 85 đảng viên tham dự.\n');
    lines.length = 0;
    const changed = await build(t, { log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/Measuring the dense band/);
    expect(changed.band!.positives.count).toBeGreaterThanOrEqual(first.band!.positives.count);
  });
});

describe('atomic writes', () => {
  it('a build that dies before committing leaves the previous index loadable, and the next build cleans up', async () => {
    t = tempIndex({ model: 'none' });
    await build(t);
    const before = await loadIndex(t.indexDir);
    const pointer = readFileSync(path.join(t.indexDir, POINTER_FILE), 'utf8');
    writeFileSync(path.join(t.corpusDir, '901_extra.txt'), 'Tiêu đề bài mới\n\nMột đoạn văn mới về hội nghị của Đảng ủy phường với 77 đảng viên tham dự.\n');
    await expect(build(t, { beforeCommit: () => Promise.reject(new Error('simulated crash')) })).rejects.toThrow('simulated crash');
    expect(readFileSync(path.join(t.indexDir, POINTER_FILE), 'utf8')).toBe(pointer);
    const after = await loadIndex(t.indexDir);
    expect(after.manifest.version).toBe(before.manifest.version);
    expect(after.chunks).toHaveLength(before.chunks.length);
    // A version folder left half-written (as by SIGKILL) is never read and is removed by the next build.
    const orphan = path.join(t.indexDir, 'v-20000101T000000Z-dead00');
    writeFileSync(path.join(t.indexDir, 'stray.txt'), 'x');
    (await import('node:fs')).mkdirSync(orphan);
    writeFileSync(path.join(orphan, 'chunks.json'), '[{"trunc');
    const next = await build(t);
    expect(next.articles).toBe(6);
    const dirs = readdirSync(t.indexDir).filter((d) => d.startsWith('v-'));
    expect(dirs).not.toContain('v-20000101T000000Z-dead00');
    expect(dirs.length).toBeLessThanOrEqual(2);
  });

  it('a failed build leaves no version folder and no set-aside texts behind', async () => {
    t = tempIndex({ model: 'none' });
    await expect(build(t, { beforeCommit: () => Promise.reject(new Error('simulated crash')) })).rejects.toThrow('simulated crash');
    expect(readdirSync(t.indexDir).filter((d) => d.startsWith('v-'))).toEqual([]);
  });

  it('texts set aside out of chunk order (a file in a folder whose id sorts first) are written in chunk order', async () => {
    t = tempIndex({ model: 'none' });
    await build(t);
    const flat = await loadIndex(t.indexDir);
    const texts = (idx: typeof flat) => Object.fromEntries(idx.chunks.map((c) => [c.id, c.text]));
    // Files are read top level first, then by path: 000_… in a folder is read last but is the first article.
    const other = tempIndex({ model: 'none' });
    try {
      const moved = path.join(other.corpusDir, 'older', '000_2f1c6def5fbb55b7.txt');
      mkdirSync(path.dirname(moved));
      renameSync(path.join(other.corpusDir, '000_2f1c6def5fbb55b7.txt'), moved);
      await build(other);
      const nested = await loadIndex(other.indexDir);
      expect(nested.chunks.map((c) => c.id)).toEqual(flat.chunks.map((c) => c.id));
      expect(texts(nested)).toEqual(texts(flat));
      expect(readdirSync(nested.dir)).not.toContain('texts.spill');
    } finally {
      other.cleanup();
    }
  });

  it('reports a missing index with the command to run', async () => {
    t = tempIndex({ model: 'none' });
    expect(await indexExists(t.indexDir)).toBe(false);
    await expect(loadIndex(t.indexDir)).rejects.toThrow(/No index in .*Build it with: npm run build-index/);
  });
});

describe('keyword-only fallback', () => {
  it('builds the keyword part when the model cannot be loaded, and answers keyword-only, saying why', async () => {
    t = tempIndex({ model: 'no-such-model' });
    const lines: string[] = [];
    const r = await build(t, { log: (l) => lines.push(l) });
    expect(r.mode).toBe('keyword');
    expect(lines.join('\n')).toMatch(/no-such-model could not be loaded.*Building the keyword index only/s);
    const idx = await loadIndex(t.indexDir);
    expect(idx.manifest.model).toBeNull();
    expect(idx.manifest.modelProblem).toMatch(/no-such-model/);
    const engine = await Engine.open(t.config, { watch: false });
    try {
      expect(engine.status()).toMatchObject({ mode: 'keyword', model: null });
      expect(engine.status().degradedReason).toMatch(/no-such-model/);
      const a = await engine.ask(HP_QUESTION);
      expect(a.answered).toBe(true);
      expect(a.results[0]!.quote).toContain('4.466 đảng viên');
      expect(a.notices.some((n) => n.kind === 'keyword-only')).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('EMBEDDING_MODEL=none over an index with vectors serves keyword-only and says why', async () => {
    t = tempIndex();
    await build(t);
    const engine = await Engine.open({ ...t.config, embeddingModel: null }, { watch: false });
    try {
      expect(engine.status()).toMatchObject({ mode: 'keyword', indexModel: 'tiny-vi' });
      expect(engine.status().degradedReason).toMatch(/EMBEDDING_MODEL=none/);
      expect((await engine.ask(HP_QUESTION)).results[0]!.quote).toContain('4.466');
    } finally {
      await engine.close();
    }
  });
});

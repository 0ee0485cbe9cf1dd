/**
 * The storage changes made for speed keep what the index returns: chunk texts in texts.bin (read lazily),
 * indexes written before it still load and are upgraded by the next build, the streaming keyword-index
 * update equals a full build, and the rearranged title/lead indexes score like fresh ones.
 */
import { cpSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/text/random.js';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { FILES, POINTER_FILE, sha256, type Manifest, type StoredChunk } from '../../src/index/store.js';
import { KeywordIndex } from '../../src/index/keyword-index.js';
import { analyzeQuery } from '../../src/search/analyse.js';
import { passageTerms } from '../../src/index/terms.js';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

const boxes: Sandbox[] = [];
afterAll(() => boxes.forEach((b) => b.cleanup()));

const DOCS = [
  'Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng, với 4.466 đảng viên.',
  'Tổ chức thành công Festival Nghề truyền thống Huế 2021.',
  'Đảng bộ đã giới thiệu kết nạp được 07 đảng viên (đạt chỉ tiêu).',
  'Công tác cải cách hành chính có chuyển biến tốt.',
  'Hội nghị thống nhất trồng 5.000 cây xanh trong quý II năm 2025 tại các xã vùng cao.',
  'Dang vien moi duoc ket nap trong dot nay la 12 nguoi.',
];
const QUESTIONS = ['đảng viên', 'festival nghề truyền thống', 'cai cach hanh chinh', 'dang vien', 'cây xanh quý II', 'kết nạp 7 đảng viên'];

/** Scores of every document for every question (folded questions included). */
function scores(index: KeywordIndex): number[][] {
  return QUESTIONS.map((q) => {
    const s = new Float32Array(index.docCount);
    index.accumulate(analyzeQuery(q).terms.map((t) => index.match(t)).filter((m) => m !== null), s);
    return Array.from(s);
  });
}

describe('keyword index internals', () => {
  it('update() from a generator equals update() from an array, byte for byte', () => {
    const full = KeywordIndex.build(DOCS.map(passageTerms));
    const keep = Int32Array.from([0, -1, 1, 2, -1, 3]);
    const added = ['Một đoạn mới về đảng viên và cây xanh.', 'Festival Huế.'].map(passageTerms);
    const a = KeywordIndex.update(full, keep, added);
    const b = KeywordIndex.update(full, keep, (function* () { yield* added; })());
    expect(b.serialize().equals(a.serialize())).toBe(true);
    expect(KeywordIndex.deserialize(a.serialize()).serialize().equals(a.serialize())).toBe(true);
  });

  it('rearrange() puts documents anywhere and scores exactly like a fresh build of that order', () => {
    const rng = new Rng(3);
    for (let round = 0; round < 20; round++) {
      const old = KeywordIndex.build(DOCS.map(passageTerms));
      // Keep a random subset in a random order, add some new documents at random places.
      const kept = rng.shuffle(DOCS.map((_, i) => i).filter(() => rng.chance(0.7)));
      const extra = ['Một đoạn mới về đảng viên và cây xanh.', 'Festival Huế năm nay.', 'Cải cách hành chính.'].filter(() => rng.chance(0.6));
      const n = kept.length + extra.length;
      const slots = rng.shuffle([...Array(n).keys()]);
      const finalDocs: string[] = new Array<string>(n);
      const place = new Int32Array(DOCS.length).fill(-1);
      kept.forEach((d, k) => {
        place[d] = slots[k]!;
        finalDocs[slots[k]!] = DOCS[d]!;
      });
      const addedAt = extra.map((_, k) => slots[kept.length + k]!);
      extra.forEach((t, k) => (finalDocs[addedAt[k]!] = t));
      const moved = KeywordIndex.rearrange(old, place, extra.map(passageTerms), addedAt, n);
      const fresh = KeywordIndex.build(finalDocs.map(passageTerms));
      expect(moved.docCount).toBe(n);
      expect(moved.termCount).toBe(fresh.termCount);
      expect(scores(moved)).toEqual(scores(fresh));
    }
  });

  it('rearrange() refuses a mapping that leaves holes or fills a slot twice', () => {
    const old = KeywordIndex.build(DOCS.slice(0, 2).map(passageTerms));
    expect(() => KeywordIndex.rearrange(old, Int32Array.from([0, 0]), [], [], 2)).toThrow(/placed twice/);
    expect(() => KeywordIndex.rearrange(old, Int32Array.from([0, -1]), [], [], 2)).toThrow(/not placed/);
  });
});

describe('chunk store', () => {
  it('texts live in texts.bin and are decoded on read; JSON of a chunk has its text', async () => {
    const b = sandbox('none');
    boxes.push(b);
    cpSync(path.join(ROOT, 'corpus'), b.corpusDir, { recursive: true });
    await buildIndex({ corpusDir: b.corpusDir, outDir: b.indexDir, config: b.config });
    const idx = await loadIndex(b.indexDir);
    expect(idx.manifest.files[FILES.texts]).toBeDefined();
    const c = idx.chunks[0]!;
    expect(c.text.length).toBeGreaterThan(20);
    expect((JSON.parse(JSON.stringify(c)) as StoredChunk).text).toBe(c.text);
    const total = idx.chunks.reduce((n, x) => n + Buffer.byteLength(x.text), 0);
    expect(total).toBe(idx.manifest.files[FILES.texts]!.bytes);
  });

  it('an index written before texts.bin (texts inline in chunks.json) loads, answers, and the next build reuses it all', async () => {
    const b = sandbox('none');
    boxes.push(b);
    cpSync(path.join(ROOT, 'corpus'), b.corpusDir, { recursive: true });
    await buildIndex({ corpusDir: b.corpusDir, outDir: b.indexDir, config: b.config });
    const current = await loadIndex(b.indexDir);
    // Rewrite it the old way.
    const dir = path.join(b.indexDir, (JSON.parse(readFileSync(path.join(b.indexDir, POINTER_FILE), 'utf8')) as { dir: string }).dir);
    const inline = Buffer.from(JSON.stringify(current.chunks));
    writeFileSync(path.join(dir, FILES.chunksJson), inline);
    unlinkSync(path.join(dir, FILES.chunks));
    unlinkSync(path.join(dir, FILES.texts));
    const m = JSON.parse(readFileSync(path.join(dir, FILES.manifest), 'utf8')) as Manifest;
    delete m.files[FILES.chunks];
    delete m.files[FILES.texts];
    delete m.reader;
    m.format = 1;
    m.files[FILES.chunksJson] = { bytes: inline.length, sha256: sha256(inline) };
    writeFileSync(path.join(dir, FILES.manifest), JSON.stringify(m));

    const old = await loadIndex(b.indexDir);
    expect(old.manifest.files[FILES.chunks]).toBeUndefined();
    expect(old.chunks.map((c) => c.text)).toEqual(current.chunks.map((c) => c.text));
    const engine = await Engine.open(b.config, { watch: false });
    try {
      expect((await engine.ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?')).results[0]?.quote).toContain('4.466');
    } finally {
      await engine.close();
    }
    const report = await buildIndex({ corpusDir: b.corpusDir, outDir: b.indexDir, config: b.config });
    expect(report).toMatchObject({ reused: current.chunks.length, removed: 0 });
    const upgraded = await loadIndex(b.indexDir);
    expect(upgraded.manifest.files[FILES.chunks]).toBeDefined();
    expect(upgraded.chunks.map((c) => [c.id, c.text])).toEqual(current.chunks.map((c) => [c.id, c.text]));
  });
});

/**
 * The chunk table in segments: adding, changing or removing an article links the base table and its
 * texts into the new version and writes only a tail table and a deletion list; the loaded chunks, and
 * the answers, are those of a build from scratch of the same corpus. Past their share they merge into a
 * new base. Pruned versions never take a file the current one links, and a build killed while writing
 * segments leaves the previous index whole.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { encodeChunkTable, encodeRows, openChunkSegments, type TableRow } from '../../src/index/chunk-store.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { FILES, IndexLoadError, verifyIndex } from '../../src/index/store.js';
import { SEEDS, tempIndex } from '../helpers/index-fixture.js';
import { childBuild, segmentSandboxes, synthCorpus, type Sandbox } from '../robustness/helpers.js';

const { sb, scratch, build, seed } = segmentSandboxes();
const load = (s: Sandbox) => loadIndex(s.indexDir, { skipVectors: true });
const inode = (idx: LoadedIndex, name: string) => statSync(path.join(idx.dir, name)).ino;

/** Questions made of the first words of paragraphs spread over the index (and its last ones: the tail). */
function questionsOf(idx: LoadedIndex): string[] {
  const picks = [...idx.chunks.filter((_, i) => i % Math.max(1, Math.floor(idx.chunks.length / 12)) === 0), ...idx.chunks.slice(-4)];
  return picks.map((c) => c.text.split(/\s+/u).slice(0, 10).join(' '));
}

/** What the engine answers, without what names the version or how long it took. */
async function answers(s: Sandbox, questions: readonly string[]): Promise<string[]> {
  const engine = await Engine.open(s.config, { watch: false });
  try {
    const out: string[] = [];
    for (const q of questions) {
      const a = await engine.ask(q);
      out.push(JSON.stringify({ ...a, indexVersion: '', timings: null }));
    }
    return out;
  } finally {
    await engine.close();
  }
}

/** The incremental index holds the chunks of a build from scratch (fields and texts) and answers as it does. */
async function sameAsScratch(idx: LoadedIndex): Promise<void> {
  rmSync(scratch.indexDir, { recursive: true, force: true });
  await build(scratch);
  const full = await load(scratch);
  const view = (i: LoadedIndex) => Object.fromEntries(i.chunks.map((c) => [c.id, JSON.stringify({ ...(JSON.parse(JSON.stringify(c)) as object), label: 0 })]));
  expect(view(idx)).toEqual(view(full));
  const questions = questionsOf(full);
  expect(await answers(sb, questions)).toEqual(await answers(scratch, questions));
}

describe('chunk table segments', () => {
  it('an add, a change and a removal write a tail and a deletion list only, and answer as a full build', async () => {
    await synthCorpus(sb.corpusDir, 120, 7);
    await build(sb);
    const first = await load(sb);
    expect(first.manifest.format).toBe(4);
    expect(first.manifest.files[FILES.chunksTail]).toBeUndefined();
    const baseInode = inode(first, FILES.chunks);

    // One article more: chunks.bin and texts.bin are the previous files, the new chunks a tail table.
    copyFileSync(path.join(SEEDS, seed(0)), path.join(sb.corpusDir, `zz-${seed(0)}`));
    await build(sb);
    const second = await load(sb);
    expect(inode(second, FILES.chunks)).toBe(baseInode);
    expect(second.manifest.files[FILES.chunks]).toEqual(first.manifest.files[FILES.chunks]);
    expect(second.manifest.files[FILES.chunksTail]!.bytes).toBeLessThan(first.manifest.files[FILES.chunks]!.bytes / 10);
    expect(second.manifest.files[FILES.chunksDeleted]).toBeUndefined();
    expect(second.chunkBase).toMatchObject({ rows: first.chunks.length, inBaseTexts: true });
    await sameAsScratch(second);

    // Changing an article of the base above its other paragraphs: every later paragraph moves (its row
    // is deleted and written again in the tail, with its new place), the base stays.
    const [target] = readdirSync(sb.corpusDir).sort();
    const file = path.join(sb.corpusDir, target!);
    const text = readFileSync(file, 'utf8');
    const firstBreak = text.indexOf('\n\n', text.indexOf('---', 3) + 3);
    writeFileSync(file, `${text.slice(0, firstBreak)}\n\nĐoạn mới chèn lên đầu: hội nghị biểu dương 7 tập thể tiêu biểu.${text.slice(firstBreak)}`);
    await build(sb);
    const third = await load(sb);
    expect(inode(third, FILES.chunks)).toBe(baseInode);
    const targetId = target!.replace(/\.(md|txt)$/u, '');
    expect(third.chunkBase!.deleted.length).toBe(first.chunks.filter((c) => c.articleId === targetId).length);
    await sameAsScratch(third);

    // Removing an article of the base: only deletions.
    const second2 = readdirSync(sb.corpusDir).sort()[1]!;
    rmSync(path.join(sb.corpusDir, second2));
    await build(sb);
    const fourth = await load(sb);
    expect(inode(fourth, FILES.chunks)).toBe(baseInode);
    expect(fourth.chunkBase!.deleted.length).toBeGreaterThan(third.chunkBase!.deleted.length);
    await sameAsScratch(fourth);

    // The first version folders are pruned; the files the current one links live on and verify.
    expect(existsSync(first.dir)).toBe(false);
    expect(statSync(path.join(fourth.dir, FILES.chunks)).nlink).toBeGreaterThanOrEqual(1);
    const verified = await verifyIndex(sb.indexDir);
    expect(verified.damaged).toEqual([]);
    expect(Object.keys(fourth.manifest.files)).toEqual(expect.arrayContaining([FILES.chunksTail, FILES.chunksDeleted]));

    // A damaged tail table or deletion list is refused with one line naming it.
    for (const name of [FILES.chunksTail, FILES.chunksDeleted]) {
      const f = path.join(fourth.dir, name);
      const good = readFileSync(f);
      const bad = Buffer.from(good);
      bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
      writeFileSync(f, bad);
      const err = await load(sb).catch((e: unknown) => e);
      const check = await verifyIndex(sb.indexDir);
      writeFileSync(f, good);
      expect(err).toBeInstanceOf(IndexLoadError);
      expect((err as Error).message).toMatch(new RegExp(`${name} is corrupted \\(checksum mismatch\\)\\. Rebuild with: `));
      expect(check.damaged.map((d) => String(d.params.file))).toEqual([f]);
    }
  });

  it('a tail and deletions past their share merge into one new base', async () => {
    const before = await load(sb);
    await synthCorpus(path.join(sb.corpusDir, 'more'), 30, 99);
    await build(sb);
    const merged = await load(sb);
    expect(inode(merged, FILES.chunks)).not.toBe(inode(before, FILES.chunks));
    for (const name of [FILES.chunksTail, FILES.chunksDeleted, FILES.textsTail]) expect(merged.manifest.files[name]).toBeUndefined();
    expect(merged.chunkBase).toEqual({ rows: merged.chunks.length, deleted: new Uint32Array(0), inBaseTexts: true });
    await sameAsScratch(merged);
  });

  it('where linking fails (another file system) the base files are copied, and check like linked ones', async () => {
    const before = await load(sb);
    const link = fsp.link.bind(fsp);
    const spy = vi.spyOn(fsp, 'link').mockImplementation(async (from, to) => {
      if (/(chunks|texts)\.bin$/.test(String(to))) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      return link(from, to);
    });
    try {
      copyFileSync(path.join(SEEDS, seed(4)), path.join(sb.corpusDir, `copy-${seed(4)}`));
      await build(sb);
    } finally {
      spy.mockRestore();
    }
    const after = await load(sb);
    expect(inode(after, FILES.chunks)).not.toBe(inode(before, FILES.chunks));
    expect(after.manifest.files[FILES.chunks]!.sha256).toBe(before.manifest.files[FILES.chunks]!.sha256);
    expect(after.manifest.files[FILES.chunksTail]).toBeDefined();
    expect((await verifyIndex(sb.indexDir)).damaged).toEqual([]);
    await sameAsScratch(after);
  });

  it('a build killed while it writes segments leaves the previous index whole and serving', async () => {
    const serving = await load(sb);
    const linked = path.join(serving.dir, FILES.chunks);
    const bytes = readFileSync(linked);
    for (let round = 0; round < 3; round++) {
      copyFileSync(path.join(SEEDS, seed(round + 1)), path.join(sb.corpusDir, `kill-${round}-${seed(round + 1)}`));
      const before = new Set(readdirSync(sb.indexDir));
      const r = await childBuild(sb, { killWhen: () => readdirSync(sb.indexDir).some((d) => d.startsWith('v-') && !before.has(d)), killAfterMs: round * 40 });
      const idx = await load(sb);
      expect(idx.chunks.length).toBe(idx.manifest.counts.chunks);
      expect((await verifyIndex(sb.indexDir)).damaged).toEqual([]);
      if (r.signal === 'SIGKILL' && idx.dir === serving.dir) expect(readFileSync(linked).equals(bytes)).toBe(true);
    }
    // The next build finishes the work and answers as a full build.
    await build(sb);
    await sameAsScratch(await load(sb));
  });
});

describe('chunk table segments with vectors', () => {
  it('a paragraph moved by an edit above it keeps its vector, and hybrid answers match a full build', async () => {
    const t = tempIndex();
    const full = tempIndex();
    try {
      const buildT = () => buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
      await buildT();
      const before = await loadIndex(t.indexDir);
      const [target] = readdirSync(t.corpusDir).sort();
      const file = path.join(t.corpusDir, target!);
      const text = readFileSync(file, 'utf8');
      const at = text.lastIndexOf('\n\n', Math.floor(text.length / 3));
      writeFileSync(file, `${text.slice(0, at)}\n\nĐoạn mới chèn vào: hội nghị biểu dương 7 tập thể tiêu biểu.${text.slice(at)}`);
      const r = await buildT();
      expect(r).toMatchObject({ embedded: 1, removed: 0 }); // only the new paragraph; the ones below it moved
      const after = await loadIndex(t.indexDir); // the seeds are small: the moved rows pass a tenth, and the base is merged
      const labels = (i: LoadedIndex) => new Map(i.chunks.map((c) => [c.id, c.label]));
      const was = labels(before);
      for (const [id, label] of labels(after)) if (was.has(id)) expect(label).toBe(was.get(id));

      rmSync(full.corpusDir, { recursive: true });
      cpSync(t.corpusDir, full.corpusDir, { recursive: true });
      await buildIndex({ corpusDir: full.corpusDir, outDir: full.indexDir, config: full.config });
      const questions = questionsOf(await loadIndex(full.indexDir));
      expect(await answers(t, questions)).toEqual(await answers(full, questions));
    } finally {
      t.cleanup();
      full.cleanup();
    }
  });
});

describe('openChunkSegments', () => {
  const row = (id: string, seg: number, at: number, label: number): TableRow => ({
    record: { id, articleId: 'a', kind: 'paragraph', paragraph: label, paragraphEnd: label, start: 0, end: 1, context: null },
    label,
    seg,
    at,
    textBytes: 1,
  });
  const texts = [
    { blob: Buffer.from('abcd'), name: 'texts.bin' },
    { blob: Buffer.from('xy'), name: 'texts-tail.bin' },
  ];

  it('gives the base rows not deleted, in order, then the tail rows', () => {
    const base = encodeChunkTable([row('c0', 0, 0, 0), row('c1', 0, 1, 1), row('c2', 0, 2, 2), row('c3', 0, 3, 3)]);
    const tail = encodeChunkTable([row('t0', 1, 0, 4), row('t1', 0, 1, 5)]);
    const { chunks, base: info } = openChunkSegments(base, encodeRows(Uint32Array.of(0, 2)), tail, texts);
    expect(chunks.map((c) => `${c.id}=${c.text}`)).toEqual(['c1=b', 'c3=d', 't0=x', 't1=b']);
    expect(info).toEqual({ rows: 4, deleted: Uint32Array.of(0, 2), inBaseTexts: true });
  });

  it('refuses a deletion list out of order or past the base, and a base text in the tail file beside segments', () => {
    const base = encodeChunkTable([row('c0', 0, 0, 0), row('c1', 0, 1, 1)]);
    expect(() => openChunkSegments(base, encodeRows(Uint32Array.of(1, 0)), null, texts)).toThrow(/deletion list/);
    expect(() => openChunkSegments(base, encodeRows(Uint32Array.of(2)), null, texts)).toThrow(/deletion list/);
    expect(() => openChunkSegments(base, Buffer.alloc(3), null, texts)).toThrow(/truncated/);
    const mixed = encodeChunkTable([row('c0', 0, 0, 0), row('c1', 1, 0, 1)]);
    expect(openChunkSegments(mixed, null, null, texts).base.inBaseTexts).toBe(false); // a format 2 table: loads, never kept as a base
    expect(() => openChunkSegments(mixed, null, encodeChunkTable([row('t', 1, 1, 2)]), texts)).toThrow(/texts-tail\.bin/);
  });
});

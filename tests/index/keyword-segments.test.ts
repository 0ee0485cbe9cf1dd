/**
 * Adding, changing or removing an article of a large index must not rewrite the whole keyword index: the
 * base segment's file is carried over (hard link), only a small tail and a deletion list are written, and
 * scores are identical to a build from scratch. A tail and deletions grown past their share merge into
 * one new base.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYWORD_TAIL_MAX_SHARE } from '../../src/index/build.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { FILES, IndexLoadError } from '../../src/index/store.js';
import { passageTerms } from '../../src/index/terms.js';
import { SEEDS } from '../helpers/index-fixture.js';
import { segmentSandboxes, synthCorpus } from '../robustness/helpers.js';

const { sb, scratch, build, seed } = segmentSandboxes();

/** Everything BM25 sees, keyed by chunk id (document ids differ between incremental and scratch builds). */
function bm25View(idx: LoadedIndex, terms: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const term of terms) {
    for (const folded of [false, true]) {
      const m = idx.keyword.match({ term, folded, weight: 1 });
      if (!m) continue;
      const postings = Array.from(m.docs, (d, i) => `${idx.chunks[d]!.id}:${m.tfs[i]}:${idx.keyword.saturate(m.tfs[i]!, d).toFixed(12)}`).sort();
      out[`${term}/${folded}`] = `${m.idf.toFixed(12)} ${postings.join(' ')}`;
    }
  }
  return out;
}

/** Builds the same corpus from scratch and checks the incremental index scores every term the same way. */
async function sameAsScratch(idx: LoadedIndex): Promise<void> {
  rmSync(scratch.indexDir, { recursive: true, force: true });
  await build(scratch);
  const full = await loadIndex(scratch.indexDir, { skipVectors: true });
  expect(idx.keyword.docCount).toBe(full.keyword.docCount);
  expect([idx.manifest.counts.articles, idx.manifest.counts.chunks]).toEqual([full.manifest.counts.articles, full.manifest.counts.chunks]);
  const terms = new Set<string>();
  for (let c = 0; c < full.chunks.length; c += Math.max(1, Math.floor(full.chunks.length / 60))) for (const t of passageTerms(full.chunks[c]!.text)) terms.add(t);
  for (const c of full.chunks.slice(-20)) for (const t of passageTerms(c.text)) terms.add(t);
  expect(bm25View(idx, terms)).toEqual(bm25View(full, terms));
  // The chunk table's segments give every chunk with its fields and text, in the keyword index's order.
  const view = (i: LoadedIndex) => Object.fromEntries(i.chunks.map((c) => [c.id, JSON.stringify({ ...(JSON.parse(JSON.stringify(c)) as object), label: 0 })]));
  expect(view(idx)).toEqual(view(full));
}

const inode = (idx: LoadedIndex) => statSync(path.join(idx.dir, FILES.keyword)).ino;

describe('keyword index segments', () => {
  it('adding, changing, removing articles writes a tail and a deletion list only; scores always match a full build', async () => {
    await synthCorpus(sb.corpusDir, 150, 3);
    await build(sb);
    const first = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(first.manifest.files[FILES.keywordTail]).toBeUndefined();
    const baseInode = inode(first); // its folder is pruned two builds later; the file lives on in the next ones

    // One article more: the base file is the previous one (same inode), the new chunks are in the tail.
    copyFileSync(path.join(SEEDS, seed(0)), path.join(sb.corpusDir, `zz-${seed(0)}`));
    const r1 = await build(sb);
    expect(r1.reused).toBe(first.chunks.length);
    const second = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(inode(second)).toBe(baseInode);
    expect(second.manifest.files[FILES.keyword]).toEqual(first.manifest.files[FILES.keyword]);
    expect(second.keyword.base.docCount).toBe(first.chunks.length);
    expect(second.keyword.tail!.docCount).toBe(second.chunks.length - first.chunks.length);
    // The chunk texts too: texts.bin linked, the new chunks' texts in texts-tail.bin.
    expect(statSync(path.join(second.dir, FILES.texts)).ino).toBe(statSync(path.join(first.dir, FILES.texts)).ino);
    expect(second.manifest.files[FILES.textsTail]).toBeDefined();
    await sameAsScratch(second);

    // Another one: the tail grows, the base is still not rewritten.
    copyFileSync(path.join(SEEDS, seed(1)), path.join(sb.corpusDir, `zz-${seed(1)}`));
    await build(sb);
    const third = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(inode(third)).toBe(baseInode);
    expect(third.keyword.tail!.docCount).toBe(third.chunks.length - first.chunks.length);
    await sameAsScratch(third);

    // Removing an article that is only in the tail keeps the base too.
    rmSync(path.join(sb.corpusDir, `zz-${seed(0)}`));
    await build(sb);
    const fourth = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(inode(fourth)).toBe(baseInode);
    await sameAsScratch(fourth);

    // Removing an article of the base: its documents join the deletion list, the base stays.
    const [firstArticle, secondArticle] = readdirSync(sb.corpusDir).sort();
    rmSync(path.join(sb.corpusDir, firstArticle!));
    await build(sb);
    const fifth = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(inode(fifth)).toBe(baseInode);
    expect(fifth.keyword.deleted.length).toBe(first.articles[0]!.chunks);
    expect(existsSync(path.join(fifth.dir, FILES.keywordDeleted))).toBe(true);
    await sameAsScratch(fifth);

    // Changing an article of the base: its old documents deleted, its new ones in the tail.
    const file = path.join(sb.corpusDir, secondArticle!);
    const lines = readFileSync(file, 'utf8').split('\n');
    const longest = lines.reduce((best, l, i) => (l.length > lines[best]!.length ? i : best), 0);
    lines[longest] += ' Hội nghị cũng thống nhất nhiều nội dung quan trọng khác.';
    writeFileSync(file, lines.join('\n'));
    await build(sb);
    const sixth = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(inode(sixth)).toBe(baseInode);
    expect(sixth.keyword.deleted.length).toBeGreaterThan(fifth.keyword.deleted.length);
    await sameAsScratch(sixth);

    // A damaged tail or deletion list is refused with one line naming it, like every other index file.
    for (const name of [FILES.keywordTail, FILES.keywordDeleted, FILES.textsTail]) {
      const f = path.join(sixth.dir, name);
      const good = readFileSync(f);
      const bad = Buffer.from(good);
      bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
      writeFileSync(f, bad);
      const err = await loadIndex(sb.indexDir, { skipVectors: true }).catch((e: unknown) => e);
      writeFileSync(f, good);
      expect(err).toBeInstanceOf(IndexLoadError);
      expect((err as Error).message).toMatch(new RegExp(`${name} is corrupted \\(checksum mismatch\\)\\. Rebuild with: `));
    }
  });

  it(`a tail over ${KEYWORD_TAIL_MAX_SHARE * 100}% of the documents is merged into a new base`, async () => {
    const before = await loadIndex(sb.indexDir, { skipVectors: true });
    const n = before.chunks.length;
    let added = 0;
    for (const name of readdirSync(SEEDS).sort()) {
      copyFileSync(path.join(SEEDS, name), path.join(sb.corpusDir, `yy-${name}`));
      added++;
    }
    await synthCorpus(path.join(sb.corpusDir, 'more'), 40, 99);
    await build(sb);
    const after = await loadIndex(sb.indexDir, { skipVectors: true });
    expect(after.chunks.length - n).toBeGreaterThan(KEYWORD_TAIL_MAX_SHARE * after.chunks.length);
    expect(added).toBeGreaterThan(0);
    expect(after.keyword.tail).toBeNull();
    expect(after.keyword.deleted.length).toBe(0);
    expect(after.manifest.files[FILES.textsTail]).toBeUndefined();
    expect(existsSync(path.join(after.dir, FILES.keywordDeleted))).toBe(false);
    expect(after.keyword.base.docCount).toBe(after.chunks.length);
    await sameAsScratch(after);
  });
});

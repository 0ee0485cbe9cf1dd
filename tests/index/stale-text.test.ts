/**
 * A paragraph edited only in its letter case or spacing keeps its chunk id (ids hash the squashed text)
 * and its place: the new version must still hold the new text, whether the chunk base is kept (a large
 * index, one article changed) or written again (a small one).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { FILES } from '../../src/index/store.js';
import { sandbox, synthCorpus, type Sandbox } from '../robustness/helpers.js';

const boxes: Sandbox[] = [];
afterAll(() => boxes.forEach((b) => b.cleanup()));

const inode = (idx: LoadedIndex, name: string) => statSync(path.join(idx.dir, name)).ino;
const texts = (idx: LoadedIndex) => Object.fromEntries(idx.chunks.map((c) => [c.id, c.text]));

/** Upper-cases the first paragraph's first letter of `file`'s body that is lower case (same length, same squashed text). */
function recase(file: string): string {
  const text = readFileSync(file, 'utf8');
  const body = text.indexOf('\n\n', text.indexOf('---', 3) + 3) + 2;
  for (let i = body + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== ch.toUpperCase() && text[i - 1] === ' ') {
      const next = text.slice(0, i) + ch.toUpperCase() + text.slice(i + 1);
      writeFileSync(file, next);
      return ch.toUpperCase() + text.slice(i + 1, i + 12);
    }
  }
  throw new Error('no lower-case word');
}

describe('a paragraph edited in case only', () => {
  for (const [articles, baseKept] of [
    [120, true],
    [2, false],
  ] as const) {
    it(`holds the new text (${articles} articles: chunk base ${baseKept ? 'kept' : 'written again'})`, async () => {
      const sb = sandbox('none');
      const scratch = sandbox('none');
      boxes.push(sb, scratch);
      await synthCorpus(sb.corpusDir, articles, 11);
      const build = (s: Sandbox) => buildIndex({ corpusDir: sb.corpusDir, outDir: s.indexDir, config: s.config });
      await build(sb);
      const first = await loadIndex(sb.indexDir, { skipVectors: true });
      const [target] = readdirSync(sb.corpusDir).sort();
      const snippet = recase(path.join(sb.corpusDir, target!));
      // A small index: another article removed is past the share a kept base may lose.
      if (!baseKept) rmSync(path.join(sb.corpusDir, readdirSync(sb.corpusDir).sort()[1]!));
      await build(sb);
      const second = await loadIndex(sb.indexDir, { skipVectors: true });
      expect(inode(second, FILES.chunks) === inode(first, FILES.chunks)).toBe(baseKept);
      await build(scratch);
      const full = await loadIndex(scratch.indexDir, { skipVectors: true });
      expect(second.chunks.some((c) => c.text.includes(snippet))).toBe(true);
      expect(texts(second)).toEqual(texts(full));
    });
  }
});

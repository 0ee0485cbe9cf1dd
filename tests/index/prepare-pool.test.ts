/**
 * Corpus files prepared on worker threads (read, chunked, terms counted) must make the very index the
 * build's own thread makes: the same bytes in every file, whichever thread read which file. A file a
 * thread cannot read is reported like any other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { currentVersionDir, FILES } from '../../src/index/store.js';
import { sandbox, synthCorpus, type Sandbox } from '../robustness/helpers.js';

const threaded: Sandbox = sandbox('none');
const inline: Sandbox = sandbox('none');
afterAll(() => {
  threaded.cleanup();
  inline.cleanup();
});

const FILES_COMPARED = [FILES.articles, FILES.chunks, FILES.texts, FILES.keyword, FILES.titles, FILES.leads];

async function files(s: Sandbox): Promise<Record<string, string>> {
  const cur = await currentVersionDir(s.indexDir);
  return Object.fromEntries(FILES_COMPARED.map((name) => [name, readFileSync(path.join(cur!.dir, name)).toString('base64')]));
}

describe('preparing corpus files on threads', () => {
  it('gives byte for byte the index of a build that reads every file itself', async () => {
    await synthCorpus(threaded.corpusDir, 90, 7);
    writeFileSync(path.join(threaded.corpusDir, 'zz-empty.txt'), '');
    writeFileSync(path.join(threaded.corpusDir, 'zz-binary.txt'), Buffer.from([0x41, 0, 0x42, 0]));
    const a = await buildIndex({ corpusDir: threaded.corpusDir, outDir: threaded.indexDir, config: threaded.config, prepareThreads: 2 });
    const b = await buildIndex({ corpusDir: threaded.corpusDir, outDir: inline.indexDir, config: inline.config, prepareThreads: 0 });
    expect(a.articles).toBe(90);
    expect(a.messages.filter((m) => m.startsWith('Skipped zz-'))).toHaveLength(2);
    expect(a.messages).toEqual(b.messages);
    expect(await files(threaded)).toEqual(await files(inline));
  });
});

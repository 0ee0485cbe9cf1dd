/**
 * An index whose vectors the serving side cannot use (built with a model, served with EMBEDDING_MODEL=none;
 * a manifest naming another dimension or a model that is not there): the engine starts anyway, serves
 * keyword-only and says why in status().degradedReason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine/engine.js';
import { loadIndex } from '../../src/index/load.js';
import { FILES, POINTER_FILE, type Manifest } from '../../src/index/store.js';
import { builtSeedIndex } from '../helpers/index-fixture.js';
import { MODELS, ROOT } from './helpers.js';

const QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';
let sb: Awaited<ReturnType<typeof builtSeedIndex>>;

beforeAll(async () => {
  sb = await builtSeedIndex('tiny-vi');
});
afterAll(() => sb.cleanup());

function editManifest(edit: (m: Manifest) => void): void {
  sb.restore();
  const dir = path.join(sb.indexDir, (JSON.parse(readFileSync(path.join(sb.indexDir, POINTER_FILE), 'utf8')) as { dir: string }).dir);
  const m = JSON.parse(readFileSync(path.join(dir, FILES.manifest), 'utf8')) as Manifest;
  edit(m);
  writeFileSync(path.join(dir, FILES.manifest), JSON.stringify(m));
}

async function servesKeywordOnly(model: string, reason: RegExp): Promise<void> {
  const config = loadConfig({ CORPUS_DIR: sb.corpusDir, INDEX_DIR: sb.indexDir, EMBEDDING_MODEL: model, MODELS_DIR: MODELS, WATCH_INDEX: 'false', LOG_LEVEL: 'silent' }, ROOT);
  const engine = await Engine.open(config, { watch: false });
  try {
    const st = engine.status();
    expect(st.mode).toBe('keyword');
    expect(st.degradedReason).toMatch(reason);
    const a = await engine.ask(QUESTION);
    expect(a.mode).toBe('keyword');
    expect(a.results[0]?.quote).toContain('4.466');
    expect(a.notices.some((n) => n.kind === 'keyword-only')).toBe(true);
  } finally {
    await engine.close();
  }
}

describe('an index the configured model cannot serve', () => {
  it('built with tiny-vi, served with EMBEDDING_MODEL=none', async () => {
    editManifest(() => undefined);
    await servesKeywordOnly('none', /EMBEDDING_MODEL=none/);
  });

  it('a manifest that says another dimension', async () => {
    editManifest((m) => (m.model!.dim = 384));
    // The vectors are never handed to hnswlib with the wrong size.
    const idx = await loadIndex(sb.indexDir);
    expect(idx.vectors).toBeNull();
    expect(idx.vectorProblem).toMatch(/96-dimensional vectors but the manifest says 384/);
    await servesKeywordOnly('tiny-vi', /96.*384|384.*96/);
  });

  it('a manifest from a model that is not installed', async () => {
    editManifest((m) => (m.model!.id = 'no-such-model'));
    await servesKeywordOnly('tiny-vi', /no-such-model/);
  });
});

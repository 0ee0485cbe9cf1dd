/**
 * A reload refused (CURRENT naming a folder that is gone, a damaged file) keeps the old index serving, and
 * the admin's /reload reply says why in the admin's language: it said "Không nạp lại được; …" followed by
 * the log's English ("new index refused, still serving …: … is missing. Rebuild with: …").
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { POINTER_FILE } from '../../src/index/store.js';
import { reloadResultText } from '../../src/present/messages.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

let t: TempIndex;
let engine: Engine;
beforeAll(async () => {
  t = tempIndex({ model: 'none' });
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  engine = await Engine.open(t.config, { watch: false });
}, 60_000);
afterAll(async () => {
  await engine?.close();
  t?.cleanup();
});

describe('CURRENT pointing at a missing folder', () => {
  it('keeps serving, and /reload says why in Vietnamese, or in English', async () => {
    writeFileSync(path.join(t.indexDir, POINTER_FILE), JSON.stringify({ format: 4, version: 'x', dir: 'v-gone' }));
    const r = await engine.reload();
    expect(r.ok).toBe(false);
    expect((await engine.ask('Hải Phòng có bao nhiêu chi bộ?')).answered).toBe(true);
    const vi = reloadResultText(r, 'vi', engine.status());
    expect(vi).toMatch(/^Không nạp lại được; chỉ mục cũ vẫn đang phục vụ\. Thiếu tệp .*v-gone.*manifest\.json\. Hãy xây dựng lại bằng: npm run build-index/u);
    expect(vi).not.toMatch(/refused|missing|Rebuild/u);
    expect(reloadResultText(r, 'en', engine.status())).toMatch(/^Reload refused; the previous index keeps serving\. .*v-gone.*manifest\.json is missing\. Rebuild with: npm run build-index/u);
  });
});

/** The engine uses the dense band the build measured (and, for an older index without one, never lets dense answer alone). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DenseBand } from '../../src/embed/band.js';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { FILES, currentVersionDir, type Manifest } from '../../src/index/store.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const OFF_TOPIC = ['Giá vàng SJC hôm nay là bao nhiêu?', 'Thời tiết Hà Nội ngày mai thế nào?', 'Cách làm bánh flan không bị rỗ?'];
const HP_QUESTION = 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?';

let t: TempIndex;
let manifestFile: string;
let original: string;
beforeAll(async () => {
  t = tempIndex();
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  manifestFile = path.join((await currentVersionDir(t.indexDir))!.dir, FILES.manifest);
  original = readFileSync(manifestFile, 'utf8');
});
afterAll(() => t.cleanup());

/** Opens the engine over the index with its manifest's band changed by `edit` (undefined: removed). */
async function withBand<T>(edit: (band: DenseBand) => DenseBand | undefined, use: (e: Engine) => Promise<T>): Promise<T> {
  const m = JSON.parse(original) as Manifest;
  const band = edit(m.model!.band!);
  if (band) m.model!.band = band;
  else delete m.model!.band;
  writeFileSync(manifestFile, JSON.stringify(m));
  const engine = await Engine.open(t.config, { watch: false });
  try {
    return await use(engine);
  } finally {
    await engine.close();
    writeFileSync(manifestFile, original);
  }
}

describe('the measured dense band at query time', () => {
  it('is used and shown in the status; off-topic questions stay refused in hybrid mode', async () => {
    await withBand(
      (b) => b,
      async (engine) => {
        const st = engine.status();
        expect(st.mode).toBe('hybrid');
        expect(st.dense).toMatch(/^dense band measured at build: lo 0\.\d{3} hi 0\.\d{3} .*re-rank only/);
        for (const q of OFF_TOPIC) {
          const a = await engine.ask(q);
          expect(a.mode, q).toBe('hybrid');
          expect(a.answered, q).toBe(false);
        }
        expect((await engine.ask(HP_QUESTION)).results[0]!.quote).toContain('4.466 đảng viên');
      },
    );
  });

  it('decides whether dense similarity may answer alone: a (doctored) vouching band with a low hi answers off-topic questions', async () => {
    await withBand(
      (b) => ({ ...b, lo: 0, hi: 0.1, vouches: true }),
      async (engine) => {
        expect((await engine.ask(OFF_TOPIC[0]!)).answered).toBe(true);
        engine.setMode('keyword');
        expect((await engine.ask(OFF_TOPIC[0]!)).answered).toBe(false);
      },
    );
  });

  it('an index built before bands: the static table, re-rank only, and the status says so', async () => {
    await withBand(
      () => undefined,
      async (engine) => {
        expect(engine.status().mode).toBe('hybrid');
        expect(engine.status().dense).toMatch(/no dense band measured.*never answers alone/);
        for (const q of OFF_TOPIC) expect((await engine.ask(q)).answered, q).toBe(false);
        expect((await engine.ask(HP_QUESTION)).answered).toBe(true);
      },
    );
  });

  it('a keyword-only engine reports no band', async () => {
    const engine = await Engine.open({ ...t.config, embeddingModel: null }, { watch: false });
    try {
      expect(engine.status().dense).toBeNull();
    } finally {
      await engine.close();
    }
  });
});

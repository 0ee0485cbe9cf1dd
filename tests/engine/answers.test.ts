/** The engine end to end on the seed corpus: retrieval, fusion, quotes, citations and refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

let t: TempIndex;
let engine: Engine;
beforeAll(async () => {
  t = tempIndex();
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  engine = await Engine.open(t.config, { watch: false });
});
afterAll(async () => {
  await engine.close();
  t.cleanup();
});

const top = async (q: string) => (await engine.ask(q)).results[0];

describe('answers', () => {
  it('quotes the sentence with the figure and cites the article', async () => {
    const a = await engine.ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?');
    expect(a.answered).toBe(true);
    expect(a.mode).toBe('hybrid');
    const r = a.results[0]!;
    expect(r.quote).toContain('4.466 đảng viên');
    expect(r.text).toContain(r.quote);
    expect(r.article).toMatchObject({ id: '004_7239dae0792dcdec', outlet: 'HPĐT' });
    expect(r.article.date?.iso).toBe('2024-10-16');
    expect(r.paragraph).toBeGreaterThan(0);
    expect(r.highlights.length).toBeGreaterThan(0);
    for (const [s, e] of r.highlights) expect(e).toBeGreaterThan(s);
  });

  it('quotes the sentence that answers, not the start of a long paragraph', async () => {
    const r = (await top('Đảng bộ cơ quan chính quyền TP Huế kết nạp được bao nhiêu đảng viên trong năm 2020?'))!;
    expect(r.quote).toContain('kết nạp được 07 đảng viên');
    expect(r.quote.length).toBeLessThan(r.text.length);
    expect(r.text.startsWith(r.quote)).toBe(false);
  });

  it('answers questions typed without diacritics, in NFD or in capitals', async () => {
    expect((await top('bi thu thanh uy hue la ai'))!.quote).toContain('Phan Thiên Định');
    expect((await top('dang bo khoi cac co quan tinh nghe an ket nap bao nhieu dang vien moi'))!.quote).toContain('152 đảng viên mới');
    expect((await top('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?'.normalize('NFD')))!.quote).toContain('4.466');
    expect((await top('ĐẢNG BỘ KHỐI CÁC CƠ QUAN THÀNH PHỐ HẢI PHÒNG CÓ BAO NHIÊU ĐẢNG VIÊN'))!.quote).toContain('4.466');
  });

  it('matches numbers written differently', async () => {
    expect((await top('4466 đảng viên'))!.quote).toContain('4.466');
  });

  it('refuses what the reports do not say, and offers no random quote', async () => {
    for (const q of ['Giá vàng SJC hôm nay là bao nhiêu?', 'Who won the 2022 FIFA World Cup?', 'Công thức nấu phở bò Hà Nội như thế nào?']) {
      const a = await engine.ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.results, q).toEqual([]);
    }
  });

  it('an empty or symbol-only question is not searched', async () => {
    for (const q of ['', '   ', '???!!!', '😀😀']) {
      const a = await engine.ask(q);
      expect(a.answered).toBe(false);
      expect(a.notices).toContainEqual({ kind: 'empty-question', examples: expect.arrayContaining([expect.any(String)]) });
    }
  });

  it('a greeting or a thank-you alone is not searched (no passages about "đền ơn" for "cảm ơn")', async () => {
    for (const q of ['xin chào', 'cảm ơn bot nhé', 'thanks!', 'hello']) {
      const a = await engine.ask(q);
      expect(a.results, q).toEqual([]);
      expect(a.notices, q).toContainEqual(expect.objectContaining({ kind: 'empty-question' }));
    }
    expect((await engine.ask('cảm ơn bot, Huế tổ chức festival gì?')).results.length).toBeGreaterThan(0);
  });

  it('cuts an overlong question and says so', async () => {
    const a = await engine.ask(`${'Hải Phòng có bao nhiêu đảng viên '.repeat(2000)}`);
    expect(a.notices.some((n) => n.kind === 'question-truncated')).toBe(true);
    expect(a.question.length).toBeLessThanOrEqual(t.config.maxQuestionChars);
  });

  it('pages through results without repeating one, and keeps a few per article', async () => {
    const q = 'đảng viên hoàn thành xuất sắc nhiệm vụ';
    const first = await engine.ask(q, { top: 3 });
    const second = await engine.ask(q, { top: 3, offset: 3 });
    expect(first.total).toBeGreaterThan(3);
    expect(second.results[0]!.rank).toBe(4);
    const ids = [...first.results, ...second.results].map((r) => r.chunkId);
    expect(new Set(ids).size).toBe(ids.length);
    const perArticle = new Map<string, number>();
    for (const r of first.results) perArticle.set(r.article.id, (perArticle.get(r.article.id) ?? 0) + 1);
    expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(t.config.maxPerArticle);
  });

  it('answers 50 concurrent questions each with its own results', async () => {
    const qs = Array.from({ length: 50 }, (_, i) => (i % 2 ? 'bi thu thanh uy hue la ai' : 'Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?'));
    const answers = await Promise.all(qs.map((q) => engine.ask(q)));
    answers.forEach((a, i) => {
      expect(a.question).toBe(qs[i]);
      expect(a.results[0]!.quote).toContain(i % 2 ? 'Phan Thiên Định' : '4.466');
    });
  });
});

describe('fusion', () => {
  it('with a vector weight of 0, hybrid ranks exactly as keyword search', async () => {
    const q = 'Chủ đề năm 2021 của Đảng bộ thành phố Đông Hà là gì?';
    const zero = await Engine.open({ ...t.config, vectorWeight: 0 }, { watch: false });
    try {
      const hybrid = await zero.trace(q, {}, 5);
      zero.setMode('keyword');
      const keyword = await zero.trace(q, {}, 5);
      expect(hybrid.answer.mode).toBe('hybrid');
      expect(hybrid.ranked.map((r) => r.chunkId)).toEqual(keyword.ranked.map((r) => r.chunkId));
    } finally {
      await zero.close();
    }
  });

  it('vector mode ranks by cosine similarity alone', async () => {
    engine.setMode('vector');
    try {
      const tr = await engine.trace('Festival Nghề truyền thống Huế', {}, 5);
      const cos = tr.candidates.map((c) => c.cosine ?? -1);
      expect(cos).toEqual([...cos].sort((a, b) => b - a));
      expect(cos[0]).toBeGreaterThan(0.2);
    } finally {
      engine.setMode(null);
    }
  });

  it('a weak model never vouches alone: an off-topic question stays refused in hybrid mode', async () => {
    const a = await engine.ask('Thời tiết Hà Nội ngày mai thế nào?');
    expect(a.mode).toBe('hybrid');
    expect(a.answered).toBe(false);
  });
});

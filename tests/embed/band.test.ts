import { describe, expect, it } from 'vitest';
import { auc, bandFrom, BAND_METHOD, describeBand, measureBand, pseudoQuestion, pseudoQuestions, quantile, sampleOrder, swapEntity } from '../../src/embed/band.js';
import { OFF_TOPIC_QUESTIONS, PLACE_NAMES } from '../../src/embed/off-topic.js';
import { fold } from '../../src/text/normalise.js';

/** n values evenly spread over [from, to]. */
const spread = (n: number, from: number, to: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

describe('quantile and AUC', () => {
  it('interpolates between order statistics, whatever the input order', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile(spread(101, 0, 1), 0.95)).toBeCloseTo(0.95);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([1, 9], 0)).toBe(1);
    expect(quantile([1, 9], 1)).toBe(9);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('AUC is 1 for full separation, 0.5 for the same values, ties counting half', () => {
    expect(auc([0.8, 0.9], [0.1, 0.2])).toBe(1);
    expect(auc([0.5, 0.5], [0.5, 0.5])).toBe(0.5);
    expect(auc([0.1], [0.9])).toBe(0);
    expect(auc([], [0.1])).toBe(0.5);
  });
});

describe('the vouching rule', () => {
  it('clear separation: lo = 95th percentile of off-topic, hi = median of answerable, vouches, large weight', () => {
    const b = bandFrom(spread(200, 0.82, 0.95), spread(65, 0.7, 0.78), spread(100, 0.72, 0.8));
    expect(b.method).toBe(BAND_METHOD);
    expect(b.lo).toBeCloseTo(quantile(spread(65, 0.7, 0.78), 0.95), 3);
    expect(b.hi).toBeCloseTo(0.885, 3);
    expect(b.vouches).toBe(true);
    expect(b.why).toMatch(/clear separation/);
    expect(b.falseAnswers).toBe(0);
    expect(b.auc).toBe(1);
    expect(b.aucSwapped).toBe(1);
    expect(b.weight).toBeCloseTo(0.5);
    expect(b.positives).toEqual({ count: 200, q05: expect.any(Number), q50: 0.885, q95: expect.any(Number) });
    expect(b.offTopic.count).toBe(65);
    expect(b.swapped.count).toBe(100);
  });

  it('overlapping answerable and off-topic cosines: no vouching, small weight, a band still usable (lo < hi)', () => {
    const b = bandFrom(spread(200, 0.7, 0.9), spread(65, 0.72, 0.92), []);
    expect(b.vouches).toBe(false);
    expect(b.why).toMatch(/overlap/);
    expect(b.weight).toBeLessThan(0.05);
    expect(b.lo).toBeLessThan(b.hi);
    expect(b.aucSwapped).toBeNull();
  });

  it('swapped questions that look as close as the real ones: no vouching, and they cap the weight', () => {
    const positives = spread(200, 0.5, 0.9);
    const b = bandFrom(positives, spread(65, 0.1, 0.3), spread(40, 0.5, 0.9));
    expect(b.auc).toBe(1);
    expect(b.aucSwapped).toBeCloseTo(0.5, 1);
    expect(b.vouches).toBe(false);
    expect(b.why).toMatch(/of unanswerable questions reach hi/);
    expect(b.falseAnswers).toBeGreaterThan(0.02);
    expect(b.weight).toBeLessThan(0.01);
  });

  it('a few wrong answers above hi are tolerated up to 2%, not beyond', () => {
    const positives = spread(200, 0.82, 0.95);
    const off = spread(64, 0.6, 0.7);
    expect(bandFrom(positives, [...off, 0.9], spread(35, 0.6, 0.7)).vouches).toBe(true); // 1 of 100
    expect(bandFrom(positives, [...off, 0.9], [...spread(32, 0.6, 0.7), 0.9, 0.91, 0.92]).vouches).toBe(false); // 4 of 100
  });

  it('too few answerable questions: no vouching however clear', () => {
    const b = bandFrom(spread(20, 0.9, 0.95), spread(65, 0.1, 0.2), []);
    expect(b.vouches).toBe(false);
    expect(b.why).toMatch(/too few/);
    expect(b.weight).toBeLessThanOrEqual(0.15);
  });

  it('an empty measurement gives a defined band that never vouches', () => {
    const b = bandFrom([], [], []);
    expect(b.vouches).toBe(false);
    expect(Number.isFinite(b.lo) && Number.isFinite(b.hi) && b.lo < b.hi).toBe(true);
  });

  it('describes itself in one line', () => {
    const line = describeBand(bandFrom(spread(200, 0.82, 0.95), spread(65, 0.7, 0.78), []));
    expect(line).toMatch(/^lo 0\.\d{3} hi 0\.885 weight 0\.500, may answer alone \(clear separation/);
    expect(line).not.toContain('\n');
  });
});

describe('questions', () => {
  const sentence = 'Năm 2020, Đảng bộ cơ quan chính quyền TP Huế đã giới thiệu kết nạp được 07 đảng viên, đạt chỉ tiêu đề ra.';

  it('a pseudo-question is a middle span of 6 to 12 words of a sentence of 8 to 60 words', () => {
    const q = pseudoQuestion(sentence)!;
    const words = q.split(' ');
    expect(words.length).toBeGreaterThanOrEqual(6);
    expect(words.length).toBeLessThanOrEqual(12);
    expect(sentence).toContain(q);
    expect(sentence.startsWith(q)).toBe(false);
    expect(q).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$/u);
    expect(pseudoQuestion(sentence)).toBe(q); // deterministic
    expect(pseudoQuestion('Hội nghị tổng kết năm 2020.')).toBeNull();
    expect(pseudoQuestion(`${'rất '.repeat(70)}dài.`)).toBeNull();
  });

  it('samples passages in a fixed order, several questions per passage for a small corpus, at most `max`', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(sampleOrder(ids)).toEqual(sampleOrder(ids));
    expect([...sampleOrder(ids)].sort()).toEqual([0, 1, 2, 3]);
    const texts = ids.map((id) => Array.from({ length: 5 }, (_, k) => `Câu số ${k} của đoạn ${id} nói về hội nghị tổng kết công tác xây dựng Đảng năm nay.`).join(' '));
    const all = pseudoQuestions(ids, (i) => texts[i]!);
    expect(all).toHaveLength(20);
    expect(pseudoQuestions(ids, (i) => texts[i]!, 6)).toEqual(all.slice(0, 6));
    // The first round takes one question from each passage.
    expect(new Set(all.slice(0, 4).map((q) => q.match(/đoạn (\w)/)?.[1] ?? q)).size).toBeGreaterThanOrEqual(3);
  });

  it('swaps a province for one the corpus does not name, else a capitalised name, else gives up', () => {
    const s = swapEntity('Đảng bộ thành phố Hải Phòng có bao nhiêu đảng viên', (n) => n === 'Huế')!;
    expect(s).not.toContain('Hải Phòng');
    expect(s).toMatch(/^Đảng bộ thành phố .+ có bao nhiêu đảng viên$/);
    const place = s.slice('Đảng bộ thành phố '.length, -' có bao nhiêu đảng viên'.length);
    expect(PLACE_NAMES).toContain(place);
    expect(place).not.toBe('Huế');
    expect(swapEntity('kết nạp đồng chí Phan Thiên Định vào Ban Thường vụ', () => false)).not.toContain('Phan Thiên Định');
    expect(swapEntity('hội nghị tổng kết công tác năm', () => false)).toBeNull();
    // "Vinh" is a city, but not inside "vinh danh".
    expect(swapEntity('lễ vinh danh các chi bộ', () => false)).toBeNull();
  });

  it('bundles at least 60 off-topic questions, some without diacritics', () => {
    expect(new Set(OFF_TOPIC_QUESTIONS).size).toBeGreaterThanOrEqual(60);
    expect(OFF_TOPIC_QUESTIONS.filter((q) => fold(q) === q.toLowerCase()).length).toBeGreaterThanOrEqual(6);
  });
});

describe('measureBand', () => {
  it('embeds answerable, off-topic and swapped questions and looks each one up', async () => {
    const texts = Array.from({ length: 60 }, (_, i) => `Sáng nay, Đảng bộ tỉnh Nghệ An tổ chức hội nghị lần thứ ${i} với nhiều đảng viên tham dự đông đủ. Hội nghị biểu dương ${i} tập thể có thành tích xuất sắc trong năm.`);
    const asked: string[] = [];
    // A fake model: a question "is" its text; the fake index knows the corpus's words.
    const corpusWords = new Set(texts.join(' ').toLowerCase().split(/\s+/));
    const embedder = { embedQuery: async (q: string) => (asked.push(q), Float32Array.from([asked.length - 1])) };
    const top1 = (v: Float32Array) => {
      const words = asked[v[0]!]!.toLowerCase().split(/\s+/);
      return words.filter((w) => corpusWords.has(w)).length / words.length;
    };
    const b = await measureBand(embedder, { ids: texts.map((_, i) => `c${i}`), textOf: (i) => texts[i]!, top1 });
    expect(b.positives.count).toBe(120);
    expect(b.offTopic.count).toBe(OFF_TOPIC_QUESTIONS.length);
    expect(b.swapped.count).toBeGreaterThan(0);
    expect(asked).toHaveLength(b.positives.count + b.offTopic.count + b.swapped.count);
    expect(asked).toContain(OFF_TOPIC_QUESTIONS[0]);
    expect(b.positives.q50).toBe(1);
    expect(b.lo).toBeLessThan(b.hi);
  });
});

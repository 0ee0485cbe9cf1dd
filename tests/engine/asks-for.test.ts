/**
 * What a question asks for, on the seeds. "Vì sao": a paragraph that goes from the event to what followed
 * it ("… kinh tế TPHCM suy giảm trầm trọng … Vì vậy, …") with no reason anywhere tells what followed, not
 * why: no confident answer. "Phó Chủ tịch … là ai": the deputy, not the holder named beside the word "Phó".
 */
import { describe, expect, it } from 'vitest';
import { useSeedEngine } from '../helpers/index-fixture.js';

const seedEngine = useSeedEngine();

describe('a why question', () => {
  it('is not answered by a paragraph that only states the event and its consequences', async () => {
    const a = await seedEngine().ask('Vì sao kinh tế TPHCM suy giảm?');
    expect(a.answered).toBe(false);
    // Still shown as a passage that may be related: the report says what happened.
    expect(a.confidence).toBe('low');
    expect(a.results[0]!.quote).toContain('kinh tế TPHCM suy giảm');
  });

  it('is answered where the paragraph gives a reason', async () => {
    const a = await seedEngine().ask('Vì sao Đông Hà vẫn đạt nhiều kết quả tích cực?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.article.id).toBe('001_118586bd13fbd541');
  });
});

describe('a question asking who a deputy is', () => {
  it('is not answered by the holder of the office ("Phó Bí thư Thành ủy, Chủ tịch HĐND TPHCM" is no deputy chair)', async () => {
    for (const q of ['pho chu tich hdnd tphcm la ai', 'Phó Chủ tịch HĐND TPHCM là ai?']) {
      const a = await seedEngine().ask(q);
      expect(a.answered, q).toBe(false);
    }
  });

  it('is answered where the report names the deputy', async () => {
    const a = await seedEngine().ask('Phó Chủ tịch HĐND tỉnh là ai?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('Cao Thị Hiền');
  });
});

/**
 * Another place's figures must never come back as a confident answer (review5's critical findings), over
 * reports of a few provinces written for this test: a longer place holding the asked one ("Trà Vinh"), a
 * person's name holding it ("Trần Hà Nam"), a one-syllable place before a verb ("Vinh kết nạp"), and a
 * province named in passing beside another's count.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { TEN_PROVINCES } from '../helpers/ten-provinces.js';


const engine = useCorpusEngine(TEN_PROVINCES);

describe('critical: no other person\'s words, no other province\'s figure', () => {
  it('the city Vinh is not stated by the province Trà Vinh, nor by Nguyễn Văn Vinh', async () => {
    // Before: high, "Đảng bộ tỉnh Trà Vinh có 41.700 đảng viên" (a capitalised "Vinh" is in "Trà Vinh"),
    // or Nghệ An's count in the paragraph naming "Nguyễn Văn Vinh".
    for (const q of ['Thành phố Vinh có bao nhiêu đảng viên?', 'Thành ủy Vinh có bao nhiêu đảng viên?', 'Vinh có bao nhiêu đảng viên?', 'vinh có bao nhiêu đảng viên']) {
      const a = await engine().ask(q);
      expect(a.results.every((r) => !r.quote.includes('41.700') && !r.quote.includes('238.500')), q).toBe(true);
      expect(a.answered, q).toBe(false);
      expect(a.missing, q).toEqual(['Vinh']);
    }
  });

  it('the places a name or a longer place holds are still stated where written whole', async () => {
    for (const [q, count] of [['Trà Vinh có bao nhiêu đảng viên?', '41.700'], ['Nghệ An có bao nhiêu đảng viên?', '238.500'], ['Ninh Bình có bao nhiêu đảng viên?', '89.300']] as const) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain(count);
    }
  });

  it('a person\'s name holding a place ("Trần Hà Nam") does not state the place Hà Nam', async () => {
    // Before: high, "Đảng bộ tỉnh Ninh Bình có 89.300 đảng viên".
    for (const q of ['Hà Nam có bao nhiêu đảng viên?', 'ha nam co bao nhieu dang vien', 'How many party members does Ha Nam have?']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.missing, q).toEqual(['Hà Nam']);
    }
  });

  it('a one-syllable place before a verb ("Vinh kết nạp …") is still the place asked about', async () => {
    // Before: high, "Đảng bộ tỉnh Quảng Bình kết nạp 2.310 đảng viên mới" (lonePlaces read the place only
    // before a function word or at the end).
    for (const q of ['Vinh kết nạp bao nhiêu đảng viên mới?', 'vinh kết nạp bao nhiêu đảng viên mới?']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.missing, q).toEqual(['Vinh']);
      expect(a.results.every((r) => !r.quote.includes('2.310')), q).toBe(true);
    }
  });

  it('a province named in passing ("đoàn công tác của tỉnh Hưng Yên đến dự") is not the subject of the count beside it', async () => {
    // Before: high, "Đảng bộ tỉnh Thái Bình có 108.000 đảng viên".
    const a = await engine().ask('Hưng Yên có bao nhiêu đảng viên?');
    expect(a.answered).toBe(false);
    // The count's own province still answers with it.
    const own = await engine().ask('Thái Bình có bao nhiêu đảng viên?');
    expect(own.answered).toBe(true);
    expect(own.results[0]!.quote).toContain('108.000');
  });
});

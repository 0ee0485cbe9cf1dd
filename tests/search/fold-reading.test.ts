/** A question typed without marks read against each passage (src/search/fold-reading.ts), on reports invented here. */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { coverage, coverageModel } from '../../src/search/confidence.js';
import { foldReading, readPassage } from '../../src/search/fold-reading.js';
import { keywordPass } from '../../src/search/keyword.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { tokenize } from '../../src/text/tokens.js';
import { useCorpus } from '../helpers/index-fixture.js';

/**
 * The reports write "người mơ" (dreamers) often and the surgery's report writes "mổ" (operate) only
 * apart from "người": read against the whole corpus, "nguoi mo" is restored as "người mơ".
 */
const REPORTS: Record<string, string> = {
  'ca-mo.md': [
    '---',
    'title: Bệnh viện tỉnh cứu sống bệnh nhân bị khối u lớn',
    'date: 2025-05-10',
    '---',
    'Bệnh viện Đa khoa tỉnh vừa cứu sống anh Giàng A Páo, 34 tuổi, bị khối u vùng cổ nặng 3 kg.',
    '',
    'Ê-kíp 12 bác sĩ thay nhau mổ suốt 9 giờ để cắt bỏ khối u cho anh Páo. Bệnh nhân đã tỉnh lại.',
  ].join('\n'),
  'uoc-mo.md': [
    '---',
    'title: Thanh niên vùng cao khởi nghiệp',
    'date: 2025-06-01',
    '---',
    'Nhiều người mơ làm giàu trên quê hương. Những người mơ ước mở trang trại được xã hỗ trợ vốn.',
    '',
    'Người mơ về một nông trại xanh như anh Lò Văn Sáng đã thành công sau ba năm.',
  ].join('\n'),
  'uoc-mo-2.md': [
    '---',
    'title: Người mơ làm giàu từ cây quế',
    'date: 2025-06-15',
    '---',
    'Ở xã Nậm Xé, người mơ làm giàu từ cây quế ngày càng đông. Người mơ có vốn thì trồng thêm đồi quế mới.',
    '',
    'Những người mơ ước đổi đời được huyện tập huấn kỹ thuật trồng quế.',
  ].join('\n'),
  'mo-hinh.md': [
    '---',
    'title: Huyện Bảo Lâm nhân rộng mô hình trồng chè',
    'date: 2025-04-02',
    '---',
    'Huyện Bảo Lâm nhân rộng mô hình trồng chè sạch ở ba xã vùng cao. Mô hình mới cho thu nhập cao hơn trồng ngô.',
    '',
    'Ông Lý Văn Tráng mô tả mô hình chè sạch là hướng đi bền vững; mô hình được tỉnh khen thưởng.',
  ].join('\n'),
};

const corpus = useCorpus(REPORTS);

describe('an unaccented question read against the passage', () => {
  it('is answered by the passage that writes its syllable with other marks than the corpus-wide restoration', async () => {
    const a = await corpus.engine().ask('Co bao nhieu nguoi mo cho anh Pao?');
    // The restoration alone reads "mơ": the passage's "mổ" is what it asks about.
    expect(a.interpreted).toContain('người mơ');
    expect(a.answered).toBe(true);
    // Read as the corpus reads it, the report's first paragraph (a number beside "anh Páo") came first.
    expect(a.results[0]!.text).toContain('12 bác sĩ thay nhau mổ');
  });

  it('still refuses what no report tells, typed without marks', async () => {
    const a = await corpus.engine().ask('Co bao nhieu nguoi mo quan an o Ha Giang?');
    expect(a.answered).toBe(false);
  });

  it('weighs a term as the passage writes it: a function word nothing, a pair it does not write as its syllables make it, a syllable with other marks in part', () => {
    const index = corpus.index();
    const q = analyzeQuery('nguoi mo co anh Pao', lexiconOf(index));
    const model = coverageModel(index, q, keywordPass(index, q, 50));
    const reading = foldReading(model.terms, q.typedUnaccented, 31);
    expect(reading).not.toBeNull();
    const read = readPassage(reading!, model.terms, model.idfs, [tokenize('Người bệnh có được mổ ngay.')], model.formIdf);
    const at = (term: string) => model.terms.findIndex((t) => t.term === term);
    // "người mơ" as the corpus reads it; the passage writes "người" and "mổ", never "người mổ": unseen there.
    const pair = at('người_mơ');
    expect(pair).toBeGreaterThanOrEqual(0);
    expect(read.weights[pair]).toBeCloseTo(model.formIdf('người_mổ') * (model.terms[pair]!.weight / model.idfs[pair]!), 5);
    expect(read.weights[pair]).not.toBeCloseTo(model.terms[pair]!.weight, 3);
    expect(read.held[0]! & (1 << pair)).toBe(0);
    // "mổ" is the question's "mơ" with other marks: held for a share, weighing no more than "mơ".
    const mo = at('mơ');
    expect(read.held[0]! & (1 << mo)).toBe(0);
    expect(read.part[0]! & (1 << mo)).not.toBe(0);
    expect(read.weights[mo]).toBeLessThanOrEqual(model.terms[mo]!.weight);
    // "co", which the corpus writes "cổ", is the function word "có" here: as if typed with marks.
    const co = at('co');
    expect(co).toBeGreaterThanOrEqual(0);
    expect(model.terms[co]!.weight).toBeGreaterThan(0);
    expect(read.weights[co]).toBe(0);
  });

  it("holds a restored syllable where the passage writes it with other marks, for a share: the surgery's passage covers more of the question", () => {
    const index = corpus.index();
    const q = analyzeQuery('Co bao nhieu nguoi mo cho anh Pao?', lexiconOf(index));
    const pass = keywordPass(index, q, 50);
    const model = coverageModel(index, q, pass);
    const text = REPORTS['ca-mo.md']!.split('\n').at(-1)!;
    const chunk = index.chunks.findIndex((c) => c.text === text);
    expect(chunk).toBeGreaterThanOrEqual(0);
    const read = coverage(q, pass, model, text, index.chunkArticle[chunk]!).paragraph;
    const asRestored = coverage(q, pass, { ...model, folds: null }, text, index.chunkArticle[chunk]!).paragraph;
    // Read as restored ("mơ"), 0.38: under the answer threshold.
    expect(read).toBeGreaterThan(asRestored);
    expect(read).toBeGreaterThan(0.45);
  });

  it('matches the question\'s word sequences folded: "mổ cho anh Páo" repeats the question as much as "mơ cho anh Páo"', () => {
    const index = corpus.index();
    const q = analyzeQuery('Co bao nhieu nguoi mo cho anh Pao?', lexiconOf(index));
    expect(q.text).toContain('mơ cho anh Páo');
    const pass = keywordPass(index, q, 50);
    const model = coverageModel(index, q, pass);
    const bigrams = (text: string) => coverage(q, pass, model, text, 0).bigramShare;
    expect(bigrams('Bác sĩ mổ cho anh Páo.')).toBeGreaterThan(0);
    expect(bigrams('Bác sĩ mổ cho anh Páo.')).toBe(bigrams('Bác sĩ mơ cho anh Páo.'));
  });
});

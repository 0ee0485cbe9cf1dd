/**
 * A foreign word alone in a question ("Sakthivel", "Sierra") names what it is about: passages whose
 * article states it answer first, and a passage that only matches the question's other words
 * ("chữa trị ở đâu") is never given as the answer when one about the name exists.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { checkConstraints, findConstraints } from '../../src/search/entities.js';
import { lexiconOf } from '../../src/search/lexicon.js';
import { useCorpus } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  'u-nang.txt': [
    'Bác sĩ Ấn Độ cắt khối u nặng 5 kg trên đầu bệnh nhân',
    'Ngày 10 tháng 6 năm 2019.',
    '',
    'Khối u nặng 5 kg, tương đương một quả dưa, được ghi nhận là khối u trên đầu lớn nhất thế giới.',
    '',
    'Hai năm gần đây khối u phát triển cản trở vận động cổ của Sakthivel. Do mặc cảm, anh tự khép kín. Giữa tháng 5, Sakthivel đến Bệnh viện Rajaji khám và được chẩn đoán ung thư.',
    '',
    'Sakthivel phục hồi khá tốt sau ca mổ và sẽ sớm xuất viện.',
  ].join('\n'),
  'ran-can.txt': [
    'Người đàn ông bị rắn lục cắn được cứu sống',
    'Ngày 2 tháng 7 năm 2019.',
    '',
    'Bệnh nhân được chẩn đoán tại bệnh viện tỉnh, được chữa trị kịp thời nên giữ được chân. Bác sĩ bệnh viện cho biết anh được chẩn đoán bị rắn lục cắn.',
    '',
    'Các bác sĩ khuyến cáo người bị rắn cắn cần giữ bình tĩnh và đến cơ sở y tế gần nhất.',
    '',
    'Trong đại dịch Covid, bệnh viện tỉnh vẫn tiếp nhận 120 ca rắn cắn mỗi năm.',
  ].join('\n'),
  'nobel.txt': [
    'Nhà khoa học nhận giải Nobel y học',
    'Ngày 7 tháng 10 năm 2019.',
    '',
    'Giải Nobel y học năm nay được trao cho ba nhà khoa học nghiên cứu cách tế bào cảm nhận oxy.',
    '',
    'Lễ trao giải từng bị hoãn vì dịch Covid.',
  ].join('\n'),
};

const corpus = useCorpus(ARTICLES);

const foreign = (q: string) => findConstraints(analyzeQuery(q, lexiconOf(corpus.index()))).filter((c) => c.soft).map((c) => c.label);

describe('a foreign name alone in a question', () => {
  it('is read as a name when the reports write it, even as the first word', () => {
    expect(foreign('Sakthivel chữa trị ở đâu?')).toEqual(['Sakthivel']);
    expect(foreign('Bác sĩ nói gì về Sakthivel?')).toEqual(['Sakthivel']);
  });

  it('is no name when the reports never write it (another spelling, a slip), nor a Vietnamese word typed without marks', () => {
    expect(foreign('Chennai có bệnh viện nào?')).toEqual([]);
    expect(foreign('Dieu gi khien cho Sakthivel bat ngo?')).toEqual(['Sakthivel']);
    expect(foreign('Nguoi dan nen lam gi?')).toEqual([]);
  });

  it('puts the passages about it first and never answers with one that only shares the other words', async () => {
    const a = await corpus.engine().ask('Sakthivel được chẩn đoán tại bệnh viện nào?');
    expect(a.confidence).not.toBe('none');
    for (const r of a.results) expect(r.article.id).toBe('u-nang');
    expect(a.results[0]!.text).toContain('Sakthivel');
  });

  it('is no name when many reports state it: a concept of theirs ("Covid"), which answers need not state', async () => {
    const q = analyzeQuery('Sau Covid, bệnh viện tỉnh tiếp nhận bao nhiêu ca rắn cắn mỗi năm?', lexiconOf(corpus.index()));
    expect(checkConstraints(corpus.index(), findConstraints(q)).named).toBeNull();
    expect(checkConstraints(corpus.index(), findConstraints(analyzeQuery('Sakthivel chữa trị ở đâu?', lexiconOf(corpus.index())))).named).not.toBeNull();
    const a = await corpus.engine().ask('Trước Covid, bác sĩ chẩn đoán anh bị gì?');
    expect(a.results.some((r) => r.article.id === 'ran-can')).toBe(true);
  });

  it('does not refuse a passage whose article uses the word as a concept of another subject', async () => {
    // "Nobel" is stated by one report; a question about it is answered from that report, not refused.
    const a = await corpus.engine().ask('Giải Nobel y học năm nay được trao cho ai?');
    expect(a.confidence).not.toBe('none');
    expect(a.results[0]!.article.id).toBe('nobel');
  });
});

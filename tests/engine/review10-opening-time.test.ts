/**
 * review10: a capitalised time opening the question ("Hôm Qua ai chủ trì …?") is no name: read as one, the
 * question was refused with "Các báo cáo hiện có không nhắc đến Hôm Qua". Report invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { findConstraints } from '../../src/search/entities.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const KY_ANH = [
  '---',
  'title: Đảng bộ huyện Kỳ Anh tổng kết công tác xây dựng Đảng năm 2024',
  'date: 2024-12-18',
  '---',
  'Chiều 18/12/2024, Ban Chấp hành Đảng bộ huyện Kỳ Anh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.',
  '',
  'Đồng chí Trần Văn Hải, Bí thư Huyện ủy chủ trì hội nghị.',
].join('\n');

const engine = useCorpusEngine({ 'ky-anh.txt': KY_ANH });
const labels = (q: string) => findConstraints(analyzeQuery(q)).map((c) => `${c.kind}:${c.label}`);

describe('a time opening the question, typed capitalised', () => {
  it('is no name', () => {
    expect(labels('Hôm Qua ai chủ trì hội nghị ở Kỳ Anh?')).toEqual(['place:Kỳ Anh']);
    expect(labels('Chiều Qua ai chủ trì hội nghị tổng kết ở Kỳ Anh?')).toEqual(['place:Kỳ Anh']);
    // A district opening the question is still one (place9).
    expect(labels('Đồng Văn kết nạp bao nhiêu đảng viên năm 2024?')).toEqual(['name:Đồng Văn', 'year:2024']);
  });

  it('does not refuse a question the report answers', async () => {
    const a = await chatAnswer(engine(), ['Hôm Qua ai chủ trì hội nghị ở Kỳ Anh?']);
    expect(a.missing).toEqual([]);
    expect(a.confidence).toBe('high');
    expect(a.results[0]!.quote).toContain('Trần Văn Hải');
  });
});

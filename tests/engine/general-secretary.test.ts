/**
 * "Tổng Bí thư" is another office than a "Bí thư" (review7): "Tổng Bí thư là ai?" was answered with
 * confidence by the provincial secretaries a report lists, and the other way round a report naming the
 * General Secretary must not answer who a province's "Bí thư" is.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine, useSeedEngine } from '../helpers/index-fixture.js';

const REPORTS: Readonly<Record<string, string>> = {
  'thanh-hoa.txt': [
    '---',
    'title: Hội nghị Ban Chấp hành Đảng bộ tỉnh Thanh Hóa lần thứ 12',
    'date: 2024-06-20',
    '---',
    'Sáng 20/6/2024, Ban Chấp hành Đảng bộ tỉnh Thanh Hóa tổ chức Hội nghị lần thứ 12.',
    '',
    'Đồng chí Đỗ Trọng Hưng, Bí thư Tỉnh ủy Thanh Hóa chủ trì hội nghị.',
  ].join('\n'),
  'trung-uong.txt': [
    '---',
    'title: Tổng Bí thư làm việc với Ban Thường vụ Tỉnh ủy Ninh Thuận',
    'date: 2024-09-05',
    '---',
    'Ngày 5/9/2024, đoàn công tác Trung ương do Tổng Bí thư Nguyễn Văn Khải dẫn đầu đã làm việc với Ban Thường vụ Tỉnh ủy Ninh Thuận.',
    '',
    'Tham dự buổi làm việc có đồng chí Lê Văn Bình, Phó Bí thư Tỉnh ủy Ninh Thuận.',
  ].join('\n'),
};

describe('"Tổng Bí thư" and "Bí thư"', () => {
  const engine = useCorpusEngine(REPORTS);
  const seeds = useSeedEngine();

  it('"Tổng Bí thư là ai?" is answered by the passage naming the General Secretary, with or without marks', async () => {
    for (const q of ['Tổng Bí thư là ai?', 'tong bi thu la ai']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('Nguyễn Văn Khải');
    }
  });

  it('the seed reports name provincial secretaries only: "Tổng Bí thư là ai?" is not answered by them', async () => {
    for (const q of ['Tổng Bí thư là ai?', 'tong bi thu la ai']) expect((await seeds().ask(q)).answered, q).toBe(false);
  });

  it('nor is a province\'s secretary answered by the General Secretary or a deputy', async () => {
    expect((await engine().ask('Bí thư Tỉnh ủy Ninh Thuận là ai?')).answered).toBe(false);
  });
});

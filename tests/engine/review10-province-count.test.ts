/**
 * review10: a count whose own clause names another province after "tỉnh" is that province's, even in a
 * report whose title names the province asked ("Đoàn công tác tỉnh Quảng Bình đến dự hội nghị. Đảng bộ tỉnh
 * Nghệ An có 5.400 đảng viên." was a confident answer to "Quảng Bình có bao nhiêu đảng viên?").
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const engine = useCorpusEngine({
  'ha-tinh.txt': ['---', 'title: Tỉnh ủy Hà Tĩnh tổng kết năm 2024', 'date: 2024-12-18', '---', 'Chiều 18/12/2024, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác năm 2024.', '', 'Đảng bộ tỉnh Hà Tĩnh có 62.000 đảng viên, sinh hoạt tại 1.200 chi bộ.'].join('\n'),
  'quang-binh.txt': [
    '---',
    'title: Quảng Bình dự hội nghị giao ban các tỉnh Bắc Trung Bộ',
    'date: 2024-12-19',
    '---',
    'Chiều 19/12/2024, đoàn công tác tỉnh Quảng Bình dự hội nghị giao ban các tỉnh Bắc Trung Bộ tổ chức ở Vinh.',
    '',
    'Đoàn công tác tỉnh Quảng Bình đến dự hội nghị. Đảng bộ tỉnh Nghệ An có 5.400 đảng viên.',
  ].join('\n'),
});

describe('a count its own clause gives to another province', () => {
  it('does not answer the province the report is about', async () => {
    const a = await engine().ask('Quảng Bình có bao nhiêu đảng viên?');
    expect(a.answered).toBe(false);
    expect(a.confidence).not.toBe('high');
  });

  it('still answers the province it names', async () => {
    const na = await engine().ask('Nghệ An có bao nhiêu đảng viên?');
    expect(na.answered).toBe(true);
    expect(na.results[0]!.quote).toContain('5.400 đảng viên');
    expect((await engine().ask('Hà Tĩnh có bao nhiêu đảng viên?')).results[0]!.quote).toContain('62.000');
  });
});

/**
 * merger10: a province asked that no report states, over reports on places inside it (a report on Đông
 * Hà, Quảng Trị's provincial city; one on Bình Định, part of Gia Lai since July 2025), written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { renderAnswerHtml, renderAnswerPlain } from '../../src/present/render.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const DONG_HA = [
  '---',
  'title: Thành ủy Đông Hà tổng kết công tác xây dựng Đảng năm 2020',
  'date: 2021-01-10',
  '---',
  'Sáng 10/1/2021, Ban Chấp hành Đảng bộ thành phố Đông Hà tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2020.',
  '',
  'Năm 2020, Đảng bộ thành phố Đông Hà có 6.120 đảng viên, sinh hoạt tại 58 tổ chức cơ sở đảng.',
].join('\n');

const BINH_DINH = [
  '---',
  'title: Tỉnh ủy Bình Định tổng kết công tác năm 2024',
  'date: 2024-12-25',
  '---',
  'Chiều 25/12/2024, Ban Chấp hành Đảng bộ tỉnh Bình Định tổ chức hội nghị tổng kết công tác năm 2024.',
  '',
  'Toàn Đảng bộ tỉnh Bình Định hiện có 78.500 đảng viên, sinh hoạt tại 1.020 tổ chức cơ sở đảng.',
].join('\n');

/** Another province's report naming Đông Hà once, in passing: no report on Đông Hà. */
const NGHE_AN = [
  '---',
  'title: Tỉnh ủy Nghệ An tiếp đoàn công tác',
  'date: 2021-03-02',
  '---',
  'Sáng 2/3/2021, Ban Thường vụ Tỉnh ủy Nghệ An tiếp đoàn công tác và trao đổi kinh nghiệm công tác xây dựng Đảng.',
  '',
  'Tại buổi làm việc, đoàn chia sẻ cách phát triển đảng viên ở thành phố Đông Hà và các địa phương bạn.',
].join('\n');

const engine = useCorpusEngine({ 'dong-ha-2021.txt': DONG_HA, 'binh-dinh-2024.txt': BINH_DINH, 'nghe-an-2021.txt': NGHE_AN });

describe('a province no report states, with a report on its city', () => {
  it('is not answered with the city\'s figures, and the city\'s report is named first for what it is', async () => {
    const a = await engine().ask('Quảng Trị có bao nhiêu đảng viên?');
    expect(a.answered).toBe(false);
    expect(a.missing).toEqual(['Quảng Trị']);
    expect(a.results.some((r) => r.quote.includes('6.120'))).toBe(false);
    expect(a.within).toHaveLength(1);
    expect(a.within![0]).toMatchObject({ asked: 'Quảng Trị', place: 'Đông Hà', via: null, merged: false });
    // The report naming Đông Hà in passing is among the closest articles, not one on Đông Hà.
    expect(a.within![0]!.articles.map((x) => x.title)).toEqual(['Thành ủy Đông Hà tổng kết công tác xây dựng Đảng năm 2020']);
    expect(a.suggestions.map((x) => x.title)).toContain('Tỉnh ủy Nghệ An tiếp đoàn công tác');
    expect(a.suggestions[0]!.title).toContain('Đông Hà');
    const shown = renderAnswerPlain(a, 'vi');
    expect(shown).toContain('Các báo cáo hiện có không nhắc đến Quảng Trị.');
    expect(shown).toMatch(/Có báo cáo về Đông Hà \(thuộc Quảng Trị\):\n {2}• Thành ủy Đông Hà tổng kết/u);
    // Named once: not again among the closest articles.
    expect(shown.split('Thành ủy Đông Hà tổng kết')).toHaveLength(2);
    const html = renderAnswerHtml(a, 'vi').join('\n');
    expect(html).toContain('Có báo cáo về Đông Hà (thuộc Quảng Trị):');
  });

  it('says so in English to an English-speaking user, the place typed with marks or without', async () => {
    for (const q of ['How many party members does Quảng Trị have?', 'How many party members does Quang Tri have?', 'quang tri co bao nhieu dang vien']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(false);
      expect(renderAnswerPlain(a, 'en'), q).toContain('Reports on Đông Hà (in Quảng Trị):');
    }
  });
});

describe('a province asked by its name since the 2025 merger', () => {
  it('is not answered from a former province\'s report, which is named as part of it since July 2025', async () => {
    const a = await engine().ask('Gia Lai có bao nhiêu đảng viên?');
    expect(a.answered).toBe(false);
    expect(a.results.some((r) => r.quote.includes('78.500'))).toBe(false);
    expect(a.within?.[0]).toMatchObject({ asked: 'Gia Lai', place: 'Bình Định', via: null, merged: true });
    expect(renderAnswerPlain(a, 'vi')).toContain('Có báo cáo về Bình Định (từ 7/2025 thuộc tỉnh Gia Lai):');
    expect(renderAnswerPlain(a, 'en')).toContain('Reports on Bình Định (part of Gia Lai province since July 2025):');
  });

  it('answers a question about the former province from its own report', async () => {
    const a = await engine().ask('Bình Định có bao nhiêu đảng viên?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('78.500');
    expect(a.within).toBeUndefined();
  });

  it('names nothing inside a place that holds none of the reports\' places', async () => {
    const a = await engine().ask('Cao Bằng có bao nhiêu đảng viên?');
    expect(a.answered).toBe(false);
    expect(a.within).toBeUndefined();
    expect(renderAnswerPlain(a, 'vi')).not.toContain('Có báo cáo về');
  });
});

describe('the seeds: Quảng Trị, asked over the report on Đông Hà', () => {
  it('names the Đông Hà report as one on a city of Quảng Trị', async () => {
    const { makeTestEngine } = await import('../helpers/test-engine.js');
    const seeds = await makeTestEngine();
    try {
      const a = await seeds.ask('Quảng Trị có bao nhiêu đảng viên?');
      expect(a.answered).toBe(false);
      expect(a.missing).toEqual(['Quảng Trị']);
      expect(a.within?.map((w) => w.place)).toEqual(['Đông Hà']);
      expect(renderAnswerPlain(a, 'vi')).toContain('Có báo cáo về Đông Hà (thuộc Quảng Trị):');
      // Through the conversation too (what the bot replies with).
      const { converse } = await import('../../src/engine/chat.js');
      const chatted = (await converse(seeds, 'Quảng Trị có bao nhiêu đảng viên?', null)).answer;
      expect(renderAnswerHtml(chatted, 'vi').join('\n')).toContain('Có báo cáo về Đông Hà (thuộc Quảng Trị):');
    } finally {
      await seeds.close();
    }
  });
});

describe('a report since the merger giving a former province\'s figure', () => {
  const GIA_LAI_2025 = [
    '---',
    'title: Tỉnh Gia Lai sau hợp nhất bước vào nhiệm kỳ mới',
    'date: 2025-08-20',
    '---',
    'Sáng 20/8/2025, tỉnh Gia Lai tổ chức hội nghị sơ kết công tác xây dựng Đảng sau khi hợp nhất với tỉnh Bình Định.',
    '',
    'Trước khi hợp nhất, Đảng bộ tỉnh Bình Định có 78.500 đảng viên, sinh hoạt tại 1.020 tổ chức cơ sở đảng.',
    '',
    'Hội nghị thống nhất các nhiệm vụ trọng tâm của tỉnh Gia Lai trong những tháng cuối năm 2025.',
  ].join('\n');
  const merged = useCorpusEngine({ 'gia-lai-2025.txt': GIA_LAI_2025 });

  it('does not give the former province\'s count as the new province\'s with confidence', async () => {
    const a = await merged().ask('Gia Lai có bao nhiêu đảng viên?');
    expect(a.answered).toBe(false);
    expect(a.confidence).toBe('low');
    expect(a.results[0]!.quote).toContain('78.500');
    expect(a.notices).toContainEqual({ kind: 'narrower-body', place: 'Gia Lai', body: 'Đảng bộ tỉnh Bình Định', merged: true });
    expect(renderAnswerPlain(a, 'vi')).toContain('Lưu ý: số liệu dưới đây là của Đảng bộ tỉnh Bình Định (từ 7/2025 thuộc tỉnh Gia Lai), không phải của toàn tỉnh Gia Lai.');
    expect(renderAnswerPlain(a, 'en')).toContain('Note: the figure below is for Đảng bộ tỉnh Bình Định (part of Gia Lai since July 2025), not for Gia Lai as a whole.');
    // Asked of the former province, the figure is its own.
    const own = await merged().ask('Bình Định có bao nhiêu đảng viên?');
    expect(own.answered).toBe(true);
    expect(own.results[0]!.quote).toContain('78.500');
  });
});

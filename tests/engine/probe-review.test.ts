/**
 * Review of probe5 (review5): questions a newsroom's users type, over reports of a few provinces written
 * for this test. Each case is one finding of the review and failed before its fix.
 * Critical: another person's statement or another province's figure given as the answer. High: a plain
 * question refused, or a right answer demoted to "may be related".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse } from '../../src/engine/chat.js';
import { openEngine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { tempIndex, type TempIndex } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  'ninh-binh.txt': [
    'Ninh Bình sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2024',
    'Ngày 10 tháng 7 năm 2024.',
    '',
    'Chiều 9/7, Ban Thường vụ Tỉnh ủy Ninh Bình tổ chức hội nghị sơ kết công tác xây dựng Đảng. Đồng chí Trần Hà Nam, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy trình bày báo cáo.',
    '',
    'Theo báo cáo, Đảng bộ tỉnh Ninh Bình có 89.300 đảng viên, sinh hoạt tại 2.045 chi bộ.',
  ].join('\n'),
  'nghe-an.txt': [
    'Tỉnh ủy Nghệ An tổng kết công tác năm 2023',
    'Ngày 20 tháng 12 năm 2023.',
    '',
    'Sáng 20/12, Tỉnh ủy Nghệ An tổ chức hội nghị tổng kết công tác năm 2023. Phát biểu tại hội nghị, đồng chí Nguyễn Văn Vinh, Phó Bí thư Tỉnh ủy cho biết Đảng bộ tỉnh có 238.500 đảng viên.',
  ].join('\n'),
  'thai-binh.txt': [
    'Thái Bình triển khai nhiệm vụ năm 2024',
    'Ngày 6 tháng 1 năm 2024.',
    '',
    'Tại hội nghị, đoàn công tác của tỉnh Hưng Yên đến dự và chia sẻ kinh nghiệm. Đảng bộ tỉnh Thái Bình có 108.000 đảng viên.',
  ].join('\n'),
  'ha-tinh.txt': [
    'Hà Tĩnh tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20',
    'Ngày 17 tháng 10 năm 2024.',
    '',
    'Sáng 16/10/2024, Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh tổ chức hội nghị lần thứ 20 để cho ý kiến vào dự thảo văn kiện đại hội. Đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy chủ trì hội nghị.',
    '',
    'Đảng bộ tỉnh Hà Tĩnh hiện có 97.500 đảng viên.',
  ].join('\n'),
  'lao-cai.txt': [
    'Lào Cai phát triển du lịch gắn với xây dựng Đảng',
    'Ngày 3 tháng 3 năm 2024.',
    '',
    'Ngày 2/3, Tỉnh ủy Lào Cai tổ chức hội nghị chuyên đề về phát triển du lịch. Bí thư Tỉnh ủy Lào Cai Đặng Xuân Phong chủ trì hội nghị.',
    '',
    'Năm 2023, tỉnh Lào Cai đón 7.200.000 lượt khách du lịch. Đảng bộ tỉnh Lào Cai có 62.800 đảng viên.',
  ].join('\n'),
  'quang-binh.txt': [
    'Quảng Bình tổng kết công tác xây dựng Đảng năm 2023',
    'Ngày 22 tháng 12 năm 2023.',
    '',
    'Năm 2023, Đảng bộ tỉnh Quảng Bình kết nạp 2.310 đảng viên mới.',
  ].join('\n'),
  'quang-ninh.txt': [
    'Quảng Ninh: kinh tế tăng trưởng hai con số',
    'Ngày 5 tháng 1 năm 2024.',
    '',
    'Năm 2023, kinh tế Quảng Ninh tăng trưởng 10,2% nhờ thu hút được nhiều dự án đầu tư lớn và du lịch phục hồi mạnh. Vì vậy, đời sống người dân trong tỉnh tiếp tục được nâng lên.',
    '',
    'Đảng bộ tỉnh Quảng Ninh có 92.000 đảng viên.',
  ].join('\n'),
  'tra-vinh.txt': [
    'Trà Vinh tổng kết công tác xây dựng Đảng năm 2023',
    'Ngày 26 tháng 12 năm 2023.',
    '',
    'Đến nay, Đảng bộ tỉnh Trà Vinh có 41.700 đảng viên.',
  ].join('\n'),
  'nam-dinh.txt': [
    'Nam Định tổng kết năm 2023',
    'Ngày 28 tháng 12 năm 2023.',
    '',
    'Chiều 27/12, Tỉnh ủy Nam Định tổ chức hội nghị lần thứ 18. Đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy Nam Định chủ trì hội nghị.',
    '',
    'Năm 2023, Đảng bộ tỉnh Nam Định có 112.600 đảng viên. Thu ngân sách đạt 5.900 tỷ đồng.',
  ].join('\n'),
};

let t: TempIndex;
let engine: Awaited<ReturnType<typeof openEngine>>;

beforeAll(async () => {
  t = tempIndex({ seeds: false, model: 'none' });
  mkdirSync(t.corpusDir, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(t.corpusDir, name), text);
  await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config });
  engine = await openEngine(t.config, { watch: false });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  t?.cleanup();
});

describe('critical: no other person\'s words, no other province\'s figure', () => {
  it('Title Case: a person the reports never name is still asked about (not answered with another official\'s report)', async () => {
    // probe5: high, quoting Trần Hà Nam's report; main: refused.
    const a = await engine.ask('Ông Hoàng Văn Tám Trình Bày Báo Cáo Gì Tại Hội Nghị?');
    expect(a.answered).toBe(false);
    expect(a.results.every((r) => !r.quote.includes('Trần Hà Nam'))).toBe(true);
  });




});

describe('high: plain questions refused or demoted', () => {
  it('a meeting\'s "khi nào" is answered by a full date with its year ("Sáng 16/10/2024")', async () => {
    // probe5: low (DAY no longer reads "16/10/2024"); main: high.
    const a = await engine.ask('Hội nghị lần thứ 20 của Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh diễn ra khi nào?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('16/10/2024');
  });

  it('"vì sao": a reason given by "nhờ" beside a "Vì vậy" is still the answer, and no unrelated paragraph is', async () => {
    // probe5: high, quoting "Đảng bộ tỉnh Quảng Ninh có 92.000 đảng viên." (the consequence cap demotes the
    // paragraph whose reason word, "nhờ", REASON does not know); main: high, the "nhờ thu hút" sentence.
    const a = await engine.ask('Vì sao kinh tế Quảng Ninh tăng trưởng cao?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('nhờ thu hút');
  });

  it('office shorthand typed first in lower case ("bt", "ct") is no place\'s initials', async () => {
    // probe5: refused, "không nhắc đến BT"; main: answered.
    for (const q of ['bt tỉnh ủy lào cai là ai?', 'bt tinh uy lao cai la ai']) {
      const a = await engine.ask(q);
      expect(a.missing, q).toEqual([]);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('Đặng Xuân Phong');
    }
    // Other chat shorthand that shares letters with places' initials: "hn" (hội nghị), "dh" (đại hội),
    // "ld" (lãnh đạo), "cb" (cán bộ), "bc" (báo cáo). probe5: all refused as unknown places; main: answered.
    for (const q of ['hn tổng kết của tỉnh ủy nam định diễn ra khi nào', 'dh đảng bộ tỉnh hà tĩnh lần thứ 20 diễn ra khi nào', 'ld tỉnh ủy lào cai là ai', 'cb nào chủ trì hội nghị của tỉnh ủy nam định', 'bc tại hội nghị nam định nói gì']) {
      const a = await engine.ask(q);
      expect(a.missing, q).toEqual([]);
      expect(a.confidence, q).not.toBe('none');
    }
  });

  it('a question typed in Title Case without marks makes no name of its words', async () => {
    // probe5 and main: refused, missing "Bao Nhieu Dang Viên".
    for (const q of ['Nam Dinh Co Bao Nhieu Dang Vien', 'Lao Cai Co Bao Nhieu Dang Vien?']) {
      const a = await engine.ask(q);
      expect(a.missing, q).toEqual([]);
      expect(a.answered, q).toBe(true);
    }
  });

  it('Title Case with few function words ("Ai Là Bí Thư Tỉnh Ủy Lào Cai?") is still Title Case', async () => {
    // probe5 and main: refused, missing "Là Bí Thư Tỉnh Ủy".
    const a = await engine.ask('Ai Là Bí Thư Tỉnh Ủy Lào Cai?');
    expect(a.missing).toEqual([]);
    expect(a.answered).toBe(true);
  });
});

describe('high: a follow-up naming a place in lower case', () => {
  it.each([
    ['Nam Định có bao nhiêu đảng viên?', 'còn hn?', 'HN', 'Nam Định'],
    ['Lào Cai có bao nhiêu đảng viên?', 'còn hue thì sao?', 'Huế', 'Lào Cai'],
  ])('%s then %s: asks about %s, not the previous place', async (first, second, place, before) => {
    const one = await converse(engine, first, null);
    const two = await converse(engine, second, one.turn);
    // probe5: read as "Nam Định có bao nhiêu hn?" (low, quoting Nam Định's 112.600) and "Lào Cai có bao nhiêu hue?".
    expect(two.answer.interpreted ?? '').not.toContain(before);
    expect(two.answer.missing).toEqual([place]);
    expect(two.answer.results).toEqual([]);
  });
});

/**
 * The five real seed articles in corpus/ (raw web scrapes), read with the real reader: no mocks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle, readCorpus } from '../../src/corpus/read.js';
import { type Article, type CorpusReadResult } from '../../src/corpus/types.js';

const CORPUS = path.resolve(__dirname, '../../corpus');

const IDS = {
  hue: '000_2f1c6def5fbb55b7',
  dongHa: '001_118586bd13fbd541',
  ngheAn: '002_25813a48fb69556b',
  hcm: '003_8fd1f3030b24dd22',
  haiPhong: '004_7239dae0792dcdec',
} as const;

let result: CorpusReadResult;
const byId = (id: string): Article => {
  const a = result.articles.find((x) => x.id === id);
  if (!a) throw new Error(`article ${id} missing`);
  return a;
};
const bodyText = (a: Article): string =>
  a.blocks
    .filter((b) => b.kind === 'body')
    .map((b) => b.text)
    .join('\n');
const ofKind = (a: Article, kind: 'body' | 'heading' | 'caption'): string[] =>
  a.blocks.filter((b) => b.kind === kind).map((b) => b.text);

beforeAll(async () => {
  result = await readCorpus(CORPUS);
});

describe('readCorpus on the seed corpus', () => {
  it('reads all five articles, sorted by id, with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.id)).toEqual(Object.values(IDS));
    for (const a of result.articles) {
      expect(a.file).toBe(`${a.id}.txt`);
      expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(a.url).toBeNull();
    }
  });

  it('is deterministic and matches parseArticle on the same bytes', () => {
    for (const a of result.articles) {
      const again = parseArticle(readFileSync(path.join(CORPUS, a.file)), a.file);
      expect(again).toEqual(a);
    }
  });

  it('keeps block offsets exact: text.slice(start, end) === block.text, blocks joined by a blank line', () => {
    for (const a of result.articles) {
      expect(a.blocks.length).toBeGreaterThan(0);
      for (const b of a.blocks) {
        expect(a.text.slice(b.start, b.end)).toBe(b.text);
        expect(b.text).toBe(b.text.trim());
        expect(b.text).not.toMatch(/\u00A0| {2}|\n/);
        expect(b.text.normalize('NFC')).toBe(b.text);
      }
      expect(a.text).toBe(a.blocks.map((b) => b.text).join('\n\n'));
    }
  });

  it('keeps the title out of the blocks', () => {
    for (const a of result.articles) {
      expect(a.blocks.map((b) => b.text)).not.toContain(a.title);
    }
  });
});

describe('metadata of each seed', () => {
  it('000 (Huế): section label dropped, dateline, byline with office', () => {
    const a = byId(IDS.hue);
    expect(a.title).toBe(
      'Đảng bộ cơ quan chính quyền TP Huế cần đáp ứng xuất sắc nhiệm vụ trong tình hình mới và khi mở rộng thành phố Huế',
    );
    expect(a.date).toMatchObject({ iso: '2021-01-09', precision: 'day', yearMissing: false, year: 2021, month: 1, day: 9 });
    expect(a.date?.raw).toBe('Ngày 9 tháng 1 năm 2021');
    expect(a.outlet).toBeNull();
    expect(a.author).toBe('Thái Hùng');
    expect(a.byline).toBe('Thái Hùng (Văn phòng HĐND – UBND thành phố Huế)');
    expect(a.warnings).toEqual([]);
  });

  it('001 (Đông Hà): ALL-CAPS title, no date, byline glued after "./."', () => {
    const a = byId(IDS.dongHa);
    expect(a.title).toBe(
      'XÂY DỰNG BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ VỮNG MẠNH, THỰC HIỆN TỐT VAI TRÒ HẠT NHÂN LÃNH ĐẠO',
    );
    expect(a.date).toBeNull();
    expect(a.outlet).toBeNull();
    expect(a.author).toBe('Hồ Sỹ Trung');
    expect(a.byline).toBe('Hồ Sỹ Trung-Phó Bí thư Thường trực Thành ủy Đông Hà');
    expect(a.warnings).toEqual(['no date found in the article']);
  });

  it('002 (Nghệ An): no title line → title from the lead; stamp "date 2021-01" + "Chiều 14/1" → 2021-01-14', () => {
    const a = byId(IDS.ngheAn);
    expect(a.title).toBe(
      'Đảng ủy Khối Các cơ quan tỉnh tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2020, triển khai nhiệm vụ năm 2021',
    );
    expect(a.title.length).toBeLessThanOrEqual(120);
    expect(a.warnings.some((w) => /title/.test(w))).toBe(true);
    expect(a.date).toMatchObject({ iso: '2021-01-14', precision: 'day', yearMissing: false });
    expect(a.outlet).toBeNull();
    expect(a.author).toBeNull();
  });

  it('003 (TPHCM): SGGPO outlet line, "Chiều 15-10" without a year is not completed, byline THU HƯỜNG', () => {
    const a = byId(IDS.hcm);
    expect(a.title).toBe(
      'Đảng ủy Khối Dân - Chính - Đảng TPHCM cần tăng tốc hoàn thành nhiệm vụ trong giai đoạn “bình thường mới” của thành phố',
    );
    expect(a.date).toMatchObject({ iso: null, raw: 'Chiều 15-10', yearMissing: true, day: 15, month: 10 });
    expect(a.date?.year).toBeUndefined();
    expect(a.outlet).toBe('SGGPO');
    expect(a.author).toBe('THU HƯỜNG');
  });

  it('004 (Hải Phòng): "Sign In" dropped, "07:56 16/10/2024", (HPĐT) outlet tag, no byline', () => {
    const a = byId(IDS.haiPhong);
    expect(a.title).toBe('Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ');
    expect(a.date).toMatchObject({ iso: '2024-10-16', precision: 'day', yearMissing: false, raw: '07:56 16/10/2024' });
    expect(a.outlet).toBe('HPĐT');
    expect(a.author).toBeNull();
  });
});

describe('web leftovers are gone from the body', () => {
  const leftovers = [
    'Sign In',
    'Tin tức sự kiện',
    'Go top',
    'bình chọn',
    'Thống kê truy cập',
    'Khách Khách',
    'Tổng lượt truy cập',
    'Tag:',
    'File đính kèm',
    'Các tin, bài viết khác',
    'Đọc nhiều nhất',
    'date 2021-01',
    'ảnh 1',
    'ảnh 5',
    'Ảnh:',
    '------',
    'SGGPO',
    '(HPĐT)',
    'THU HƯỜNG',
    'Thái Hùng',
    'Hồ Sỹ Trung',
    '07:56',
    'Ngày 9 tháng 1 năm 2021',
  ];
  // The list of other headlines after "Đọc nhiều nhất" (003), in no block at all.
  const otherHeadlines = [
    'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
    'Bí thư Thành ủy TPHCM Nguyễn Văn Nên',
    'Việt Nam và Thế giới',
    'Vững lòng biển đảo',
    'Nhân sự',
    'Cải cách hành chính',
    'ĐẠI HỘI ĐẢNG CÁC CẤP',
  ];

  it('no boilerplate string survives in any body block', () => {
    for (const a of result.articles) {
      const body = bodyText(a);
      for (const s of leftovers) expect(body, `${a.id} still has "${s}"`).not.toContain(s);
    }
  });

  it('the "most read" headline list after the article is dropped entirely', () => {
    const a = byId(IDS.hcm);
    for (const s of otherHeadlines) {
      expect(a.blocks.some((b) => b.text.startsWith(s))).toBe(false);
    }
    expect(a.blocks.at(-1)?.text).toMatch(/^Đồng chí Lê Duy Minh mong muốn/);
  });

  it('the repeated headline in front of "ảnh N" captions is in no block', () => {
    const a = byId(IDS.hcm);
    expect(a.text).not.toContain("'bình thường mới' của thành phố ảnh");
    expect(a.text).not.toMatch(/ảnh \d/);
  });

  it('no whitespace-only or separator blocks', () => {
    for (const a of result.articles) {
      for (const b of a.blocks) expect(b.text).toMatch(/[\p{L}\p{N}]/u);
    }
  });
});

describe('article text survives intact', () => {
  const keySentences: Array<[keyof typeof IDS, string]> = [
    ['haiPhong', 'với 4.466 đảng viên'],
    ['haiPhong', 'Sáng 16-10, đồng chí Lê Tiến Châu'],
    ['haiPhong', 'hơn 40 chi bộ, đảng bộ cơ sở đăng ký xây dựng mô hình “Dân vận khéo”, đạt tỷ lệ 64,5%...'],
    ['hue', 'kết nạp được 07 đảng viên'],
    ['hue', 'Tổ chức thành công Festival Nghề truyền thống Huế 2021.'],
    ['hue', 'tham mưu các giải pháp, từng bước nâng cao tính chủ động'],
    ['hue', 'Đó là ý kiến chỉ đạo của đồng chí Phan Thiên Định'],
    ['ngheAn', 'xét kết nạp 152 đảng viên mới'],
    ['ngheAn', 'có 64 tổ chức đảng'],
    ['ngheAn', 'Nghệ An tỉnh mở, sở mở và huyện cũng mở'],
    ['ngheAn', 'Chiều 14/1, Đảng ủy Khối Các cơ quan tỉnh tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2020'],
    ['hcm', '421 trang thiết bị học tập trực tuyến'],
    ['hcm', 'Chiều 15-10, Ban Chấp hành Đảng bộ khối Dân – Chính – Đảng TPHCM'],
    ['hcm', 'phòng, chống tham nhũng, lãng phí, tiêu cực'],
    ['dongHa', '19 đảng viên không hoàn thành nhiệm vụ'],
    ['dongHa', 'công tác xây dựng Đảng của thành phố năm 2021./.'],
  ];
  it.each(keySentences)('%s body contains "%s"', (key, sentence) => {
    expect(bodyText(byId(IDS[key]))).toContain(sentence);
  });

  it('paragraphs are not merged or split: each key paragraph is one body block', () => {
    const a = byId(IDS.dongHa);
    expect(ofKind(a, 'body')).toHaveLength(3);
    expect(ofKind(a, 'body')[2]).toMatch(/^Phát huy những kết quả đạt được, năm 2021,.*năm 2021\.\/\.$/);
  });

  it('the lead keeps its sentence after the glued stamp and the outlet tag', () => {
    expect(ofKind(byId(IDS.ngheAn), 'body')[0]).toBe(
      'Chiều 14/1, Đảng ủy Khối Các cơ quan tỉnh tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2020, triển khai nhiệm vụ năm 2021.',
    );
    expect(ofKind(byId(IDS.haiPhong), 'body')[0]).toMatch(/^Sáng 16-10, đồng chí Lê Tiến Châu, Ủy viên Trung ương Đảng/);
  });
});

describe('captions and headings', () => {
  it('photo captions are caption blocks, not body', () => {
    const hcm = ofKind(byId(IDS.hcm), 'caption');
    expect(hcm).toContain('Quang cảnh hội nghị. Ảnh: DŨNG PHƯƠNG');
    expect(hcm).toContain('Chủ tịch HĐND TPHCM Nguyễn Thị Lệ phát biểu tại hội nghị. Ảnh: DŨNG PHƯƠNG');
    expect(hcm).toHaveLength(5);

    const hue = ofKind(byId(IDS.hue), 'caption');
    expect(hue).toEqual([
      'Toàn cảnh Hội nghị',
      'Bí thư Thành ủy Huế Phan Thiên Định trao Giấy khen cho các Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2020',
    ]);

    const hp = ofKind(byId(IDS.haiPhong), 'caption');
    expect(hp).toHaveLength(3);
    expect(hp[0]).toMatch(/^Đồng chí Lê Tiến Châu, .* phát biểu tại cuộc làm việc\.$/);
    expect(hp[1]).toBe('Đồng chí Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành uỷ phát biểu tại cuộc làm việc.');
    expect(hp[2]).toMatch(/trao quà tặng Đảng bộ Khối các cơ quan thành phố\.$/);
    // …while the paragraph after the photo stays body.
    expect(ofKind(byId(IDS.haiPhong), 'body')[1]).toMatch(/^Cùng làm việc có các đồng chí:/);
  });

  it('a caption glued in front of a paragraph (002) is split at "Ảnh: NAME"', () => {
    const a = byId(IDS.ngheAn);
    const captions = ofKind(a, 'caption');
    expect(captions).toEqual([
      'Chủ tịch UBND tỉnh Nguyễn Đức Trung phát biểu tại hội nghị. Ảnh: Thanh Lê',
      expect.stringMatching(/^Đồng chí Nguyễn Đức Trung trao Huân chương Lao động hạng Nhì .* Ảnh: Thanh Lê$/),
      'Chủ tịch UBND tỉnh tặng giấy khen cho các tổ chức cơ sở Đảng đạt tiêu chuẩn trong sạch vững mạnh tiêu biểu năm 2020. Ảnh: Thanh Lê',
    ]);
    const bodies = ofKind(a, 'body');
    expect(bodies).toContain(
      'Đồng chí Nguyễn Đức Trung đề nghị Đảng ủy Khối các cơ quan tỉnh cần quan tâm lãnh đạo toàn diện công tác xây dựng Đảng có chiều sâu, lựa chọn vấn đề trọng tâm, trọng điểm.',
    );
    expect(bodies.some((b) => b.startsWith('Cải cách thủ tục hành chính có chuyển biến nhưng còn chậm'))).toBe(true);
    // The caption comes right before the paragraph it was glued to.
    const i = a.blocks.findIndex((b) => b.text.startsWith('Chủ tịch UBND tỉnh tặng giấy khen'));
    expect(a.blocks[i + 1]?.text).toMatch(/^Đồng chí Nguyễn Đức Trung đề nghị/);
  });

  it('short title-like lines are headings', () => {
    expect(ofKind(byId(IDS.haiPhong), 'heading')).toEqual([
      'Hoàn thành toàn diện 9 chỉ tiêu',
      'Nắm tình hình tư tưởng, lãnh đạo, chỉ đạo sắc nét',
    ]);
    expect(ofKind(byId(IDS.ngheAn), 'heading')).toEqual([
      'Hoàn thành tốt nhiệm vụ chính trị',
      'Đề cao trách nhiệm người đứng đầu trong công tác cải cách hành chính',
    ]);
    expect(ofKind(byId(IDS.hcm), 'heading')).toEqual([
      'Phải chọn người đứng đầu có tài, có tâm, dám làm, dám chịu trách nhiệm',
      'Khẩn trương nghiên cứu, phát động đợt thi đua cao điểm 3 tháng cuối năm',
      'Triển khai các giải pháp trọng tâm, thực hiện “mục tiêu kép” của thành phố',
    ]);
    expect(ofKind(byId(IDS.hue), 'heading')).toEqual([]);
    expect(ofKind(byId(IDS.dongHa), 'heading')).toEqual([]);
  });

  it('block counts per article', () => {
    const counts = Object.fromEntries(
      result.articles.map((a) => [a.id, [ofKind(a, 'body').length, ofKind(a, 'heading').length, ofKind(a, 'caption').length]]),
    );
    expect(counts).toEqual({
      [IDS.hue]: [10, 0, 2],
      [IDS.dongHa]: [3, 0, 0],
      [IDS.ngheAn]: [17, 2, 3],
      [IDS.hcm]: [32, 3, 5],
      [IDS.haiPhong]: [8, 2, 3],
    });
  });
});

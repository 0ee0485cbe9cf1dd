import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticleText, isCaptionLike, isHeadingLike, isTitleLike, layoutBlocks, splitAltCaption, splitCredit } from '../../src/corpus/clean.js';
import { normalizeInline, normalizeSource } from '../../src/text/normalise.js';
import { parseArticle } from '../../src/corpus/read.js';

const CORPUS = path.resolve(__dirname, '../../corpus');

describe('normalisation', () => {
  it('NBSP → space, runs collapsed, trimmed, invisibles dropped, words kept', () => {
    expect(normalizeInline('\u00A0Đó là  ý kiến,\u00A0 từng\u200B bước.\u00A0 ')).toBe('Đó là ý kiến, từng bước.');
  });

  it('BOM stripped, CRLF and CR → LF, NFD → NFC', () => {
    const nfd = '\uFEFFĐảng bộ\r\nHuế\rxong'.normalize('NFD');
    expect(normalizeSource(nfd)).toBe('Đảng bộ\nHuế\nxong');
  });
});

describe('line shapes', () => {
  it('headings vs body vs captions', () => {
    expect(isHeadingLike('Hoàn thành toàn diện 9 chỉ tiêu')).toBe(true);
    expect(isHeadingLike('ĐẠI HỘI ĐẢNG CÁC CẤP')).toBe(true);
    expect(isHeadingLike('Công tác kiểm tra được chú trọng.')).toBe(false);
    expect(isHeadingLike('Tại hội nghị, các đại biểu thảo luận các nội dung:')).toBe(false);
    expect(isHeadingLike('“Năm 2021 Đảng ủy Khối cần phải đề cao trách nhiệm”')).toBe(false);
    expect(isTitleLike('Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ')).toBe(true);
    expect(isTitleLike('Tin tức')).toBe(false);

    expect(isCaptionLike('Toàn cảnh Hội nghị')).toBe(true);
    expect(isCaptionLike('Quang cảnh buổi làm việc.')).toBe(true);
    expect(isCaptionLike('Đồng chí Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành uỷ phát biểu tại cuộc làm việc.')).toBe(true);
    expect(isCaptionLike('Bí thư Huyện ủy Nguyễn Văn A phát biểu kết luận hội nghị.')).toBe(true);
    expect(isCaptionLike('Chủ tịch UBND tỉnh trao Bằng khen cho các tập thể.')).toBe(true);
    // Paragraphs that merely mention speaking or awards stay body.
    expect(isCaptionLike('Phát biểu tại hội nghị, Chủ tịch UBND tỉnh Nguyễn Đức Trung ghi nhận đóng góp của các đơn vị.')).toBe(false);
    expect(isCaptionLike('Nhân dịp này, đoàn đã thăm và trao quà cho các gia đình chính sách.')).toBe(false);
    expect(isCaptionLike('Đồng chí Nguyễn Đức Trung đề nghị Đảng ủy Khối cần quan tâm lãnh đạo toàn diện.')).toBe(false);
  });
});

describe('captions glued to other text', () => {
  it('splits at the end of a mixed-case credit: the last capitalised word opens the next sentence', () => {
    expect(splitCredit('Chủ tịch UBND tỉnh tặng giấy khen năm 2020. Ảnh: Thanh Lê Đồng chí Nguyễn Đức Trung đề nghị tiếp tục.')).toEqual({
      caption: 'Chủ tịch UBND tỉnh tặng giấy khen năm 2020. Ảnh: Thanh Lê',
      rest: 'Đồng chí Nguyễn Đức Trung đề nghị tiếp tục.',
    });
  });

  it('splits at the end of an ALL-CAPS credit', () => {
    expect(splitCredit('Quang cảnh hội nghị. Ảnh: DŨNG PHƯƠNG Đồng chí Lê Văn B phát biểu.')).toEqual({
      caption: 'Quang cảnh hội nghị. Ảnh: DŨNG PHƯƠNG',
      rest: 'Đồng chí Lê Văn B phát biểu.',
    });
  });

  it('credits in parentheses, agency credits, credits alone', () => {
    expect(splitCredit('Toàn cảnh hội nghị. (Ảnh: Minh Châu) Hội nghị đã thông qua nghị quyết.')).toEqual({
      caption: 'Toàn cảnh hội nghị. (Ảnh: Minh Châu)',
      rest: 'Hội nghị đã thông qua nghị quyết.',
    });
    expect(splitCredit('Thủ tướng phát biểu. Ảnh: VGP/Nhật Bắc')).toEqual({ caption: 'Thủ tướng phát biểu. Ảnh: VGP/Nhật Bắc', rest: '' });
    expect(splitCredit('Ảnh: TTXVN')).toEqual({ caption: 'Ảnh: TTXVN', rest: '' });
  });

  it('"ảnh" inside prose is not a credit', () => {
    expect(splitCredit('Dịch bệnh ảnh hưởng: kinh tế suy giảm.')).toBeNull();
    expect(splitCredit('Triển lãm có 200 bức ảnh: tư liệu quý.')).toBeNull();
  });

  it('"<headline> ảnh N <caption>": the repeated headline is dropped', () => {
    const title = 'Đảng ủy Khối Dân - Chính - Đảng TPHCM cần tăng tốc hoàn thành nhiệm vụ';
    expect(
      splitAltCaption('Đảng ủy Khối Dân – Chính – Đảng cần tăng tốc hoàn thành nhiệm vụ ảnh 1 Quang cảnh hội nghị. Ảnh: DŨNG PHƯƠNG', title, new Set()),
    ).toEqual({ alt: 'Đảng ủy Khối Dân – Chính – Đảng cần tăng tốc hoàn thành nhiệm vụ', caption: 'Quang cảnh hội nghị. Ảnh: DŨNG PHƯƠNG' });
    expect(splitAltCaption('Đại hội đã bầu ra ban chấp hành gồm nhiều gương mặt ảnh 3 lần liên tiếp đoạt giải.', title, new Set())).toBeNull();
  });
});

describe('cleanArticleText on a page from another kind of site', () => {
  const page = [
    'Trang chủ > Tin tức > Xây dựng Đảng',
    'Đăng nhập',
    'VIDEO',
    'Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12',
    'Thứ Hai, 16/10/2024 | 07:56 GMT+7',
    'Chia sẻ',
    '(Baonghean.vn) - Sáng 16/10, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị lần thứ 12.',
    '',
    'Toàn cảnh hội nghị. (Ảnh: Minh Châu)',
    '',
    'Kết quả nổi bật',
    '',
    'Trong 9 tháng, huyện kết nạp 120 đảng viên mới, đạt 80% kế hoạch.',
    'Bí thư Huyện ủy Nguyễn Văn A phát biểu kết luận hội nghị.',
    'Phát biểu kết luận, đồng chí Nguyễn Văn A yêu cầu các cấp ủy tập trung hoàn thành chỉ tiêu.',
    '\u00A0',
    'Các đại biểu biểu quyết thông qua nghị quyết',
    '\u00A0',
    'Hội nghị thống nhất cao các chỉ tiêu năm 2025.',
    '* * *',
    'NGỌC LAN',
    'Theo Báo Nghệ An',
    'Tin liên quan',
    'Huyện ủy tổ chức hội nghị chuyên đề',
    'Đọc nhiều',
    'Tags: hội nghị, đảng bộ',
  ].join('\n');

  const r = cleanArticleText(page);

  it('finds the title, dateline, outlet tag, source, byline', () => {
    expect(r.title).toBe('Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12');
    expect(r.dates).toEqual([{ raw: 'Thứ Hai, 16/10/2024 | 07:56 GMT+7', where: 'head' }]);
    expect(r.outlets).toEqual(['Baonghean.vn']);
    expect(r.sources).toEqual(['Báo Nghệ An']);
    expect(r.byline).toBe('NGỌC LAN');
  });

  it('classifies blocks and drops the chrome', () => {
    expect(r.blocks).toEqual([
      { kind: 'body', text: 'Sáng 16/10, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị lần thứ 12.' },
      { kind: 'caption', text: 'Toàn cảnh hội nghị. (Ảnh: Minh Châu)' },
      { kind: 'heading', text: 'Kết quả nổi bật' },
      { kind: 'body', text: 'Trong 9 tháng, huyện kết nạp 120 đảng viên mới, đạt 80% kế hoạch.' },
      { kind: 'caption', text: 'Bí thư Huyện ủy Nguyễn Văn A phát biểu kết luận hội nghị.' },
      { kind: 'body', text: 'Phát biểu kết luận, đồng chí Nguyễn Văn A yêu cầu các cấp ủy tập trung hoàn thành chỉ tiêu.' },
      { kind: 'caption', text: 'Các đại biểu biểu quyết thông qua nghị quyết' },
      { kind: 'body', text: 'Hội nghị thống nhất cao các chỉ tiêu năm 2025.' },
    ]);
    for (const s of ['Trang chủ > Tin tức > Xây dựng Đảng', 'Đăng nhập', 'VIDEO', 'Chia sẻ', 'Tin liên quan', 'Huyện ủy tổ chức hội nghị chuyên đề']) {
      expect(r.dropped).toContain(s);
    }
  });

  it('a tail marker before any article text does not swallow the article', () => {
    const r2 = cleanArticleText(['Đọc nhiều nhất', 'Tiêu đề bài viết về hội nghị tỉnh ủy', 'Sáng nay, Tỉnh ủy họp phiên thường kỳ tháng 10.'].join('\n'));
    expect(r2.title).toBe('Tiêu đề bài viết về hội nghị tỉnh ủy');
    expect(r2.blocks).toEqual([{ kind: 'body', text: 'Sáng nay, Tỉnh ủy họp phiên thường kỳ tháng 10.' }]);
  });

  it('with a front-matter title, a different first line is kept as a heading', () => {
    const r3 = cleanArticleText('Bối cảnh chung\nHuyện ủy họp phiên thường kỳ tháng 10.', { knownTitle: 'Huyện ủy họp phiên thường kỳ' });
    expect(r3.title).toBeNull();
    expect(r3.blocks.map((b) => b.kind)).toEqual(['heading', 'body']);
  });
});

describe('Markdown files', () => {
  it('reads "#" headings, images and links', () => {
    const md = [
      '# Hội nghị Thành ủy lần thứ 20',
      '',
      'Ngày 16/10/2024',
      '',
      'Sáng nay, [Thành ủy](https://example.vn) tổ chức **hội nghị** lần thứ 20.',
      '',
      '![Quang cảnh hội nghị](anh1.jpg)',
      '',
      '## Kết quả',
      '',
      'Hội nghị thống nhất các chỉ tiêu.',
    ].join('\n');
    const r = cleanArticleText(md, { markdown: true });
    expect(r.title).toBe('Hội nghị Thành ủy lần thứ 20');
    expect(r.dates[0]?.raw).toBe('Ngày 16/10/2024');
    expect(r.blocks).toEqual([
      { kind: 'body', text: 'Sáng nay, Thành ủy tổ chức hội nghị lần thứ 20.' },
      { kind: 'caption', text: 'Quang cảnh hội nghị' },
      { kind: 'heading', text: 'Kết quả' },
      { kind: 'body', text: 'Hội nghị thống nhất các chỉ tiêu.' },
    ]);
  });
});

describe('layoutBlocks', () => {
  it('joins with a blank line and records offsets', () => {
    const { text, blocks } = layoutBlocks([
      { kind: 'heading', text: 'Một' },
      { kind: 'body', text: 'Hai ba.' },
    ]);
    expect(text).toBe('Một\n\nHai ba.');
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Một', start: 0, end: 3 },
      { kind: 'body', text: 'Hai ba.', start: 5, end: 12 },
    ]);
  });
});

describe('input encodings give the same article', () => {
  it.each(['000_2f1c6def5fbb55b7.txt', '004_7239dae0792dcdec.txt'])('%s as CRLF + BOM + NFD', (file) => {
    const raw = readFileSync(path.join(CORPUS, file), 'utf8');
    const plain = parseArticle(Buffer.from(raw, 'utf8'), file);
    const odd = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(raw.replace(/\n/g, '\r\n').normalize('NFD'), 'utf8'),
    ]);
    const other = parseArticle(odd, file);
    expect(other.contentHash).not.toBe(plain.contentHash);
    const { contentHash: _a, ...restOther } = other;
    const { contentHash: _b, ...restPlain } = plain;
    expect(restOther).toEqual(restPlain);
    expect(other.text).not.toContain('\r');
    expect(other.text.normalize('NFC')).toBe(other.text);
  });
});

describe('Markdown lists and tables', () => {
  it('list items and table rows are body text whatever their shape; table rules are dropped', () => {
    const md = [
      '# Hội nghị tổng kết công tác xây dựng Đảng năm 2024',
      'Sáng 16-10, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024 và đề ra các chỉ tiêu năm 2025.',
      '- Kết nạp từ 6 đến 10 đảng viên mới',
      '* 100% chi bộ hoàn thành tốt nhiệm vụ',
      '| Danh hiệu | Số lượng |',
      '|---|---:|',
      '| Chi bộ hoàn thành xuất sắc nhiệm vụ | 3 |',
    ].join('\n');
    const r = cleanArticleText(md, { markdown: true });
    expect(r.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['body', 'Sáng 16-10, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024 và đề ra các chỉ tiêu năm 2025.'],
      ['body', 'Kết nạp từ 6 đến 10 đảng viên mới'],
      ['body', '100% chi bộ hoàn thành tốt nhiệm vụ'],
      ['body', 'Danh hiệu | Số lượng'],
      ['body', 'Chi bộ hoàn thành xuất sắc nhiệm vụ | 3'],
    ]);
  });
});

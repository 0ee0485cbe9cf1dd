import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../../src/corpus/errors.js';
import { decodeHtml, readHtml } from '../../../src/corpus/formats/html.js';
import { readArticle } from '../../../src/corpus/read.js';
import { ROOT } from '../../helpers/index-fixture.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/formats/html');
const PAGES = ['000_2f1c6def5fbb55b7', '001_118586bd13fbd541', '002_25813a48fb69556b'];

/** Page furniture of the fixture pages: none of it may become a paragraph, heading or caption. */
const FURNITURE = [
  'Trang chủ', 'Đọc nhiều nhất', 'Xem nhiều', 'Tin liên quan', 'Các tin, bài viết khác', 'Bình luận', 'Ý kiến bạn đọc', 'Gửi bình luận',
  'Bài viết rất hay', 'Mong các cấp ủy', 'Chia sẻ', 'Facebook', 'Zalo', 'Quảng cáo', 'Giấy phép', 'Tổng Biên tập', 'Thống kê truy cập',
  'Kỳ họp thứ 8', 'Giá vàng', 'Tags:', 'Đăng nhập', 'Lượt xem', 'Copy link',
];

describe('html format', () => {
  it.each(PAGES)('%s: menus, sidebars, related links, comments, share bars, adverts and footers never become text', async (id) => {
    const a = await readArticle(readFileSync(path.join(FIXTURES, `${id}.html`)), `${id}.html`);
    for (const b of a.blocks) {
      for (const f of FURNITURE) expect(b.text.includes(f), `${b.kind} "${b.text.slice(0, 80)}" holds "${f}"`).toBe(false);
    }
  });

  it('figure captions stay captions', async () => {
    const a = await readArticle(readFileSync(path.join(FIXTURES, '000_2f1c6def5fbb55b7.html')), 'x.html');
    const captions = a.blocks.filter((b) => b.kind === 'caption').map((b) => b.text);
    expect(captions).toContain('Toàn cảnh Hội nghị');
    expect(captions).toContain('Bí thư Thành ủy Huế Phan Thiên Định trao Giấy khen cho các Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2020');
  });

  it('reads title, date, author, outlet and url from og: and article: tags', () => {
    const html = `<html><head><meta property="og:title" content="Hội nghị Tỉnh ủy lần thứ 5"><meta property="article:published_time" content="2025-03-02T08:00:00+07:00">
      <meta name="author" content="Thanh Lê"><meta property="og:site_name" content="Báo Nghệ An"><link rel="canonical" href="https://baonghean.example/a.html"></head>
      <body><article><h1>Hội nghị Tỉnh ủy lần thứ 5</h1><p>${'Sáng 2-3, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 5 để bàn các chỉ tiêu kinh tế - xã hội năm 2025. '.repeat(4)}</p></article></body></html>`;
    const doc = readHtml(html);
    expect(doc.meta).toEqual({ title: 'Hội nghị Tỉnh ủy lần thứ 5', date: '2025-03-02T08:00:00+07:00', author: 'Thanh Lê', outlet: 'Báo Nghệ An', url: 'https://baonghean.example/a.html' });
    expect(doc.markdown).toBe(true);
  });

  it('a page with no article (an index of links) is one clear error', async () => {
    const html = `<html><body><nav>${'<a href="/x">Tin tức sự kiện</a> '.repeat(30)}</nav><ul>${'<li><a href="/y">Hội nghị tổng kết</a></li>'.repeat(20)}</ul></body></html>`;
    await expect(readArticle(Buffer.from(html), 'index.html')).rejects.toThrow(ArticleError);
    await expect(readArticle(Buffer.from(html), 'index.html')).rejects.toThrow(/no article found in the HTML page/u);
  });

  it('a short report of two or three written paragraphs is an article; an error page or a login wall is not', async () => {
    const short = `<html><head><title>Hải Dương kết nạp đảng viên mới</title></head><body><nav><a href="/">Trang chủ</a></nav><main><h1>Hải Dương kết nạp đảng viên mới</h1>
      <p>Trong 9 tháng năm 2024, Đảng bộ tỉnh Hải Dương kết nạp 1.850 đảng viên mới.</p><p>Đồng chí Trần Đức Thắng chủ trì hội nghị sơ kết.</p></main></body></html>`;
    const a = await readArticle(Buffer.from(short), 'short.html');
    expect(a.blocks.map((b) => b.text)).toContain('Trong 9 tháng năm 2024, Đảng bộ tỉnh Hải Dương kết nạp 1.850 đảng viên mới.');
    for (const page of [
      '<html><body><h1>404</h1><p>Không tìm thấy trang bạn yêu cầu.</p><p><a href="/">Quay lại trang chủ</a></p></body></html>',
      '<html><body><p>Vui lòng đăng nhập để đọc tiếp.</p><p>Bạn chưa có tài khoản? Đăng ký ngay.</p></body></html>',
    ]) {
      await expect(readArticle(Buffer.from(page), 'x.html')).rejects.toThrow(ArticleError);
    }
  });

  it('decodes by the charset the page declares', () => {
    const text = 'Hội nghị';
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('</body></html>')]);
    expect(decodeHtml(bytes)).toContain('café');
    expect(decodeHtml(Buffer.from(`<p>${text}</p>`))).toContain(text);
    expect(decodeHtml(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'iso-8859-1')).toBe('café');
    expect(() => decodeHtml(Buffer.from('<meta charset="x-no-such-charset">'))).toThrow(/character set/u);
  });
});

describe('html dates without meta tags', () => {
  const body = `<p>${'Sáng 2-3, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 5 để bàn các chỉ tiêu kinh tế - xã hội năm 2025. '.repeat(4)}</p>`;
  it('takes the <time> of the article, never one of a comment or a sidebar', () => {
    const html = `<html><body><aside><time datetime="2020-01-01">1/1/2020</time></aside><article><time datetime="2025-03-02T08:00:00+07:00">02/03/2025</time><h1>Hội nghị Tỉnh ủy lần thứ 5</h1>${body}</article></body></html>`;
    expect(readHtml(html).meta.date).toBe('2025-03-02T08:00:00+07:00');
    const sidebarOnly = `<html><body><aside><time datetime="2020-01-01">1/1/2020</time></aside><article><h1>Hội nghị Tỉnh ủy lần thứ 5</h1>${body}</article></body></html>`;
    expect(readHtml(sidebarOnly).meta.date).toBeUndefined();
  });
});

/**
 * npm run make-format-fixtures: rebuilds tests/fixtures/formats/ from the seed articles in corpus/ —
 * each seed as a web page (three shapes of Vietnamese news sites: menus, breadcrumb, "Đọc nhiều nhất",
 * "Tin liên quan", comments, share bars, adverts, figure captions, JSON-LD), a Word document (`docx`
 * library; core properties title/creator/created; headings, a list and a table) and a PDF (`pdfkit`
 * with the DejaVu Sans font, which covers Vietnamese; running header and page numbers on every page).
 * The generated files are committed: tests read them as they are, with no font or library needed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseCli } from '../src/cli/common.js';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { parseArticle } from '../src/corpus/read.js';
import type { Article } from '../src/corpus/types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'corpus');
const OUT = path.join(ROOT, 'tests/fixtures/formats');
const FONT_CANDIDATES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans.ttf'];

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** The date of a seed as a page would tag it, when the seed says the year. */
function isoDate(a: Article): string | null {
  return a.date?.iso && a.date.precision === 'day' ? `${a.date.iso}T07:30:00+07:00` : null;
}

const OUTLETS = ['Cổng thông tin điện tử Thành phố Huế', 'Báo Quảng Trị', 'Báo Tuyên Quang', 'Báo Sài Gòn Giải Phóng', 'Báo Hải Phòng'];

function outletOf(a: Article, i: number): string {
  return a.outlet ?? OUTLETS[i % OUTLETS.length]!;
}

function urlOf(a: Article): string {
  return `https://tin.example.vn/xay-dung-dang/${a.id}.html`;
}

function blocksHtml(a: Article, caption: (text: string) => string): string {
  return a.blocks
    .map((b) => (b.kind === 'heading' ? `<h2>${esc(b.text)}</h2>` : b.kind === 'caption' ? caption(b.text) : `<p>${esc(b.text)}</p>`))
    .join('\n');
}

const RELATED = ['Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12', 'Triển khai nghị quyết Đại hội Đảng bộ các cấp', 'Tổng kết công tác kiểm tra, giám sát năm 2024'];
const MOST_READ = ['Kỳ họp thứ 8 HĐND thành phố khóa XVI', 'Thông báo lịch tiếp công dân tháng 11', 'Giá vàng hôm nay tăng mạnh', 'Lịch cúp điện cuối tuần'];
const links = (titles: string[]): string => titles.map((t, i) => `<li><a href="/tin/${i}.html">${esc(t)}</a></li>`).join('');

/** Shape 1: a provincial portal with semantic tags, JSON-LD only, a sidebar and comments. */
function portalPage(a: Article, i: number): string {
  const iso = isoDate(a);
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, ...(iso ? { datePublished: iso } : {}), author: a.author ? [{ '@type': 'Person', name: a.author }] : undefined, publisher: { '@type': 'Organization', name: outletOf(a, i) }, mainEntityOfPage: { '@id': urlOf(a) } };
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(a.title)} - ${esc(outletOf(a, i))}</title>
<link rel="canonical" href="${urlOf(a)}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<link rel="stylesheet" href="/css/site.css"></head>
<body>
<header class="site-header"><div class="logo"><a href="/"><img src="/logo.png" alt="Logo"></a></div>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/chinh-tri">Chính trị</a></li><li><a href="/kinh-te">Kinh tế</a></li><li><a href="/van-hoa">Văn hóa - Xã hội</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="search"><form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"><button>Tìm</button></form></div></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức sự kiện</a> &gt; Xây dựng Đảng</div>
<main class="container"><div class="col-main">
<article class="news-detail">
<h1 class="title">${esc(a.title)}</h1>
<div class="meta"><span class="date">${esc(a.date?.raw ?? '')}</span> <span class="views">Lượt xem: 1.245</span></div>
<div class="share-bar"><a href="#">Chia sẻ</a> <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>
<div class="content">
${blocksHtml(a, (t) => `<figure class="image"><img src="/uploads/anh-${i}.jpg" alt="${esc(a.title)}"><figcaption>${esc(t)}</figcaption></figure>`)}
${a.byline ? `<p class="author"><strong>${esc(a.byline)}</strong></p>` : ''}
</div>
<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul>${links(RELATED)}</ul></div>
<section class="comments"><h3>Bình luận</h3><form><textarea placeholder="Ý kiến của bạn"></textarea><button>Gửi bình luận</button></form>
<div class="comment"><b>Nguyễn Văn A</b><p>Bài viết rất hay, cảm ơn tác giả đã chia sẻ những thông tin bổ ích về hội nghị này.</p></div></section>
</article></div>
<aside class="sidebar"><div class="box doc-nhieu"><h3>Đọc nhiều nhất</h3><ol>${links(MOST_READ)}</ol></div>
<div class="adv"><a href="https://quangcao.example.vn"><img src="/ads/banner.gif" alt="Quảng cáo"></a></div></aside></main>
<footer class="site-footer"><p>© ${esc(outletOf(a, i))}. Giấy phép số 12/GP-TTĐT. Địa chỉ: 24 Tố Hữu, TP Huế. Điện thoại: 0234 3822 222.</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>
</body></html>
`;
}

/** Shape 2: an older CMS: div soup, og: tags, table-framed photos with the caption in a cell. */
function cmsPage(a: Article, i: number): string {
  const iso = isoDate(a);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(a.title)}</title>
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:site_name" content="${esc(outletOf(a, i))}">
<meta property="og:url" content="${urlOf(a)}">
<meta property="og:type" content="article">
${iso ? `<meta property="article:published_time" content="${iso}">` : ''}
${a.author ? `<meta name="author" content="${esc(a.author)}">` : ''}
</head><body>
<div id="wrapper"><div id="top-menu" class="menu"><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a> | <a href="/xay-dung-dang">Xây dựng Đảng</a> | <a href="/kinh-te">Kinh tế</a> | <a href="/the-thao">Thể thao</a></div>
<div class="login"><a href="/dang-nhap">Đăng nhập</a> | <a href="/dang-ky">Đăng ký</a></div>
<div id="banner-top" class="banner"><img src="/qc/top.jpg" alt="QC"></div>
<div id="content-left"><div class="detail">
<div class="sapo-date">${esc(a.date?.raw ?? '')}</div>
<div class="title-detail"><h1>${esc(a.title)}</h1></div>
<div class="body-detail">
${blocksHtml(a, (t) => `<table class="image center"><tbody><tr><td><img src="/Uploaded/anh${i}.jpg"></td></tr><tr><td class="caption">${esc(t)}</td></tr></tbody></table>`)}
${a.byline ? `<p style="text-align:right"><b>${esc(a.byline)}</b></p>` : ''}
</div>
<div class="social-share"><span>Chia sẻ:</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<div class="box-tags">Tags: <a href="#">xây dựng Đảng</a>, <a href="#">hội nghị</a></div>
<div class="other-news"><div class="title-other">Các tin, bài viết khác</div><ul>${links(RELATED)}</ul></div>
</div></div>
<div id="content-right" class="sidebar"><div class="title-box">Xem nhiều</div><ul>${links(MOST_READ)}</ul>
<div class="ads"><iframe src="https://ads.example.vn/300x250"></iframe></div>
<div class="counter">Thống kê truy cập<br>Đang truy cập: 321<br>Tổng lượt truy cập: 23.070.412</div></div>
<div id="footer">Cơ quan chủ quản: ${esc(outletOf(a, i))}. Chịu trách nhiệm nội dung: Tổng Biên tập. Bản quyền thuộc về ${esc(outletOf(a, i))}.</div></div>
</body></html>
`;
}

/** Shape 3: a national daily: JSON-LD @graph plus og: tags, an advert in the middle of the text. */
function dailyPage(a: Article, i: number): string {
  const iso = isoDate(a);
  const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: outletOf(a, i), url: 'https://tin.example.vn' }, { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Chính trị' }] }, { '@type': 'NewsArticle', headline: a.title, ...(iso ? { datePublished: iso } : {}), ...(a.author ? { author: { '@type': 'Person', name: a.author } } : {}), publisher: { '@type': 'NewsMediaOrganization', name: outletOf(a, i) }, url: urlOf(a) }] };
  const body = blocksHtml(a, (t) => `<figure class="article__image"><picture><img src="/images/${i}.webp" alt=""></picture><figcaption class="article__caption">${esc(t)}</figcaption></figure>`).split('\n');
  const mid = Math.max(1, Math.floor(body.length / 2));
  body.splice(mid, 0, '<div class="ads ads-inread"><span>Quảng cáo</span><div id="ad-slot-1"></div></div>');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(a.title)} | ${esc(outletOf(a, i))}</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(outletOf(a, i))}">
${iso ? `<meta property="article:published_time" content="${iso}">` : ''}
<script type="application/ld+json">${JSON.stringify(graph)}</script>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script></head>
<body class="page-article">
<div class="header"><div class="navbar"><a href="/">Trang chủ</a><a href="/chinh-tri">Chính trị</a><a href="/xa-hoi">Xã hội</a><a href="/quoc-te">Quốc tế</a></div></div>
<ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li></ul>
<div class="main"><article class="article">
<div class="article__meta"><time datetime="${iso ?? ''}">${esc(a.date?.raw ?? '')}</time></div>
<h1 class="article__title">${esc(a.title)}</h1>
<div class="article__body">
${body.join('\n')}
</div>
${a.byline ? `<div class="article__author">${esc(a.byline)}</div>` : ''}
<div class="article__share"><button>Facebook</button><button>Zalo</button><button>Copy link</button></div>
<div class="article__related"><h3>Tin liên quan</h3><ul>${links(RELATED)}</ul></div>
<div id="comments" class="comment-box"><h3>Ý kiến bạn đọc (2)</h3><div class="comment-item">Trần Thị B: Mong các cấp ủy thực hiện tốt nghị quyết đã đề ra trong năm nay.</div></div>
</article>
<div class="col-right"><div class="most-read"><h3>Đọc nhiều nhất</h3><ul>${links(MOST_READ)}</ul></div></div></div>
<div class="footer">Tổng Biên tập: Nguyễn Văn C. Giấy phép hoạt động báo điện tử số 123/GP-BTTTT. Ghi rõ nguồn khi phát hành lại.</div>
</body></html>
`;
}

async function docxOf(a: Article, i: number): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ text: a.title, heading: HeadingLevel.TITLE })];
  if (a.date) children.push(new Paragraph({ children: [new TextRun({ text: a.date.raw, italics: true })] }));
  for (const b of a.blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
    else if (b.kind === 'caption') children.push(new Paragraph({ children: [new TextRun({ text: b.text, italics: true })], alignment: AlignmentType.CENTER }));
    else children.push(new Paragraph({ text: b.text }));
  }
  if (i === 0) {
    // A list and a table, as reports often carry them.
    children.push(new Paragraph({ text: 'Chỉ tiêu năm 2021 của Đảng bộ', heading: HeadingLevel.HEADING_2 }));
    for (const item of ['Kết nạp từ 6 đến 10 đảng viên mới', '100% chi bộ hoàn thành tốt nhiệm vụ trở lên']) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)], width: { size: 3000, type: WidthType.DXA } })) });
    children.push(new Table({ rows: [row(['Danh hiệu', 'Số lượng']), row(['Chi bộ hoàn thành xuất sắc nhiệm vụ', '3']), row(['Đảng viên hoàn thành xuất sắc nhiệm vụ', '25'])] }));
  }
  if (a.byline) children.push(new Paragraph({ children: [new TextRun({ text: a.byline, bold: true })], alignment: AlignmentType.RIGHT }));
  const doc = new Document({
    title: a.title,
    creator: a.author ?? 'Phòng Biên tập',
    description: outletOf(a, i),
    sections: [{ children }],
  });
  // The docx library stamps "now" as the creation time: stamp the article's day instead (or a fixed
  // day when the article has none), so the fixtures are the same on every run.
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const created = isoDate(a)?.replace(/T.*/u, 'T08:00:00Z') ?? '2021-01-10T08:00:00Z';
  const core = (await zip.file('docProps/core.xml')!.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/gu, `$1${created}`);
  zip.file('docProps/core.xml', core);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', date: new Date(created) } as JSZip.JSZipGeneratorOptions<'nodebuffer'>);
}

async function pdfOf(a: Article, i: number, font: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 64, right: 64 }, bufferPages: true, info: { Title: a.title, ...(a.author ? { Author: a.author } : {}), CreationDate: new Date('2021-01-10T08:00:00Z') } });
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('body', font);
  doc.font('body');
  doc.fontSize(16).text(a.title, { paragraphGap: 10 });
  if (a.date) doc.fontSize(10).text(a.date.raw, { paragraphGap: 10 });
  if (a.outlet) doc.fontSize(10).text(a.outlet, { paragraphGap: 10 });
  for (const b of a.blocks) {
    if (b.kind === 'heading') doc.fontSize(12).text(b.text, { paragraphGap: 8 });
    else if (b.kind === 'caption') doc.fontSize(9).text(b.text, { align: 'center', paragraphGap: 8 });
    else doc.fontSize(11).text(b.text, { align: 'justify', paragraphGap: 8, lineGap: 2 });
  }
  if (a.byline) doc.fontSize(11).text(a.byline, { align: 'right' });
  // Running header and page numbers, written once the pages exist.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    doc.fontSize(8).text(`${outletOf(a, i)} — Báo cáo hội nghị`, 64, 36, { lineBreak: false });
    doc.fontSize(9).text(`Trang ${p + 1}`, 0, doc.page.height - 48, { align: 'center', width: doc.page.width, lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  await done;
  return Buffer.concat(parts);
}

const USAGE = [
  'Usage: npm run -s make-format-fixtures [--help]',
  '  Writes tests/fixtures/formats/{html,docx,pdf}/ from the seed articles in corpus/: three news-site',
  '  page shapes, Word files and PDFs. Needs a DejaVu Sans TTF (Debian: fonts-dejavu-core).',
].join('\n');

async function main(): Promise<void> {
  parseCli(USAGE, {});
  let font: string | null = null;
  for (const f of FONT_CANDIDATES) {
    if (await fs.stat(f).then(() => true, () => false)) font = f;
  }
  if (!font) throw new Error(`No Vietnamese-capable TTF found (tried ${FONT_CANDIDATES.join(', ')}); install fonts-dejavu-core.`);
  const shapes = [portalPage, cmsPage, dailyPage];
  for (const sub of ['html', 'docx', 'pdf']) await fs.mkdir(path.join(OUT, sub), { recursive: true });
  const files = (await fs.readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  for (const [i, file] of files.entries()) {
    const a = parseArticle(await fs.readFile(path.join(SEEDS, file)), file);
    await fs.writeFile(path.join(OUT, 'html', `${a.id}.html`), shapes[i % shapes.length]!(a, i));
    await fs.writeFile(path.join(OUT, 'docx', `${a.id}.docx`), await docxOf(a, i));
    await fs.writeFile(path.join(OUT, 'pdf', `${a.id}.pdf`), await pdfOf(a, i, font));
    console.log(`${a.id}: html (${shapes[i % shapes.length]!.name}), docx, pdf`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../../src/corpus/errors.js';
import { dropRunningLines, linesToParagraphs, type PdfLine } from '../../../src/corpus/formats/pdf.js';
import { readArticle } from '../../../src/corpus/read.js';
import { ROOT } from '../../helpers/index-fixture.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/formats/pdf/003_8fd1f3030b24dd22.pdf');

function pdfWith(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  draw(doc);
  doc.end();
  return done;
}

const line = (text: string, page: number, y: number, x0 = 64, x1 = 530, size = 11): PdfLine => ({ text, page, x0, x1, y, size });

describe('pdf format', () => {
  it('drops the running header and the page numbers of every page', async () => {
    const a = await readArticle(readFileSync(FIXTURE), 'a.pdf');
    const all = a.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/Báo cáo hội nghị/u);
    expect(all).not.toMatch(/^Trang \d+$/mu);
    expect(a.title).toMatch(/^Đảng ủy Khối Dân - Chính - Đảng TPHCM/u);
  });

  it('joins the lines of a paragraph, a hyphenated word, and a paragraph running over a page break', () => {
    const pages = [
      [line('Báo cáo – trang đầu', 1, 800, 64, 200, 8), line('Hội nghị đã thống nhất các chỉ tiêu về xây', 1, 700), line('dựng Đảng năm 2025 và giao cho Ban Thường vụ chỉ đạo thực hiện.', 1, 686, 64, 400), line('Đồng chí Bí thư nhấn mạnh yêu cầu đổi mới phương thức lãnh đạo, ana-', 1, 660), line('lyze kỹ các mục tiêu của nhiệm kỳ và tập trung vào', 1, 646), line('1', 1, 40, 290, 296, 9)],
      [line('Báo cáo – trang đầu', 2, 800, 64, 200, 8), line('những việc cấp bách trước mắt.', 2, 700, 64, 250), line('2', 2, 40, 290, 296, 9)],
    ];
    const paragraphs = linesToParagraphs(dropRunningLines(pages));
    expect(paragraphs).toEqual([
      { text: 'Hội nghị đã thống nhất các chỉ tiêu về xây dựng Đảng năm 2025 và giao cho Ban Thường vụ chỉ đạo thực hiện.', page: 1 },
      { text: 'Đồng chí Bí thư nhấn mạnh yêu cầu đổi mới phương thức lãnh đạo, analyze kỹ các mục tiêu của nhiệm kỳ và tập trung vào những việc cấp bách trước mắt.', page: 1 },
    ]);
  });

  it('a scanned PDF without a text layer is an error, never an empty article', async () => {
    const scan = await pdfWith((doc) => {
      doc.rect(50, 50, 400, 600).fill('#999999');
      doc.addPage().rect(50, 50, 400, 600).fill('#777777');
    });
    await expect(readArticle(scan, 'scan.pdf')).rejects.toThrow(/^the PDF has no text layer \(a scan\?\)/u);
  });

  it('fails with one clear line on a damaged or fake PDF', async () => {
    const good = readFileSync(FIXTURE);
    for (const bytes of [Buffer.from('%PDF-1.7\n garbage garbage'), Buffer.from('not a pdf at all'), good.subarray(0, 3000)]) {
      const err = await readArticle(bytes, 'bad.pdf').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArticleError);
      expect((err as Error).message).not.toContain('\n');
    }
  });
});

describe('pdf pages in two columns', () => {
  it('reads the headline, then the left column, then the right one, with their paragraphs', async () => {
    const para = (n: number) => `Doan van so ${n} cua bai viet ve hoi nghi Ban Chap hanh Dang bo tinh lan thu hai muoi, danh gia tinh hinh thuc hien nhiem vu chinh tri va de ra chi tieu nam toi cho toan Dang bo.`;
    const bytes = await pdfWith((doc) => {
      doc.fontSize(18).text('Hoi nghi Ban Chap hanh Dang bo tinh lan thu 20', { paragraphGap: 12 });
      doc.fontSize(10).text([1, 2, 3, 4, 5, 6].map(para).join('\n'), { columns: 2, columnGap: 24, height: 170, paragraphGap: 8, align: 'justify' });
    });
    const a = await readArticle(bytes, 'cols.pdf');
    expect(a.title).toBe('Hoi nghi Ban Chap hanh Dang bo tinh lan thu 20');
    expect(a.blocks.map((b) => b.text)).toEqual([1, 2, 3, 4, 5, 6].map(para));
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../../src/corpus/errors.js';
import { coreProperties, DOCX_MAX_UNPACKED_BYTES } from '../../../src/corpus/formats/docx.js';
import { readArticle } from '../../../src/corpus/read.js';
import { ROOT } from '../../helpers/index-fixture.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/formats/docx/000_2f1c6def5fbb55b7.docx');

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('docx format', () => {
  it('keeps headings, list items and table rows as lines of text', async () => {
    const a = await readArticle(readFileSync(FIXTURE), 'a.docx');
    const texts = a.blocks.map((b) => b.text);
    expect(a.blocks.find((b) => b.text === 'Chỉ tiêu năm 2021 của Đảng bộ')?.kind).toBe('heading');
    const kindOf = (t: string) => a.blocks.find((b) => b.text === t)?.kind;
    expect(kindOf('Kết nạp từ 6 đến 10 đảng viên mới')).toBe('body'); // a list item is text to quote
    expect(kindOf('Chi bộ hoàn thành xuất sắc nhiệm vụ | 3')).toBe('body'); // so is a table row
    expect(texts).toContain('Danh hiệu | Số lượng');
    expect(a.title).toMatch(/^Đảng bộ cơ quan chính quyền TP Huế/u);
  });

  it('reads dc:title, dc:creator and dcterms:created', () => {
    const xml = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>Hội nghị &amp; tổng kết</dc:title><dc:creator>Thanh Lê</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-03-02T08:00:00Z</dcterms:created></cp:coreProperties>`;
    expect(coreProperties(xml)).toEqual({ title: 'Hội nghị & tổng kết', author: 'Thanh Lê', fileDate: '2025-03-02T15:00:00+07:00' }); // UTC in Word, Vietnam time here
    expect(coreProperties('<dc:creator>Un-named</dc:creator>')).toEqual({});
  });

  it('refuses a zip bomb named .docx from its declared sizes, before unpacking', async () => {
    const bomb = await zipOf({ 'word/document.xml': Buffer.alloc(DOCX_MAX_UNPACKED_BYTES + 1024 * 1024, 0x41) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(readArticle(bomb, 'bomb.docx')).rejects.toThrow(/over the 50 MB limit \(a zip bomb\?\)/u);
  });

  it('refuses a part that unpacks to more than its declared size', async () => {
    const zip = await zipOf({ 'word/document.xml': Buffer.alloc(2 * 1024 * 1024, 0x41) });
    // Lower the declared size in the central directory to 1000 bytes.
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, central + 24);
    await expect(readArticle(zip, 'lying.docx')).rejects.toThrow(/unpacks to more than it declares/u);
  });

  it('fails with one clear line on bytes that are not a Word document', async () => {
    for (const [bytes, re] of [
      [Buffer.from('this is plain text, not a zip'), /not a valid Word document/u],
      [readFileSync(FIXTURE).subarray(0, 4000), /not a valid Word document/u],
      [await zipOf({ 'content.xml': '<x/>' }), /no word\/document\.xml/u],
      [await zipOf({ 'word/document.xml': '<not really xml' }), /could not be read/u],
    ] as const) {
      const err = await readArticle(bytes, 'bad.docx').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArticleError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).not.toContain('\n');
    }
  });
});

describe('docx captions', () => {
  it('a paragraph in Word\'s "Caption" style is a photo caption', async () => {
    const { Document, Packer, Paragraph, HeadingLevel } = await import('docx');
    const lead = 'Sáng 16-10, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 20 để đánh giá tình hình thực hiện nhiệm vụ chính trị năm 2024.';
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true } }] },
      sections: [{ children: [new Paragraph({ text: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20', heading: HeadingLevel.TITLE }), new Paragraph(lead), new Paragraph({ text: 'Phiên họp diễn ra trong hai ngày tại hội trường lớn của tỉnh.', style: 'Caption' }), new Paragraph(lead.replace('20', '21'))] }],
    });
    const a = await readArticle(await Packer.toBuffer(doc), 'c.docx');
    expect(a.blocks.map((b) => b.kind)).toEqual(['body', 'caption', 'body']);
  });
});

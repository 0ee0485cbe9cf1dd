/**
 * A short line worded like a photo caption is a caption only where the report has a photo: in a typed
 * report (.txt, a Word file without images) it is the article's sentence, quoted and cited as such.
 * Reports invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle, readArticle } from '../../src/corpus/read.js';

const LINE = 'Đồng chí Sùng Mí Páo, Bí thư Huyện ủy chủ trì hội nghị.';
const report = (...middle: string[]) =>
  ['---', 'title: Huyện ủy Yên Minh tổng kết công tác năm 2024', 'date: 2024-12-20', '---', 'Chiều 20/12/2024, Huyện ủy Yên Minh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024 tại hội trường huyện.', '', ...middle, '', 'Năm 2024, Đảng bộ huyện Yên Minh kết nạp 150 đảng viên mới, vượt chỉ tiêu đề ra.'].join('\n');
const kindOf = (blocks: ReadonlyArray<{ kind: string; text: string }>, start: string) => blocks.find((b) => b.text.startsWith(start))?.kind;

describe('a caption-worded line in a report with no photo', () => {
  it('is a body line of a .txt report', () => {
    expect(kindOf(parseArticle(Buffer.from(report(LINE)), 'yen-minh.txt').blocks, 'Đồng chí Sùng Mí Páo')).toBe('body');
  });

  it('is a body line of a Word-like web page without images, a caption beside an image or in a figcaption', async () => {
    const page = (inner: string) => Buffer.from(`<html><head><title>Huyện ủy Yên Minh tổng kết công tác năm 2024</title></head><body><article><h1>Huyện ủy Yên Minh tổng kết công tác năm 2024</h1><p>Chiều 20/12/2024, Huyện ủy Yên Minh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024 tại hội trường huyện.</p>${inner}<p>Năm 2024, Đảng bộ huyện Yên Minh kết nạp 150 đảng viên mới, vượt chỉ tiêu đề ra.</p></article></body></html>`);
    expect(kindOf((await readArticle(page(`<p>${LINE}</p>`), 'a.html')).blocks, 'Đồng chí Sùng Mí Páo')).toBe('body');
    expect(kindOf((await readArticle(page(`<figure><img src="/a.jpg"><figcaption>${LINE}</figcaption></figure>`), 'b.html')).blocks, 'Đồng chí Sùng Mí Páo')).toBe('caption');
    expect(kindOf((await readArticle(page(`<p><img src="/a.jpg"></p><p>${LINE}</p>`), 'c.html')).blocks, 'Đồng chí Sùng Mí Páo')).toBe('caption');
  });

  it('is still a caption where the text says so ("Ảnh: …", "(Ảnh: …)") or beside a photo spot', () => {
    expect(kindOf(parseArticle(Buffer.from(report(`${LINE} Ảnh: Minh Hà`)), 'a.txt').blocks, 'Đồng chí Sùng Mí Páo')).toBe('caption');
    expect(kindOf(parseArticle(Buffer.from(report(`${LINE} (Ảnh: Minh Hà)`)), 'b.txt').blocks, 'Đồng chí Sùng Mí Páo')).toBe('caption');
    expect(kindOf(parseArticle(Buffer.from(report('\u00a0', LINE)), 'c.txt').blocks, 'Đồng chí Sùng Mí Páo')).toBe('caption');
    // One credited photo elsewhere in the page: the other caption-worded lines read as captions, as before.
    expect(kindOf(parseArticle(Buffer.from(report(LINE, '', 'Quang cảnh hội nghị. Ảnh: Minh Hà')), 'd.txt').blocks, 'Đồng chí Sùng Mí Páo')).toBe('caption');
  });
});

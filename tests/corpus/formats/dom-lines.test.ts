import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../../src/corpus/formats/dom-lines.js';

describe('htmlToLines', () => {
  it('gives one Markdown line per block: headings, captions, photo spots, list items, table rows', () => {
    const html = `<h2>Kết quả  năm 2024</h2><p>Đoạn <b>một</b>,<br>dòng hai.</p>
      <figure><img src="a.jpg"><figcaption>Toàn cảnh <i>hội nghị</i></figcaption></figure><img src="b.jpg">
      <ul><li>Mục một</li><li><p>Mục hai</p></li></ul>
      <table><tr><td><img src="c.jpg"></td></tr><tr><td>Chú thích ảnh khung</td></tr></table>
      <table><tr><th>Danh hiệu</th><th>Số lượng</th></tr><tr><td>Chi bộ</td><td>3</td></tr></table>
      <script>var x = 1;</script><nav>Trang chủ</nav>`;
    expect(htmlToLines(html)).toEqual([
      '## Kết quả năm 2024',
      'Đoạn một,',
      'dòng hai.',
      '![Toàn cảnh hội nghị](photo)',
      '![](photo)',
      '- Mục một',
      '- Mục hai',
      '![](photo)',
      'Chú thích ảnh khung',
      '| Danh hiệu | Số lượng |',
      '| Chi bộ | 3 |',
    ]);
  });
});

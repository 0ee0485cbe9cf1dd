/**
 * Every seed article, saved as a web page, a Word document and a PDF (tests/fixtures/formats/, made by
 * scripts/make-format-fixtures.ts), reads back to the same paragraphs as its .txt, with its metadata.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, readArticle } from '../../../src/corpus/read.js';
import type { Article } from '../../../src/corpus/types.js';
import { squash } from '../../../src/text/normalise.js';
import { ROOT, SEEDS } from '../../helpers/index-fixture.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/formats');
const IDS = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

const DOCX_EXTRAS = ['Kết nạp từ 6 đến 10 đảng viên mới', '100% chi bộ hoàn thành tốt nhiệm vụ trở lên', 'Danh hiệu | Số lượng', 'Chi bộ hoàn thành xuất sắc nhiệm vụ | 3', 'Đảng viên hoàn thành xuất sắc nhiệm vụ | 25'].map(squash);

const bodies = (a: Article): string[] => a.blocks.filter((b) => b.kind === 'body').map((b) => squash(b.text));

function seed(id: string): Article {
  return parseArticle(readFileSync(path.join(SEEDS, `${id}.txt`)), `${id}.txt`);
}

async function fixture(ext: string, id: string): Promise<Article> {
  return readArticle(readFileSync(path.join(FIXTURES, ext, `${id}.${ext}`)), `${id}.${ext}`);
}

/** Share of the seed's paragraphs found, as they are, in the other format. */
function coverage(want: string[], got: string[]): number {
  const have = new Set(got);
  return want.filter((p) => have.has(p)).length / want.length;
}

describe.each(['html', 'docx', 'pdf'])('%s round trip of the seed articles', (ext) => {
  it.each(IDS)('%s keeps at least 95%% of the paragraphs, the title and the date', async (id) => {
    const txt = seed(id);
    const other = await fixture(ext, id);
    const ratio = coverage(bodies(txt), bodies(other));
    expect(ratio).toBeGreaterThanOrEqual(0.95);
    // Nothing that is not article text: every paragraph of the other format is one of the seed's
    // (but for the list and table the first Word fixture adds on purpose, and the lines the scraped page
    // of 004 captions beside its photos: its Word copy has no photo nor credit, so they are sentences).
    const extra = bodies(other).filter((p) => !bodies(txt).includes(p));
    const uncaptioned = txt.blocks.filter((b) => b.kind === 'caption').map((b) => squash(b.text));
    expect(extra).toEqual(ext === 'docx' && id === '000_2f1c6def5fbb55b7' ? DOCX_EXTRAS : ext === 'docx' && id === '004_7239dae0792dcdec' ? uncaptioned : []);
    expect(other.title).toBe(txt.title);
    if (txt.date?.iso) expect(other.date?.iso).toBe(txt.date.iso);
    expect(other.id).toBe(id);
  });
});

describe('metadata of each format', () => {
  it('web pages give outlet, url and author from their tags (og:, JSON-LD)', async () => {
    for (const id of IDS) {
      const a = await fixture('html', id);
      expect(a.outlet, id).toBeTruthy();
      expect(a.url).toBe(`https://tin.example.vn/xay-dung-dang/${id}.html`);
    }
    expect((await fixture('html', '000_2f1c6def5fbb55b7')).outlet).toBe('Cổng thông tin điện tử Thành phố Huế');
    expect((await fixture('html', '000_2f1c6def5fbb55b7')).author).toBe('Thái Hùng');
  });

  it('Word documents give title and author from their core properties, and a date only when the text has none', async () => {
    const a = await fixture('docx', '001_118586bd13fbd541');
    expect(a.author).toBe('Hồ Sỹ Trung');
    expect(a.date?.iso).toBe('2021-01-10');
    expect(a.warnings.join(' ')).toMatch(/date the file was created/u);
    const b = await fixture('docx', '004_7239dae0792dcdec');
    expect(b.date?.iso).toBe('2024-10-16'); // the dateline in the text, not the file's creation time
    expect(b.author).toBe('Phòng Biên tập');
  });

  it('PDF paragraphs know their page; text outlets still count', async () => {
    const a = await fixture('pdf', '003_8fd1f3030b24dd22');
    const pages = a.blocks.map((b) => b.page);
    expect(pages.every((p) => typeof p === 'number' && p >= 1)).toBe(true);
    expect(new Set(pages).size).toBeGreaterThan(2);
    expect([...pages].sort((x, y) => x! - y!)).toEqual(pages); // in reading order
    expect(a.outlet).toBe('SGGPO');
    expect((await fixture('pdf', '004_7239dae0792dcdec')).outlet).toBe('HPĐT');
  });
});

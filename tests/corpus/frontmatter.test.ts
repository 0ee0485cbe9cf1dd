import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/corpus/frontmatter.js';
import { parseArticle } from '../../src/corpus/read.js';

const ARTICLE = [
  'Sign In',
  'Phát huy mạnh mẽ trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ',
  '07:56 16/10/2024',
  '(HPĐT)- Sáng 16-10, đồng chí Lê Tiến Châu chủ trì làm việc với Đảng ủy Khối các cơ quan thành phố.',
  '',
  'Đảng bộ Khối có 62 tổ chức cơ sở đảng trực thuộc, với 4.466 đảng viên.',
  '',
  'THU HƯỜNG',
].join('\n');

describe('parseFrontMatter', () => {
  it('reads key: value lines between --- fences', () => {
    const fm = parseFrontMatter(
      ['---', 'title: "Tiêu đề: có dấu hai chấm"', 'date: 2024-10-16', 'url: https://example.vn/a', 'source: HPĐT', "author: 'Thu Hà'", '---', 'Nội dung.'].join('\n'),
    );
    expect(fm).toEqual({
      fields: { title: 'Tiêu đề: có dấu hai chấm', date: '2024-10-16', url: 'https://example.vn/a', source: 'HPĐT', author: 'Thu Hà' },
      body: 'Nội dung.',
      warnings: [],
    });
  });

  it('accepts aliases and warns about unknown keys, bad urls, a missing title', () => {
    const fm = parseFrontMatter(['---', 'outlet: SGGPO', 'tags: a, b', 'url: example.vn', '---', 'x'].join('\n'));
    expect(fm?.fields).toEqual({ source: 'SGGPO' });
    expect(fm?.warnings).toHaveLength(3);
    expect(fm?.warnings.join('\n')).toMatch(/unknown key "tags"/);
    expect(fm?.warnings.join('\n')).toMatch(/url "example\.vn"/);
    expect(fm?.warnings.join('\n')).toMatch(/no title/);
  });

  it('is not front matter unless the file starts with a fenced block of key: value lines', () => {
    expect(parseFrontMatter('Tiêu đề\n---\ntitle: x\n---')).toBeNull();
    expect(parseFrontMatter('---\ntitle: x\nkhông đóng')).toBeNull();
    // A "---" separator followed by prose is text, not front matter.
    expect(parseFrontMatter('---\nĐây là một đoạn văn, không phải khóa.\n---\nTiếp.')).toBeNull();
  });
});

describe('front matter in an article overrides what the text says', () => {
  it('title, date, url, source, author', () => {
    const raw = [
      '---',
      'title: Bí thư Thành ủy làm việc với Đảng ủy Khối các cơ quan',
      'date: 2024-10-17',
      'url: https://baohaiphong.vn/bai-viet',
      'source: Báo Hải Phòng',
      'author: Phóng viên HP',
      '---',
      ARTICLE,
    ].join('\n');
    const a = parseArticle(raw, 'hp.md');
    expect(a).toMatchObject({
      id: 'hp',
      title: 'Bí thư Thành ủy làm việc với Đảng ủy Khối các cơ quan',
      date: { iso: '2024-10-17', raw: '2024-10-17', precision: 'day' },
      url: 'https://baohaiphong.vn/bai-viet',
      outlet: 'Báo Hải Phòng',
      author: 'Phóng viên HP',
      warnings: [],
    });
    // The page's own headline differs from the front-matter title: it is kept, as a heading, never as body.
    expect(a.blocks[0]).toMatchObject({ kind: 'heading', text: 'Phát huy mạnh mẽ trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ' });
    expect(a.blocks[1]?.text).toMatch(/^Sáng 16-10,/);
    expect(a.text).not.toContain('07:56');
  });

  it('a page headline matching the front-matter title is dropped from the blocks', () => {
    const raw = ['---', 'title: Phát huy mạnh mẽ trong lãnh đạo, chỉ đạo nhiệm vụ', '---', ARTICLE].join('\n');
    const a = parseArticle(raw, 'hp.txt');
    expect(a.title).toBe('Phát huy mạnh mẽ trong lãnh đạo, chỉ đạo nhiệm vụ');
    expect(a.blocks[0]?.text).toMatch(/^Sáng 16-10,/);
    expect(a.date?.iso).toBe('2024-10-16');
    expect(a.outlet).toBe('HPĐT');
  });

  it('without front matter the same text gives the extracted values', () => {
    const a = parseArticle(ARTICLE, 'hp.txt');
    expect(a).toMatchObject({
      title: 'Phát huy mạnh mẽ trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ',
      date: { iso: '2024-10-16' },
      url: null,
      outlet: 'HPĐT',
      author: 'THU HƯỜNG',
    });
  });

  it('partial front matter: only the given keys override', () => {
    const a = parseArticle(['---', 'url: https://example.vn/x', '---', ARTICLE].join('\n'), 'x.txt');
    expect(a.url).toBe('https://example.vn/x');
    expect(a.title).toBe('Phát huy mạnh mẽ trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ');
    expect(a.date?.iso).toBe('2024-10-16');
    expect(a.warnings.some((w) => /front matter has no title/.test(w))).toBe(true);
  });
});

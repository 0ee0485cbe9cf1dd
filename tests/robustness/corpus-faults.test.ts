/**
 * What newsrooms put in corpus/: nothing at all, binary files, old encodings, a 5 MB article, the same
 * article under two names, two files with the same name in different folders. Each gets one clear line
 * from the build, and everything else is indexed and answers.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/load.js';
import { localizeLine } from '../../src/text/operator.js';
import { sandbox, synthCorpus, type Sandbox } from './helpers.js';

const boxes: Sandbox[] = [];
afterAll(() => boxes.forEach((b) => b.cleanup()));
function box(): Sandbox {
  const b = sandbox('none');
  boxes.push(b);
  mkdirSync(b.corpusDir, { recursive: true });
  return b;
}
async function build(b: Sandbox): Promise<{ report: Awaited<ReturnType<typeof buildIndex>>; lines: string[] }> {
  const lines: string[] = [];
  const report = await buildIndex({ corpusDir: b.corpusDir, outDir: b.indexDir, config: b.config, log: (l) => lines.push(l) });
  return { report, lines };
}

describe('corpus faults', () => {
  it('an empty corpus builds an empty index that loads and answers "not found"', async () => {
    const b = box();
    writeFileSync(path.join(b.corpusDir, 'notes.docx'), 'not an article extension');
    const { report, lines } = await build(b);
    expect(report).toMatchObject({ articles: 0, chunks: 0 });
    expect(lines.join('\n')).toMatch(/No articles found in .*corpus.*\.txt or \.md/);
    const engine = await Engine.open(b.config, { watch: false });
    try {
      const a = await engine.ask('Hội nghị tổng kết năm 2020 có bao nhiêu đảng viên?');
      expect(a.answered).toBe(false);
      expect(a.results).toEqual([]);
      expect(engine.status().articles).toBe(0);
    } finally {
      await engine.close();
    }
  });

  it('binary, non-UTF-8, UTF-16, empty, a 5 MB article, duplicates and a repeated name: each reported, the rest indexed', async () => {
    const b = box();
    const gen = await synthCorpus(b.corpusDir, 20, 7);
    const good = gen.articles.map((a) => a.file);
    // Faulty files.
    writeFileSync(path.join(b.corpusDir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(path.join(b.corpusDir, 'cp1258.txt'), Buffer.from('Hội nghị tổng kết', 'latin1'));
    writeFileSync(path.join(b.corpusDir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hội nghị tổng kết năm', 'utf16le')]));
    writeFileSync(path.join(b.corpusDir, 'blank.md'), '  \n\n  ');
    const dupOf = good[3]!;
    writeFileSync(path.join(b.corpusDir, 'copy-of-an-article.txt'), readFileSync(path.join(b.corpusDir, dupOf)));
    mkdirSync(path.join(b.corpusDir, '2024'));
    writeFileSync(path.join(b.corpusDir, '2024', good[5]!), 'Một bài khác cùng tên tệp\n\nĐảng ủy xã tổ chức hội nghị với 31 đảng viên tham dự và biểu quyết thông qua nghị quyết.\n');
    // A 5 MB article: indexed like any other (it is under the 20 MB limit), and answerable.
    const big: string[] = ['Báo cáo tổng hợp rất dài của Văn phòng Thành ủy', 'Ngày 2 tháng 3 năm 2024.', ''];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const p = `Đoạn ${i}: ${gen.articles[i % gen.articles.length]!.paragraphs[i % 7] ?? 'Hội nghị thống nhất các chỉ tiêu năm 2025.'}`;
      big.push(p, '');
      size += Buffer.byteLength(p) + 2;
    }
    big.push('Kết luận: hội nghị thống nhất giao chỉ tiêu kết nạp 4.321 đảng viên mới cho toàn Đảng bộ.');
    writeFileSync(path.join(b.corpusDir, 'zz-big-report.txt'), big.join('\n'));

    const t0 = performance.now();
    const { report, lines } = await build(b);
    const seconds = (performance.now() - t0) / 1000;
    const text = lines.join('\n');
    expect(text).toMatch(/Skipped photo\.txt: .*binary/);
    expect(text).toMatch(/Skipped cp1258\.txt: .*not valid UTF-8.*save it as UTF-8/);
    expect(text).toMatch(/Skipped utf16\.txt: .*UTF-16/);
    expect(text).toMatch(/Skipped blank\.md: .*empty/);
    expect(text).toMatch(/zz-big-report\.txt: the file is 5 MB, far longer than a news report/);
    expect(text).toMatch(new RegExp(`Skipped copy-of-an-article\\.txt: same content as ${dupOf.replace('.', '\\.')}`));
    expect(text).toMatch(new RegExp(`Skipped 2024/${good[5]!.replace('.', '\\.')}: another file, ${good[5]!.replace('.', '\\.')}, already gives the article id`));
    // Every "Skipped" line is one line naming one file.
    for (const l of lines.filter((x) => x.startsWith('Skipped'))) expect(l).not.toContain('\n');
    // The same lines for a Vietnamese operator (what build-index prints by default): every one of these translated.
    const vi = lines.map((l) => localizeLine(l, 'vi')).join('\n');
    expect(vi).toMatch(/Bỏ qua photo\.txt: tệp có vẻ là nhị phân/);
    expect(vi).toMatch(/Bỏ qua cp1258\.txt: tệp không phải văn bản UTF-8 hợp lệ/);
    expect(vi).toMatch(/Bỏ qua utf16\.txt: tệp là văn bản UTF-16/);
    expect(vi).toMatch(/Bỏ qua blank\.md: tệp trống/);
    expect(vi).toMatch(/zz-big-report\.txt: tệp nặng 5 MB, dài hơn nhiều so với một bài báo/);
    expect(vi).toMatch(new RegExp(`Bỏ qua copy-of-an-article\\.txt: trùng nội dung với ${dupOf.replace('.', '\\.')}`));
    expect(vi).toMatch(/Bỏ qua 2024\/.+: tệp khác, .+, đã dùng mã bài/);
    expect(vi).not.toMatch(/Skipped|same content|another file/);
    expect(report.articles).toBe(good.length + 1);
    expect(seconds).toBeLessThan(40);

    const idx = await loadIndex(b.indexDir);
    expect(new Set(idx.articles.map((a) => a.file))).toEqual(new Set([...good, 'zz-big-report.txt']));
    const engine = await Engine.open(b.config, { watch: false });
    try {
      const a = await engine.ask('Hội nghị giao chỉ tiêu kết nạp bao nhiêu đảng viên mới cho toàn Đảng bộ?');
      expect(a.answered).toBe(true);
      expect(a.results.map((r) => r.quote).join(' ')).toContain('4.321 đảng viên mới');
    } finally {
      await engine.close();
    }

    // The next build (nothing changed) says the same things again and reuses everything.
    const again = await build(b);
    expect(again.lines.filter((l) => l.startsWith('Skipped')).sort()).toEqual(lines.filter((l) => l.startsWith('Skipped')).sort());
    expect(again.report).toMatchObject({ articles: report.articles, chunks: report.chunks, reused: report.chunks, removed: 0 });
    expect(readdirSync(b.indexDir).filter((d) => d.startsWith('v-')).length).toBeLessThanOrEqual(2);
  });
});

/** Articles in every format, built into a real index: answers cite title, date, outlet, and the page of a PDF. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../src/engine/engine.js';
import { buildIndex } from '../../../src/index/build.js';
import { renderAnswerHtml, renderAnswerPlain } from '../../../src/present/render.js';
import { ROOT, tempIndex, type TempIndex } from '../../helpers/index-fixture.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/formats');
let t: TempIndex;
let engine: Awaited<ReturnType<typeof openEngine>>;
let problems: string[] = [];

beforeAll(async () => {
  t = tempIndex({ seeds: false });
  mkdirSync(t.corpusDir, { recursive: true });
  copyFileSync(path.join(FIXTURES, 'pdf/003_8fd1f3030b24dd22.pdf'), path.join(t.corpusDir, '003_8fd1f3030b24dd22.pdf'));
  copyFileSync(path.join(FIXTURES, 'html/004_7239dae0792dcdec.html'), path.join(t.corpusDir, '004_7239dae0792dcdec.html'));
  copyFileSync(path.join(FIXTURES, 'docx/000_2f1c6def5fbb55b7.docx'), path.join(t.corpusDir, '000_2f1c6def5fbb55b7.docx'));
  // Bad files next to them: each is one problem, the others are indexed.
  writeFileSync(path.join(t.corpusDir, 'broken.pdf'), '%PDF-1.4 nothing here');
  writeFileSync(path.join(t.corpusDir, 'broken.docx'), 'PK not really');
  writeFileSync(path.join(t.corpusDir, 'menu.html'), `<html><body><nav>${'<a href="/">Trang chủ</a>'.repeat(10)}</nav></body></html>`);
  const report = await buildIndex({ corpusDir: t.corpusDir, outDir: t.indexDir, config: t.config, log: (l) => problems.push(l) });
  expect(report.articles).toBe(3);
  engine = await openEngine(t.config, { watch: false });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  t?.cleanup();
});

describe('citations of articles read from html, docx and pdf', () => {
  it('the bad files are reported, one line each, and skipped', () => {
    const skipped = problems.filter((l) => /broken\.pdf|broken\.docx|menu\.html/u.test(l));
    expect(skipped).toHaveLength(3);
    for (const l of skipped) expect(l).not.toContain('\n');
  });

  it('a PDF answer carries its page and the citation says "trang N"', async () => {
    const answer = await engine.ask('Đảng ủy Khối Dân - Chính - Đảng TPHCM tăng tốc hoàn thành nhiệm vụ bình thường mới');
    const r = answer.results.find((x) => x.article.id === '003_8fd1f3030b24dd22');
    expect(r).toBeDefined();
    expect(r!.page).toBeGreaterThanOrEqual(1);
    expect(r!.article.outlet).toBe('SGGPO');
    expect(r!.article.title).toMatch(/^Đảng ủy Khối Dân - Chính - Đảng TPHCM/u);
    const plain = renderAnswerPlain(answer, 'vi');
    expect(plain).toMatch(new RegExp(`SGGPO( · [^·\\n]+)? · trang ${r!.page} · đoạn ${r!.paragraph}`, 'u'));
    expect(renderAnswerHtml(answer, 'en').join('\n')).toContain(`p. ${r!.page}`);
  });

  it('web page and Word answers cite title, date and outlet, and no page', async () => {
    const answer = await engine.ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?');
    const r = answer.results.find((x) => x.article.id === '004_7239dae0792dcdec');
    expect(r).toBeDefined();
    expect(r!.page).toBeUndefined();
    expect(r!.article.outlet).toBe('HPĐT');
    expect(r!.article.url).toBe('https://tin.example.vn/xay-dung-dang/004_7239dae0792dcdec.html');
    expect(renderAnswerPlain(answer, 'vi')).toContain('Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ · Hải Phòng · 16/10/2024 · HPĐT · đoạn');
    const docx = await engine.ask('Đảng bộ cơ quan chính quyền TP Huế kết nạp bao nhiêu đảng viên năm 2020?');
    const d = docx.results.find((x) => x.article.id === '000_2f1c6def5fbb55b7');
    expect(d?.article.date?.iso).toBe('2021-01-09');
    expect(d?.article.author).toBe('Thái Hùng');
  });
});

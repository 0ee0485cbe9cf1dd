/** Adding articles from web addresses (a local HTTP server on 127.0.0.1, started here) and from files. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/corpus/errors.js';
import { addToCorpus, IngestError, looksLikeUrl } from '../../src/corpus/ingest.js';
import { readCorpus } from '../../src/corpus/read.js';
import { asciiSlug } from '../../src/text/normalise.js';
import { ROOT } from '../helpers/index-fixture.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/formats');
const PAGE = readFileSync(path.join(FIXTURES, 'html/002_25813a48fb69556b.html'));
const PDF = readFileSync(path.join(FIXTURES, 'pdf/003_8fd1f3030b24dd22.pdf'));

/** A Vietnamese page in windows-1258, declared only in <meta>. */
const LEGACY_TEXT = 'Sáng 2-3, Ban Chấp hành Đảng bộ tỉnh họp phiên thường kỳ để bàn các chỉ tiêu kinh tế - xã hội năm 2025 và công tác xây dựng Đảng trong toàn tỉnh.';

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/bai-viet.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (url.startsWith('/redirect/')) {
      const n = Number(url.split('/')[2]);
      res.writeHead(302, { location: n > 0 ? `/redirect/${n - 1}` : '/bai-viet.html' });
      res.end();
    } else if (url === '/to-ftp') {
      res.writeHead(301, { location: 'ftp://127.0.0.1/x' });
      res.end();
    } else if (url === '/bao-cao.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(PDF);
    } else if (url === '/cu.html') {
      const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>Hội nghị</title></head><body><article><h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh</h1><p>${LEGACY_TEXT}</p><p>${LEGACY_TEXT}</p></article></body></html>`;
      // "ộ" (U+1ED9) is "ô" + combining dot below in windows-1258: encode by hand for the letters used.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(encode1258(html));
    } else if (url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(300_000, 0x61));
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>'); // never ends
    } else if (url === '/menu') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body><nav>${'<a href="/">Trang chủ</a> '.repeat(20)}</nav></body></html>`);
    } else if (url === '/image.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingest-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** windows-1258 bytes of text: precomposed where the code page has the letter (ô, ơ, ă…), tone marks combining. */
function encode1258(text: string): Buffer {
  const dec = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  const byte = (c: string): number => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`no windows-1258 byte for ${c}`);
    return b;
  };
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (table.has(ch)) {
      out.push(byte(ch));
      continue;
    }
    // A base letter + one of its marks may exist precomposed ("ô"), the tone stays combining.
    const [base, ...marks] = [...ch.normalize('NFD')];
    const k = marks.findIndex((m) => table.has(`${base}${m}`.normalize('NFC')));
    out.push(k >= 0 ? byte(`${base}${marks[k]}`.normalize('NFC')) : byte(base!));
    const rest = marks.filter((_, i) => i !== k);
    for (const m of rest) out.push(byte(m));
  }
  return Buffer.from(out);
}

describe('add from a web address', () => {
  it('saves the page as Markdown with front matter (url = the address) and the corpus reads it', async () => {
    const added = await addToCorpus(`${base}/bai-viet.html`, dir);
    expect(added.file).toBe('dang-uy-khoi-cac-co-quan-tinh-to-chuc-hoi-nghi-tong-ket-cong-tac-xay-dung-dang.md');
    const md = readFileSync(path.join(dir, added.file), 'utf8');
    expect(md).toMatch(/^---\ntitle: "Đảng ủy Khối Các cơ quan tỉnh tổ chức Hội nghị tổng kết/u);
    expect(md).toContain(`url: "${base}/bai-viet.html"`);
    expect(md).toContain('source: "Báo Tuyên Quang"');
    expect(md).toContain('date: "2021-01-14T07:30:00+07:00"');
    expect(md).not.toMatch(/Đọc nhiều nhất|Tin liên quan|Quảng cáo/u);
    const { articles, problems } = await readCorpus(dir);
    expect(problems).toEqual([]);
    expect(articles[0]!.url).toBe(`${base}/bai-viet.html`);
    expect(articles[0]!.outlet).toBe('Báo Tuyên Quang');
    expect(articles[0]!.date?.iso).toBe('2021-01-14');
  });

  it('follows up to 5 redirects and records the final address; refuses a 6th', async () => {
    const ok = await addToCorpus(`${base}/redirect/4`, dir);
    expect(ok.article.url).toBe(`${base}/bai-viet.html`);
    await expect(addToCorpus(`${base}/redirect/5`, dir)).rejects.toThrow(/too many redirects \(more than 5\)/u);
  });

  it('refuses every scheme but http and https, also as a redirect target', async () => {
    for (const url of ['ftp://127.0.0.1/a.html', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x</p>']) {
      await expect(addToCorpus(url, dir)).rejects.toThrow(/only http and https addresses can be added/u);
    }
    await expect(addToCorpus(`${base}/to-ftp`, dir)).rejects.toThrow(/only http and https/u);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('decodes the charset the page declares (windows-1258)', async () => {
    const added = await addToCorpus(`${base}/cu.html`, dir);
    expect(added.article.blocks.map((b) => b.text)).toContain(LEGACY_TEXT);
  });

  it('saves a PDF as it is', async () => {
    const added = await addToCorpus(`${base}/bao-cao.pdf`, dir);
    expect(added.file).toBe('bao-cao.pdf');
    expect(readFileSync(path.join(dir, 'bao-cao.pdf')).equals(PDF)).toBe(true);
    expect(added.article.blocks[0]!.page).toBe(1);
  });

  it('size limit, timeout, HTTP errors, non-articles and other media types: one clear error, nothing written', async () => {
    await expect(addToCorpus(`${base}/huge`, dir, { maxBytes: 100_000 })).rejects.toThrow(/over the 100000-byte limit/u);
    await expect(addToCorpus(`${base}/slow`, dir, { timeoutMs: 300 })).rejects.toThrow(/no complete answer from 127\.0\.0\.1:\d+ within 0\.3 s/u);
    await expect(addToCorpus(`${base}/missing`, dir)).rejects.toThrow(/answered 404/u);
    await expect(addToCorpus(`${base}/menu`, dir)).rejects.toThrow(ArticleError);
    await expect(addToCorpus(`${base}/image.png`, dir)).rejects.toThrow(/"image\/png", not a web page/u);
    await expect(addToCorpus('http://127.0.0.1:1/x', dir)).rejects.toThrow(IngestError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('add from a file', () => {
  it('copies the file under a folded ASCII name, never overwriting an article unless --replace', async () => {
    const src = mkdtempSync(path.join(tmpdir(), 'ingest-src-'));
    try {
      const file = path.join(src, 'Báo cáo\u0007 ..Hội nghị Tỉnh ủy.docx');
      writeFileSync(file, readFileSync(path.join(FIXTURES, 'docx/000_2f1c6def5fbb55b7.docx')));
      const first = await addToCorpus(file, dir);
      const stem = 'bao-cao-hoi-nghi-tinh-uy';
      expect(first.file).toBe(`${stem}.docx`);
      // Another article under the same name.
      writeFileSync(file, readFileSync(path.join(FIXTURES, 'docx/001_118586bd13fbd541.docx')));
      const second = await addToCorpus(file, dir);
      expect(second.file).toBe(`${stem}-2.docx`);
      expect(second.article.id).toBe(`${stem}-2`);
      // probe10: the admin must learn which article held the name (a corrected report otherwise stands beside the old one).
      expect(first.nameTakenBy).toBeNull();
      expect(second.nameTakenBy).toBe(`${stem}.docx`);
      writeFileSync(path.join(src, `${stem}.txt`), readFileSync(path.join(ROOT, 'corpus/004_7239dae0792dcdec.txt')));
      // Same stem, other extension: the id is taken, so another name…
      expect((await addToCorpus(path.join(src, `${stem}.txt`), dir)).file).toBe(`${stem}-3.txt`);
      // …unless --replace, which takes the place of the article with that id.
      writeFileSync(path.join(src, `${stem}.txt`), readFileSync(path.join(ROOT, 'corpus/003_8fd1f3030b24dd22.txt')));
      const replaced = await addToCorpus(path.join(src, `${stem}.txt`), dir, { replace: true });
      expect(replaced).toMatchObject({ file: `${stem}.txt`, replaced: true });
      expect(existsSync(path.join(dir, `${stem}.docx`))).toBe(false);
      expect(readdirSync(dir).sort()).toEqual([`${stem}-2.docx`, `${stem}-3.txt`, `${stem}.txt`]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });

  it('refuses a copy of an article the corpus already holds (the build would skip it as a duplicate), unless it replaces that very file', async () => {
    const src = mkdtempSync(path.join(tmpdir(), 'ingest-src-'));
    try {
      const seed = readFileSync(path.join(ROOT, 'corpus/004_7239dae0792dcdec.txt'));
      writeFileSync(path.join(src, 'hai-phong.txt'), seed);
      expect((await addToCorpus(path.join(src, 'hai-phong.txt'), dir)).file).toBe('hai-phong.txt');
      writeFileSync(path.join(src, 'ban-sao.txt'), seed);
      const err = await addToCorpus(path.join(src, 'ban-sao.txt'), dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArticleError);
      expect((err as Error).message).toBe('same content as hai-phong.txt (a duplicate)');
      // The same upload again under its own name: also refused without --replace, accepted with it.
      await expect(addToCorpus(path.join(src, 'hai-phong.txt'), dir)).rejects.toThrow(/a duplicate/u);
      expect((await addToCorpus(path.join(src, 'hai-phong.txt'), dir, { replace: true })).replaced).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['hai-phong.txt']);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });

  it('refuses unknown kinds, missing files and unusable articles without writing', async () => {
    await expect(addToCorpus(path.join(dir, 'nope.txt'), dir)).rejects.toThrow(/no such file/u);
    const odd = path.join(tmpdir(), `ingest-${process.pid}.exe`);
    writeFileSync(odd, 'MZ');
    await expect(addToCorpus(odd, dir)).rejects.toThrow(/no reader for "\.exe" files/u);
    rmSync(odd);
    const bad = path.join(tmpdir(), `ingest-${process.pid}.pdf`);
    writeFileSync(bad, '%PDF-1.4 broken');
    await expect(addToCorpus(bad, dir)).rejects.toThrow(ArticleError);
    rmSync(bad);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('tells addresses from paths and slugs names safely', () => {
    expect(looksLikeUrl('https://a.vn/x')).toBe(true);
    expect(looksLikeUrl('ftp://a')).toBe(true);
    expect(looksLikeUrl('C:\\docs\\a.docx')).toBe(false);
    expect(looksLikeUrl('./bai viet.txt')).toBe(false);
    expect(asciiSlug('../../etc/Đảng bộ: "Hội nghị"\n\u0000 lần 2')).toBe('etc-dang-bo-hoi-nghi-lan-2');
    expect(asciiSlug('a'.repeat(50) + ' ' + 'b'.repeat(50), 80)).toBe('a'.repeat(50));
  });
});

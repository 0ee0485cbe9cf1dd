import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/corpus/errors.js';
import { articleId, parseArticle, readCorpus } from '../../src/corpus/read.js';

const CORPUS = path.resolve(__dirname, '../../corpus');
const SEED = '004_7239dae0792dcdec.txt';

const GOOD = [
  'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20',
  'Ngày 16/10/2024',
  'Sáng 16-10, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 20 để đánh giá tình hình.',
  '',
  'Hội nghị thống nhất các chỉ tiêu năm 2025.',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corpus-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (rel: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), content);
};
const problemFor = (problems: Array<{ file: string; message: string }>, file: string): string | undefined =>
  problems.find((p) => p.file === file)?.message;

describe('parseArticle input checks', () => {
  it('refuses binary, UTF-16, invalid UTF-8 and empty content with a clear ArticleError', () => {
    expect(() => parseArticle(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'x.txt')).toThrow(/binary/);
    expect(() => parseArticle(Buffer.from('\uFEFFxin chào', 'utf16le'), 'x.txt')).toThrow(/UTF-16/);
    expect(() => parseArticle(Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xe9, 0x69]), 'x.txt')).toThrow(/not valid UTF-8/);
    expect(() => parseArticle(Buffer.alloc(0), 'x.txt')).toThrow(/empty/);
    expect(() => parseArticle('  \n\u00A0\n ', 'x.txt')).toThrow(/empty/);
    expect(() => parseArticle('Sign In\n\nTag:\n\nFile đính kèm', 'x.txt')).toThrow(/no article text/);
    expect(() => parseArticle(Buffer.alloc(0), 'x.txt')).toThrow(ArticleError);
  });

  it('hashes the raw bytes: the same text gives the same hash; a changed byte changes it', () => {
    const a = parseArticle(Buffer.from(GOOD), 'a.txt');
    expect(parseArticle(GOOD, 'b.txt').contentHash).toBe(a.contentHash);
    expect(parseArticle(Buffer.from(`${GOOD} `), 'a.txt').contentHash).not.toBe(a.contentHash);
  });

  it('ids are file stems', () => {
    expect(articleId('004_7239dae0792dcdec.txt')).toBe('004_7239dae0792dcdec');
    expect(articleId('nested/deeper/bai-viet.v2.md')).toBe('bai-viet.v2');
    expect(articleId('nested\\win.txt')).toBe('win');
  });
});

describe('readCorpus', () => {
  it('reads .txt and .md recursively, skips hidden files and other extensions, sorts by id', async () => {
    write('b.txt', GOOD);
    write('sub/a.md', GOOD.replace('lần thứ 20', 'lần thứ 21'));
    write('.hidden.txt', GOOD.replace('20', '22'));
    write('.git/c.txt', GOOD.replace('20', '23'));
    write('notes.json', '{}');
    write('image.jpg', Buffer.from([0xff, 0xd8, 0x00]));
    const r = await readCorpus(dir);
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => [a.id, a.file])).toEqual([
      ['a', 'sub/a.md'],
      ['b', 'b.txt'],
    ]);
  });

  it('reports problems for bad files and still reads the good ones', async () => {
    copyFileSync(path.join(CORPUS, SEED), path.join(dir, SEED));
    write('binary.txt', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41]));
    write('latin1.txt', Buffer.from('Hội nghị', 'latin1'));
    write('empty.txt', '');
    write('chrome-only.txt', 'Sign In\n\n40 Go top\n\nThống kê truy cập\n');
    const r = await readCorpus(dir);
    expect(r.articles.map((a) => a.id)).toEqual(['004_7239dae0792dcdec']);
    expect(problemFor(r.problems, 'binary.txt')).toMatch(/binary/);
    expect(problemFor(r.problems, 'latin1.txt')).toMatch(/not valid UTF-8/);
    expect(problemFor(r.problems, 'empty.txt')).toMatch(/empty/);
    expect(problemFor(r.problems, 'chrome-only.txt')).toMatch(/no article text/);
    for (const p of r.problems) expect(p.message).not.toMatch(/\n/);
  });

  it('a duplicate of another article under another name: the first is kept, the second reported', async () => {
    copyFileSync(path.join(CORPUS, SEED), path.join(dir, 'a_copy.txt'));
    copyFileSync(path.join(CORPUS, SEED), path.join(dir, 'b_copy.txt'));
    const r = await readCorpus(dir);
    expect(r.articles.map((a) => a.id)).toEqual(['a_copy']);
    expect(r.problems).toEqual([{ file: 'b_copy.txt', message: 'same content as a_copy.txt (a duplicate)' }]);
  });

  it('two files with the same stem: the first (top level, then by path) is kept, the second reported', async () => {
    write('same.txt', GOOD);
    write('nested/same.md', GOOD.replace('lần thứ 20', 'lần thứ 30'));
    const r = await readCorpus(dir);
    expect(r.articles.map((a) => a.file)).toEqual(['same.txt']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.file).toBe('nested/same.md');
    expect(r.problems[0]?.message).toMatch(/another file, same\.txt, already gives the article id "same"/);
  });

  it('a file that is not a usable article does not claim its id', async () => {
    write('a/x.txt', Buffer.from([0x00, 0x00]));
    write('b/x.txt', GOOD);
    const r = await readCorpus(dir);
    expect(r.articles.map((a) => a.file)).toEqual(['b/x.txt']);
    expect(r.problems.map((p) => p.file)).toEqual(['a/x.txt']);
  });

  it('files over the size limit are skipped without reading them', async () => {
    write('big.txt', `${GOOD}\n\n${'Đoạn văn dài. '.repeat(200)}`);
    write('small.txt', GOOD.replace('20', '25'));
    const r = await readCorpus(dir, { maxFileBytes: 1024 });
    expect(r.articles.map((a) => a.id)).toEqual(['small']);
    expect(problemFor(r.problems, 'big.txt')).toMatch(/over the 1 KB limit/);
  });

  it('an unreadable file is a problem, not a crash', async () => {
    write('locked.txt', GOOD);
    write('ok.txt', GOOD.replace('20', '26'));
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const r = await readCorpus(dir);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot) {
      // root reads anyway: both articles load.
      expect(r.articles).toHaveLength(2);
    } else {
      expect(r.articles.map((a) => a.id)).toEqual(['ok']);
      expect(problemFor(r.problems, 'locked.txt')).toMatch(/cannot read the file: permission denied/);
    }
    chmodSync(path.join(dir, 'locked.txt'), 0o644);
  });

  it('symbolic links out of the corpus folder are not followed and are reported; links inside are read', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'corpus-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.txt'), GOOD);
      write('a.txt', GOOD);
      symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'secret.txt'));
      symlinkSync('/etc/passwd', path.join(dir, 'passwd.txt'));
      symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
      mkdirSync(path.join(dir, 'sub'));
      symlinkSync('../a.txt', path.join(dir, 'sub', 'again.md'));
      const { articles, problems } = await readCorpus(dir);
      expect(articles.map((a) => a.file)).toEqual(['a.txt']);
      const byFile = Object.fromEntries(problems.map((p) => [p.file, p.message]));
      expect(byFile['passwd.txt']).toMatch(/symbolic link to a file outside the corpus folder; not followed/u);
      expect(byFile['secret.txt']).toMatch(/outside the corpus folder/u);
      expect(byFile['dangling.txt']).toMatch(/leads nowhere/u);
      expect(byFile['sub/again.md']).toMatch(/same content as a\.txt/u); // inside: followed (and found to be a duplicate)
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a missing corpus folder is an error naming the folder', async () => {
    await expect(readCorpus(path.join(dir, 'nope'))).rejects.toThrow(/Corpus folder not found/);
  });

  it('CRLF + BOM + NFD files read like their clean twin', async () => {
    write('clean.txt', GOOD);
    write('odd.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD.replace(/\n/g, '\r\n').normalize('NFD'))]));
    const r = await readCorpus(dir);
    expect(r.problems).toEqual([]);
    const [clean, odd] = r.articles;
    expect(odd?.text).toBe(clean?.text);
    expect(odd?.title).toBe(clean?.title);
    expect(odd?.date).toEqual(clean?.date);
  });
});

describe('file stamps (size, inode, mtime)', () => {
  it('a file whose stamp the caller knows is not read again: the hash recorded for it stands in', async () => {
    write('a.txt', GOOD);
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(path.join(dir, 'a.txt'), hourAgo, hourAgo);
    const first = await readCorpus(dir);
    const stamp = first.stamps.get('a.txt')!;
    expect(stamp).toMatchObject({ size: Buffer.byteLength(GOOD) });
    // A recorded hash that is not the file's: had the file been read, its own hash would show.
    const recorded = 'f'.repeat(64);
    const asked: string[] = [];
    const known = await readCorpus(dir, {
      knownHash: (file, s) => (asked.push(file), s.ino === stamp.ino && s.mtimeNs === stamp.mtimeNs && s.size === stamp.size ? recorded : null),
      isUnchanged: (_file, hash) => hash === recorded,
    });
    expect(asked).toEqual(['a.txt']);
    expect(known.unchanged).toEqual([{ id: 'a', file: 'a.txt', contentHash: recorded }]);
    expect(known.articles).toEqual([]);

    // Written again (a new mtime): read and parsed, and too fresh to be stamped (a write within the same clock tick would not show).
    write('a.txt', GOOD.replace('lần thứ 20', 'lần thứ 24'));
    const changed = await readCorpus(dir, { knownHash: (_f, s) => (s.mtimeNs === stamp.mtimeNs ? recorded : null), isUnchanged: (_f, h) => h === recorded });
    expect(changed.articles.map((a) => a.id)).toEqual(['a']);
    expect(changed.stamps.has('a.txt')).toBe(false);
  });
});

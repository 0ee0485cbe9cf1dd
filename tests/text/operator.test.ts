/**
 * Operator texts: one code, two languages. Low layers throw or report a code (IndexLoadError.note, the
 * engine's degraded reason); the edge renders it in Vietnamese, or English for an English locale or user.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { htmlToPlain, renderStatusHtml } from '../../src/present/render.js';
import { IndexLoadError } from '../../src/index/store.js';
import { loadIndex } from '../../src/index/load.js';
import { localizeLine, note, operatorLang, operatorText, type OperatorCode } from '../../src/text/operator.js';

describe('operator texts', () => {
  it('picks the language from LC_ALL, LC_MESSAGES, LANG (first set wins), Vietnamese by default', () => {
    expect(operatorLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(operatorLang({ LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(operatorLang({ LC_ALL: '', LANG: 'C.UTF-8' })).toBe('vi');
    expect(operatorLang({})).toBe('vi');
  });

  it('renders an index error in both languages; its message stays the English text', async () => {
    const err = await loadIndex('/nonexistent/index').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexLoadError);
    const e = err as IndexLoadError;
    expect(e.note?.code).toBe('indexMissing');
    expect(e.message).toBe(operatorText(e.note!, 'en'));
    expect(e.message).toMatch(/^No index in \/nonexistent\/index\. Build it with: npm run build-index/);
    expect(operatorText(e.note!, 'vi')).toMatch(/^Chưa có chỉ mục trong \/nonexistent\/index\. Hãy xây dựng bằng: npm run build-index/);
    const damaged = note('indexCorrupted', { file: 'keyword.bin', detail: 'checksum mismatch', command: 'npm run build-index' });
    expect(operatorText(damaged, 'en')).toBe('keyword.bin is corrupted (checksum mismatch). Rebuild with: npm run build-index');
    expect(operatorText(damaged, 'vi')).toBe('keyword.bin bị hỏng (sai tổng kiểm tra). Hãy xây dựng lại bằng: npm run build-index');
  });

  it("renders /status's reason in the reader's language", () => {
    const status = {
      articles: 5, chunks: 120, mode: 'keyword' as const, model: null, indexModel: null,
      degradedReason: 'EMBEDDING_MODEL=none: keyword search only', degradedNote: note('keywordOnlySetting'),
      builtAt: '2024-10-16T07:56:00Z', loadedAt: '2024-10-16T08:00:00Z', indexVersion: 'abc', indexDir: '/x',
    };
    expect(htmlToPlain(renderStatusHtml(status, 'vi'))).toContain('Lý do: EMBEDDING_MODEL=none: chỉ tìm theo từ khóa');
    expect(htmlToPlain(renderStatusHtml(status, 'en'))).toContain('Why: EMBEDDING_MODEL=none: keyword search only');
  });

  it("translates the lower layers' plain English lines for a Vietnamese reader, and leaves unknown ones as they are", () => {
    expect(localizeLine('Loading embedding model Xenova/multilingual-e5-small…', 'vi')).toBe('Đang nạp mô hình nhúng Xenova/multilingual-e5-small…');
    expect(localizeLine('Keyword index: 12 new chunk(s) to tokenise, 340 kept…', 'vi')).toBe('Chỉ mục từ khóa: 12 đoạn mới cần tách từ, 340 đoạn giữ nguyên…');
    expect(localizeLine('bai-1.md: no date found in the article', 'vi')).toBe('bai-1.md: không tìm thấy ngày trong bài');
    expect(localizeLine('the article gives the date "15/10" without a year; the year is left unknown', 'vi')).toBe('bài ghi ngày "15/10" mà không có năm; năm để trống');
    expect(localizeLine('Skipped a.txt: the file is empty', 'vi')).toBe('Bỏ qua a.txt: tệp trống');
    expect(localizeLine('Skipped a.txt: something new', 'vi')).toBe('Bỏ qua a.txt: something new');
    expect(localizeLine('Something nobody translated', 'vi')).toBe('Something nobody translated');
    expect(localizeLine('Skipped a.txt: the file is empty', 'en')).toBe('Skipped a.txt: the file is empty');
  });

  it('has a Vietnamese line for every kind of bad setting', () => {
    let err: ConfigError | null = null;
    try {
      loadConfig({ TOP_K: '99', ANSWER_THRESHOLD: '2', WATCH_INDEX: 'maybe', ALLOWED_USER_IDS: 'abc', WEBHOOK_URL: 'ftp://x', LOG_FILE_SIZE: 'big', LOG_FILE_FREQUENCY: 'weekly', LOG_LEVEL: 'loud', BOT_TOKEN: 'nope' });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err?.problems).toHaveLength(9);
    for (const p of err!.problems) expect(localizeLine(p, 'vi'), p).not.toBe(p);
    expect(localizeLine('TOP_K="99": expected an integer from 1 to 20', 'vi')).toBe('TOP_K="99": cần một số nguyên từ 1 đến 20');
  });

  it('reads an index error the same way from its code or from its English text (a throw without a note)', () => {
    const command = 'npm run build-index -- --out idx';
    const samples: [OperatorCode, Record<string, string | number>][] = [
      ['indexMissing', { dir: '/srv/idx', command }],
      ['pointerUnreadable', { file: '/srv/idx/CURRENT', detail: 'EACCES: permission denied' }],
      ['indexCorrupted', { file: '/srv/idx/v-1/keyword.bin', detail: 'checksum mismatch', command }],
      ['indexCorrupted', { file: '/srv/idx/v-1/chunks.json', detail: 'not JSON', command }],
      ['indexCorrupted', { file: '/srv/idx/v-1/manifest.json', command }],
      ['indexFileMissing', { file: '/srv/idx/v-1/titles.bin', command }],
      ['indexFileUnreadable', { file: '/srv/idx/v-1/vectors.hnsw', detail: 'EIO', command }],
      ['indexTruncated', { file: '/srv/idx/v-1/leads.bin', bytes: 10, expected: 20, command }],
      ['indexNotListed', { file: '/srv/idx/v-1/x.bin', command }],
      ['indexBadManifest', { file: '/srv/idx/v-1/manifest.json', command }],
      ['indexFormat', { dir: '/srv/idx', found: 2, expected: 3, command }],
      ['indexTokenizer', { dir: '/srv/idx/v-1', tokenizer: 'old-1', command }],
      ['indexInconsistent', { dir: '/srv/idx/v-1', command }],
      ['indexUnknownArticle', { file: '/srv/idx/v-1/chunks.bin', article: 'bai-9', command }],
      ['indexNotHnsw', { file: '/srv/idx/v-1/vectors.hnsw', command }],
    ];
    for (const [code, params] of samples) {
      const n = note(code, params);
      expect(localizeLine(operatorText(n, 'en'), 'vi'), code).toBe(operatorText(n, 'vi'));
    }
    // A plain IndexLoadError (thrown with a string) still prints in the operator's language.
    expect(localizeLine(new IndexLoadError('No index in /x. Build it with: npm run build-index').message, 'vi')).toBe('Chưa có chỉ mục trong /x. Hãy xây dựng bằng: npm run build-index');
  });

  it('says in Vietnamese why a .docx, .pdf or .html file cannot be added (every reason a reader throws)', () => {
    // Every message of `new ArticleError(…)` and `notZip(…)` under src/corpus, with sample values for its ${…}.
    const dir = path.resolve(import.meta.dirname, '../../src/corpus');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const reasons: string[] = [];
    for (const f of files) {
      const src = readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/(new ArticleError|notZip)\((['`])((?:(?!\2).)+)\2\)/g)) {
        const reason = m[3]!.replace(/\$\{[^}]+\}/g, '12');
        reasons.push(m[1] === 'notZip' ? `the file is not a valid Word document (${reason})` : reason);
      }
    }
    expect(reasons.length).toBeGreaterThan(20);
    const zip = (what: string) => `the file is not a valid Word document (${what})`;
    reasons.push(zip('it is not a ZIP package'), zip('the part word/document.xml is cut short'), 'the PDF is damaged and cannot be read (Invalid PDF structure.)');
    const untranslated = reasons.filter((r) => localizeLine(r, 'vi') === r);
    expect(untranslated).toEqual([]);
    expect(localizeLine('the PDF is damaged and cannot be read (Invalid PDF structure.)', 'vi')).toBe('tệp PDF bị hỏng, không đọc được (cấu trúc PDF không hợp lệ)');
    expect(localizeLine('the PDF is damaged and cannot be read (Bad FCHECK in flate stream)', 'vi')).toBe('tệp PDF bị hỏng, không đọc được (Bad FCHECK in flate stream)');
    expect(localizeLine('the file could not be downloaded from Telegram (timeout)', 'vi')).toBe('không tải được tệp từ Telegram (quá thời gian chờ)');
    expect(localizeLine('the file could not be downloaded from Telegram (network error)', 'vi')).toBe('không tải được tệp từ Telegram (lỗi mạng)');
    expect(localizeLine(zip('it is not a ZIP package'), 'vi')).toBe('tệp không phải tài liệu Word hợp lệ (không phải gói ZIP)');
    // probe10: the hub's name stayed English inside the Vietnamese line ("từ the Hugging Face hub").
    const hub = (from: string) => `Embedding model "Xenova/multilingual-e5-small" could not be downloaded from ${from} (fetch failed). Check the internet connection, or set MODELS_DIR to a folder that holds the model, or set EMBEDDING_MODEL=none for keyword-only search.`;
    expect(localizeLine(hub('the Hugging Face hub'), 'vi')).toContain('từ kho mô hình Hugging Face (fetch failed)');
    expect(localizeLine(hub('the model hub http://127.0.0.1:9/'), 'vi')).toContain('từ kho mô hình http://127.0.0.1:9/ (fetch failed)');
    // In the build's log line too.
    expect(localizeLine('Skipped bao-cao.docx: the Word document has no text', 'vi')).toBe('Bỏ qua bao-cao.docx: tài liệu Word không có chữ nào');
  });

  it("says in Vietnamese why the bot could not take an admin's upload (every reason src/bot/features/corpus.ts writes)", () => {
    // probe7: these stayed English inside "Không thêm được: …".
    const src = readFileSync(path.resolve(import.meta.dirname, '../../src/bot/features/corpus.ts'), 'utf8');
    const reasons = [...src.matchAll(/(?:new IngestError\(|return )(['`])((?:(?!\1).)+)\1/g)].map((m) => m[2]!.replace(/\$\{[^}]+\}/g, '12'));
    expect(reasons.length).toBeGreaterThanOrEqual(5);
    expect(reasons.filter((r) => localizeLine(r, 'vi') === r)).toEqual([]);
    expect(localizeLine('the disk is full', 'vi')).toBe('ổ đĩa đã đầy');
  });
});

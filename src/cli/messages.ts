/**
 * What an operator reads when a script stops on a known failure: one line, in the operator's language
 * (Vietnamese by default, English when LC_ALL / LC_MESSAGES / LANG starts with "en"), saying what went
 * wrong and what to do. Every such text is in the table below; exitOnError (common.ts) prints them.
 */
import os from 'node:os';
import path from 'node:path';
import { CorpusFolderError } from '../corpus/errors.js';
import { LockBusyError } from '../index/store.js';

import { operatorLang, type OperatorLang } from '../text/operator.js';

export { operatorLang, type OperatorLang };

type Texts = Record<OperatorLang, (p: Record<string, string>) => string>;

export const OPERATOR_MESSAGES = {
  buildRunning: {
    vi: (p) => `Một lần xây dựng chỉ mục khác${p.holder} đang ghi vào ${p.dir}. Hãy đợi nó xong rồi chạy lại; nếu chắc chắn không còn lần nào đang chạy, hãy xoá tệp ${p.lock}.`,
    en: (p) => `Another index build${p.holder} is writing ${p.dir}. Wait for it to finish and run again; if you are sure none is running, delete ${p.lock}.`,
  },
  readOnly: {
    vi: (p) => `Không ghi được vào ${p.path} (${p.why}). Hãy cho phép ghi vào thư mục chỉ mục (quyền của người dùng chạy bot, volume không gắn chỉ đọc) hoặc chọn thư mục khác bằng --out hoặc INDEX_DIR.`,
    en: (p) => `Cannot write to ${p.path} (${p.why}). Make the index folder writable (permissions of the user running the bot, a volume not mounted read-only) or choose another folder with --out or INDEX_DIR.`,
  },
  diskFull: {
    vi: (p) => `Ổ đĩa đã đầy khi ghi ${p.path}. Hãy giải phóng dung lượng (df -h) rồi chạy lại; chỉ mục đang dùng vẫn giữ nguyên.`,
    en: (p) => `The disk is full (writing ${p.path}). Free some space (df -h) and run again; the index in use is left as it was.`,
  },
  corpusMissing: {
    vi: (p) => `Không tìm thấy thư mục bài viết ${p.dir}. Hãy kiểm tra --corpus hoặc CORPUS_DIR (thư mục chứa các tệp .txt, .md).`,
    en: (p) => `Corpus folder not found: ${p.dir}. Check --corpus or CORPUS_DIR (the folder of .txt and .md files).`,
  },
  corpusNotFolder: {
    vi: (p) => `${p.dir} không phải là thư mục. --corpus hoặc CORPUS_DIR phải là thư mục chứa các tệp .txt, .md.`,
    en: (p) => `${p.dir} is not a folder. --corpus or CORPUS_DIR must be the folder of .txt and .md files.`,
  },
} satisfies Record<string, Texts>;

const WHY: Record<string, Record<OperatorLang, string>> = {
  EROFS: { vi: 'hệ thống tệp chỉ đọc', en: 'read-only file system' },
  EACCES: { vi: 'không có quyền', en: 'permission denied' },
  EPERM: { vi: 'không được phép', en: 'operation not permitted' },
};

/** The one-line message for a known operator failure, or null (then the caller keeps the stack for a bug report). */
export function operatorMessage(e: unknown, lang: OperatorLang = operatorLang()): string | null {
  if (e instanceof LockBusyError) {
    const h = e.holder;
    const host = h && h.host !== os.hostname() ? (lang === 'vi' ? ` trên máy ${h.host}` : ` on ${h.host}`) : '';
    const holder = h ? (lang === 'vi' ? ` (pid ${h.pid}${host}, từ ${h.startedAt})` : ` (pid ${h.pid}${host}, since ${h.startedAt})`) : '';
    return OPERATOR_MESSAGES.buildRunning[lang]({ holder, dir: path.dirname(e.lockFile), lock: e.lockFile });
  }
  if (e instanceof CorpusFolderError) {
    return (e.reason === 'missing' ? OPERATOR_MESSAGES.corpusMissing : OPERATOR_MESSAGES.corpusNotFolder)[lang]({ dir: e.dir });
  }
  const err = e as NodeJS.ErrnoException | null;
  const code = typeof err === 'object' && err !== null ? err.code : undefined;
  // The lock's temporary files are an implementation detail: name their folder.
  const where = typeof err?.path === 'string' ? err.path.replace(/[/\\]\.build\.lock[^/\\]*$/, '') : lang === 'vi' ? 'thư mục chỉ mục' : 'the index folder';
  if (code === 'ENOSPC' || code === 'EDQUOT') return OPERATOR_MESSAGES.diskFull[lang]({ path: where });
  if (code !== undefined && Object.hasOwn(WHY, code)) return OPERATOR_MESSAGES.readOnly[lang]({ path: where, why: WHY[code]![lang] });
  return null;
}

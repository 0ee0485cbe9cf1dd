/**
 * What an operator reads when a script stops on a known failure: one line, in the operator's language
 * (Vietnamese by default, English when LC_ALL / LC_MESSAGES / LANG starts with "en"), saying what went
 * wrong and what to do. The texts are in the operator catalogue (src/text/operator.ts); exitOnError
 * (common.ts) prints them.
 */
import os from 'node:os';
import path from 'node:path';
import { CorpusFolderError } from '../corpus/errors.js';
import { LockBusyError } from '../index/store.js';

import { note, operatorLang, operatorText, type OperatorLang } from '../text/operator.js';

export { operatorLang, type OperatorLang };

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
    return operatorText(note('buildRunning', { holder, dir: path.dirname(e.lockFile), lock: e.lockFile }), lang);
  }
  if (e instanceof CorpusFolderError) {
    return operatorText(note(e.reason === 'missing' ? 'corpusMissing' : 'corpusNotFolder', { dir: e.dir }), lang);
  }
  const err = e as NodeJS.ErrnoException | null;
  const code = typeof err === 'object' && err !== null ? err.code : undefined;
  // The lock's temporary files are an implementation detail: name their folder.
  const where = typeof err?.path === 'string' ? err.path.replace(/[/\\]\.build\.lock[^/\\]*$/, '') : lang === 'vi' ? 'thư mục chỉ mục' : 'the index folder';
  if (code === 'ENOSPC' || code === 'EDQUOT') return operatorText(note('diskFull', { path: where }), lang);
  if (code !== undefined && Object.hasOwn(WHY, code)) return operatorText(note('readOnly', { path: where, why: WHY[code]![lang] }), lang);
  return null;
}

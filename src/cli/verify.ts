/** `npm run build-index -- --verify`: every file of the index checked against its manifest, told in the operator's language. */
import path from 'node:path';
import { verifyIndex } from '../index/store.js';
import { note, operatorLang, operatorText } from '../text/operator.js';

/** One line per damaged file, then the verdict; `intact` false when any file does not match. */
export async function runVerify(indexDir: string): Promise<{ lines: string[]; intact: boolean }> {
  const lang = operatorLang();
  const v = await verifyIndex(indexDir);
  const params = { dir: path.relative(process.cwd(), indexDir) || '.', version: v.version, files: v.files, mb: (v.bytes / 2 ** 20).toFixed(1), damaged: v.damaged.length };
  const lines = v.damaged.map((n) => operatorText(n, lang));
  lines.push(operatorText(note(v.damaged.length > 0 ? 'indexDamaged' : 'indexIntact', params), lang));
  return { lines, intact: v.damaged.length === 0 };
}

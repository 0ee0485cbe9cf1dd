/**
 * npm's "prepare" script: `npm install` and `npm ci` compile the TypeScript into dist/ (`npm run compile`),
 * so that the first `npm start` already runs compiled JavaScript through scripts/run.mjs. Measured at
 * 515,300 paragraphs: cold start to the first answer 0.65 s compiled, 1.17 s through tsx.
 * Skipped, never failing the install, where there is nothing to compile or nothing to compile with: Docker's
 * dependency stage copies package.json before the sources, and `--omit=dev` installs have no TypeScript.
 * A compile error only warns: run.mjs runs dist/ only while it is newer than every source, else the sources
 * through tsx, as after any edit.
 * Plain JavaScript on purpose: it runs before anything can read TypeScript.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CONFIG = path.join(ROOT, 'tsconfig.build.json');

if (!existsSync(path.join(ROOT, 'src')) || !existsSync(CONFIG) || !existsSync(TSC)) process.exit(0);

const result = spawnSync(process.execPath, [TSC, '-p', CONFIG], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (result.status !== 0) {
  const en = /^en/i.test([process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].find((v) => v) ?? '');
  process.stderr.write(
    en
      ? 'Compiling to dist/ reported errors (`npm run compile` shows them); the scripts still run, from the sources through tsx if dist/ is older.\n'
      : 'Biên dịch vào dist/ báo lỗi (`npm run compile` cho thấy lỗi); các lệnh vẫn chạy, qua tsx từ mã nguồn nếu dist/ cũ hơn.\n',
  );
}

/**
 * Runs a TypeScript entry point: `node scripts/run.mjs scripts/start.ts ARGS…` (what `npm start`, `ask`,
 * `build-index` and `add` do). When `npm run compile` left a compiled copy under dist/ that is newer than
 * every .ts file of src/ and scripts/, that copy runs (no loader, nothing to transpile: a process starts
 * some 0.3 s sooner); otherwise the source runs through tsx, so an edit never runs stale code. A copy
 * without sources (the Docker image ships dist/ and this file only) always runs dist/.
 * Plain JavaScript on purpose: it must run before anything can read TypeScript.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Written by tsc at the end of `npm run compile` (tsconfig.build.json): the compiled copy's age. */
const STAMP = path.join(ROOT, 'dist', '.tsbuildinfo');
const SOURCES = ['src', 'scripts'];

/** Newest modification time (ms) of the .ts files under `dir`. */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOENT') return 0;
    throw e;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The compiled copy of `entry` (a .ts path), or null when there is none or a source is newer. */
function compiledEntry(entry) {
  const rel = path.relative(ROOT, path.resolve(entry));
  const compiled = path.join(ROOT, 'dist', rel.replace(/\.ts$/u, '.js'));
  try {
    const built = statSync(STAMP).mtimeMs;
    statSync(compiled);
    return SOURCES.every((d) => newestSource(path.join(ROOT, d)) < built) ? compiled : null;
  } catch {
    return null;
  }
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs FILE.ts [ARGS…]\n');
  process.exit(2);
}
const compiled = compiledEntry(entry);
// The entry sees itself as argv[1] and its own arguments from argv[2], as if node had run it directly.
process.argv.splice(1, 2, compiled ?? path.resolve(entry));
if (!compiled) {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    // Installed with --omit=dev (tsx is a dev dependency) and dist/ missing or older than the sources.
    const en = /^en/i.test([process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].find((v) => v) ?? '');
    process.stderr.write(
      en
        ? 'dist/ is missing or older than the sources, and tsx is not installed: run `npm ci && npm run compile` (then `npm prune --omit=dev` if you like).\n'
        : 'dist/ chưa có hoặc cũ hơn mã nguồn, và tsx chưa được cài: hãy chạy `npm ci && npm run compile` (rồi `npm prune --omit=dev` nếu muốn).\n',
    );
    process.exit(1);
  }
  tsx.register();
}
await import(pathToFileURL(compiled ?? path.resolve(entry)).href);

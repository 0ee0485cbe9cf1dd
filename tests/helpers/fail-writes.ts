/**
 * Preloaded into a child process (`node --import tsx --import tests/helpers/fail-writes.ts …`) to simulate
 * a full disk or a read-only folder, which chmod cannot do for root: every write to a path matching
 * FAIL_WRITES_MATCH (a regular expression) fails with FAIL_WRITES_CODE (ENOSPC, EROFS, EACCES).
 * Like the kernel's, an ENOSPC from writing through an open file carries no path.
 */
import fs from 'node:fs';

const code = process.env.FAIL_WRITES_CODE ?? 'ENOSPC';
const match = new RegExp(process.env.FAIL_WRITES_MATCH ?? '$^');
const P = fs.promises;
const orig = { open: P.open, writeFile: P.writeFile, mkdir: P.mkdir, link: P.link, rename: P.rename };

function failure(file: unknown, syscall: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: simulated failure, ${syscall}${code === 'ENOSPC' ? '' : ` '${String(file)}'`}`);
  e.code = code;
  e.syscall = syscall;
  if (code !== 'ENOSPC') e.path = String(file);
  return e;
}
const hit = (file: unknown) => typeof file === 'string' && match.test(file);

P.open = (async (file: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
  if (hit(file) && typeof flags === 'string' && /[wa+]/.test(flags)) throw failure(file, 'write');
  return orig.open(file, flags, mode);
}) as typeof P.open;
P.writeFile = (async (file: Parameters<typeof P.writeFile>[0], ...rest: unknown[]) => {
  if (hit(file)) throw failure(file, 'write');
  return (orig.writeFile as (...a: unknown[]) => Promise<void>)(file, ...rest);
}) as typeof P.writeFile;
P.mkdir = (async (dir: fs.PathLike, opts?: fs.MakeDirectoryOptions) => {
  if (hit(dir) && !fs.existsSync(dir)) throw failure(dir, 'mkdir');
  return orig.mkdir(dir, opts);
}) as typeof P.mkdir;
P.link = (async (from: fs.PathLike, to: fs.PathLike) => {
  if (hit(to)) throw failure(to, 'link');
  return orig.link(from, to);
}) as typeof P.link;
P.rename = (async (from: fs.PathLike, to: fs.PathLike) => {
  if (hit(to)) throw failure(to, 'rename');
  return orig.rename(from, to);
}) as typeof P.rename;

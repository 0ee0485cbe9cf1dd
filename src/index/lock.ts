/**
 * An exclusive lock file that survives crashes: one build at a time per index folder.
 *
 * - The lock appears with its whole content at once: the owner record (pid, host, start time, a random
 *   token) is written to a private temporary file and `link()`ed to the lock name, which fails with
 *   EEXIST when the lock exists. A reader never sees an empty or half-written lock.
 * - A lock whose holder is dead (same host, pid no longer alive, or alive with another start time or
 *   boot id than the holder's: the pid was reused; or our own pid with a token this process does not
 *   hold: a previous process that had the same pid, common in containers) is stale.
 *   Taking it over is itself guarded by a lock named after the stale content (`<lock>.takeover-<hash>`),
 *   so among all the contenders that saw the same stale lock exactly one replaces it (atomic rename),
 *   after checking that the lock still holds that very content. The others look again and find a live
 *   holder. The takeover guard is acquired the same way, so a contender that dies mid-takeover leaves
 *   nothing that blocks the next one.
 * - Releasing removes the lock only while it is still ours.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
  /** Linux: the boot id and the holder's start in clock ticks since boot (tells a reused pid from the holder). */
  boot?: string;
  ticks?: number;
}

/** The lock is held by a live process (or by a process on another host, whose liveness cannot be checked). */
export class LockBusyError extends Error {
  override readonly name = 'LockBusyError';
  constructor(
    readonly lockFile: string,
    readonly holder: LockOwner | null,
  ) {
    super(`Another build${holder ? ` (pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''}, since ${holder.startedAt})` : ''} holds ${lockFile}; wait for it to finish.`);
  }
}

/** Tokens of the locks this process holds: a lock with our pid and another token is a dead predecessor's. */
const held = new Set<string>();

export interface LockOptions {
  /** Is this owner (on this host) alive? Default: pid liveness (see above). */
  isAlive?: (owner: LockOwner) => boolean;
  /** How many times to look again while another contender is taking over a stale lock. */
  attempts?: number;
}

/** Takes the lock `file` or throws LockBusyError; returns the function that releases it. */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: randomBytes(9).toString('hex') };
  const me = processIdentity(process.pid);
  if (me.boot !== null) owner.boot = me.boot;
  if (me.ticks !== null) owner.ticks = me.ticks;
  const content = JSON.stringify(owner) + '\n';
  const isAlive = opts.isAlive ?? ownerAlive;
  held.add(owner.token); // before taking: our takeover guard must look alive to contenders in this process
  try {
    await take(file, content, isAlive, opts.attempts ?? 50, 0);
  } catch (e) {
    held.delete(owner.token);
    throw e;
  }
  return async () => {
    held.delete(owner.token);
    await removeIfOurs(file, content);
  };
}

async function take(file: string, content: string, isAlive: (o: LockOwner) => boolean, attempts: number, depth: number): Promise<void> {
  let lastHolder: LockOwner | null = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await createExclusive(file, content)) return;
    const seen = await readOrNull(file);
    if (seen === null) continue; // released in between: try again
    lastHolder = parseOwner(seen);
    if (lastHolder && isAlive(lastHolder)) throw new LockBusyError(file, lastHolder);
    if (depth >= 4) break; // guards of guards of guards of a stale lock: give up rather than loop
    // Stale. Only the contender holding the takeover guard for this exact content may replace it.
    const guard = `${file}.takeover-${createHash('sha256').update(seen).digest('hex').slice(0, 16)}`;
    try {
      await take(guard, content, isAlive, 1, depth + 1);
    } catch (e) {
      if (!(e instanceof LockBusyError)) throw e;
      await sleep(2 + Math.random() * 8); // someone else is taking over right now
      continue;
    }
    try {
      if ((await readOrNull(file)) === seen) {
        await replaceAtomically(file, content);
        return;
      }
    } finally {
      await removeIfOurs(guard, content);
    }
  }
  throw new LockBusyError(file, lastHolder);
}

/** Creates `file` with `content` unless it exists (false then). The content is complete when the name appears. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content, { flag: 'wx' });
  try {
    await fs.link(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

async function replaceAtomically(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content, { flag: 'wx' });
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

async function removeIfOurs(file: string, content: string): Promise<void> {
  if ((await readOrNull(file)) === content) await fs.rm(file, { force: true });
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The owner record of a lock's content; a lock written by an older version holds a bare pid. Null: unreadable (stale). */
export function parseOwner(content: string): LockOwner | null {
  const t = content.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t), host: os.hostname(), startedAt: '?', token: t };
  try {
    const o = JSON.parse(t) as LockOwner;
    if (Number.isSafeInteger(o.pid) && o.pid > 0 && typeof o.token === 'string' && typeof o.host === 'string') return o;
  } catch {
    /* unreadable: treated as stale */
  }
  return null;
}

/** Pid liveness on this host. A lock from another host (a container sharing the volume) counts as alive. */
export function ownerAlive(o: LockOwner): boolean {
  if (o.host !== os.hostname()) return true;
  if (o.pid === process.pid) return held.has(o.token);
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Alive, but is it the holder? A process with another start time has the dead holder's pid by reuse
  // (common in containers, where pids are small and restart from the same numbers); after a reboot
  // every holder is gone. Start times are clock ticks since boot: no wall clock is involved.
  const me = processIdentity(o.pid);
  if (o.boot !== undefined && me.boot !== null && o.boot !== me.boot) return false;
  if (o.ticks !== undefined && me.ticks !== null && o.ticks !== me.ticks) return false;
  return true;
}

/** This boot's id and when process `pid` started (clock ticks since boot), from /proc on Linux; nulls elsewhere. */
export function processIdentity(pid: number): { boot: string | null; ticks: number | null } {
  let boot: string | null = null;
  let ticks: number | null = null;
  try {
    boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    /* not Linux */
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime), counted after the command name, which may hold spaces and parentheses.
    const t = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    if (Number.isSafeInteger(t)) ticks = t;
  } catch {
    /* gone, or not Linux */
  }
  return { boot, ticks };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Summaries of V8 CPU profiles (`node --cpu-prof`): where a benchmark process spends its time. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  name: string;
  /** Milliseconds. */
  self: number;
  total: number;
}

function label(n: ProfileNode, root: string): string {
  const f = n.callFrame;
  const url = f.url.replace(/^file:\/\//, '');
  const where = url ? `${path.relative(root, url).replace(/^node_modules\//, '~/')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** Top functions by self time and by inclusive time (recursion counted once). */
export function summarizeProfile(p: CpuProfile, root: string, top = 15): { totalMs: number; bySelf: ProfileLine[]; byTotal: ProfileLine[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = label(n, root);
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = label(byId.get(cur)!, root);
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + us);
    }
  }
  const lines = (m: Map<string, number>) =>
    [...m]
      .map(([name, us]) => ({ name, self: Math.round((self.get(name) ?? 0) / 1000), total: Math.round((total.get(name) ?? 0) / 1000) }))
      .filter((l) => !/^\((root|program|idle)\)/.test(l.name));
  return {
    totalMs: Math.round((p.endTime - p.startTime) / 1000),
    bySelf: lines(self).sort((a, b) => b.self - a.self).slice(0, top),
    byTotal: lines(total).sort((a, b) => b.total - a.total).slice(0, top),
  };
}

export async function summarizeProfileFile(file: string, root: string, top = 15): Promise<string> {
  const p = JSON.parse(await fs.readFile(file, 'utf8')) as CpuProfile;
  const s = summarizeProfile(p, root, top);
  const fmt = (l: ProfileLine) => `  ${String(l.self).padStart(7)} ${String(l.total).padStart(7)}  ${l.name}`;
  return [`${path.basename(file)}: ${s.totalMs} ms`, '     self   total (ms)  — by self time', ...s.bySelf.map(fmt), '     self   total (ms)  — by inclusive time', ...s.byTotal.map(fmt)].join('\n');
}

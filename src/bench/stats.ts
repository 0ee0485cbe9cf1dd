/** Measurement helpers: percentiles, process memory from /proc, directory sizes. */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';

/** The p-th percentile (0-100) of `values`, nearest-rank on the sorted values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Distribution {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  const n = values.length;
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : Number.NaN;
  return {
    n,
    mean: round(mean, 3),
    p50: round(percentile(values, 50), 3),
    p95: round(percentile(values, 95), 3),
    p99: round(percentile(values, 99), 3),
    max: round(n ? Math.max(...values) : Number.NaN, 3),
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Fields of /proc/<pid>/status in kB (VmRSS: now, VmHWM: peak); null where /proc is not available. */
export function procMemoryKb(pid: number | 'self' = 'self'): { rss: number; hwm: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(text)?.[1] ?? Number.NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

/** This process's peak resident set size in MB (VmHWM, or the kernel's maxrss where /proc is missing). */
export function peakRssMb(): number {
  const proc = procMemoryKb('self');
  const kb = proc && Number.isFinite(proc.hwm) ? proc.hwm : process.resourceUsage().maxRSS;
  return round(kb / 1024, 1);
}

/** This process's current resident set size in MB. */
export function rssMb(): number {
  return round(process.memoryUsage.rss() / (1024 * 1024), 1);
}

/** Samples a child's RSS every `intervalMs` (the peak as seen from outside, for a cross-check). */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakKb = 0;

  constructor(
    private readonly pid: number,
    intervalMs = 50,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const m = procMemoryKb(this.pid);
    if (m) this.peakKb = Math.max(this.peakKb, Number.isFinite(m.hwm) ? m.hwm : 0, Number.isFinite(m.rss) ? m.rss : 0);
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return round(this.peakKb / 1024, 1);
  }
}

/** Total bytes of the files under `dir` (recursive). */
export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await dirBytes(p);
    else if (e.isFile()) total += (await fs.stat(p)).size;
  }
  return total;
}

export function mb(bytes: number): number {
  return round(bytes / (1024 * 1024), 1);
}

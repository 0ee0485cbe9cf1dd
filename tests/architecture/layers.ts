/**
 * The layer rule of src/, as data and a checker: a file may import only from its own folder or from
 * a folder of a lower layer, and no import cycle may exist (type imports included). `npm test` runs
 * it over the real tree (layers.test.ts); `npm run check-layers` prints the violations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Lowest first. Folders of one layer may not import each other (bot and console are peers). */
export const LAYERS: readonly (readonly string[])[] = [
  ['text', 'config.ts'],
  ['corpus'],
  ['chunk'],
  ['embed'],
  ['index'],
  ['search'],
  ['answer'],
  ['engine'],
  ['present'],
  ['store'],
  ['bot', 'console'],
  ['cli', 'eval', 'bench'],
];

export type Graph = Map<string, string[]>;

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

/** File -> the project files it imports (paths relative to `root`, with "/"). */
export function importGraph(root: string): Graph {
  const graph: Graph = new Map();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        const text = readFileSync(full, 'utf8');
        const deps: string[] = [];
        for (const m of text.matchAll(IMPORT_RE)) {
          const spec = m[1] ?? m[2] ?? m[3]!;
          if (!spec.startsWith('.')) continue;
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)).replace(/\.js$/, '.ts');
          deps.push(target);
        }
        graph.set(rel, deps);
      }
    }
  };
  walk(root);
  return graph;
}

/** The layer rank of a file (by its top folder, or its own name at the top level); -1 when unlisted. */
export function rankOf(file: string): number {
  const top = file.split('/')[0]!;
  return LAYERS.findIndex((l) => l.includes(top));
}

/** Imports that go up a layer, sideways to a peer folder, or from/to a folder the table does not list. */
export function upwardImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [file, deps] of graph) {
    for (const dep of deps) {
      const from = rankOf(file);
      const to = rankOf(dep);
      const sameFolder = file.split('/')[0] === dep.split('/')[0];
      if (from < 0) out.push(`${file}: its folder is not in the layer table`);
      else if (to < 0) out.push(`${file} -> ${dep}: not in the layer table`);
      else if (to > from || (to === from && !sameFolder)) out.push(`${file} -> ${dep}: imports upward (layer ${from} -> ${to})`);
    }
  }
  return out;
}

function cyclesOf(graph: Graph): string[][] {
  // Tarjan's strongly connected components: every component of more than one node (or a self-import) is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Import cycles between files. */
export function fileCycles(graph: Graph): string[][] {
  return cyclesOf(graph);
}

/** Import cycles between top folders. */
export function folderCycles(graph: Graph): string[][] {
  const folders: Graph = new Map();
  const top = (f: string) => f.split('/')[0]!;
  for (const [file, deps] of graph) {
    const list = folders.get(top(file)) ?? [];
    for (const d of deps) if (top(d) !== top(file) && !list.includes(top(d))) list.push(top(d));
    folders.set(top(file), list);
  }
  return cyclesOf(folders);
}

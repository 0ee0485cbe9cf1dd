/** npm run check-layers: prints upward imports and cycles in src/; exit code 1 when there are any. */
import path from 'node:path';
import { fileCycles, folderCycles, importGraph, upwardImports } from './layers.js';

const graph = importGraph(path.resolve(import.meta.dirname, '../../src'));
const problems = [...upwardImports(graph), ...fileCycles(graph).map((c) => `file cycle: ${c.join(' <-> ')}`), ...folderCycles(graph).map((c) => `folder cycle: ${c.join(' <-> ')}`)];
for (const p of problems) console.log(p);
console.log(problems.length === 0 ? `OK: ${graph.size} files, no upward import, no cycle.` : `${problems.length} problem(s).`);
process.exit(problems.length === 0 ? 0 : 1);

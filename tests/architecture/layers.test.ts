import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCycles, folderCycles, importGraph, upwardImports, type Graph } from './layers.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

describe('layers of src/', () => {
  const graph = importGraph(SRC);

  it('reads the real import graph', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('search/retrieve.ts')).toContain('search/confidence.ts');
  });

  it('has no upward or sideways import', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no file cycle and no folder cycle', () => {
    expect(fileCycles(graph)).toEqual([]);
    expect(folderCycles(graph)).toEqual([]);
  });
});

describe('the checker itself', () => {
  const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

  it('fails on an upward import (text importing search)', () => {
    const graph = g({ 'text/tokens.ts': ['search/analyse.ts'], 'search/analyse.ts': ['text/tokens.ts'] });
    expect(upwardImports(graph)).toEqual(['text/tokens.ts -> search/analyse.ts: imports upward (layer 0 -> 5)']);
    expect(fileCycles(graph)).toEqual([['search/analyse.ts', 'text/tokens.ts']]);
  });

  it('fails on a peer import (bot importing console) and on an unlisted folder', () => {
    const graph = g({ 'bot/bot.ts': ['console/console.ts'], 'console/console.ts': [], 'misc/x.ts': [] });
    expect(upwardImports(graph)).toEqual(['bot/bot.ts -> console/console.ts: imports upward (layer 10 -> 10)']);
    expect(upwardImports(g({ 'misc/x.ts': ['text/tokens.ts'] }))).toEqual(['misc/x.ts: its folder is not in the layer table']);
  });

  it('finds a file cycle inside one folder and a folder cycle made of downward-looking files', () => {
    expect(fileCycles(g({ 'corpus/a.ts': ['corpus/b.ts'], 'corpus/b.ts': ['corpus/a.ts'] }))).toEqual([['corpus/a.ts', 'corpus/b.ts']]);
    expect(folderCycles(g({ 'index/a.ts': ['search/b.ts'], 'search/b.ts': ['index/c.ts'], 'index/c.ts': [] }))).toEqual([['index', 'search']]);
  });
});

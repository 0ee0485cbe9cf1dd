/**
 * What a script's start loads: every script imports src/cli/common.ts (and through it the logger), so a
 * heavy module that only one setting needs is imported where that setting is read, not at the top.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The CommonJS packages loaded after importing `modules` (relative to the repository) in a fresh Node through tsx. */
function loadedPackages(modules: string[]): string[] {
  const code = [
    "import { createRequire } from 'node:module';",
    ...modules.map((m) => `await import(${JSON.stringify(path.join(ROOT, m))});`),
    'const cache = createRequire(import.meta.url).cache;',
    "process.stdout.write(JSON.stringify(Object.keys(cache).map((k) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(k)?.[1]).filter(Boolean)));",
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return [...new Set(JSON.parse(out) as string[])];
}

describe('start-up imports', () => {
  it('a script without LOG_FILE never loads pino-roll (and its date-fns), yet the logger works', () => {
    const loaded = loadedPackages(['src/cli/common.ts', 'src/bot/logger.ts']);
    expect(loaded).toContain('pino'); // the check sees CommonJS packages at all
    expect(loaded).not.toContain('pino-roll');
    expect(loaded).not.toContain('date-fns');
  }, 30_000);
});

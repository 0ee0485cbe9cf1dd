/**
 * The deployment kit cannot be built here (no Docker daemon), so its promises are checked as text: the
 * image installs with --omit=dev, so everything the bot imports at run time must be a dependency; it and
 * the systemd unit run what `npm run compile` writes, not TypeScript; the volumes of the Dockerfile,
 * compose.yaml and the systemd unit agree; secrets stay out of the image.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/index-fixture.js';

const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string>; engines: { node: string } };

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('deployment kit', () => {
  it('everything the bot and its scripts import is a runtime dependency (the image runs npm ci --omit=dev)', () => {
    // make-tiny-model and make-format-fixtures regenerate test fixtures: developer tools, allowed to use dev dependencies.
    const files = [...tsFiles('src'), ...tsFiles('scripts').filter((f) => !/make-(tiny-model|format-fixtures)\.ts$/.test(f))];
    const missing = new Set<string>();
    const seen = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^'.][^']*)'|^\s*import\s+'([^'.][^']*)'|\bimport\('([^'.][^']*)'\)/gm)) {
        const spec = (m[1] ?? m[2] ?? m[3])!;
        if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        seen.add(name);
        if (!Object.hasOwn(pkg.dependencies, name)) missing.add(`${name} (${path.relative(ROOT, f)})`);
      }
    }
    expect([...missing]).toEqual([]);
    expect([...seen]).toEqual(expect.arrayContaining(['grammy', 'pino', 'hnswlib-node', '@xenova/transformers', 'dotenv']));
    // Compiled JavaScript at run time: the TypeScript loader is a developer tool.
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(read('Dockerfile')).toMatch(/npm ci --omit=dev/);
  });

  it('the image and the unit start the JavaScript that npm run compile writes', () => {
    const d = read('Dockerfile');
    // A compile stage that runs the project's own compile script, and a runtime that takes only its output.
    expect(d).toMatch(/^FROM deps AS compile$/m);
    expect(d).toMatch(/^RUN npm run compile$/m);
    expect(pkg.scripts.compile).toBe('tsc -p tsconfig.build.json');
    expect(d).toMatch(/^COPY --from=compile \/app\/dist \.\/dist$/m);
    expect(d).toMatch(/^COPY scripts\/run\.mjs \.\/scripts\/run\.mjs$/m);
    const runtime = d.slice(d.indexOf('AS runtime'));
    expect(runtime).not.toMatch(/^COPY (src|scripts) /m); // no sources: run.mjs then always picks dist/
    expect(runtime).not.toMatch(/tsx/);
    const cmd = /^CMD \["node", "([^"]+)"\]$/m.exec(d)?.[1];
    expect(cmd).toBe('dist/scripts/start.js');
    const unit = read('deploy/vn-meeting-bot.service');
    expect(unit).toContain(`\nExecStart=/usr/bin/node ${cmd}\n`);
    expect(unit).toMatch(/npm run compile/);
    expect(unit).not.toMatch(/--import tsx/);
    // That file is what tsc writes for scripts/start.ts: outDir dist, rootDir the project, scripts included.
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { outDir: string; rootDir: string; tsBuildInfoFile: string }; include: string[] };
    expect(path.join(build.compilerOptions.outDir, path.relative(build.compilerOptions.rootDir, 'scripts/start.ts')).replace(/\.ts$/, '.js')).toBe(cmd);
    expect(build.include).toEqual(expect.arrayContaining(['src', 'scripts']));
    // run.mjs trusts dist/ by the stamp tsc writes there: it must be in what the image copies.
    expect(build.compilerOptions.tsBuildInfoFile).toBe('dist/.tsbuildinfo');
    expect(readFileSync(path.join(ROOT, 'scripts/run.mjs'), 'utf8')).toContain("path.join(ROOT, 'dist', '.tsbuildinfo')");
    // The commands the README and compose.yaml give for a rebuild in the container run compiled code too.
    for (const f of ['README.md', 'compose.yaml']) expect(read(f)).not.toMatch(/node --import tsx/);
  });

  it('copies the prepare script before every npm ci of the image (npm ci runs it; a missing file fails the install)', () => {
    const d = read('Dockerfile');
    expect(pkg.scripts.prepare).toBe('node scripts/prepare.mjs');
    const copied = d.indexOf('COPY scripts/prepare.mjs ./scripts/prepare.mjs');
    expect(copied).toBeGreaterThan(0);
    const installs = [...d.matchAll(/^RUN npm ci/gm)].map((m) => m.index);
    expect(installs.length).toBeGreaterThan(0);
    for (const at of installs) expect(at).toBeGreaterThan(copied);
  });

  it('supports Node 20 to 24', () => {
    expect(pkg.engines.node).toBe('>=20 <25');
    expect(read('Dockerfile')).toMatch(/^ARG NODE_VERSION=20$/m);
    // The README says the same wherever it names a Node version (no "20 or newer": 25+ is outside engines).
    const readme = read('README.md');
    expect(readme).toContain('Node.js 20, 22 or 24 (`"engines": ">=20 <25"`)');
    expect(readme).not.toMatch(/Node(\.js)? 20 or newer/);
  });

  it('the image runs as node from a slim base, with the data folders as volumes', () => {
    const d = read('Dockerfile');
    expect(d.match(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim AS \w+$/gm)).toHaveLength(2); // deps (and compile, from deps) and runtime
    expect(d).toMatch(/apt-get install -y --no-install-recommends python3 make g\+\+/);
    expect(d).toMatch(/^USER node$/m);
    const volumes = ['/app/corpus', '/app/embeddings', '/app/.cache/models', '/app/data'];
    expect(d).toContain(`VOLUME ${JSON.stringify(volumes).replace(/,/g, ', ')}`);
    const compose = read('compose.yaml');
    for (const v of volumes) expect(compose).toMatch(new RegExp(`^\\s+- [\\w./]+:${v.replace(/\./g, '\\.')}(:ro)?\\s`, 'm'));
    expect(compose).toMatch(/^\s+env_file: \.env$/m);
  });

  it('keeps secrets and local state out of the image', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const p of ['.env', 'node_modules', '.cache', 'embeddings', '.git']) expect(ignored).toContain(p);
  });

  it('the systemd unit runs unprivileged, restarts on failure, and writes only its state folder', () => {
    const unit = read('deploy/vn-meeting-bot.service');
    for (const line of ['Restart=on-failure', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'ReadWritePaths=/var/lib/vn-meeting-bot', 'ExecStart=/usr/bin/node dist/scripts/start.js']) {
      expect(unit).toContain(`\n${line}\n`);
    }
    expect(unit).toMatch(/^User=(?!root)\w+$/m);
    // Paths the bot writes must be under ReadWritePaths.
    for (const m of unit.matchAll(/^Environment=(?:INDEX_DIR|MODELS_CACHE_DIR)=(.+)$/gm)) expect(m[1]).toMatch(/^\/var\/lib\/vn-meeting-bot\//);
  });
});

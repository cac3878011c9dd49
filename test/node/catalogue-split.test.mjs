// The split of each CDN catalogue (scripts/catalogue-split.mjs, scripts/rollup-merge-catalogues.mjs):
// which modules count as run at once, and, in every CDN file built (npm run build), that its two
// French chunks hold every string of its packages exactly once, the first views' in the first.
// The browser side (the rest arrives with its part, in the page's language) is
// test/e2e/catalogue-split.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eagerIds, eagerModules } from '../../scripts/catalogue-split.mjs';
import { packagesOf } from '../../scripts/rollup-merge-catalogues.mjs';

const PACKAGES = ['core', 'service-finder', 'assistance-request', 'privacy-notice', 'open-source-badge'].map((p) => join('packages', p));

test('a module is run at once unless every way to it is an import() given to partLoader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citopia-split-'));
  try {
    const files = {
      'entry.js': `import './static.js';
export * from './reexported.js';
const a = partLoader(() => import('./late.js'));
const b = loadOnce(partLoader(() => import('./late-once.js')));
const c = chunkLoader(() => import('./loaded-chunk.js'));
const d = () => import('./raw.js');
const e = partLoader(() => import('./both.js'));`,
      'static.js': `msg('A', { id: 'x.static' }); const f = partLoader(() => import('./both.js'));`,
      'reexported.js': `export const r = () => msg('R', { id: 'x.reexported' });`,
      'late.js': `import './late-dependency.js'; msg('L', { id: 'x.late' });`,
      'late-dependency.js': `msg('D', { id: 'x.late-dependency' });`,
      'late-once.js': `msg('O', { id: 'x.late-once' });`,
      'loaded-chunk.js': `msg('C', { id: 'x.chunk' });`,
      'raw.js': `msg('W', { id: 'x.raw' });`,
      'both.js': `msg('B', { id: 'x.both' });`,
    };
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    const eager = [...eagerModules([join(dir, 'entry.js')])].map((f) => f.slice(dir.length + 1)).sort();
    assert.deepEqual(eager, ['entry.js', 'loaded-chunk.js', 'raw.js', 'reexported.js', 'static.js']);
    // both.js is reached through partLoader twice: late, though a static module asks for it.
    assert.ok(!eager.includes('both.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the packages: the notice's banner and core's error sentences are run at once, the details layer waits", () => {
  const eager = eagerIds(PACKAGES);
  assert.ok(eager.has('privacy.accept-all'), "the notice banner's strings are run at once");
  assert.ok(eager.has('core.error.network'), "core's error sentences are run at once");
  assert.ok(!eager.has('privacy.save'), "the details layer's strings wait for it");
});

/** The ids of a built catalogue chunk (keys of its one object literal: quoted, with dots). */
const idsOf = (file) => new Set([...readFileSync(file, 'utf8').matchAll(/[{,]"([a-z][\w-]*(?:\.[\w-]+)+)":/g)].map((m) => m[1]));

/** Every CDN file (packages/<name>/cdn/<file>.js) with the French chunk it loads. */
const cdnFiles = readdirSync('packages')
  .map((name) => join('packages', name))
  .filter((dir) => existsSync(join(dir, 'cdn')))
  .flatMap((dir) => readdirSync(join(dir, 'cdn')).filter((f) => f.endsWith('.js')).map((f) => ({ dir, file: join(dir, 'cdn', f) })));

test('every CDN file holds every French string of its packages once: in its first chunk or in the rest', async (t) => {
  if (cdnFiles.length === 0) return t.skip('no CDN build: run npm run build first');
  const eager = eagerIds(PACKAGES);
  for (const { dir, file } of cdnFiles) {
    const first = /chunks\/(fr-[\w-]{8}\.js)/.exec(readFileSync(file, 'utf8'))?.[1];
    assert.ok(first, `${file} loads a French chunk`);
    const chunks = join(dir, 'cdn', 'chunks');
    const rest = /\.\/(fr-rest-[\w-]{8}\.js)/.exec(readFileSync(join(chunks, first), 'utf8'))?.[1];
    const a = idsOf(join(chunks, first));
    const b = rest ? idsOf(join(chunks, rest)) : new Set();
    const all = new Set();
    for (const pkg of packagesOf(dir).values()) {
      const locale = join(process.cwd(), pkg, 'dist', 'locales', 'fr.js');
      if (existsSync(locale)) for (const id of Object.keys((await import(locale)).templates)) all.add(id);
    }
    assert.deepEqual([...a].filter((id) => b.has(id)), [], `${file}: no string in both chunks`);
    assert.deepEqual([...all].filter((id) => !a.has(id) && !b.has(id)), [], `${file}: no string lost`);
    assert.deepEqual([...all].filter((id) => eager.has(id) && !a.has(id)), [], `${file}: every string of the first views in the first chunk`);
    // Where the lazily loaded parts show strings of their own, they come in the rest.
    assert.equal(Boolean(rest), [...all].some((id) => !eager.has(id)), `${file}: a rest exactly when some strings wait`);
  }
});

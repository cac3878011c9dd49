// The split of each CDN catalogue (scripts/catalogue-split.mjs, scripts/rollup-merge-catalogues.mjs):
// which modules count as run at once, and, in the built umbrella (npm run build), that the two
// French chunks hold every string exactly once, with every string of the first views in the first.
// The browser side (the rest arrives with its part, in the page's language) is
// test/e2e/catalogue-split.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eagerIds, eagerModules } from '../../scripts/catalogue-split.mjs';

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

test('the umbrella CDN build holds every French string once, the first views\' in the first chunk', async (t) => {
  const chunks = 'packages/all/cdn/chunks';
  if (!existsSync(chunks)) return t.skip('no CDN build: run npm run build first');
  const main = readFileSync('packages/all/cdn/citopia.js', 'utf8');
  const names = readdirSync(chunks).filter((f) => f.endsWith('.js'));
  // The chunks citopia.js itself loads (the autoloader has its own copies beside them).
  const first = names.find((f) => /^fr-[\w-]{8}\.js$/.test(f) && main.includes(`chunks/${f}`));
  assert.ok(first, 'citopia.js loads a French chunk');
  const firstCode = readFileSync(join(chunks, first), 'utf8');
  const rest = names.find((f) => /^fr-rest-[\w-]{8}\.js$/.test(f) && firstCode.includes(`./${f}`));
  assert.ok(rest, 'the French chunk registers its rest');
  const a = idsOf(join(chunks, first));
  const b = idsOf(join(chunks, rest));
  const all = new Set();
  for (const dir of PACKAGES) {
    const { templates } = await import(join(process.cwd(), dir, 'dist', 'locales', 'fr.js'));
    for (const id of Object.keys(templates)) all.add(id);
  }
  assert.deepEqual([...a].filter((id) => b.has(id)), [], 'no string in both chunks');
  assert.deepEqual([...all].filter((id) => !a.has(id) && !b.has(id)), [], 'no string lost');
  assert.equal(a.size + b.size, all.size);
  const eager = eagerIds(PACKAGES);
  assert.deepEqual([...all].filter((id) => eager.has(id) && !a.has(id)), [], 'every string of the first views is in the first chunk');
  assert.ok(b.size > 100, `the rest holds the later parts' strings (${b.size})`);
});

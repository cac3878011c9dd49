// The privacy notice's first view stays small: its entry (dist/, as npm ships it) and its CDN
// file reach the details layer, the cookie store and the runner of gated scripts only through
// import(), never through a static import. Reads the
// built files (npm run build:ts && npm run build:cdn) with es-module-lexer (node:test, no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { init, parse } from 'es-module-lexer';

const DIST = 'packages/privacy-notice/dist';
const CDN = 'packages/privacy-notice/cdn';
const LAZY = ['details-layer.js', 'details-layer.styles.js', 'validate-config.js', 'cookie-store.js', 'gated-scripts.js'];
/** Each lazy part with its own chunk in the CDN build, and a string only that chunk holds. */
const CHUNKS = [
  ['details-layer', 'Automated decisions'],
  ['cookie-store', 'SameSite=Lax'],
  ['gated-scripts', 'createScriptURL'],
];

await init;

function read(file) {
  assert.ok(existsSync(file), `${file} is missing: build first (npm run build:ts && npm run build:cdn)`);
  return readFileSync(file, 'utf8');
}

/** Relative imports of a module: static ones and dynamic ones (string literals), as paths. */
function importsOf(file) {
  const [imports] = parse(read(file));
  const relative = imports.filter((i) => i.n?.startsWith('.'));
  const resolve = (i) => normalize(join(dirname(file), i.n));
  return { static: relative.filter((i) => i.d === -1).map(resolve), dynamic: relative.filter((i) => i.d > -1).map(resolve) };
}

/** Every module a file loads before it runs: itself and its static imports, transitively. */
function staticGraph(entry) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    importsOf(file).static.forEach(walk);
  };
  walk(entry);
  return seen;
}

test('the ESM entry reaches its lazy parts only through import()', () => {
  const graph = [...staticGraph(join(DIST, 'index.js'))].map((f) => f.slice(DIST.length + 1));
  assert.ok(graph.includes('citopia-privacy-notice.js'), 'the walk follows static imports');
  for (const lazy of LAZY) assert.ok(!graph.includes(lazy), `${lazy} is statically imported by the entry`);
  const dynamic = [...staticGraph(join(DIST, 'index.js'))].flatMap((f) => importsOf(f).dynamic);
  for (const [name] of CHUNKS) assert.ok(dynamic.includes(join(DIST, `${name}.js`)), `the entry loads ${name} with import()`);
});

test('the Node entry (server rendering) holds the layer statically, so a server render is whole', () => {
  const graph = [...staticGraph(join(DIST, 'node.js'))].map((f) => f.slice(DIST.length + 1));
  assert.ok(graph.includes('details-layer.js'));
  const pkg = JSON.parse(read('packages/privacy-notice/package.json'));
  assert.equal(pkg.exports['.'].node, './dist/node.js');
});

test('the CDN file loads each lazy part\'s chunk with import() only', () => {
  const file = join(CDN, 'citopia-privacy-notice.js');
  for (const [name, only] of CHUNKS) {
    const chunk = readdirSync(join(CDN, 'chunks')).find((f) => new RegExp(`^${name}-.*\\.js$`).test(f));
    assert.ok(chunk, `the CDN build has a ${name} chunk`);
    const chunkPath = join(CDN, 'chunks', chunk);
    assert.ok(!staticGraph(file).has(chunkPath), `the CDN file statically imports the ${name} chunk`);
    assert.ok(importsOf(file).dynamic.includes(chunkPath), `the CDN file imports the ${name} chunk dynamically`);
    // Its code is not in the CDN file itself (it comes with the chunk).
    assert.ok(!read(file).includes(only), `${name}'s code is in the CDN file`);
    assert.ok(read(chunkPath).includes(only), `the ${name} chunk holds "${only}"`);
  }
});

// The privacy notice's first view stays small: its entry (dist/, as npm ships it) and its CDN
// file reach the details layer only through import(), never through a static import. Reads the
// built files (npm run build:ts && npm run build:cdn) with es-module-lexer (node:test, no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { init, parse } from 'es-module-lexer';

const DIST = 'packages/privacy-notice/dist';
const CDN = 'packages/privacy-notice/cdn';
const LAZY = ['details-layer.js', 'details-layer.styles.js', 'validate-config.js'];

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

test('the ESM entry reaches the details layer only through import()', () => {
  const graph = [...staticGraph(join(DIST, 'index.js'))].map((f) => f.slice(DIST.length + 1));
  assert.ok(graph.includes('citopia-privacy-notice.js'), 'the walk follows static imports');
  for (const lazy of LAZY) assert.ok(!graph.includes(lazy), `${lazy} is statically imported by the entry`);
  const dynamic = [...staticGraph(join(DIST, 'index.js'))].flatMap((f) => importsOf(f).dynamic);
  assert.ok(dynamic.includes(join(DIST, 'details-layer.js')), 'the entry loads the layer with import()');
});

test('the Node entry (server rendering) holds the layer statically, so a server render is whole', () => {
  const graph = [...staticGraph(join(DIST, 'node.js'))].map((f) => f.slice(DIST.length + 1));
  assert.ok(graph.includes('details-layer.js'));
  const pkg = JSON.parse(read('packages/privacy-notice/package.json'));
  assert.equal(pkg.exports['.'].node, './dist/node.js');
});

test('the CDN file loads the layer chunk with import() only', () => {
  const file = join(CDN, 'citopia-privacy-notice.js');
  const chunk = readdirSync(join(CDN, 'chunks')).find((f) => /^details-layer-.*\.js$/.test(f));
  assert.ok(chunk, 'the CDN build has a details-layer chunk');
  const chunkPath = join(CDN, 'chunks', chunk);
  assert.ok(!staticGraph(file).has(chunkPath), 'the CDN file statically imports the layer chunk');
  assert.ok(importsOf(file).dynamic.includes(chunkPath), 'the CDN file imports the layer chunk dynamically');
  // The strings the layer shows are not in the CDN file itself (they came with the chunk).
  assert.ok(!read(file).includes('Automated decisions'), 'the layer\'s template text is in the CDN file');
  assert.ok(read(chunkPath).includes('Automated decisions'));
});

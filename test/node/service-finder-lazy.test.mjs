// The service finder's first view leaves out what it does not need: its built ESM entry
// (packages/service-finder/dist/index.js, as npm users and bundlers get it) must not import,
// statically, the search index, the result template and channels, the readers of other formats
// than our own, the offline copy, several sources or the URL sync; those are dynamic imports.
// Run after the build (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'packages/service-finder/dist');

/** Every module of the package reached from `entry` by static imports, and every dynamic import seen on the way. */
function importGraph(entry) {
  const seen = new Set();
  const dynamic = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'), file);
    for (const i of imports) {
      // Relative specifiers only: Lit and @citopia/core are the package's dependencies.
      if (!i.n?.startsWith('.')) continue;
      const target = resolve(dirname(file), i.n);
      if (i.d > -1) dynamic.add(relative(dist, target));
      else visit(target);
    }
  };
  visit(entry);
  return { statics: [...seen].map((f) => relative(dist, f)), dynamic };
}

const LAZY = [
  'search/search-index.js',
  'search/fuzzy.js',
  'search/normalize.js',
  'search/suggest.js',
  'result-view.js',
  'channels.js',
  'catalogue/read.js',
  'catalogue/open311.js',
  'catalogue/jsonld-read.js',
  'catalogue/jsonld.js',
  'catalogue/offline-copy.js',
  'catalogue/sources.js',
  'sources-view.js',
  'url-state.js',
  'extras.js',
  'light-dom.js',
];

test('the finder’s entry does not import, statically, what the first view does not need', { skip: !existsSync(join(dist, 'index.js')) && 'packages/service-finder/dist is not built' }, async () => {
  await init;
  const { statics, dynamic } = importGraph(join(dist, 'index.js'));
  assert.ok(statics.includes('citopia-service-finder.js'), `the element is in the entry: ${statics.join(', ')}`);
  assert.ok(statics.includes('catalogue/native.js'), 'our own format is read synchronously (first render, server rendering)');
  for (const lazy of LAZY) assert.ok(!statics.includes(lazy), `${lazy} is imported statically by the entry (${statics.join(', ')})`);
  // …and each of them is still reachable when needed.
  // ("Did you mean", search/suggest.js, is asked for by the result view: see below.)
  for (const chunk of ['search/search-index.js', 'result-view.js', 'extras.js', 'catalogue/jsonld.js', 'light-dom.js']) {
    assert.ok(dynamic.has(chunk), `${chunk} is loaded with import() (${[...dynamic].join(', ')})`);
  }
});

test('the lazily loaded chunks hold what they are for (the results chunk brings the channels and asks for "did you mean", extras the readers)', { skip: !existsSync(join(dist, 'index.js')) && 'packages/service-finder/dist is not built' }, async () => {
  await init;
  const resultView = importGraph(join(dist, 'result-view.js'));
  assert.ok(resultView.statics.includes('channels.js'));
  assert.ok(resultView.dynamic.has('search/suggest.js'), `search/suggest.js is loaded with import() by the result view (${[...resultView.dynamic].join(', ')})`);
  assert.ok(importGraph(join(dist, 'extras.js')).statics.includes('catalogue/read.js'));
});

// The open-source badge's first view loads neither its reader of publiccode.yml nor its details:
// read from the built files' static imports (es-module-lexer), both in the npm build (dist/) and
// in the CDN build. Run after `npm run build` (build:ts and build:cdn).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, initSync } from 'es-module-lexer';
import { initialLoad } from '../../scripts/chunk-graph.mjs';

initSync();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'packages/open-source-badge/dist');
const cdn = join(root, 'packages/open-source-badge/cdn');

function built(path) {
  assert.ok(existsSync(path), `${path} is missing: run npm run build first`);
}

/** Relative imports of one built module: static and dynamic (with a literal specifier). */
function importsOf(file) {
  const [imports] = parse(readFileSync(file, 'utf8'));
  const relative = imports.filter((i) => i.n?.startsWith('.'));
  return {
    static: relative.filter((i) => i.d === -1).map((i) => resolve(dirname(file), i.n)),
    dynamic: relative.filter((i) => i.d > -1).map((i) => resolve(dirname(file), i.n)),
  };
}

function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const next of importsOf(file).static) staticClosure(next, seen);
  return seen;
}

/** The modules that only the lazily loaded chunks need. */
const LAZY = ['read-file.js', 'parse-source.js', 'read-plain-yaml.js', 'flow-depth.js', 'parse-yaml.js', 'details.js', 'details.styles.js', 'validate.js', 'spdx.js', 'problem-messages.js'];

test('npm build: the entry imports none of the reader and details modules statically', () => {
  built(join(dist, 'index.js'));
  const first = [...staticClosure(join(dist, 'index.js'))].map((f) => basename(f));
  assert.ok(first.includes('load.js') && first.includes('citopia-open-source-badge.js'), first.join(', '));
  for (const lazy of LAZY) assert.ok(!first.includes(lazy), `${lazy} is loaded with the first view: ${first.join(', ')}`);
});

test('npm build: the reader is imported when the file is requested, the details when they open', () => {
  assert.deepEqual(importsOf(join(dist, 'load.js')).dynamic.map((f) => basename(f)), ['read-file.js']);
  assert.deepEqual(importsOf(join(dist, 'citopia-open-source-badge.js')).dynamic.map((f) => basename(f)), ['details.js']);
  // The reader chunk holds the plain-YAML reader (the full parser stays its own, further chunk).
  const reader = [...staticClosure(join(dist, 'read-file.js'))].map((f) => basename(f));
  assert.ok(reader.includes('read-plain-yaml.js') && !reader.includes('parse-yaml.js'), reader.join(', '));
});

test('CDN build: the first load holds neither the reader nor the details; the reader is one chunk the file imports', () => {
  const entry = 'citopia-open-source-badge.js';
  built(join(cdn, entry));
  const { files } = initialLoad(cdn, entry, 'fr');
  for (const file of files) assert.doesNotMatch(basename(file), /^(read-file|details|parse-yaml)-/, `${file} is in the first load`);
  // A sentence of the plain-YAML reader's code: in the reader chunk, not in the first load.
  const marker = 'not plain YAML';
  for (const file of files) assert.ok(!readFileSync(join(cdn, file), 'utf8').includes(marker), `the reader's code is in ${file}`);
  const readerChunks = readdirSync(join(cdn, 'chunks')).filter((f) => /^read-file-[\w-]{8}\.js$/.test(f));
  assert.equal(readerChunks.length, 1, readerChunks.join(', '));
  assert.ok(readFileSync(join(cdn, 'chunks', readerChunks[0]), 'utf8').includes(marker));
  const dynamic = importsOf(join(cdn, entry)).dynamic.map((f) => basename(f));
  assert.ok(dynamic.includes(readerChunks[0]), dynamic.join(', '));
});

// The assistance request's first view does not pull its later steps: in the built ESM (dist/)
// and in the CDN files, the static import graph from the entry leaves out the modules of
// "check your answers", sending, the outbox, the confirmation and the XML reader, which the
// component loads with import() when first needed. Run after `npm run build:ts` and
// `npm run build:cdn` (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, parse } from 'es-module-lexer';

initSync();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = resolve(root, 'packages/assistance-request');

/** Modules that only the later steps use (dist/<name>.js). */
const LATER = ['steps', 'check-answers', 'sending', 'outbox', 'outbox-view', 'deliver', 'answers', 'validate', 'problems', 'confirmation', 'open311-results', 'open311-status', 'open311-xml', 'upload', 'date-time', 'date-time-field'];

/** Every file the entry imports statically (transitively, relative imports only), and the dynamic imports found in them. */
function graph(entry) {
  const files = new Set();
  const dynamic = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    assert.ok(existsSync(file), `${file} is missing: build first (npm run build:ts && npm run build:cdn)`);
    files.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'));
    for (const { n, d } of imports) {
      if (!n?.startsWith('.')) continue;
      const target = resolve(dirname(file), n);
      if (d === -1) visit(target);
      else if (d >= 0) dynamic.add(target);
    }
  };
  visit(entry);
  return { files, dynamic };
}

const name = (file) => basename(file).replace(/\.js$/, '');

test('dist: the entry imports none of the later steps statically, and loads them with import()', () => {
  const { files, dynamic } = graph(resolve(pkg, 'dist/index.js'));
  const first = [...files].map(name);
  // The graph is the real one: the component and its first view's modules are in it.
  for (const module of ['citopia-assistance-request', 'open311', 'open311-read', 'answer-model']) assert.ok(first.includes(module), `${module} in the first view`);
  assert.deepEqual(first.filter((module) => LATER.includes(module)), []);
  assert.ok([...dynamic].map(name).includes('steps'), 'steps.js is loaded with import()');
  assert.ok([...dynamic].map(name).includes('open311-xml'), 'the XML reader is loaded with import()');
});

for (const cdn of ['packages/assistance-request/cdn/citopia-assistance-request.js', 'packages/all/cdn/citopia.js']) {
  test(`${cdn}: the later steps and the XML reader are chunks loaded with import()`, () => {
    const { files, dynamic } = graph(resolve(root, cdn));
    const chunk = (prefix) => [...dynamic].find((file) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(basename(file)));
    const steps = chunk('steps');
    const xml = chunk('open311-xml');
    assert.ok(steps, 'a steps chunk is imported dynamically');
    assert.ok(xml, 'an open311-xml chunk is imported dynamically');
    assert.ok(!files.has(steps) && !files.has(xml), 'neither is in the static graph');
    // The steps chunk really holds "check your answers" (its strings are not in the first files).
    assert.match(readFileSync(steps, 'utf8'), /Check your answers before sending/);
    for (const file of files) assert.doesNotMatch(readFileSync(file, 'utf8'), /Check your answers before sending/, `${basename(file)} has the check step`);
  });
}

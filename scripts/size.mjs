#!/usr/bin/env node
// Prints the gzipped size of each CDN file and each package's ESM entry, and fails when one is
// over its budget in size-budgets.txt. Run after `npm run build`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { initialLoad } from './chunk-graph.mjs';
import minifyLiterals from './rollup-minify-literals.mjs';
import { terserOptions } from './terser-options.mjs';

const budgets = new Map(
  readFileSync('size-budgets.txt', 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(/\s+/))
    .map(([entry, max]) => [entry, Number(max)]),
);

const gz = (code) => gzipSync(code, { level: 9 }).length;

/** Minified ESM entry of a package, excluding Lit, @lit/* and (for components) @citopia/core. */
async function esmSize(dir, pkg, file) {
  const isCore = pkg.name === '@citopia/core';
  const external = (id) => /^lit($|\/)|^@lit\/(?!localize)|^lit-html|^lit-element|^@lit\/reactive-element/.test(id) || (!isCore && /^@citopia\/core/.test(id));
  // allow-extension: an entry that lazy chunks share code with stays whole (no tiny facade).
  const bundle = await rollup({ input: join(dir, file), external, plugins: [nodeResolve(), minifyLiterals()], onwarn: () => {}, preserveEntrySignatures: 'allow-extension', preserveSymlinks: true });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser(terserOptions)] });
  await bundle.close();
  const entry = output.find((o) => o.type === 'chunk' && o.isEntry);
  return gz(entry.code);
}

const rows = [];
for (const name of readdirSync('packages')) {
  const dir = join('packages', name);
  if (!existsSync(join(dir, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // Browser packages only: the umbrella is measured as its CDN file; @citopia/ssr runs in Node.
  if (!pkg.private && pkg.name !== 'citopia' && pkg.citopia?.size !== false) {
    // Every JavaScript entry point of the exports map.
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      const file = typeof target === 'object' ? target.default : undefined;
      if (!file?.endsWith('.js') || !existsSync(join(dir, file))) continue;
      // The main entry always counts; other entry points when they have a budget line.
      if (subpath !== '.' && !budgets.has(`esm:${pkg.name}${subpath.slice(1)}`)) continue;
      rows.push({ entry: `esm:${pkg.name}${subpath.slice(1)}`, bytes: await esmSize(dir, pkg, file) });
    }
  }
  const cdnDir = join(dir, 'cdn');
  if (existsSync(cdnDir)) {
    for (const file of readdirSync(cdnDir).filter((f) => f.endsWith('.js'))) {
      rows.push({ entry: `cdn:${join(cdnDir, file)}`, bytes: gz(readFileSync(join(cdnDir, file))) });
    }
    if (existsSync(join(cdnDir, 'chunks'))) {
      for (const file of readdirSync(join(cdnDir, 'chunks')).filter((f) => f.endsWith('.js'))) {
        rows.push({ entry: `chunk:${join(cdnDir, 'chunks', file)}`, bytes: gz(readFileSync(join(cdnDir, 'chunks', file))), info: true });
      }
    }
  }
}

// The demo page's first load from the umbrella's chunk graph: citopia.js, its static imports and
// the one French catalogue chunk. (`browser:` lines are what Chromium measured on the page; the
// end-to-end footprint test checks those.)
if (existsSync('packages/all/cdn/citopia.js')) {
  const { bytes, files } = initialLoad('packages/all/cdn', 'citopia.js', 'fr');
  rows.push({ entry: 'initial:demo-fr', bytes, note: `${files.length} files` });
}

let failed = 0;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log('gzipped sizes (budget from size-budgets.txt)');
for (const { entry, bytes, info, note } of rows) {
  const budget = budgets.get(entry);
  const status = budget === undefined ? (info ? 'lazy chunk' : 'NO BUDGET') : bytes <= budget ? `ok (budget ${kb(budget)})` : `OVER BUDGET (${kb(budget)})`;
  if ((budget === undefined && !info) || (budget !== undefined && bytes > budget)) failed++;
  console.log(`  ${entry.padEnd(64)} ${kb(bytes).padStart(9)} ${String(bytes).padStart(6)} B  ${status}${note ? `, ${note}` : ""}`);
}
for (const entry of budgets.keys()) {
  if (entry.startsWith('browser')) continue;
  if (!rows.some((r) => r.entry === entry)) {
    console.log(`  ${entry.padEnd(64)}   missing  (budgeted entry not built)`);
    failed++;
  }
}
if (failed) {
  console.error(`size check failed: ${failed} entr${failed === 1 ? 'y' : 'ies'} over budget, unbudgeted or missing`);
  process.exit(1);
}
console.log('size check passed');

#!/usr/bin/env node
// `npm run bench`: runs every package's benchmark (packages/*/bench/index.mjs, each exporting a
// default async function that prints its own table) one after the other. A benchmark, not a
// timed test: it prints figures and ratios, it does not fail on them. Then the readability of
// the standard and easy-to-read strings per locale (scripts/easy-read-bench.mjs).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv[2];
for (const name of readdirSync('packages').sort()) {
  const file = join('packages', name, 'bench', 'index.mjs');
  if (!existsSync(file) || (only && only !== name)) continue;
  console.log(`\n=== ${name} ===`);
  const mod = await import(pathToFileURL(resolve(file)).href);
  await mod.default();
}
if (!only || only === 'easy-read') {
  console.log('\n=== easy-to-read strings ===');
  (await import('./easy-read-bench.mjs')).default();
}

// The demo city page under slow 3G (scripts/slow-network.mjs): navigation → first search answer.
if (!only || only === 'demo') {
  console.log('\n=== demo page (slow 3G) ===');
  await (await import('./slow-network.mjs')).bench();
}

// Where a minified CDN file's bytes come from: each source module's share of the gzipped size,
// read through the file's source map. `node scripts/size-attribution.mjs <cdn file> [prefix]`.
// gzip is not additive (modules compress against each other), so each module's bytes are
// gzipped apart and scaled to the file's real gzipped size: a share to compare, not a budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const [file, prefix] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/size-attribution.mjs <cdn file> [source prefix to detail]');
  process.exit(2);
}
const code = readFileSync(file, 'utf8');
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
const gz = (text) => gzipSync(text, { level: 9 }).length;

/** A short name: the package path after node_modules, or the file's own package's dist path; Lit as one. */
const shortName = (source) => {
  const name = (source ?? '(generated)').replace(/.*node_modules\//, '').replace(/^@citopia\//, '').replace(/^(\.\.\/)+/, '');
  return /^(@lit\/|lit-html\/|lit-element\/|lit\/)/.test(name) && !prefix ? 'lit' : name;
};

const text = new Map();
code.split('\n').forEach((line, l) => {
  for (let column = 0; column < line.length; column++) {
    const name = shortName(originalPositionFor(map, { line: l + 1, column }).source);
    text.set(name, (text.get(name) ?? '') + line[column]);
  }
});
const total = gz(code);
const rows = [...text].map(([name, chars]) => ({ name, chars: chars.length, alone: gz(chars) }));
const sumAlone = rows.reduce((s, r) => s + r.alone, 0);
rows.sort((a, b) => b.alone - a.alone);
console.log(`${file}: ${total} B gzipped (modules gzipped apart: ${sumAlone} B; shares scaled to ${total} B)`);
for (const r of rows.filter((r) => !prefix || r.name.startsWith(prefix))) console.log(`${r.name.padEnd(56)} ${String(r.chars).padStart(7)} chars ${String(Math.round((r.alone / sumAlone) * total)).padStart(6)} B`);

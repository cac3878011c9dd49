// Benchmark of the privacy notice's pure logic (run `npm run bench privacy-notice` after a build):
// what validating the configuration on load costs, for a city's real-sized notice and for an
// outsized one. Prints figures; never fails on them.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateConfig } from '../dist/validate-config.js';
import { staleness } from '../dist/consent-record.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/config-consent.json', import.meta.url), 'utf8'));

/** The fixture with `n` purposes and `n` services (a stress case: real notices have 3 to 15). */
function outsized(n) {
  const config = structuredClone(fixture);
  const template = config.purposes[2];
  config.purposes = Array.from({ length: n }, (_, i) => ({ ...template, id: `purpose-${i}` }));
  config.services = Array.from({ length: n }, (_, i) => ({ name: `service-${i}`, purposes: [`purpose-${i}`], cookies: ['_a', '_b'] }));
  return config;
}

function time(label, fn, runs) {
  for (let i = 0; i < Math.min(runs, 50); i++) fn(); // warm up
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const each = (performance.now() - start) / runs;
  return { case: label, runs, 'µs per run': Math.round(each * 1000 * 10) / 10 };
}

export default async function bench() {
  const big = outsized(500);
  const record = { version: '2025-03', date: new Date().toISOString(), choices: { statistics: true } };
  const rows = [
    time('validate Ville de Démo (4 purposes, 3 services)', () => validateConfig(fixture), 5000),
    time('validate 500 purposes, 500 services', () => validateConfig(big), 50),
    time('stored choice: staleness check', () => staleness(record, '2025-03'), 100000),
  ];
  if (validateConfig(fixture).length || validateConfig(big).length) throw new Error('the bench configurations should be valid');
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();

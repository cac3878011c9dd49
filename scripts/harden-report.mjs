#!/usr/bin/env node
// `npm run harden`: the hardening tests (hostile input, unsafe URLs, malformed data, strict CSP,
// lifecycle, storage and network faults) in Chromium and in Firefox ESR, then one table of the
// figures both runs reported (reports/harden-<browser>.json). The tests themselves assert the zeros.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const files = 'packages/all/test/hardening/**/*.test.ts,packages/all/test/csp/**/*.test.ts,packages/assistance-request/test/**/*.test.ts';
const runs = [
  ['Chromium', 'web-test-runner.config.mjs'],
  ['Firefox', 'web-test-runner.firefox.config.mjs'],
];
let failed = false;
for (const [browser, config] of runs) {
  rmSync(`reports/harden-${browser.toLowerCase()}.json`, { force: true });
  try {
    execSync(`npx web-test-runner --config ${config}`, { stdio: 'inherit', env: { ...process.env, WTR_FILES: files } });
  } catch {
    failed = true;
    console.error(`hardening tests failed in ${browser}`);
  }
}
const results = runs.map(([browser]) => [browser, `reports/harden-${browser.toLowerCase()}.json`]).filter(([, f]) => existsSync(f)).map(([browser, f]) => [browser, JSON.parse(readFileSync(f, 'utf8')).figures]);
const names = [...new Set(results.flatMap(([, figures]) => Object.keys(figures)))];
console.log('\nCitopia hardening figures');
console.log(`| figure | ${results.map(([b]) => b).join(' | ')} |`);
console.log(`|---|${results.map(() => '---:').join('|')}|`);
for (const name of names) console.log(`| ${name} | ${results.map(([, f]) => f[name] ?? '–').join(' | ')} |`);
console.log(`| browsers run | ${results.map(() => 1).join(' | ')} |`);
process.exit(failed ? 1 : 0);

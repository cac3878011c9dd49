// The preflight names every missing system tool, and `npm test` itself stops on it within
// seconds instead of failing with a shell error halfway through. Each case runs with a PATH made
// for it: an empty folder but for node (nothing found), or fake tools (everything found).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npmCli = process.env.npm_execpath ?? join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js');
const APT_LINE = 'sudo apt-get install -y chromium firefox-esr reuse';
let bare;
let allTools;

/**
 * A folder holding node and sh (npm runs scripts with sh) and, for each name given, an executable
 * stand-in for that tool: used as the whole PATH, it hides the machine's own tools.
 */
function pathWith(...tools) {
  const dir = mkdtempSync(join(tmpdir(), 'citopia-preflight-'));
  symlinkSync(process.execPath, join(dir, 'node'));
  symlinkSync('/bin/sh', join(dir, 'sh'));
  for (const tool of tools) {
    writeFileSync(join(dir, tool), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

function run(args, path, extraEnv = {}) {
  const env = { HOME: process.env.HOME, PATH: path, ...extraEnv };
  return spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
}

before(() => {
  bare = pathWith();
  allTools = pathWith('chromium', 'firefox-esr', 'reuse');
});
after(() => {
  for (const dir of [bare, allTools]) rmSync(dir, { recursive: true, force: true });
});

test('names every missing tool, what needs it, and the one Debian line that installs them', () => {
  const result = run(['scripts/preflight.mjs'], bare);
  assert.equal(result.status, 1, result.stderr);
  for (const tool of ['chromium', 'firefox-esr', 'reuse']) assert.match(result.stderr, new RegExp(`- ${tool}: needed by `));
  assert.ok(result.stderr.includes(APT_LINE), result.stderr);
});

test('passes when every tool is there', () => {
  const result = run(['scripts/preflight.mjs'], allTools);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
});

test('names only what is missing, and offers the Chromium-only command when Chromium is there', () => {
  const chromiumOnly = pathWith('chromium');
  try {
    const result = run(['scripts/preflight.mjs'], chromiumOnly);
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stderr, /- chromium:/);
    assert.match(result.stderr, /- firefox-esr:/);
    assert.match(result.stderr, /- reuse:/);
    assert.ok(result.stderr.includes('sudo apt-get install -y firefox-esr reuse'));
    assert.ok(result.stderr.includes('npm run test:chromium'));
    assert.equal(run(['scripts/preflight.mjs', 'chromium'], chromiumOnly).status, 0);
  } finally {
    rmSync(chromiumOnly, { recursive: true, force: true });
  }
});

test('a browser path set in the environment must point at an executable file', () => {
  const result = run(['scripts/preflight.mjs', 'chromium'], allTools, { CHROME_PATH: join(bare, 'no-such-chromium') });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /CHROME_PATH=.*no-such-chromium is not an executable file/);
});

test('`npm test` stops within seconds with that message when a tool is missing', () => {
  const started = Date.now();
  const result = run([npmCli, 'test', '--silent'], bare);
  const seconds = (Date.now() - started) / 1000;
  assert.notEqual(result.status, 0);
  assert.ok(result.stderr.includes('npm test cannot start'), result.stderr);
  assert.ok(result.stderr.includes(APT_LINE), result.stderr);
  // Nothing was built before the stop: the build prints its steps.
  assert.doesNotMatch(result.stdout + result.stderr, /localize\.mjs build|rollup/);
  // Only a hang guard: the preflight itself takes well under a second.
  assert.ok(seconds < 30, `took ${seconds} s`);
});

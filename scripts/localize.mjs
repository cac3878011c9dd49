#!/usr/bin/env node
// Runs lit-localize for every package that has a lit-localize.json.
//   node scripts/localize.mjs extract   refresh the XLIFF files from the msg() calls in src/
//   node scripts/localize.mjs build     write src/locales/<locale>.ts from the XLIFF files
//   node scripts/localize.mjs check     fail when a message lacks a translation in some locale
// Each also handles the easy-to-read layer (xliff/easy/<locale>.xlf → src/locales/easy/), see
// scripts/easy-xliff.mjs: extract refreshes the easy files' units, build writes their modules,
// check fails on a missing easy text or a placeholder that differs from the source.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEasy, checkEasy, refreshEasy } from './easy-xliff.mjs';

const command = process.argv[2] ?? 'build';
const cli = join('node_modules', '@lit', 'localize-tools', 'bin', 'lit-localize.js');
const packages = readdirSync('packages')
  .map((name) => join('packages', name))
  .filter((dir) => existsSync(join(dir, 'lit-localize.json')));

if (command === 'check') {
  let missing = 0;
  for (const dir of packages) {
    for (const file of readdirSync(join(dir, 'xliff')).filter((f) => f.endsWith('.xlf'))) {
      const xml = readFileSync(join(dir, 'xliff', file), 'utf8');
      for (const unit of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
        if (!/<target>[\s\S]*?<\/target>/.test(unit[2])) {
          console.error(`missing translation: ${dir}/xliff/${file} ${unit[1]}`);
          missing++;
        }
      }
    }
  }
  for (const dir of packages) {
    for (const problem of checkEasy(dir)) {
      console.error(problem);
      missing++;
    }
  }
  if (missing) {
    console.error(`${missing} missing translation(s). Add a <target> to each, see docs/contributing.md.`);
    process.exit(1);
  }
  console.log(`translations and easy-to-read texts complete in ${packages.length} packages`);
} else {
  for (const dir of packages) {
    // lit-localize warns once per untranslated message; `check` reports those, so keep build quiet.
    execFileSync(process.execPath, [cli, command, '--config', join(dir, 'lit-localize.json')], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (command === 'extract') refreshEasy(dir);
    if (command === 'build') buildEasy(dir);
  }
  console.log(`lit-localize ${command}: ${packages.map((p) => p.split('/')[1]).join(', ')}`);
}

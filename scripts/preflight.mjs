#!/usr/bin/env node
// Checks, before a test command spends minutes building, that the system tools it needs are
// here, and names every missing one with the one line that installs them all.
//   node scripts/preflight.mjs                    what `npm test` needs (chromium, firefox, reuse)
//   node scripts/preflight.mjs chromium           what `npm run test:chromium` needs
import { SYSTEM_TOOLS, findTool } from './system-tools.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SYSTEM_TOOLS);
const unknown = wanted.filter((name) => !(name in SYSTEM_TOOLS));
if (unknown.length) {
  console.error(`preflight: unknown tool ${unknown.join(', ')} (known: ${Object.keys(SYSTEM_TOOLS).join(', ')})`);
  process.exit(2);
}

const missing = wanted.filter((name) => !findTool(name));
if (!missing.length) process.exit(0);

const command = process.env.npm_lifecycle_event ? `npm ${process.env.npm_lifecycle_event === 'test' ? 'test' : `run ${process.env.npm_lifecycle_event}`}` : 'The tests';
const lines = [
  '',
  `${command} cannot start: ${missing.length === 1 ? 'this system tool is' : 'these system tools are'} missing.`,
  ...missing.map((name) => {
    const tool = SYSTEM_TOOLS[name];
    const set = tool.env && process.env[tool.env] ? `${tool.env}=${process.env[tool.env]} is not an executable file` : `not on PATH${tool.env ? `; or set ${tool.env} to its path` : ''}`;
    return `  - ${tool.command}: needed by ${tool.neededBy} (${set})`;
  }),
  '',
  'Install them on Debian (or Ubuntu) with:',
  `  sudo apt-get install -y ${missing.map((name) => SYSTEM_TOOLS[name].debian).join(' ')}`,
];
if (missing.some((name) => name !== 'chromium') && findTool('chromium')) {
  lines.push('', 'Only Chromium? `npm run test:chromium` runs everything but the Firefox suites and the REUSE check.');
}
console.error(lines.join('\n') + '\n');
process.exit(1);

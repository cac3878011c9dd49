#!/usr/bin/env node
// Checks what each publishable package would put on npm (`npm pack --dry-run`): an exports map
// whose every entry has types and points at packed files, customElements for components, only
// built files plus README and LICENSE, and sideEffects that keep the modules defining tags.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const problems = [];
let checked = 0;
for (const name of readdirSync('packages').sort()) {
  const dir = join('packages', name);
  if (!existsSync(join(dir, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  checked++;
  const say = (msg) => problems.push(`${pkg.name}: ${msg}`);
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = new Set(report.files.map((f) => f.path));
  for (const required of ['package.json', 'README.md', 'LICENSE']) if (!files.has(required)) say(`missing ${required} in the package`);
  const allowed = /^(dist\/|cdn\/|custom-elements\.json$|README\.md$|LICENSE$|package\.json$|vscode\.html-custom-data\.json$|web-types\.json$|bin\/|lib\/|themes\/|[^/]+\.mjs$|config\/)/;
  for (const f of files) if (!allowed.test(f)) say(`unexpected file in the package: ${f}`);
  for (const f of files) if (f.endsWith('.map')) say(`source map packed: ${f}`);
  if (pkg.license !== 'EUPL-1.2') say(`license is ${pkg.license}, expected EUPL-1.2`);
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(pkg.version)) say(`version ${pkg.version} is not semantic`);
  const isJsLibrary = existsSync(join(dir, 'tsconfig.json'));
  if (isJsLibrary) {
    if (!pkg.exports?.['.']) say('no exports["."]');
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (typeof target === 'string') {
        const path = target.replace(/^\.\//, '');
        if (path.includes('*') ? ![...files].some((f) => f.startsWith(path.split('*')[0])) : !files.has(path)) say(`exports["${subpath}"] points at ${target}, not in the package`);
        continue;
      }
      if (!target.types) say(`exports["${subpath}"] has no types`);
      for (const key of ['types', 'default']) if (target[key] && !files.has(target[key].replace(/^\.\//, ''))) say(`exports["${subpath}"].${key} = ${target[key]} is not in the package`);
    }
    if (!pkg.types || !files.has(pkg.types.replace(/^\.\//, ''))) say('"types" missing or not packed');
  }
  const definesTags = existsSync(join(dir, 'src', 'index.ts')) && /defineElement\(/.test(readFileSync(join(dir, 'src', 'index.ts'), 'utf8'));
  if (definesTags) {
    if (!pkg.customElements || !files.has(pkg.customElements)) say('"customElements" missing or custom-elements.json not packed');
    if (pkg.sideEffects === false || !Array.isArray(pkg.sideEffects) || !pkg.sideEffects.includes('./dist/index.js')) say('sideEffects must keep ./dist/index.js (it defines the tag)');
    if (!pkg.citopia?.cdn || !files.has(`cdn/${pkg.citopia.cdn}`)) say('no CDN file packed');
  }
}
if (problems.length) {
  console.error(problems.map((p) => `  - ${p}`).join('\n'));
  console.error(`pack check: ${problems.length} problem(s) in ${checked} packages`);
  process.exit(1);
}
console.log(`pack check: ${checked} packages ok`);

#!/usr/bin/env node
// custom-elements.json for each package (from the JSDoc tags @summary @slot @event @csspart
// @cssproperty @tag on each component class), then one merged manifest at the root and in the
// umbrella package: it drives Storybook's autodocs, the docs pages, React wrappers and IDE data.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const cli = resolve('node_modules/@custom-elements-manifest/analyzer/cem.js');
const merged = { schemaVersion: '2.1.0', readme: '', modules: [] };
for (const name of readdirSync('packages')) {
  const dir = join('packages', name);
  if (!existsSync(join(dir, 'package.json')) || name === 'testing' || name === 'all') continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!pkg.customElements) continue;
  execFileSync(process.execPath, [cli, 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/locales/**', '--exclude', 'src/**/*.test.ts', '--outdir', '.', '--quiet'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  for (const mod of manifest.modules) merged.modules.push({ ...mod, path: `packages/${name}/${mod.path}` });
}
const text = JSON.stringify(merged, null, 2);
writeFileSync('custom-elements.json', text);
writeFileSync(join('packages', 'all', 'custom-elements.json'), text);
const elements = merged.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
console.log(`custom-elements.json: ${elements.length} element(s): ${elements.map((d) => d.tagName).join(', ') || 'none yet'}`);

#!/usr/bin/env node
// Creates a component package with the same anatomy as every other (the Shoelace/Web Awesome
// generator idea), and wires it into the root tsconfig, the umbrella package and the budgets.
//   node scripts/new-component.mjs service-finder "Service finder" 10240
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

const [name, title = name, budget = '10240'] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: node scripts/new-component.mjs <kebab-name> "<Title>" [<gzip budget bytes>]');
  process.exit(2);
}
const dir = join('packages', name);
if (existsSync(dir)) {
  console.error(`${dir} exists`);
  process.exit(1);
}
const tag = `citopia-${name}`;
const cls = name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
const write = (path, text) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text.replace(/^\n/, ''));
};

write('package.json', JSON.stringify({
  name: `@citopia/${name}`, version: '0.1.0', description: `${title}: a Citopia web component`, license: 'EUPL-1.2', type: 'module',
  main: './dist/index.js', module: './dist/index.js', types: './dist/index.d.ts',
  exports: {
    '.': { 'citopia-source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
    [`./${tag}.js`]: { 'citopia-source': `./src/${tag}.ts`, types: `./dist/${tag}.d.ts`, default: `./dist/${tag}.js` },
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  customElements: 'custom-elements.json',
  files: ['dist', 'cdn', '!**/*.map', 'custom-elements.json', 'README.md', 'LICENSE'],
  sideEffects: ['./dist/index.js', './dist/translations.js'],
  citopia: { cdn: `${tag}.js` },
  peerDependencies: { lit: '^3.3.0' },
  dependencies: { '@citopia/core': '0.1.0', '@lit/localize': '^0.12.2' },
}, null, 2) + '\n');
write('tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src/**/*.ts'], references: [{ path: '../core' }, { path: '../testing' }] }, null, 2) + '\n');
write('lit-localize.json', JSON.stringify({ sourceLocale: 'en', targetLocales: ['fr', 'de', 'it', 'ar'], tsConfig: './tsconfig.json', output: { mode: 'runtime', outputDir: './src/locales' }, interchange: { format: 'xliff', xliffDir: './xliff/' } }, null, 2) + '\n');
write('README.md', `# @citopia/${name}\n\n\`<${tag}>\`: ${title}.\n\n\`\`\`html\n<script type="module" src="https://unpkg.example/@citopia/${name}/cdn/${tag}.js"></script>\n<${tag}></${tag}>\n\`\`\`\n\nSee docs/ in the Citopia repository for attributes, events, fixtures and the accessibility statement.\nLicence: EUPL-1.2.\n`);
write('src/translations.ts', `
import { registerTranslations, type LocaleLoaders } from '@citopia/core';

/** This package's strings, one lazily loaded chunk per locale (generated from xliff/). */
export const translations: LocaleLoaders = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  ar: () => import('./locales/ar.js'),
};
registerTranslations(translations);
`);
write(`src/${tag}.styles.ts`, `
import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

export const styles = [
  ...baseStyles,
  css\`
    :host {
      padding: var(--_space);
    }
  \`,
];
`);
write(`src/${tag}.ts`, `
import { html } from 'lit';
import { msg } from '@lit/localize';
import { CitopiaElement } from '@citopia/core';
import { styles } from './${tag}.styles.js';
import './translations.js';

/**
 * @summary ${title}.
 * @tag ${tag}
 */
export class ${cls} extends CitopiaElement {
  static override styles = styles;

  override render() {
    return html\`<p>\${msg('${title}', { id: '${name}.title' })}</p>\`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${cls};
  }
}
`);
write('src/index.ts', `
import { defineElement } from '@citopia/core';
import { ${cls} } from './${tag}.js';

export * from './${tag}.js';
defineElement('${tag}', ${cls});
`);
write('src/fixtures.ts', `
import { defineFixtures } from '@citopia/core/fixtures';
import type { ${cls} } from './${tag}.js';

/** The one list of states of <${tag}>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<${cls}>({
  tag: '${tag}',
  title: '${title}',
  fixtures: [{ name: 'default', title: 'Default' }],
});
`);
write(`test/${tag}.test.ts`, `
import { expect } from '@open-wc/testing';
import { a11ySweep, mountFixture } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';

describe('<${tag}>', () => {
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('renders', async () => {
    const { el } = await mountFixture(fixtures, 'default');
    expect(el.shadowRoot).to.exist;
  });
});

a11ySweep(fixtures);
`);
writeFileSync(join('stories', `${name}.stories.ts`), `import type { Meta } from '@storybook/web-components-vite';
import '@citopia/${name}';
import { fixtures } from '@citopia/${name}/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/${title}', component: '${tag}' };
export default meta;

export const Default = fixtureStory(fixtures, 'default');
`);
// package exports for fixtures (stories read them from the built package)
const pkgPath = join(dir, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.exports['./fixtures'] = { 'citopia-source': './src/fixtures.ts', types: './dist/fixtures.d.ts', default: './dist/fixtures.js' };
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

const root = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
root.references.push({ path: dir });
writeFileSync('tsconfig.json', JSON.stringify(root, null, 2) + '\n');
appendFileSync('size-budgets.txt', `esm:@citopia/${name} ${budget}\ncdn:packages/${name}/cdn/${tag}.js 40960\n`);
console.log(`created ${dir}; now: add "@citopia/${name}" to packages/all (package.json dependencies, src/index.ts import, tsconfig reference), npm install, npm run localize:extract`);

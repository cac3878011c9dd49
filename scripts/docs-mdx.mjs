#!/usr/bin/env node
// Puts the Markdown documentation (docs/*.md, docs/components/*.md) into Storybook as MDX pages,
// so `npm run build-docs` gives a city one static site: guides, API pages and live components.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = 'stories/generated';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const title = (file) => file.replace(/\.md$/, '').replace(/^citopia-/, '').replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());
const pages = [
  ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => ({ path: `docs/${f}`, group: 'Guides', name: title(f) })),
  ...(existsSync('docs/components') ? readdirSync('docs/components').filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => ({ path: `docs/components/${f}`, group: 'API', name: `<${f.replace(/\.md$/, '')}>` })) : []),
];
for (const [i, page] of pages.entries()) {
  writeFileSync(
    join(out, `page-${i}.mdx`),
    `import { Meta, Markdown } from '@storybook/addon-docs/blocks';\nimport text from '../../${page.path}?raw';\n\n<Meta title="${page.group}/${page.name.replace(/"/g, '')}" />\n\n<Markdown>{text}</Markdown>\n`,
  );
}
console.log(`Storybook docs pages: ${pages.length}`);

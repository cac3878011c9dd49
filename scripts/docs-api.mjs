#!/usr/bin/env node
// docs/components/<tag>.md: the API reference of each component, generated from
// custom-elements.json, followed by the hand-written guidance in packages/<pkg>/docs/usage.md
// (when to use, when not) and accessibility statement packages/<pkg>/docs/accessibility.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readComponents } from './cem.mjs';

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const table = (head, rows) => (rows.length ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') : '_None._');

mkdirSync('docs/components', { recursive: true });
const index = ['# Components', '', 'Generated from `custom-elements.json` by `scripts/docs-api.mjs`.', ''];
for (const c of readComponents()) {
  const parts = [`# \`<${c.tagName}>\``, '', c.summary, '', c.description, '', `Package: \`${c.packageName}\` · class \`${c.className}\``, ''];
  parts.push('```html', `<script type="module" src="/assets/citopia/cdn/citopia.js"></script>`, `<${c.tagName}></${c.tagName}>`, '```', '');
  parts.push('## Attributes and properties', '', table(['Attribute', 'Property', 'Type', 'Default', 'Description'], c.properties.map((p) => [c.attributes.find((a) => a.fieldName === p.name)?.name ?? '', p.name, p.type?.text ?? '', p.default ?? '', p.description ?? ''])), '');
  if (c.methods.length) parts.push('## Methods', '', table(['Method', 'Description'], c.methods.map((m) => [`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`, m.description ?? ''])), '');
  parts.push('## Events', '', table(['Event', 'Detail', 'Description'], c.events.map((e) => [e.name, e.type?.text ?? '', e.description ?? ''])), '');
  parts.push('## Slots', '', table(['Slot', 'Description'], c.slots.map((s) => [s.name || '(default)', s.description ?? ''])), '');
  parts.push('## CSS parts', '', table(['Part', 'Description'], c.cssParts.map((p) => [p.name, p.description ?? ''])), '');
  parts.push('## CSS custom properties', '', table(['Property', 'Description'], c.cssProperties.map((p) => [p.name, p.description ?? ''])), '');
  for (const [file, title] of [['usage.md', 'Usage'], ['accessibility.md', 'Accessibility statement']]) {
    const path = join('packages', c.pkg, 'docs', file);
    // Every heading one level down, under this page's "## Usage" / "## Accessibility statement".
    if (existsSync(path)) parts.push(readFileSync(path, 'utf8').trim().replace(/^# .*\n/, `## ${title}\n`).replace(/^(#{2,5}) /gm, (m, h, offset) => (offset === 0 ? m : `#${h} `)), '');
  }
  writeFileSync(join('docs/components', `${c.tagName}.md`), parts.join('\n').replace(/\n{3,}/g, '\n\n'));
  index.push(`- [\`<${c.tagName}>\`](${c.tagName}.md): ${c.summary}`);
}
writeFileSync('docs/components/README.md', index.join('\n') + '\n');
console.log('docs/components written');

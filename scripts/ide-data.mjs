#!/usr/bin/env node
// IDE support from custom-elements.json: VS Code HTML custom data and JetBrains web-types, in the
// umbrella package (packages/all), so `citopia` installs them for editors.
import { readFileSync, writeFileSync } from 'node:fs';
import { readComponents } from './cem.mjs';

const components = readComponents();
const version = JSON.parse(readFileSync('packages/all/package.json', 'utf8')).version;
const values = (type) => {
  const literal = type?.text?.match(/'[^']+'/g);
  return literal && literal.length > 1 ? literal.map((v) => ({ name: v.slice(1, -1) })) : undefined;
};

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: components.map((c) => ({
    name: c.tagName,
    description: [c.summary, c.description].filter(Boolean).join('\n\n'),
    attributes: c.attributes.map((a) => ({ name: a.name, description: a.description ?? '', ...(values(a.type) ? { values: values(a.type) } : {}) })),
    references: [{ name: 'Documentation', url: `https://github.com/citopia/citopia/blob/main/docs/components/${c.tagName}.md` }],
  })),
};
writeFileSync('packages/all/vscode.html-custom-data.json', JSON.stringify(vscode, null, 2) + '\n');

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: 'citopia',
  version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: components.map((c) => ({
        name: c.tagName,
        description: c.summary,
        'doc-url': `https://github.com/citopia/citopia/blob/main/docs/components/${c.tagName}.md`,
        attributes: c.attributes.map((a) => ({ name: a.name, description: a.description ?? '', value: { type: a.type?.text ?? 'string' } })),
        events: c.events.map((e) => ({ name: e.name, description: e.description ?? '' })),
        slots: c.slots.map((s) => ({ name: s.name || 'default', description: s.description ?? '' })),
        js: {
          properties: c.properties.map((p) => ({ name: p.name, description: p.description ?? '', type: p.type?.text })),
          events: c.events.map((e) => ({ name: e.name, description: e.description ?? '' })),
        },
        css: {
          properties: c.cssProperties.map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: c.cssParts.map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};
writeFileSync('packages/all/web-types.json', JSON.stringify(webTypes, null, 2) + '\n');
console.log(`IDE data: ${components.length} elements (vscode.html-custom-data.json, web-types.json)`);

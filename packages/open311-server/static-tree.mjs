#!/usr/bin/env node
// Writes the read-only part of an Open311 endpoint as static files (discovery, services, service
// definitions), in one language: a tree any static host can serve, used by the component's
// Storybook fixtures. `node static-tree.mjs <outDir> [language] [json,xml]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig } from './server.mjs';
import { listServices, pick, serviceDefinition } from './lib/catalogue.mjs';
import { toXml } from './lib/xml.mjs';

const TYPES = { json: 'application/json', xml: 'text/xml' };

export function writeStaticTree({ outDir, language = 'fr', formats = ['json', 'xml'], config = defaultConfig }) {
  mkdirSync(join(outDir, 'services'), { recursive: true });
  const write = (path, root, value) => {
    for (const format of formats) {
      const text = format === 'xml' ? toXml(root, value) : `${JSON.stringify(value, null, 2)}\n`;
      writeFileSync(join(outDir, `${path}.${format}`), text);
    }
  };
  const d = config.discovery ?? {};
  write('discovery', 'discovery', {
    changeset: d.changeset ?? '',
    contact: pick(d.contact, language, config.defaultLanguage),
    key_service: pick(d.key_service, language, config.defaultLanguage),
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: './', changeset: d.changeset ?? '', type: 'production', formats: formats.map((f) => TYPES[f]) }],
  });
  write('services', 'services', listServices(config, language));
  for (const service of config.services) {
    if ((service.attributes ?? []).length) write(`services/${service.service_code}`, 'service_definition', serviceDefinition(config, service, language));
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const [outDir, language = 'fr', formats = 'json,xml'] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node static-tree.mjs <outDir> [language] [json,xml]');
    process.exit(2);
  }
  writeStaticTree({ outDir, language, formats: formats.split(',') });
  console.log(`static Open311 tree written to ${outDir}`);
}

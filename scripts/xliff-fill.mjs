#!/usr/bin/env node
// Writes translations into a package's XLIFF files from a JSON file shaped
// { "fr": { "msg.id": "texte", ... }, "de": { ... }, ... }. Existing targets are replaced.
// Placeholders: a str`...${x}` source shows as <x id="0" equiv-text="${x}"/> in XLIFF; write
// the same placeholder as {0} in the JSON and it is converted back.
//   node scripts/xliff-fill.mjs packages/service-finder translations.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, jsonFile] = process.argv.slice(2);
if (!dir || !jsonFile) {
  console.error('usage: node scripts/xliff-fill.mjs <package dir> <translations.json>');
  process.exit(2);
}
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const all = JSON.parse(readFileSync(jsonFile, 'utf8'));
for (const [locale, entries] of Object.entries(all)) {
  const file = join(dir, 'xliff', `${locale}.xlf`);
  let xml = readFileSync(file, 'utf8');
  let filled = 0;
  for (const [id, text] of Object.entries(entries)) {
    const unitRe = new RegExp(`(<trans-unit id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">)([\\s\\S]*?)(</trans-unit>)`);
    const match = xml.match(unitRe);
    if (!match) {
      console.warn(`${file}: no message ${id} (run npm run localize:extract first)`);
      continue;
    }
    const source = match[2].match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '';
    const placeholders = [...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[0]);
    const target = escapeXml(text).replace(/\{(\d+)\}/g, (whole, n) => placeholders[Number(n)] ?? whole);
    const body = match[2].replace(/\s*<target>[\s\S]*?<\/target>/, '');
    xml = xml.replace(unitRe, `$1${body.replace(/\s*$/, '')}\n  <target>${target}</target>\n$3`);
    filled++;
  }
  writeFileSync(file, xml);
  console.log(`${file}: ${filled} translations`);
}

#!/usr/bin/env node
// Easy-to-read strings (FALC, Leichte Sprache, lingua facile, plain English, simple Arabic) are
// XLIFF too, one file per locale in packages/<pkg>/xliff/easy/<locale>.xlf, English included:
// same ids as the standard strings, same placeholders. Each unit shows the English source and,
// as a note, the standard wording of that locale, so a writer sees what they simplify.
//   node scripts/easy-xliff.mjs fill <package dir> <texts.json>   write targets from
//        { "fr": { "msg.id": "texte", ... } } ({0} stands for the source's first placeholder)
// `scripts/localize.mjs` calls refresh (extract), build and check from here.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EASY_LOCALES = ['en', 'fr', 'de', 'it', 'ar'];

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Units of an XLIFF file: id → { source, target, note } (raw XML inside the elements). */
export function parseUnits(xml) {
  const units = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const pick = (tag) => m[2].match(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`))?.[1];
    units.set(m[1], { source: pick('source') ?? '', target: pick('target'), note: pick('note') });
  }
  return units;
}

/** The placeholders of a source or target, as their ids in order (`<x id="0" .../>`). */
export function placeholders(xmlText) {
  return [...(xmlText ?? '').matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[1]);
}

/** The readable text of a source or target: placeholders become `{0}`. */
export function plainText(xmlText) {
  return unescapeXml((xmlText ?? '').replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}'));
}

/** The standard units of a package: the English source, and each locale's standard target. */
function standardUnits(dir) {
  const perLocale = {};
  for (const locale of EASY_LOCALES.filter((l) => l !== 'en')) {
    const file = join(dir, 'xliff', `${locale}.xlf`);
    if (existsSync(file)) perLocale[locale] = parseUnits(readFileSync(file, 'utf8'));
  }
  const any = Object.values(perLocale)[0] ?? new Map();
  return { ids: [...any.keys()], source: (id) => any.get(id)?.source ?? '', standard: (locale, id) => perLocale[locale]?.get(id)?.target };
}

export function easyFile(dir, locale) {
  return join(dir, 'xliff', 'easy', `${locale}.xlf`);
}

export function readEasy(dir, locale) {
  const file = easyFile(dir, locale);
  return existsSync(file) ? parseUnits(readFileSync(file, 'utf8')) : new Map();
}

function writeEasy(dir, locale, ids, source, standard, targets) {
  const body = ids
    .map((id) => {
      const note = locale === 'en' ? '' : standard(locale, id) ? `\n  <note from="standard">${escapeXml(plainText(standard(locale, id)))}</note>` : '';
      const target = targets.get(id);
      return `<trans-unit id="${id}">\n  <source>${source(id)}</source>${note}${target !== undefined ? `\n  <target>${target}</target>` : ''}\n</trans-unit>`;
    })
    .join('\n');
  mkdirSync(join(dir, 'xliff', 'easy'), { recursive: true });
  writeFileSync(
    easyFile(dir, locale),
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file target-language="${locale}-easy" source-language="en" original="citopia-easy-to-read" datatype="plaintext">\n<body>\n${body}\n</body>\n</file>\n</xliff>\n`,
  );
}

/** Brings every easy file in line with the standard ids, keeping the easy targets written. */
export function refreshEasy(dir) {
  const { ids, source, standard } = standardUnits(dir);
  for (const locale of EASY_LOCALES) {
    const targets = new Map([...readEasy(dir, locale)].filter(([, u]) => u.target !== undefined).map(([id, u]) => [id, u.target]));
    writeEasy(dir, locale, ids, source, standard, targets);
  }
}

/** Writes easy targets from `{ locale: { id: text } }`; `{0}` stands for the source's placeholder 0. */
export function fillEasy(dir, texts) {
  const { ids, source, standard } = standardUnits(dir);
  for (const [locale, entries] of Object.entries(texts)) {
    const targets = new Map([...readEasy(dir, locale)].filter(([, u]) => u.target !== undefined).map(([id, u]) => [id, u.target]));
    for (const [id, text] of Object.entries(entries)) {
      if (!ids.includes(id)) {
        console.warn(`${dir}: no message ${id}`);
        continue;
      }
      const xs = [...source(id).matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[0]);
      targets.set(id, escapeXml(text).replace(/\{(\d+)\}/g, (whole, n) => xs[Number(n)] ?? whole));
    }
    writeEasy(dir, locale, ids, source, standard, targets);
    console.log(`${easyFile(dir, locale)}: ${Object.keys(entries).length} written`);
  }
}

/**
 * Problems of a package's easy files: a missing file or target, a unit the source no longer
 * has, a placeholder lost or invented. Returns human-readable lines (empty when all is well).
 */
export function checkEasy(dir) {
  const problems = [];
  const { ids, source } = standardUnits(dir);
  for (const locale of EASY_LOCALES) {
    const file = easyFile(dir, locale);
    if (!existsSync(file)) {
      problems.push(`missing file: ${file}`);
      continue;
    }
    const units = readEasy(dir, locale);
    for (const id of ids) {
      const unit = units.get(id);
      if (!unit || unit.target === undefined || !plainText(unit.target).trim()) {
        problems.push(`missing easy-to-read text: ${file} ${id}`);
        continue;
      }
      const want = placeholders(source(id)).sort().join(',');
      const got = placeholders(unit.target).sort().join(',');
      if (want !== got) problems.push(`placeholders differ: ${file} ${id} (source {${want}}, easy {${got}})`);
    }
    for (const id of units.keys()) if (!ids.includes(id)) problems.push(`stale unit (no longer in the source): ${file} ${id}`);
  }
  return problems;
}

/** A generated module in the shape lit-localize writes (`templates`, `str` for placeholders). */
export function buildEasy(dir) {
  const outDir = join(dir, 'src', 'locales', 'easy');
  mkdirSync(outDir, { recursive: true });
  for (const locale of EASY_LOCALES) {
    const entries = [...readEasy(dir, locale)].filter(([, u]) => u.target !== undefined);
    const lines = entries.map(([id, u]) => {
      const parts = u.target.split(/(<x id="\d+"[^>]*\/>)/);
      let hasValue = false;
      const body = parts
        .map((part) => {
          const x = part.match(/^<x id="(\d+)"/);
          if (x) {
            hasValue = true;
            return `\${${x[1]}}`;
          }
          return unescapeXml(part).replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
        })
        .join('');
      return `  '${id}': ${hasValue ? 'str' : ''}\`${body}\`,`;
    });
    writeFileSync(
      join(outDir, `${locale}.ts`),
      `// Generated from xliff/easy/${locale}.xlf by scripts/localize.mjs: do not edit by hand.\n/* eslint-disable */\nimport { str } from '@lit/localize';\n\nvoid str;\nexport const templates = {\n${lines.join('\n')}\n};\n`,
    );
  }
}

/** Every package with easy-to-read files (those that have standard XLIFF). */
export function easyPackages() {
  return readdirSync('packages')
    .map((name) => join('packages', name))
    .filter((dir) => existsSync(join(dir, 'lit-localize.json')));
}


/**
 * Every string of every package in `locale`, as plain text: the standard wording (English: the
 * source) or the easy-to-read one. Units without an easy text are left out of the easy set.
 */
export function allTexts(locale, easy) {
  const texts = [];
  for (const dir of easyPackages()) {
    if (easy) {
      for (const unit of readEasy(dir, locale).values()) if (unit.target !== undefined) texts.push(plainText(unit.target));
      continue;
    }
    const file = join(dir, 'xliff', `${locale === 'en' ? 'fr' : locale}.xlf`);
    for (const unit of parseUnits(readFileSync(file, 'utf8')).values()) texts.push(plainText(locale === 'en' ? unit.source : (unit.target ?? unit.source)));
  }
  return texts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, dir, jsonFile] = process.argv.slice(2);
  if (command === 'fill' && dir && jsonFile) fillEasy(dir, JSON.parse(readFileSync(jsonFile, 'utf8')));
  else {
    console.error('usage: node scripts/easy-xliff.mjs fill <package dir> <texts.json>');
    process.exit(2);
  }
}

// One translation chunk per catalogue (locale) for a whole CDN build, instead of one per package.
//
// Each package's translations module registers `{ fr: () => import('./locales/fr.js'), … }` with
// core, which is what an npm user of a single package gets. In a CDN build this plugin points every
// package's `./locales/<key>.js` import at one virtual module per key that merges the catalogues
// of all the packages in the build. Core still calls each package's loader, but they all import
// the same chunk: one request per catalogue. A key is any catalogue name (`fr`, or a variant such
// as `fr-easy`), so further catalogues need no change here.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PREFIX = '\0citopia-catalogue:';

/** The package folders in the build of `dir`: the package and its @citopia/* dependencies. */
function packagesOf(dir, seen = new Map()) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (seen.has(pkg.name)) return seen;
  seen.set(pkg.name, dir);
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (dep.startsWith('@citopia/')) packagesOf(join('packages', dep.slice('@citopia/'.length)), seen);
  }
  return seen;
}

export default function mergeCatalogues({ dir }) {
  const dirs = [...packagesOf(dir).values()];
  return {
    name: 'citopia-merge-catalogues',
    resolveId(source, importer) {
      // `./locales/fr.js` is the catalogue `fr`; `./locales/easy/fr.js` (easy-to-read) is `fr-easy`.
      const match = /^\.\/locales\/(easy\/)?([\w-]+)\.js$/.exec(source);
      if (!match || !importer || !/[\\/]dist[\\/]translations\.js$/.test(importer)) return null;
      return `${PREFIX}${match[2]}${match[1] ? '-easy' : ''}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const key = id.slice(PREFIX.length);
      const path = key.endsWith('-easy') ? ['easy', `${key.slice(0, -'-easy'.length)}.js`] : [`${key}.js`];
      const files = dirs.map((d) => resolve(d, 'dist', 'locales', ...path)).filter((f) => existsSync(f));
      const imports = files.map((f, i) => `import { templates as t${i} } from ${JSON.stringify(f)};`);
      return `${imports.join('\n')}\nexport const templates = { ${files.map((_, i) => `...t${i}`).join(', ')} };\n`;
    },
  };
}

/** Chunk names for the merged catalogues: `chunks/<key>-[hash].js`, like the other chunks. */
export function catalogueChunkName(chunk) {
  const id = chunk.facadeModuleId ?? '';
  return id.startsWith(PREFIX) ? `chunks/${id.slice(PREFIX.length)}-[hash].js` : 'chunks/[name]-[hash].js';
}

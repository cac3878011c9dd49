// One translation chunk per catalogue (locale) for a whole CDN build, instead of one per package.
//
// Each package's translations module registers `{ fr: () => import('./locales/fr.js'), … }` with
// core, which is what an npm user of a single package gets. In a CDN build this plugin points every
// package's `./locales/<key>.js` import at one virtual module per key that merges the catalogues
// of all the packages in the build. Core still calls each package's loader, but they all import
// the same chunk: one request per catalogue. A key is any catalogue name (`fr`, or a variant such
// as `fr-easy`), so further catalogues need no change here.
//
// Each standard catalogue is split in two (scripts/catalogue-split.mjs): the chunk `<key>` holds
// the strings of what a page runs at once, and `<key>-rest` the strings that only parts loaded
// with core's `partLoader` show. The first chunk registers the second with core
// (`restOfStrings`), which asks for it with the first such part; a chunk loaded after that (a
// change of language) brings its rest before it resolves. Easy-to-read catalogues, loaded only
// in easy mode, stay whole.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eagerIds } from './catalogue-split.mjs';

const PREFIX = '\0citopia-catalogue:';
const REST = '\0citopia-catalogue-rest:';

/** The package folders in the build of `dir`, by name: the package and its @citopia/* dependencies. */
export function packagesOf(dir, seen = new Map()) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (seen.has(pkg.name)) return seen;
  seen.set(pkg.name, dir);
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (dep.startsWith('@citopia/')) packagesOf(join('packages', dep.slice('@citopia/'.length)), seen);
  }
  return seen;
}

export default function mergeCatalogues({ dir }) {
  const packages = packagesOf(dir);
  const dirs = [...packages.values()];
  const names = [...packages.keys()];
  let eager;
  // Each package's generated catalogue of a key, read and parsed once: the first chunk and the
  // rest of a locale take their halves from the same entries.
  const entriesOf = new Map();
  return {
    name: 'citopia-merge-catalogues',
    resolveId(source, importer) {
      if (source.startsWith(REST)) return source;
      // `./locales/fr.js` is the catalogue `fr`; `./locales/easy/fr.js` (easy-to-read) is `fr-easy`.
      const match = /^\.\/locales\/(easy\/)?([\w-]+)\.js$/.exec(source);
      if (!match || !importer || !/[\\/]dist[\\/]translations\.js$/.test(importer)) return null;
      return `${PREFIX}${match[2]}${match[1] ? '-easy' : ''}`;
    },
    // Core's loaders are enough: every package's would import the same merged chunks (and
    // every build has core). Each loader of a standard catalogue resolves with its `ready`.
    transform(code, id) {
      if (!/[\\/]dist[\\/]translations\.js$/.test(id)) return null;
      if (!/[\\/]core[\\/]dist[\\/]translations\.js$/.test(id)) return { code: 'export {};\n', map: null };
      return { code: code.replace(/import\((['"])\.\/locales\/[\w-]+\.js\1\)/g, '$&.then((module) => module.ready)'), map: null };
    },
    async load(id) {
      const rest = id.startsWith(REST);
      if (!rest && !id.startsWith(PREFIX)) return null;
      const key = id.slice((rest ? REST : PREFIX).length);
      const easy = key.endsWith('-easy');
      const path = easy ? ['easy', `${key.slice(0, -'-easy'.length)}.js`] : [`${key}.js`];
      const files = dirs.map((d) => resolve(d, 'dist', 'locales', ...path)).filter((f) => existsSync(f));
      eager ??= eagerIds(dirs);
      // Each entry of each package's generated `templates` object, as written, in its half.
      if (!entriesOf.has(key)) {
        entriesOf.set(
          key,
          files.flatMap((file) => {
            const code = readFileSync(file, 'utf8');
            const declaration = this.parse(code).body.find((n) => n.type === 'ExportNamedDeclaration' && n.declaration?.declarations?.[0]?.id.name === 'templates');
            if (!declaration) this.error(`${file}: no exported \`templates\` object`);
            return declaration.declaration.declarations[0].init.properties.map((p) => ({ id: p.key.value ?? p.key.name, code: code.slice(p.start, p.end) }));
          }),
        );
      }
      const entries = entriesOf.get(key);
      const half = entries.filter((e) => easy || eager.has(e.id) !== rest).map((e) => e.code);
      // `str` from its own module, as the components import it: the package's main module would
      // bring the stock runtime's side effects into a chunk of their own.
      const str = (await this.resolve('@lit/localize/internal/str-tag.js', files[0])).id;
      const object = `import { str } from ${JSON.stringify(str)};\nexport const templates = {\n${half.join(',\n')}\n};\n`;
      if (rest || easy) return object;
      if (!entries.some((e) => !eager.has(e.id))) return `${object}export const ready = { templates };\n`;
      // Resolved as the components import it (through node_modules/@citopia/*: preserveSymlinks),
      // so that the page has one restOfStrings (from inside core it would be core's own path).
      const component = names.find((name) => name.startsWith('@citopia/') && name !== '@citopia/core');
      const chunk = (await this.resolve('@citopia/core/chunk', resolve('node_modules', component, 'package.json'))).id;
      return `${object}import { chunkLoader, loadOnce, restOfStrings } from ${JSON.stringify(chunk)};
const load = loadOnce(chunkLoader(() => import(${JSON.stringify(REST + key)})));
const loadRest = () => load().then((module) => void Object.assign(templates, module.templates));
restOfStrings.loads.push(loadRest);
// What the packages' loaders resolve with (see transform): after a part was shown (a language
// chosen later), this catalogue with the part's strings.
export const ready = (restOfStrings.wanted ? loadRest().catch((error) => console.warn('[citopia] could not load the rest of the "${key}" strings', error)) : Promise.resolve()).then(() => ({ templates }));
`;
    },
  };
}

/** Chunk names for the merged catalogues: `chunks/<key>-[hash].js`, like the other chunks. */
export function catalogueChunkName(chunk) {
  const id = chunk.facadeModuleId ?? '';
  if (id.startsWith(REST)) return `chunks/${id.slice(REST.length)}-rest-[hash].js`;
  return id.startsWith(PREFIX) ? `chunks/${id.slice(PREFIX.length)}-[hash].js` : 'chunks/[name]-[hash].js';
}

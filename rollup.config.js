// CDN builds. tsc has already emitted each package's ESM build (dist/, with types, Lit external);
// rollup bundles that JS (TypeScript 7 has no compiler API, so no TypeScript plugin here) into
// self-contained, minified files a city can load with one <script type="module">. Each CDN file
// is built on its own, Lit included; translations stay lazily loaded chunks beside it, one chunk
// per locale for all the packages in the file (scripts/rollup-merge-catalogues.mjs).
//
// A package opts in with `"citopia": { "cdn": "citopia-x.js" }` in its package.json; more files
// built on their own beside it with `"cdnMore": [{ "file": "x.js", "entry": "dist/x.js" }]` (the
// umbrella's autoloader, whose component chunks are named after their package).
import { readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from './scripts/rollup-minify-literals.mjs';
import mergeCatalogues, { catalogueChunkName } from './scripts/rollup-merge-catalogues.mjs';
import { terserOptions } from './scripts/terser-options.mjs';

export function cdnEntries() {
  return readdirSync('packages')
    .map((dir) => join('packages', dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.citopia?.cdn)
    .flatMap(({ dir, pkg }) => [
      { dir, name: pkg.name, file: pkg.citopia.cdn, input: join(dir, pkg.citopia.entry ?? 'dist/index.js') },
      ...(pkg.citopia.cdnMore ?? []).map((more) => ({ dir, name: pkg.name, file: more.file, input: join(dir, more.entry) })),
    ]);
}

/**
 * `@lit/localize` as the components use it: `msg` and `str` only. Its main module also starts the
 * stock runtime (configureLocalization, which Citopia replaces: see core's i18n.ts), whose side
 * effects rollup has to keep.
 */
function litLocalizeParts() {
  const id = '\0citopia-lit-localize';
  const file = (path) => JSON.stringify(resolve('node_modules/@lit/localize', path));
  return {
    name: 'citopia-lit-localize',
    resolveId: (source) => (source === '@lit/localize' ? id : null),
    load: (source) => (source === id ? `export { msg } from ${file('init/install.js')};\nexport { str } from ${file('internal/str-tag.js')};\n` : null),
  };
}

/** `chunks/<package>-[hash].js` for a chunk that is a whole package (an autoloaded component). */
function chunkName(chunk) {
  const index = /(?:packages|@citopia)[/\\]([^/\\]+)[/\\]dist[/\\]index\.js$/;
  const pkg = chunk.isDynamicEntry ? chunk.moduleIds.map((id) => index.exec(id)?.[1]).find(Boolean) : undefined;
  return pkg ? `chunks/${pkg}-[hash].js` : catalogueChunkName(chunk);
}

// Old chunks (other hashes) would otherwise pile up beside the new ones.
for (const dir of new Set(cdnEntries().map((e) => e.dir))) rmSync(join(dir, 'cdn'), { recursive: true, force: true });

export default cdnEntries().map(({ dir, file, input }) => ({
  input: { [file.replace(/\.js$/, '')]: input },
  // The CDN file holds the code itself, not a facade re-exporting a shared chunk.
  preserveEntrySignatures: 'allow-extension',
  // Module ids through node_modules/@citopia/* (workspace symlinks), so that each package's
  // `sideEffects` patterns match as they will for anyone installing from npm.
  preserveSymlinks: true,
  plugins: [litLocalizeParts(), mergeCatalogues({ dir }), nodeResolve({ exportConditions: ['browser', 'import', 'default'] }), minifyLiterals(), terser(terserOptions)],
  output: {
    dir: join(dir, 'cdn'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: chunkName,
    sourcemap: true,
  },
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
}));

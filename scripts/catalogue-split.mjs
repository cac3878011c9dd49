// Which translated strings a CDN page needs before its lazily loaded parts arrive.
//
// A locale's catalogue chunk holds every string of every package in the build; most belong to
// parts that load later (the notice's details layer, the request's later steps, the badge's
// details). `scripts/rollup-merge-catalogues.mjs` splits each catalogue in two with this: the
// strings of the modules a page runs at once ("eager"), and the rest, loaded with the first lazy
// part (core's `partLoader` asks for them beside the part's own chunk: see chunk.ts).
//
// A module is eager when it can be reached from a package's main entry through static imports,
// or through an import() not written as `partLoader(() => import('…'))` (only those wait for
// the rest of the strings). The message ids of a module are the literal `id: '…'` of its msg()
// calls: Citopia requires a literal id on every msg() (test/node/catalogues.test.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';

/** What comes right before an import() that waits for the rest of the strings. */
const WAITING = /\bpartLoader\(\s*\(\)\s*=>\s*$/;
const IDS = /\bid:\s*(['"`])([\w.-]+)\1/g;

await init;

/** A package's `exports`, read once (a build walks hundreds of imports of a few packages). */
const exportsOf = new Map();
const packageExports = (dir) => {
  if (!exportsOf.has(dir)) exportsOf.set(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports ?? {});
  return exportsOf.get(dir);
};

/** The file a specifier names from `from`: relative, or a @citopia/* export; else undefined. */
function resolveSpecifier(specifier, from) {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  const match = /^@citopia\/([\w-]+)(\/.*)?$/.exec(specifier);
  if (!match) return undefined;
  const dir = join('packages', match[1]);
  const entry = packageExports(dir)[`.${match[2] ?? ''}`];
  const target = typeof entry === 'string' ? entry : entry?.default;
  return target ? resolve(dir, target) : undefined;
}

/** The modules run at once from `roots` (absolute paths of built files), as a set of paths. */
export function eagerModules(roots) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports (d = -1), and import() with a literal specifier (n) not given to partLoader.
    const eager = parse(code)[0].filter((i) => i.n && (i.d === -1 || (i.d > -1 && !WAITING.test(code.slice(0, i.ss)))));
    for (const { n } of eager) {
      const target = resolveSpecifier(n, file);
      if (target) walk(target);
    }
  };
  roots.forEach(walk);
  return seen;
}

/** The message ids that the modules run at once from the main entries of `dirs` (package folders) use. */
export function eagerIds(dirs) {
  const roots = dirs.map((d) => resolveSpecifier(JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name, join(d, 'x.js'))).filter(Boolean);
  const ids = new Set();
  for (const file of eagerModules(roots)) for (const m of readFileSync(file, 'utf8').matchAll(IDS)) ids.add(m[2]);
  return ids;
}

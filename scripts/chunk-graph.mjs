// What a page downloads before anyone interacts, from a CDN build's chunk graph: the entry file,
// every chunk it imports statically (transitively), and the catalogue chunk of one locale with its
// static imports. Chunks loaded with import() only when needed (details, YAML, …) are left out;
// the bench measures the real page in Chromium as well.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, initSync } from 'es-module-lexer';

initSync();

function staticClosure(file, seen, lazy = new Set()) {
  if (seen.has(file)) return lazy;
  seen.add(file);
  const [imports] = parse(readFileSync(file, 'utf8'));
  for (const { n, d } of imports) {
    if (!n?.startsWith('.')) continue;
    if (d === -1) staticClosure(resolve(dirname(file), n), seen, lazy);
    else lazy.add(resolve(dirname(file), n));
  }
  return lazy;
}

/** Files (relative to `cdnDir`) and their summed gzipped bytes (level 9). */
export function initialLoad(cdnDir, entry, locale) {
  const seen = new Set();
  // The locale's catalogue chunk that this entry loads (other CDN files beside it have their own).
  const lazy = staticClosure(resolve(cdnDir, entry), seen);
  const catalogues = [...lazy].filter((f) => new RegExp(`^${locale}-[\\w-]{8}\\.js$`).test(basename(f)));
  for (const file of catalogues) staticClosure(file, seen);
  const files = [...seen].map((f) => relative(cdnDir, f));
  const bytes = [...seen].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return { files, bytes };
}

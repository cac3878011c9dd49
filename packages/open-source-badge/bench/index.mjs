// Benchmark of @citopia/open-source-badge (run after building: `npm run bench open-source-badge`).
//
// 1. Gzipped sizes, measured honestly: each chunk with everything it statically imports (rollup
//    with preserveEntrySignatures "allow-extension", so that modules shared with the lazy chunks
//    stay in the entry instead of moving to a shared chunk that scripts/size.mjs does not count),
//    Lit and @citopia/core left out as in size-budgets.txt.
// 2. Time to parse and validate our fixtures and, when present, the real files of
//    ../shared/fixtures/publiccode (read in place, never copied).
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const gz = (code) => gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

async function sizes() {
  const external = (id) => /^lit($|\/)|^@lit\/(?!localize)|^lit-html|^lit-element|^@lit\/reactive-element/.test(id) || /^@citopia\/core/.test(id);
  const bundle = await rollup({ input: join(pkg, 'dist/index.js'), external, plugins: [nodeResolve()], onwarn: () => {}, preserveEntrySignatures: 'allow-extension' });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ ecma: 2022, module: true, format: { comments: false } })] });
  await bundle.close();
  const rows = output
    .filter((o) => o.type === 'chunk')
    .map((o) => ({
      chunk: o.isEntry ? 'entry (pill, disclosure, loading)' : o.name === 'details' ? 'details (expanded view, validator)' : o.name === 'parse-yaml' ? 'parse-yaml (yaml package)' : `locale ${o.name}`,
      bytes: gz(o.code),
      when: o.isEntry ? 'always' : o.name === 'details' ? 'first opening, or open/validate' : o.name === 'parse-yaml' ? 'YAML sources only' : 'that page language only',
      imports: o.imports.length,
    }));
  console.log('gzipped sizes (Lit and @citopia/core excluded)');
  console.table(rows.map((r) => ({ chunk: r.chunk, gzipped: kb(r.bytes), 'loaded when': r.when })));
  const entry = rows.find((r) => r.chunk.startsWith('entry'));
  const details = rows.find((r) => r.chunk.startsWith('details'));
  const yaml = rows.find((r) => r.chunk.startsWith('parse-yaml'));
  console.log(`without the YAML chunk: entry ${kb(entry.bytes)} (budget 6.00 KB), entry + details ${kb(entry.bytes + details.bytes)}`);
  console.log(`with the YAML chunk:    entry + details + yaml ${kb(entry.bytes + details.bytes + yaml.bytes)}`);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

async function timings() {
  const { parseSource } = await import(pathToFileURL(join(pkg, 'dist/parse-source.js')).href);
  const { validatePubliccode } = await import(pathToFileURL(join(pkg, 'dist/validate.js')).href);
  const shared = join(pkg, '..', '..', '..', 'shared', 'fixtures', 'publiccode');
  const sets = [['our fixtures', files(join(pkg, 'fixtures'))]];
  if (existsSync(shared)) sets.push(['shared real files', files(shared).filter((f) => /\.ya?ml$/.test(f))]);
  else console.log('NOTICE: ../shared/fixtures/publiccode is absent; timing our fixtures only.');
  const rows = [];
  for (const [label, list] of sets) {
    const texts = list.map((f) => ({ f, text: new TextDecoder().decode(readFileSync(f)) }));
    // Warm up (loads the YAML module once), then measure.
    for (const { f, text } of texts) await parseSource(text, f);
    const rounds = 20;
    let parse = 0;
    let validate = 0;
    for (let i = 0; i < rounds; i++) {
      for (const { f, text } of texts) {
        const t0 = performance.now();
        const parsed = await parseSource(text, f);
        const t1 = performance.now();
        if (!parsed.fatal) validatePubliccode(parsed.data);
        parse += t1 - t0;
        validate += performance.now() - t1;
      }
    }
    const n = rounds * texts.length;
    rows.push({ set: label, files: texts.length, 'parse (ms/file)': (parse / n).toFixed(3), 'validate (ms/file)': (validate / n).toFixed(3) });
  }
  console.log('parse and validate, mean per file');
  console.table(rows);
}

export default async function bench() {
  if (!existsSync(join(pkg, 'dist/index.js'))) {
    console.log('build first: node node_modules/tsc7/bin/tsc -b packages/open-source-badge');
    return;
  }
  await sizes();
  await timings();
}

// Benchmark of @citopia/open-source-badge (run after building: `npm run bench open-source-badge`).
//
// 1. Gzipped sizes, measured honestly: each chunk with everything it statically imports (rollup
//    with preserveEntrySignatures "allow-extension", so that modules shared with the lazy chunks
//    stay in the entry instead of moving to a shared chunk that scripts/size.mjs does not count),
//    Lit and @citopia/core left out as in size-budgets.txt.
// 2. Time to parse and validate our fixtures and, when present, the real files of
//    ../shared/fixtures/publiccode (read in place, never copied).
// 3. In Chromium (playwright-core, Debian's /usr/bin/chromium): time from giving an open badge
//    extreme data (1 MB fields, a file near the size cap) to the painted note and facts. The
//    hardening tests only check that these cases end in a message; the figure is here.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { browserPath } from '../../../scripts/system-tools.mjs';

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The bench page (built component, Lit included) bundled in memory with rollup. */
async function bundlePage() {
  const bundle = await rollup({ input: join(here, 'page.mjs'), plugins: [nodeResolve({ exportConditions: ['browser', 'import', 'default'] })], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', entryFileNames: 'page.js', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  return new Map(output.filter((o) => o.type === 'chunk').map((o) => [`/bench/${o.fileName}`, o.code]));
}

async function extremeFields() {
  const chromium = browserPath('chromium');
  if (!existsSync(chromium)) {
    console.log(`\nExtreme fields: skipped (no Chromium at ${chromium}; set CHROME_PATH).`);
    return;
  }
  const repo = join(pkg, '..', '..');
  const { createStaticServer, listen } = await import(pathToFileURL(join(repo, 'scripts', 'static-server.mjs')).href);
  const { chromium: launcher } = await import('playwright-core');
  const files = await bundlePage();
  const MB = 'x'.repeat(1024 * 1024);
  const nearCap = 'Réservation '.repeat(20_000); // about 240 KB, just under the file cap
  const base = {
    publiccodeYmlVersion: '0', name: 'Salles', url: 'https://git.ville-demo.ch/salles.git', platforms: ['web'], developmentStatus: 'stable', softwareType: 'standalone/web',
    legal: { license: 'EUPL-1.2' }, maintenance: { type: 'internal', contacts: [{ name: 'Service informatique' }] }, localisation: { localisationReady: true, availableLanguages: ['fr'] },
  };
  const description = (short, long = 'Une description assez longue. '.repeat(8)) => ({ fr: { shortDescription: short, longDescription: long, features: ['Réservation'] } });
  const yamlFile = `publiccodeYmlVersion: "0"\nname: Salles\nurl: "https://git.ville-demo.ch/salles.git"\nplatforms: [web]\nlegal:\n  license: EUPL-1.2\ndescription:\n  fr:\n    shortDescription: "${nearCap}"\n`;
  const cases = [
    ['1 MB name, short and long description (data property)', { data: { ...base, name: MB, description: description(MB, MB) } }],
    ['1 MB short description (data property)', { data: { ...base, description: description(MB) } }],
    ['240 KB short description in a YAML file (src)', { src: '/bench/near-cap.publiccode.yml' }],
    ['a normal file, for comparison (data property)', { data: { ...base, description: description('La réservation des salles communales.') }, note: false }],
  ];
  const server = createStaticServer({
    root: repo,
    routes: { '/': 'packages/open-source-badge/bench/page.html' },
    handle: (req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/bench/near-cap.publiccode.yml') {
        res.writeHead(200, { 'Content-Type': 'text/yaml; charset=utf-8', 'Cache-Control': 'no-store' }).end(yamlFile);
        return true;
      }
      const code = files.get(path);
      if (!code) return false;
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(code);
      return true;
    },
  });
  const origin = await listen(server);
  const browser = await launcher.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__bench?.ready === true, null, { timeout: 60_000 });
    // Warm up: the details and YAML chunks and the French catalogue load once.
    for (const [, source] of cases) await page.evaluate((s) => window.__bench.measure(s), source);
    const rounds = 5;
    const rows = [];
    for (const [name, source] of cases) {
      const times = [];
      for (let i = 0; i < rounds; i++) times.push(await page.evaluate((s) => window.__bench.measure(s), source));
      rows.push({ case: name, 'median (ms)': median(times).toFixed(0), 'max (ms)': Math.max(...times).toFixed(0) });
    }
    console.log(`\nIn Chromium ${browser.version()} (headless), open badge in French, ${rounds} rounds: source given → note and facts painted (goal: within 1000 ms)`);
    console.table(rows);
  } finally {
    await browser.close();
    server.close();
  }
}

export default async function bench() {
  if (!existsSync(join(pkg, 'dist/index.js'))) {
    console.log('build first: node node_modules/tsc7/bin/tsc -b packages/open-source-badge');
    return;
  }
  // BENCH_ONLY=sizes, timings or browser runs one part.
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'sizes') await sizes();
  if (!only || only === 'timings') await timings();
  if (!only || only === 'browser') await extremeFields();
}

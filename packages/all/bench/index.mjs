// Footprint, side by side (run `npm run bench all` after a build): the gzipped size of our files
// next to each peer's published browser build, from the same run, and the demo city page's initial
// transfer measured in Debian's Chromium from the browser's own resource timing.
// Every size is gzip level 9, as in scripts/size.mjs. Prints figures; never fails on them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { terserOptions } from '../../../scripts/terser-options.mjs';
import { startDemo } from '../../../scripts/demo-server.mjs';
import { initialLoad } from '../../../scripts/chunk-graph.mjs';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { citopiaScripts, isCitopiaScript, openSettled, resources } from '../../../scripts/page-scripts.mjs';

const root = resolve(new URL('../../..', import.meta.url).pathname);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const read = (file) => readFileSync(join(root, file));
/** A peer's published file, found through its package folder. */
// (devDependencies of the repository root: npm installs them into its node_modules.)
const peerFile = (pkg, file) => readFileSync(join(root, 'node_modules', pkg, file));
const version = (pkg) => JSON.parse(peerFile(pkg, 'package.json')).version;
const cdnChunk = (dir, prefix) => {
  const chunks = join(root, dir, 'cdn', 'chunks');
  // `fr-<hash>.js`: the first views' strings (not `fr-easy-…`, nor `fr-rest-…`, which arrives with a lazily loaded part).
  const file = readdirSync(chunks).find((f) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(f));
  return readFileSync(join(chunks, file));
};

async function ourSearchModule() {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const bundle = await rollup({ input: join(root, 'packages/service-finder/dist/search/index.js'), plugins: [nodeResolve()], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return Buffer.from((await minify(output[0].code, terserOptions)).code);
}

async function sizes() {
  const notice = gz(read('packages/privacy-notice/cdn/citopia-privacy-notice.js')) + gz(cdnChunk('packages/privacy-notice', 'fr'));
  const search = gz(await ourSearchModule());
  const miniSearch = gz(Buffer.from((await minify(peerFile('minisearch', 'dist/es/index.js').toString(), terserOptions)).code));
  const t = 'tarteaucitronjs';
  const rows = [
    { what: 'consent notice', ours: notice, peer: `vanilla-cookieconsent ${version('vanilla-cookieconsent')}`, theirs: gz(peerFile('vanilla-cookieconsent', 'dist/cookieconsent.umd.js')) + gz(peerFile('vanilla-cookieconsent', 'dist/cookieconsent.css')), counts: 'cookieconsent.umd.js + cookieconsent.css (texts come from the site config)' },
    { what: 'consent notice', ours: notice, peer: `tarteaucitron.js ${version(t)}`, theirs: gz(peerFile(t, 'tarteaucitron.min.js')) + gz(peerFile(t, 'tarteaucitron.services.min.js')) + gz(peerFile(t, 'lang/tarteaucitron.fr.js')) + gz(peerFile(t, 'css/tarteaucitron.min.css')), counts: 'tarteaucitron.min.js + services.min.js + lang fr + min.css (what it loads)' },
    { what: 'consent notice', ours: notice, peer: `Klaro ${version('klaro')}`, theirs: gz(peerFile('klaro', 'dist/klaro.js')), counts: 'dist/klaro.js (CSS and every translation inside)' },
    { what: 'search engine', ours: search, peer: `MiniSearch ${version('minisearch')}`, theirs: miniSearch, counts: 'dist/es/index.js, minified with our terser options (it ships no minified file)' },
    { what: 'search engine', ours: search, peer: `Fuse.js ${version('fuse.js')}`, theirs: gz(peerFile('fuse.js', 'dist/fuse.min.mjs')), counts: 'dist/fuse.min.mjs' },
  ];
  console.log('Ours: consent notice = cdn/citopia-privacy-notice.js (Lit, core and styles inside) + its French chunk;');
  console.log('      search engine = @citopia/service-finder/search, bundled and minified.');
  console.table(rows.map((r) => ({ what: r.what, ours: kb(r.ours), peer: r.peer, 'peer size': kb(r.theirs), 'peer / ours': `${(r.theirs / r.ours).toFixed(1)}×`, 'peer file counts': r.counts })));
}

/** The demo page in Chromium, French, served gzipped: what arrives before anyone interacts. */
async function demoPage() {
  const demo = await startDemo({ port: 0, quiet: true, compress: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__shifts += e.value; })).observe({ type: 'layout-shift', buffered: true });
    });
    await openSettled(page, `${demo.url}/`, ['citopia-service-finder', 'citopia-assistance-request', 'citopia-privacy-notice', 'citopia-open-source-badge']);
    const entries = await resources(page);
    const shift = await page.evaluate(() => window.__shifts);
    const ours = entries.filter((e) => isCitopiaScript(e.name));
    const sum = (list, key) => list.reduce((n, e) => n + e[key], 0);
    console.log('\nDemo page, French, before any interaction (Chromium resource timing, served gzipped):');
    console.table(ours.map((e) => ({ script: e.name.replace('/assets/citopia/cdn/', ''), 'gzipped body': kb(e.body), 'on the wire (with headers)': kb(e.transfer), unzipped: kb(e.decoded) })));
    console.log(`  Citopia scripts: ${ours.length} requests, ${kb(sum(ours, 'body'))} gzipped bodies (encodedBodySize), ${kb(sum(ours, 'transfer'))} on the wire (transferSize).`);
    const rest = entries.filter((e) => !ours.includes(e));
    console.log(`  The page's own files and data (not counted above): ${rest.length} requests, ${kb(sum(rest, 'transfer'))} on the wire: ${rest.map((e) => e.name).join(', ')}`);
    console.log(`  Cumulative layout shift while loading: ${shift.toFixed(4)}`);
    // Then a resident uses the page: focuses into each component, types one letter in the search
    // field. What that fetches is the lazily loaded code (and data) the first view did without.
    for (const tag of ['citopia-privacy-notice', 'citopia-service-finder', 'citopia-assistance-request', 'citopia-open-source-badge']) {
      await page.locator(tag).hover().catch(() => {});
      await page.evaluate((t) => document.querySelector(t).shadowRoot.querySelector('input, select, textarea, button, a[href]')?.focus(), tag);
    }
    await page.evaluate(() => document.querySelector('citopia-service-finder').shadowRoot.querySelector('input')?.focus());
    await page.keyboard.type('p');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const later = (await citopiaScripts(page)).filter((e) => !ours.some((o) => o.name === e.name));
    console.log(`  After a first interaction with each component (focus, one letter typed): ${later.length} more script requests, ${kb(sum(later, 'body'))} gzipped${later.length ? `: ${later.map((e) => `${e.name.replace('/assets/citopia/cdn/', '')} ${kb(e.body)}`).join(', ')}` : ''}.`);
    const predicted = initialLoad(join(root, 'packages/all/cdn'), 'citopia.js', 'fr');
    console.log(`  From the chunk graph (scripts/chunk-graph.mjs, what size.mjs budgets as initial:demo-fr): ${predicted.files.length} files, ${kb(predicted.bytes)}.`);
  } finally {
    await browser.close();
    await demo.close();
  }
}

/** A page with the privacy notice alone, through the autoloader (cdn/autoloader.js). */
async function autoloaderPage() {
  const demo = await startDemo({ port: 0, quiet: true, compress: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await openSettled(page, `${demo.url}/test/e2e/pages/autoloader.html`, ['citopia-privacy-notice']);
    const ours = await citopiaScripts(page);
    console.log(`\nA French page with the privacy notice alone, through cdn/autoloader.js (Chromium resource timing): ${ours.length} script requests, ${kb(ours.reduce((n, e) => n + e.body, 0))} gzipped: ${ours.map((e) => `${e.name.replace('/assets/citopia/cdn/', '')} ${kb(e.body)}`).join(', ')}.`);
  } finally {
    await browser.close();
    await demo.close();
  }
}

export default async function bench() {
  if (!existsSync(join(root, 'packages/all/cdn/citopia.js'))) throw new Error('run `npm run build` first');
  await sizes();
  await demoPage();
  await autoloaderPage();
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();

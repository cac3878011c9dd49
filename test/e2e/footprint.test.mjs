// The demo city page's first load in Debian's Chromium, French, served gzipped as a city's web
// server would: the Citopia scripts that arrive before anyone interacts, counted by the browser's
// own resource timing (encodedBodySize = gzipped body), against the `browser:demo-fr` and
// `browser-requests:demo-fr` lines of size-budgets.txt. Also: the French page never shows the
// English source text of a component while its chunks arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoAndBrowser } from '../../scripts/demo-browser.mjs';
import { citopiaScripts, openSettled } from '../../scripts/page-scripts.mjs';

const budgets = new Map(
  readFileSync('size-budgets.txt', 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/))
    .map(([entry, max]) => [entry, Number(max)]),
);
const TAGS = ['citopia-service-finder', 'citopia-assistance-request', 'citopia-privacy-notice', 'citopia-open-source-badge'];

const env = demoAndBrowser({ compress: true });


test('the French demo page loads Citopia within its byte and request budgets (Chromium resource timing)', async () => {
  const page = await env.browser.newPage();
  try {
    await openSettled(page, `${env.demo.url}/`, TAGS);
    const scripts = await citopiaScripts(page);
    assert.ok(scripts.length > 0, 'the page loaded Citopia scripts');
    // Served gzipped: the body on the wire is smaller than the script itself.
    for (const s of scripts) assert.ok(s.body < s.decoded, `${s.name} arrived gzipped`);
    const bytes = scripts.reduce((n, s) => n + s.body, 0);
    const list = scripts.map((s) => `${s.name} ${s.body}`).join(', ');
    console.log(`# Citopia scripts on the French demo page: ${scripts.length} requests, ${bytes} B gzipped (${list})`);
    assert.ok(bytes <= budgets.get('browser:demo-fr'), `Citopia scripts ${bytes} B > budget ${budgets.get('browser:demo-fr')} B: ${list}`);
    assert.ok(scripts.length <= budgets.get('browser-requests:demo-fr'), `${scripts.length} script requests > ${budgets.get('browser-requests:demo-fr')}: ${list}`);
  } finally {
    await page.close();
  }
});

test('no English source text shows in the French page while the chunks arrive', async () => {
  const page = await env.browser.newPage();
  try {
    // Slow every Citopia chunk down, so that a render before its catalogue would be seen.
    await page.route('**/assets/citopia/cdn/chunks/**', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.addInitScript((tags) => {
      // Keeps every distinct shadow text of every component, sampled at each frame until told to stop.
      const seen = new Set();
      window.__seen = seen;
      const sample = () => {
        for (const tag of tags) for (const el of document.querySelectorAll(tag)) if (el.shadowRoot) seen.add(el.shadowRoot.textContent ?? '');
        if (!window.__stop) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    }, TAGS);
    await page.goto(`${env.demo.url}/`);
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
    await page.waitForLoadState('networkidle');
    const seen = await page.evaluate(() => {
      window.__stop = true;
      return [...window.__seen];
    });
    assert.ok(seen.some((t) => /Vos données sur ce site/.test(t)), 'the privacy notice rendered in French');
    // English source strings of the components (their French renderings never contain them).
    const english = /Search for a service|Browse by category|Your data on this site|Accept all|Refuse all|Loading the services/;
    const leak = seen.find((t) => english.test(t));
    assert.equal(leak, undefined, `English text seen while loading: ${leak?.slice(0, 200)}`);
  } finally {
    await page.close();
  }
});

test('code chunks that arrive after the first view (on a first focus or pointer) move nothing on the page', async () => {
  const page = await env.browser.newPage();
  try {
    await openSettled(page, `${env.demo.url}/`, TAGS);
    await page.waitForTimeout(300);
    // From now on: every layout shift, and every code chunk held back 1.2 s (catalogues too).
    const lazy = [];
    await page.route('**/assets/citopia/cdn/chunks/**', async (route) => {
      lazy.push(new URL(route.request().url()).pathname);
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    await page.evaluate(() => {
      window.__shift = 0;
      window.__shifts = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => {
          window.__shift += e.value;
          window.__shifts.push(e.sources.map((s) => s.node?.nodeName ?? '?').join(' '));
        }),
      ).observe({ type: 'layout-shift' });
    });
    // A resident points at and focuses into each component (no click, no typing: nothing changes
    // on screen but the focus ring), which is what asks for the later parts of each.
    for (const tag of TAGS) {
      // (The first control in the shadow root, not the city's fallback links in the light DOM.)
      const control = (await page.evaluateHandle((t) => document.querySelector(t).shadowRoot.querySelector('input, select, textarea, button, a[href]'), tag)).asElement();
      assert.ok(control, `${tag} has a control`);
      await control.hover();
      await control.focus();
    }
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const { shift, shifts } = await page.evaluate(() => ({ shift: window.__shift, shifts: window.__shifts }));
    console.log(`# chunks asked for after the first view: ${lazy.join(', ') || 'none'}`);
    assert.ok(lazy.length > 0, 'some code arrives only after a first interaction (else this test checks nothing)');
    assert.equal(shift, 0, `layout shifted by ${shift} while the chunks arrived (${shifts.join('; ')})`);
  } finally {
    await page.close();
  }
});

/**
 * The badge's lazily loaded chunks: the reader (src/read-file.ts: the device copy, format
 * detection, the plain-YAML reader), requested at the moment the badge requests its file, and
 * the details (src/details.ts), requested when the badge opens. This file runs in its own page,
 * so nothing else loaded them first; the test server makes a chunk slow or failing for this page
 * only, by a cookie (chunkFaultsPlugin in scripts/wtr-plugins.mjs), and this page asks the server
 * for every file, not the HTTP cache the test pages share.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deepActiveElement, mountFixture, press, settle, translation, until } from '@citopia/testing';
import '../src/index.js';
import { fixtures, fixtureFile } from '../src/fixtures.js';
import type { OpenSourceBadgeElement as OpenSourceBadge } from '../src/citopia-open-source-badge.js';

performance.setResourceTimingBufferSize(10_000);
const FILE = fixtureFile('guichet-v0.7.publiccode.yml');
const REPOSITORY = 'https://git.ville-demo.ch/numerique/guichet.git';

const resources = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
const readerRequests = () => resources().filter((e) => /\/read-file\.(?:ts|js)\b/.test(e.name));
/** What the test server does with this page's requests for a chunk: fail, delay-<ms>, or nothing. */
const setFault = (chunk: 'read-file' | 'details', fault: string | undefined) => {
  document.cookie = fault ? `citopia-chunk-${chunk}=${fault}; path=/` : `citopia-chunk-${chunk}=; path=/; max-age=0`;
};
const chunkFault = (fault: string | undefined) => setFault('read-file', fault);
const $ = (el: OpenSourceBadge, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: OpenSourceBadge, selector: string) => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mountBadge(attributes: Record<string, string | boolean>, lang: string, { first = false } = {}) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.dataset.citopiaTest = '';
  const el = document.createElement('citopia-open-source-badge') as OpenSourceBadge & { updateComplete: Promise<boolean> };
  for (const [name, value] of Object.entries(attributes)) if (value !== false) el.setAttribute(name, value === true ? '' : value);
  wrapper.append(el);
  // `first`: above the other badges, so that only its own changes could move it.
  if (first) document.body.prepend(wrapper);
  else document.body.append(wrapper);
  await el.updateComplete;
  return el;
}

/** Where the first view's parts are on the page. */
const boxes = (el: OpenSourceBadge) =>
  [el, $(el, '[part="pill"]')!, $(el, '[part="toggle"]')!].map((node) => {
    const { x, y, width, height } = node.getBoundingClientRect();
    return { x, y, width, height };
  });

describe('lazy chunks', function () {
  before(() => executeServerCommand('chunk-no-cache'));
  this.timeout(20_000);
  afterEach(() => {
    setFault('read-file', undefined);
    setFault('details', undefined);
    document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
  });

  it('details that cannot load: the translated error, the pill kept; "Try again" loads them (real keys)', async () => {
    setFault('details', 'fail');
    const el = await mountBadge({ license: 'EUPL-1.2', repository: REPOSITORY }, 'de');
    await el.whenReady();
    $(el, '[part="toggle"]')!.focus();
    await press('Enter');
    await until(() => $(el, '[part="retry"]'), 8000, 'the failure');
    // A failed chunk is not asked for again until someone presses "Try again".
    const detailsRequests = () => resources().filter((e) => /\/details\.(?:ts|js)\b/.test(e.name)).length;
    const afterFailure = detailsRequests();
    await new Promise((r) => setTimeout(r, 500));
    expect(detailsRequests(), 'no request while nobody asked').to.equal(afterFailure);
    expect(text(el, '[role="status"]')).to.equal(await translation('core', 'de', 'core.error.network'));
    expect(text(el, '[part="pill"]')).to.equal(`${await translation('open-source-badge', 'de', 'osb.pill.license', 'EUPL-1.2')}${await translation('open-source-badge', 'de', 'osb.pill.source')}`);
    setFault('details', undefined);
    $(el, '[part="retry"]')!.focus();
    await press('Enter');
    await until(() => $(el, '[part="reuse-link"]'), 8000, 'the details');
    expect(text(el, '[part="facts"]')).to.contain('EUPL-1.2');
    expect($(el, '[part="retry"]')).to.equal(null);
  });

  it('the reader is not requested for data set by the host or attributes only', async () => {
    for (const name of ['host-data', 'attributes-only']) {
      const { el } = await mountFixture(fixtures, name);
      expect(el.loadState, name).to.equal('ready');
      expect(text(el, '[part="pill"]'), name).to.contain('Open source · EUPL-1.2');
    }
    // The details chunk did load meanwhile (both fixtures are open): modules were requested.
    expect(resources().some((e) => e.name.includes('/details'))).to.equal(true);
    expect(readerRequests()).to.deep.equal([]);
  });

  it('a reader that cannot load gives the translated error and keeps the pill; "Try again" loads it, and a closed badge waiting for it holds its place', async () => {
    chunkFault('fail');
    const failed = await mountBadge({ open: true, src: FILE }, 'fr');
    await failed.whenReady();
    expect(failed.loadState).to.equal('error');
    const sentence = `${await translation('open-source-badge', 'fr', 'osb.error.load')} ${await translation('core', 'fr', 'core.error.network')}`;
    expect(text(failed, '[role="status"]')).to.equal(sentence);
    expect(text(failed, '[part="pill"]')).to.equal(await translation('open-source-badge', 'fr', 'osb.pill'));

    // The chunk now comes, slowly. A closed badge that has the licence and repository in its
    // attributes shows its whole first view at once, and nothing of it moves when the chunk
    // and the file arrive.
    chunkFault('delay-600');
    const waiting = await mountBadge({ src: FILE, license: 'EUPL-1.2', repository: REPOSITORY }, 'en', { first: true });
    expect(waiting.loadState).to.equal('loading');
    expect(text(waiting, '[part="pill"]')).to.equal('Open source · EUPL-1.2, source code');
    const before = boxes(waiting);
    expect(before[0]!.height, 'the first view is there').to.be.above(20);

    // Try again, with real keys: the chunk is asked for again.
    $(failed, '[part="retry"]')!.focus();
    await press('Enter');
    await until(() => failed.loadState === 'ready' && $(failed, '[part="name"]'), 8000, 'the details');
    await settle();
    expect(text(failed, '[part="name"]')).to.equal('Guichet en ligne');
    expect(deepActiveElement()).to.equal($(failed, '[part="name"]'));

    await waiting.whenReady();
    expect(waiting.loadState).to.equal('ready');
    expect(text(waiting, '[part="toggle"]')).to.equal('Details: Online counter');
    expect(boxes(waiting), 'no layout shift').to.deep.equal(before);

    // The chunk was requested along with the file, not after it.
    const chunk = readerRequests().at(-1)!;
    const file = resources().filter((e) => e.name.endsWith(FILE)).at(-1)!;
    expect(chunk, 'the chunk request').to.not.equal(undefined);
    expect(chunk.responseEnd - chunk.startTime, 'the chunk was slowed down').to.be.at.least(550);
    expect(chunk.startTime, 'requested before the file had arrived').to.be.below(file.responseEnd);
  });

  it('the reader, once loaded, reads a plain YAML file without the full YAML parser', async () => {
    const { el } = await mountFixture(fixtures, 'current-version');
    expect(text(el, '[part="name"]')).to.equal('Online counter');
    expect(resources().some((e) => e.name.includes('node_modules/yaml'))).to.equal(false);
  });
});

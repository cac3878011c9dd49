/**
 * Lifecycle hardening (issue 8): two copies of the library on one page, many instances of each
 * component, elements created before and after the script loads, elements removed and
 * re-attached. Each scenario runs in a fresh same-origin page that loads the CDN bundle the way a
 * city does, with listeners, timers and observers counted from before the bundle runs
 * (frame-probe.ts). Asserted: no crash, the elements work, and nothing is left behind.
 */
import { expect } from '@open-wc/testing';
import { reportFigure, until } from '@citopia/testing';
import { BUNDLE, SECOND_BUNDLE, TAGS, probedFrame, setField, sources, works, type ProbedFrame, type Snapshot, type Tag } from './frame-probe.js';

const INSTANCES = 50;
const CYCLES = 20;

/** What is left now that was not there in `base`: listeners by target and type, timers, observers. */
function leftover(now: Snapshot, base: Snapshot) {
  const listeners: Record<string, number> = {};
  for (const key of new Set([...Object.keys(now.listeners), ...Object.keys(base.listeners)])) {
    const d = (now.listeners[key] ?? 0) - (base.listeners[key] ?? 0);
    if (d) listeners[key] = d;
  }
  return { listeners, timers: now.timers - base.timers, observers: now.observers - base.observers };
}
/**
 * The listeners that last as long as the element: a listener on an AbortSignal belongs to a
 * request in flight and goes with it, so how many there are at one moment depends on the
 * network's timing (that none is left after removal is checked with everything else).
 */
const lasting = (listeners: Record<string, number>) => Object.fromEntries(Object.entries(listeners).filter(([key]) => !key.startsWith('AbortSignal ')));
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + Math.abs(b), 0);
/** Lets disconnect work that waits for a microtask or a task finish. */
const settle = () => new Promise((r) => setTimeout(r, 20));

const leaks = { listeners: 0, timers: 0, observers: 0 };
/** Asserts that nothing is left since `base`, and adds what is to the figures either way. */
function expectNothingLeft(f: ProbedFrame, base: Snapshot, when: string): void {
  const left = leftover(f.probe.snapshot(), base);
  leaks.listeners += sum(left.listeners);
  leaks.timers += Math.max(0, left.timers);
  leaks.observers += Math.max(0, left.observers);
  expect(left.listeners, `listeners left ${when}`).to.deep.equal({});
  expect(left.timers, `timers pending ${when}:\n${f.probe.pendingTimerStacks().join('\n---\n')}`).to.equal(0);
  expect(left.observers, `observers still observing ${when}`).to.equal(0);
  // Core's one language watcher per copy of the library is shared by every element, by design.
  expect(f.probe.snapshot().languageWatchers).to.be.at.most(1);
}

const shadow = (el: Element) => el.shadowRoot!;
const label = (finder: Element) => shadow(finder).querySelector('label[for="q"]')?.textContent?.trim() ?? '';

describe('lifecycle: copies, instances, upgrade order, re-attachment', function () {
  this.timeout(60_000);

  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    for (const key of Object.keys(localStorage)) if (/^citopia:(request:|lifecycle-test|open-source-badge:)/.test(key)) localStorage.removeItem(key);
  });
  after(async () => {
    await reportFigure('instances per component', INSTANCES);
    await reportFigure('leaked listeners', leaks.listeners);
    await reportFigure('leaked timers', leaks.timers);
    await reportFigure('leaked observers', leaks.observers);
  });

  it('two copies on one page (two bundle URLs): no crash, the second copy stands down with a warning, the first copy\'s elements work', async () => {
    const f = await probedFrame();
    await f.load(BUNDLE);
    const first = Object.fromEntries(TAGS.map((t) => [t, f.w.customElements.get(t)]));
    expect(Object.values(first).every(Boolean)).to.equal(true);
    await f.load(SECOND_BUNDLE);
    // Both copies really evaluated (two module URLs), and the first definitions were kept.
    const bundles = f.w.performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/cdn/citopia.js'));
    expect(bundles.map((r) => new URL(r.name).pathname)).to.deep.equal([BUNDLE, SECOND_BUNDLE]);
    for (const t of TAGS) expect(f.w.customElements.get(t), t).to.equal(first[t]);
    expect(f.probe.errors).to.deep.equal([]);
    // One warning from the second copy, once; nothing else.
    expect(f.probe.warnings).to.have.length(1);
    expect(f.probe.warnings[0]).to.include('is already defined').and.to.include('second copy');

    const src = sources();
    const els = TAGS.map((t) => f.create(t, src[t]));
    f.doc.body.append(...els);
    await Promise.all(els.map((el) => works(el)));
    // Still one library at work: the language watcher follows a change of the page's language.
    const finder = els[0]!;
    const english = label(finder);
    f.doc.documentElement.lang = 'de';
    await until(() => label(finder) && label(finder) !== english, 5000, 'the finder to speak German');
    expect(f.probe.errors).to.deep.equal([]);
    expect(f.probe.warnings).to.have.length(1);
  });

  it(`${INSTANCES} instances of each component on one page work, and leave nothing behind when removed`, async () => {
    const f = await probedFrame();
    await f.load(BUNDLE);
    const base = f.probe.snapshot();
    const container = f.doc.createElement('div');
    const src = sources();
    for (const tag of TAGS) for (let i = 0; i < INSTANCES; i++) container.append(f.create(tag, src[tag]));
    const started = performance.now();
    f.doc.body.append(container);
    await Promise.all([...container.children].map((el) => works(el, 40_000)));
    const ms = Math.round(performance.now() - started);
    console.log(`[lifecycle] ${INSTANCES} × ${TAGS.length} components working in ${ms} ms`);
    const attached = f.probe.snapshot();
    // Global listeners grow with instances, one per instance and kind, never more.
    expect(attached.listeners['window online']).to.equal(INSTANCES);
    expect(attached.listeners['window pagehide']).to.equal(INSTANCES);
    expect(attached.listeners['document citopia-consent-change']).to.equal(INSTANCES);
    expect(f.probe.errors).to.deep.equal([]);

    container.remove();
    await settle();
    expectNothingLeft(f, base, `after removing ${INSTANCES * TAGS.length} elements`);
  });

  it('elements parsed or created before the script loads upgrade and work, as do elements created after', async () => {
    const src = sources();
    const attrs = (tag: Tag) => Object.entries(src[tag]).map(([k, v]) => `${k}="${v}"`).join(' ');
    const f = await probedFrame(`<div id="parsed">${TAGS.map((t) => `<${t} ${attrs(t)}></${t}>`).join('')}</div><div id="early"></div>`);
    expect(f.w.customElements.get(TAGS[0])).to.equal(undefined);

    // Created before the definition, with properties (not attributes) set on the plain element.
    const config = await (await fetch(src['citopia-privacy-notice'].src!)).json();
    const early = {
      finder: Object.assign(f.create('citopia-service-finder'), { src: src['citopia-service-finder'].src }),
      request: Object.assign(f.create('citopia-assistance-request', { 'min-fill-seconds': '0' }), { endpoint: src['citopia-assistance-request'].endpoint }),
      privacy: Object.assign(f.create('citopia-privacy-notice', { 'storage-key': 'lifecycle-test' }), { config }),
      badge: Object.assign(f.create('citopia-open-source-badge'), { src: src['citopia-open-source-badge'].src }),
    };
    const attachedEarly = [early.finder, early.privacy];
    const detachedEarly = [early.request, early.badge];
    f.doc.getElementById('early')!.append(...attachedEarly);

    await f.load(BUNDLE);
    const parsed = [...f.doc.getElementById('parsed')!.children];
    for (const el of [...parsed, ...attachedEarly]) expect(el instanceof f.w.customElements.get(el.localName)!, `${el.localName} upgraded`).to.equal(true);
    await Promise.all([...parsed, ...attachedEarly].map((el) => works(el)));
    // Created before, attached after: upgraded on connection, properties kept.
    f.doc.getElementById('early')!.append(...detachedEarly);
    await Promise.all(detachedEarly.map((el) => works(el)));
    // Created after the definition.
    const late = TAGS.map((t) => f.create(t, src[t]));
    f.doc.body.append(...late);
    await Promise.all(late.map((el) => works(el)));
    expect(f.probe.errors).to.deep.equal([]);
  });

  it(`removed and re-attached ${CYCLES} times with work in progress: still works, no duplicate listener, no timer, listener or observer left`, async () => {
    const f = await probedFrame();
    await f.load(BUNDLE);
    const base = f.probe.snapshot();
    const src = sources();
    const container = f.doc.createElement('div');
    const [finder, request, privacy, badge] = TAGS.map((t) => f.create(t, src[t]));
    privacy!.setAttribute('position', 'bottom'); // pads the page and watches its own size
    container.append(finder!, request!, privacy!, badge!);
    f.doc.body.append(container);
    await Promise.all([finder, request, privacy, badge].map((el) => works(el!)));
    const once = f.probe.snapshot();
    expect(once.listeners).to.deep.include({ 'window online': 1, 'window pagehide': 1, 'document citopia-consent-change': 1 });
    const padding = () => f.doc.body.style.paddingBlockEnd;
    await until(() => padding(), 3000, 'the bottom banner to pad the page');

    for (let i = 1; i <= CYCLES; i++) {
      // Work in progress: a search being typed, a description being typed (debounced timers run).
      setField(shadow(finder!).querySelector<HTMLInputElement>('#q')!, i % 2 ? 'permis de construire' : 'permis');
      setField(shadow(request!).querySelector<HTMLTextAreaElement>('#description')!, `Lampadaire éteint, passage ${i}`);
      expect(f.probe.snapshot().timers - base.timers, 'the probe sees the debounce timers').to.be.above(0);
      container.remove();
      await settle();
      expectNothingLeft(f, base, `after removal ${i}`);
      expect(padding(), 'the page gets its padding back').to.equal('');

      f.doc.body.append(container);
      await Promise.all([finder, request, privacy, badge].map((el) => works(el!)));
      const again = f.probe.snapshot();
      expect(lasting(again.listeners), `listeners after re-attachment ${i}`).to.deep.equal(lasting(once.listeners));
      expect(again.observers, `observers after re-attachment ${i}`).to.equal(once.observers);
      await until(() => padding(), 3000, `the bottom banner to pad the page again (${i})`);
    }

    // Everything still does its job after the cycles.
    await until(() => shadow(finder!).querySelectorAll('.result').length > 0, 5000, 'search results');
    expect(shadow(request!).querySelector<HTMLTextAreaElement>('#description')!.value).to.equal(`Lampadaire éteint, passage ${CYCLES}`);
    shadow(badge!).querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await until(() => shadow(badge!).querySelector('[part="facts"]')?.textContent?.includes('EUPL-1.2'), 5000, 'the badge details');
    shadow(privacy!).querySelector<HTMLButtonElement>('[part="actions"] button')!.click(); // Accept all
    await until(() => (privacy as HTMLElement & { getConsent(p: string): boolean }).getConsent('statistics') && !padding(), 3000, 'consent, and the banner gone');
    expect(f.probe.errors).to.deep.equal([]);

    container.remove();
    await settle();
    expectNothingLeft(f, base, 'at the end');
  });
});

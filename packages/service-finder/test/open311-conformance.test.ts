/**
 * Conformance on real Open311 GeoReport v2 service lists (third-party files in
 * ../shared/fixtures/open311, read through the test server; skipped with a notice when absent).
 */
import { expect } from '@open-wc/testing';
import { sharedFixtures, type, until } from '@citopia/testing';
import { parseCatalogueText, readCatalogue } from '../src/catalogue/read.js';
import '../src/index.js';

/** The service lists among the shared files, with what we know of each. */
const LISTS: Record<string, { count: number; firstCode: string; name: string }> = {
  'open311/open311spec-services-spec-example.json': { count: 3, firstCode: '001', name: 'Cans left out 24x7' },
  'open311/open311spec-services-spec-example.xml': { count: 3, firstCode: '001', name: 'Cans left out 24x7' },
  'open311/open311status-bloomington-services.json': { count: 46, firstCode: '4e09c863992b94b915000000', name: 'City Performance' },
  'open311/open311-adapter-merton-services.xml': { count: 1, firstCode: 'GR', name: 'Graffiti' },
  'open311/open311status-sanfrancisco-services.xml': { count: 0, firstCode: '001', name: 'Cans Left Out 24x7' },
  'open311/open311status-giessen-services.xml': { count: 0, firstCode: '015', name: 'Abwasser und Wasser' },
};

/** A finder on an English page reading `src`, once its categories (the Open311 groups) show. */
async function mountList(src: string, assistanceHref?: string) {
  const wrapper = document.createElement('div');
  wrapper.lang = 'en';
  wrapper.dataset['citopiaTest'] = '';
  const el = document.createElement('citopia-service-finder');
  el.src = src;
  if (assistanceHref) el.assistanceHref = assistanceHref;
  wrapper.append(el);
  document.body.append(wrapper);
  await until(() => el.shadowRoot!.querySelector('.categories'), 5000, 'the categories');
  return el;
}

describe('Open311 conformance on real service lists', function () {
  this.timeout(20_000);
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('reads every service list (JSON and XML) with its codes as strings', async function () {
    const shared = await sharedFixtures('open311');
    if (!shared.available) this.skip();
    const present = Object.keys(LISTS).filter((f) => shared.files.includes(f));
    expect(present.length).to.be.greaterThan(0);
    for (const file of present) {
      const expected = LISTS[file]!;
      const text = await (await fetch(shared.url(file))).text();
      const catalogue = await readCatalogue(await parseCatalogueText(text));
      if (expected.count) expect(catalogue.services, file).to.have.length(expected.count);
      else expect(catalogue.services.length, file).to.be.greaterThan(3);
      const first = catalogue.services[0]!;
      expect(first.id, file).to.equal(expected.firstCode);
      expect(first.open311, file).to.deep.equal({ serviceCode: expected.firstCode });
      expect(first.name, file).to.equal(expected.name);
      for (const s of catalogue.services) expect(typeof s.open311!.serviceCode, file).to.equal('string');
    }
  });

  it('shows the spec example’s groups and finds its services by name and keyword', async function () {
    const shared = await sharedFixtures('open311');
    if (!shared.available || !shared.files.includes('open311/open311spec-services-spec-example.json')) this.skip();
    const el = await mountList(shared.url('open311/open311spec-services-spec-example.json'), '/request?service={code}');
    const categories = [...el.shadowRoot!.querySelectorAll('.categories button')].map((b) => b.textContent!.replace(/\s+\d+\s*$/, '').trim());
    expect(categories).to.deep.equal(['sanitation', 'street']);
    el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.focus();
    await type('curb ramp');
    // The first search of the page may wait for the results' code (asked for at the focus).
    const link = () => el.shadowRoot!.querySelector<HTMLAnchorElement>('.result [part="result-link"]');
    await until(link, 5000, 'the results');
    expect(link()!.textContent).to.equal('Curb or curb ramp defect');
    expect(link()!.getAttribute('href')).to.equal('/request?service=003');
  });

  it('finds Bloomington’s services (46 request types in 5 groups)', async function () {
    const shared = await sharedFixtures('open311');
    if (!shared.available || !shared.files.includes('open311/open311status-bloomington-services.json')) this.skip();
    const el = await mountList(shared.url('open311/open311status-bloomington-services.json'));
    el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.focus();
    await type('pothole');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.result .heading')!.textContent!.trim()).to.equal('Potholes, Other Street Repair');
  });
});

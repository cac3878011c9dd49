/**
 * The YAML parser is its own chunk: pages with a JSON source, host data, attributes or a plain
 * YAML file (read by read-plain-yaml.ts) never download it. Runs in its own page (its own test file) so that nothing else loaded it first.
 */
import { expect } from '@open-wc/testing';
import { mountFixture, until } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';

performance.setResourceTimingBufferSize(10_000);
/** Requests for the yaml package's modules (the dev server serves them from node_modules/yaml) or our YAML module. */
const yamlRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('node_modules/yaml') || name.includes('/parse-yaml'));

describe('lazy YAML chunk', () => {
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('is not requested for a JSON source, data set by the host, or attributes only', async () => {
    for (const name of ['json-rendering', 'host-data', 'attributes-only']) {
      const { el } = await mountFixture(fixtures, name);
      expect(el.loadState, name).to.equal('ready');
      expect(el.shadowRoot!.querySelector('[part="pill"]')!.textContent).to.contain('Open source ·');
    }
    // The details chunk was loaded (the fixtures are open), so modules did load meanwhile.
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/details'))).to.equal(true);
    expect(yamlRequests()).to.deep.equal([]);
  });

  it('is not requested for a plain YAML source (the small reader reads it)', async () => {
    const { el } = await mountFixture(fixtures, 'current-version');
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Online counter');
    expect(yamlRequests()).to.deep.equal([]);
  });

  it('is requested for YAML the small reader declines', async () => {
    const { el } = await mountFixture(fixtures, 'broken-syntax');
    expect(el.loadState).to.equal('ready');
    await until(() => yamlRequests().some((name) => name.includes('node_modules/yaml')));
    expect(yamlRequests().some((name) => name.includes('/parse-yaml'))).to.equal(true);
  });
});

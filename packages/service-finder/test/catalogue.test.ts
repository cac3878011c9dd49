import { expect } from '@open-wc/testing';
import { parseCatalogueText, readCatalogue } from '../src/catalogue/read.js';
import { fromOpen311 } from '../src/catalogue/open311.js';
import { toJsonLd } from '../src/catalogue/jsonld.js';
import { formatHours } from '../src/channels.js';
import { readLightDom } from '../src/light-dom.js';

describe('catalogue reading', () => {
  it('keeps a valid catalogue and drops what cannot be shown', async () => {
    const catalogue = await readCatalogue({
      categories: [{ id: 'a', name: { fr: 'A' } }, { id: 'nameless' }, { name: 'idless' }],
      services: [
        { id: 1, name: { fr: 'Un' }, url: 5, categories: ['a', 3, null], channels: [{ type: 'phone', phone: '021 555 10 10' }, { type: 'phone' }, { type: 'fax', number: '1' }, null] },
        { id: 'no-name' },
        { name: 'no id' },
        'text',
      ],
    });
    expect(catalogue.categories!.map((c) => c.id)).to.deep.equal(['a']);
    expect(catalogue.services).to.have.length(1);
    const [one] = catalogue.services;
    expect(one!.id).to.equal('1');
    expect(one!.url).to.equal(undefined);
    expect(one!.categories).to.deep.equal(['a', '3']);
    expect(one!.channels).to.deep.equal([{ type: 'phone', phone: '021 555 10 10', hours: [] }]);
  });
  it('accepts a plain array of services', async () => {
    expect((await readCatalogue([{ id: 'x', name: 'X' }])).services).to.have.length(1);
  });
  it('rejects what is not a catalogue', async () => {
    for (const bad of [null, 42, 'text', {}, { services: 'no' }]) {
      let error: unknown;
      await readCatalogue(bad).catch((e: unknown) => (error = e));
      expect(error, JSON.stringify(bad)).to.be.instanceOf(Error);
    }
  });
});

describe('Open311 GeoReport v2 services', () => {
  it('reads codes as strings, keeping leading zeros (the spec example is not valid JSON)', async () => {
    const text = '[{"service_code":001,"service_name":"Cans left out 24x7","keywords":"lorem, ipsum, dolor","group":"sanitation"},{"service_code":"ABC","service_name":"X"}]';
    const data = await parseCatalogueText(text);
    const catalogue = await readCatalogue(data);
    expect(catalogue.services.map((s) => s.id)).to.deep.equal(['001', 'ABC']);
    expect(catalogue.services[0]!.open311).to.deep.equal({ serviceCode: '001' });
    expect(catalogue.services[0]!.keywords).to.deep.equal(['lorem', 'ipsum', 'dolor']);
    expect(catalogue.categories).to.deep.equal([{ id: 'open311-sanitation', name: 'sanitation' }]);
    expect(catalogue.services[0]!.categories).to.deep.equal(['open311-sanitation']);
  });
  it('accepts numeric codes, tags texts with the source language, and spaces out underscored names', () => {
    const catalogue = fromOpen311([{ service_code: 12, service_name: 'Cans_Left_Out', description: 'D', keywords: 'a,b' }], 'en');
    expect(catalogue.services[0]).to.deep.include({ id: '12', name: { en: 'Cans Left Out' }, description: { en: 'D' }, keywords: { en: ['a', 'b'] } });
  });
  it('reads services.xml', async () => {
    const xml = '<?xml version="1.0"?><services><service><service_code>001</service_code><service_name>Graffiti</service_name><keywords/><group>Streets</group></service></services>';
    const catalogue = await readCatalogue(await parseCatalogueText(xml));
    expect(catalogue.services.map((s) => [s.id, s.name])).to.deep.equal([['001', 'Graffiti']]);
  });
  it('rejects XML that is not a service list', async () => {
    let error: unknown;
    await parseCatalogueText('<html><body>502</body></html>').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
  });
});

describe('light-DOM list as a catalogue', () => {
  it('reads links, their descriptions, keywords, headings as categories and languages', () => {
    const host = document.createElement('div');
    const template = document.createElement('template');
    // Our own test markup, not data.
    template.setHTMLUnsafe(`<h3>Population</h3><ul lang="fr"><li><a href="/carte" data-keywords="ID, passeport">Carte d'identité</a> – Demander une carte.</li></ul><p><a href="/x">X</a></p>`);
    host.append(template.content);
    const catalogue = readLightDom(host);
    expect(catalogue.categories).to.deep.equal([{ id: 'category-1', name: 'Population' }]);
    expect(catalogue.services[0]).to.deep.equal({ id: 'link-1', name: { fr: "Carte d'identité" }, url: '/carte', description: { fr: 'Demander une carte.' }, keywords: ['ID', 'passeport'], categories: ['category-1'] });
    expect(catalogue.services[1]!.name).to.equal('X');
  });
});

describe('schema.org JSON-LD', () => {
  it('maps services to GovernmentService with ServiceChannel, and drops unsafe URLs', async () => {
    const catalogue = await readCatalogue({
      publisher: { name: { fr: 'Ville de Démo' } },
      categories: [{ id: 'c', name: { fr: 'Construction' } }],
      services: [
        {
          id: 'permis',
          name: { fr: 'Permis de construire', de: 'Baugesuch' },
          url: 'javascript:alert(1)',
          categories: ['c'],
          channels: [
            { type: 'online', url: 'https://guichet.example/permis' },
            { type: 'in-person', address: { street: 'Rue 1', postalCode: '1000', locality: 'Démo' }, hours: [{ days: ['mo', 'tu'], opens: '08:00', closes: '12:00' }] },
          ],
          cost: { value: 100, currency: 'CHF' },
        },
      ],
    });
    const ld = toJsonLd(catalogue, 'de-CH', 'https://www.ville-demo.ch/') as { '@graph': Array<Record<string, unknown>> };
    const [service] = ld['@graph'];
    expect(service).to.deep.include({ '@type': 'GovernmentService', identifier: 'permis', name: 'Baugesuch', url: undefined, category: ['Construction'] });
    expect(service!['serviceOperator']).to.deep.include({ '@type': 'GovernmentOrganization', name: 'Ville de Démo' });
    type Place = { serviceLocation: { openingHoursSpecification: Array<{ dayOfWeek: string[] }> } };
    const [online, place] = service!['availableChannel'] as [Record<string, unknown>, Place];
    expect(online).to.deep.include({ '@type': 'ServiceChannel', serviceUrl: 'https://guichet.example/permis' });
    expect(place.serviceLocation.openingHoursSpecification[0]!.dayOfWeek).to.deep.equal(['Monday', 'Tuesday']);
    expect(service!['offers']).to.deep.include({ price: 100, priceCurrency: 'CHF' });
  });
});

describe('opening hours', () => {
  const hours = [
    { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '11:45' },
    { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '13:30', closes: '16:30' },
    { days: ['sa'], opens: '09:00', closes: '12:00' },
    { days: ['mo', 'we'], opens: '18:00', closes: '19:00' },
  ] as never;
  it('groups days into ranges, in the page language', () => {
    expect(formatHours(hours, 'en')).to.equal('Mon–Fri 08:00–11:45, 13:30–16:30 · Sat 09:00–12:00 · Mon, Wed 18:00–19:00');
    expect(formatHours(hours, 'de')).to.match(/^Mo\.?–Fr\.? 08:00–11:45, 13:30–16:30/);
  });
  it('ignores days it does not know', () => {
    expect(formatHours([{ days: ['xx'], opens: '1', closes: '2' }] as never, 'en')).to.equal('');
  });
});

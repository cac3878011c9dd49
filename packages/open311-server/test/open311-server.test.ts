// The local Open311 server, tested over HTTP from the browser (it is a real server, started by
// the test runner through wtr-plugin.mjs), so CORS is exercised on every call.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

type Started = { url: string; port: number; dataDir: string };
const start = (options: Record<string, unknown> = {}) => executeServerCommand('open311-start', options) as Promise<Started>;
const stored = (url: string) => executeServerCommand('open311-requests', { url }) as Promise<Array<Record<string, unknown>>>;
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) [v].flat().forEach((x) => body.append(k, x));
  return body;
};
const post = (url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, body: form(fields) });
const waste = { service_code: 'DECHETS-SAUV', address_string: 'Chemin des Vignes 14', description: 'Sacs', 'attribute[TYPES][]': ['sacs', 'electro'], 'attribute[VOLUME]': '2' };

describe('@citopia/open311-server', function () {
  this.timeout(20_000);

  it('answers discovery with its formats, and an XML-only server says so', async () => {
    const { url } = await start();
    const discovery = await (await fetch(`${url}/discovery.json`)).json();
    expect(discovery.endpoints[0]).to.include({ specification: 'http://wiki.open311.org/GeoReport_v2', url, type: 'production' });
    expect(discovery.endpoints[0].formats).to.deep.equal(['application/json', 'text/xml']);
    const xmlOnly = await start({ formats: ['xml'] });
    expect((await fetch(`${xmlOnly.url}/discovery.json`)).status).to.equal(404);
    const xml = await (await fetch(`${xmlOnly.url}/discovery.xml`)).text();
    expect(xml).to.include('<formats><format>text/xml</format></formats>');
    expect((await fetch(`${xmlOnly.url}/services.json`)).status).to.equal(404);
  });

  it('lists the services in the language asked for (locale, then Accept-Language), French by default', async () => {
    const { url } = await start();
    const de = await (await fetch(`${url}/services.json?locale=de-CH`)).json();
    expect(de.map((s: { service_code: unknown }) => s.service_code)).to.deep.equal([101, 'ECL', 'DECHETS-SAUV', 204, 'AIDE-ADMIN', 305]);
    expect(de[0]).to.deep.include({ service_name: 'Schlagloch oder beschädigte Strasse', metadata: true, group: 'Strassen und Trottoirs' });
    expect(de[3].metadata).to.equal(false);
    const fr = await (await fetch(`${url}/services.json?locale=it`, { headers: { 'Accept-Language': 'it-CH, it;q=0.9' } })).json();
    expect(fr[0].service_name).to.equal('Nid-de-poule ou chaussée endommagée');
    const xml = await (await fetch(`${url}/services.xml?locale=en`)).text();
    expect(xml).to.match(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>101<\/service_code><service_name>Pothole or damaged road<\/service_name>/);
  });

  it('serves definitions in order, with every datatype, and the spec\'s error list for an unknown code', async () => {
    const { url } = await start();
    const seen = new Set<string>();
    for (const code of ['101', 'ECL', 'DECHETS-SAUV', 'AIDE-ADMIN']) {
      const definition = await (await fetch(`${url}/services/${code}.json?locale=en`)).json();
      const orders = definition.attributes.map((a: { order: number }) => a.order);
      expect(orders).to.deep.equal([...orders].sort((a: number, b: number) => a - b));
      definition.attributes.forEach((a: { datatype: string }) => seen.add(a.datatype));
    }
    expect([...seen].sort()).to.deep.equal(['datetime', 'multivaluelist', 'number', 'singlevaluelist', 'string', 'text']);
    const missing = await fetch(`${url}/services/NOPE.xml`);
    expect(missing.status).to.equal(404);
    expect(await missing.text()).to.include('<errors><error><code>404</code><description>');
  });

  it('numbers attributes from 1, as GeoReport v2 says (1 is shown first), in JSON and XML', async () => {
    const { url } = await start();
    for (const code of ['101', 'ECL', 'DECHETS-SAUV', 'AIDE-ADMIN']) {
      const definition = await (await fetch(`${url}/services/${code}.json`)).json();
      const orders = definition.attributes.map((a: { order: number }) => a.order);
      expect(orders, code).to.deep.equal(orders.map((_: number, i: number) => i + 1));
      const xml = await (await fetch(`${url}/services/${code}.xml`)).text();
      expect([...xml.matchAll(/<order>(\d+)<\/order>/g)].map((m) => Number(m[1])), `${code}.xml`).to.deep.equal(orders);
    }
    // A configuration counting from 0, with gaps, ties and an attribute without order: still 1, 2, 3…
    // in the configuration's sequence (missing after the ordered ones, ties as written).
    const config = {
      defaultLanguage: 'fr',
      services: [{ service_code: 'X', service_name: 'X', attributes: ['none', 'b', 'a', 'c', 'tie'].map((code) => ({ code, datatype: 'string', description: code, ...({ a: { order: 0 }, b: { order: 5 }, c: { order: 9 }, tie: { order: 5 } } as Record<string, object>)[code] })) }],
    };
    const custom = await start({ config });
    const definition = await (await fetch(`${custom.url}/services/X.json`)).json();
    expect(definition.attributes.map((a: { code: string; order: number }) => `${a.code}:${a.order}`)).to.deep.equal(['a:1', 'b:2', 'tie:3', 'c:4', 'none:5']);
  });

  it('parses attribute[CODE] and attribute[CODE][], stores the request and answers per the spec', async () => {
    const { url } = await start();
    const response = await post(`${url}/requests.json`, { ...waste, email: 'a@example.ch', x_accessibility: [], 'x_accessibility[]': ['sign-language', 'large-print'], x_contact_method: 'email', x_language: 'de' });
    expect(response.status).to.equal(200);
    const [answer] = await response.json();
    expect(answer.service_request_id).to.equal('24001');
    expect(answer.service_notice).to.match(/^Das Strasseninspektorat/);
    const [request] = await stored(url);
    expect(request!.attributes).to.deep.equal({ TYPES: ['sacs', 'electro'], VOLUME: '2' });
    expect(request!.extras).to.deep.include({ contact_method: 'email', accessibility: ['sign-language', 'large-print'], language: 'de' });
    // The public views never show contact details.
    const [single] = await (await fetch(`${url}/requests/24001.json`)).json();
    expect(single).to.include({ service_request_id: '24001', status: 'open', address: 'Chemin des Vignes 14' });
    expect(single).to.not.have.property('email');
    const list = await (await fetch(`${url}/requests.json?service_code=DECHETS-SAUV&status=open`)).json();
    expect(list).to.have.length(1);
    expect(await (await fetch(`${url}/requests.json?status=closed`)).json()).to.deep.equal([]);
  });

  it('refuses what a careful server refuses, every problem in the error list', async () => {
    const { url } = await start();
    const response = await post(`${url}/requests.json`, { service_code: '101', description: 'x'.repeat(4001), 'attribute[SURFACE]': 'lune', 'attribute[TAILLE]': 'grand', x_language: 'en' });
    expect(response.status).to.equal(400);
    expect((await response.json()).map((e: { description: string }) => e.description)).to.deep.equal([
      'A location is required: address_string, or lat and long.',
      'description is longer than 4000 characters.',
      'The answer to "Where is the damage?" (attribute[SURFACE]) is not one of the values offered.',
      'Answer "Could the damage make someone fall or cause an accident?" (attribute[DANGER]).',
      'The answer to "Approximate size, in centimetres" (attribute[TAILLE]) must be a number.',
    ]);
    const unknown = await post(`${url}/requests.xml`, { service_code: '999', address_string: 'x' });
    expect(unknown.status).to.equal(404);
    expect(await stored(url)).to.have.length(0);
  });

  it('needs the api_key when configured (the relay adds it; the browser never has it)', async () => {
    const { url } = await start({ apiKey: 'secret' });
    const refused = await post(`${url}/requests.json`, { ...waste });
    expect(refused.status).to.equal(403);
    expect((await refused.json())[0].code).to.equal(403);
    expect((await post(`${url}/requests.json`, { ...waste, api_key: 'secret' })).status).to.equal(200);
  });

  it('answers a retry with the same key with the same request, never a duplicate; another body with that key is refused', async () => {
    const { url } = await start();
    const first = await (await post(`${url}/requests.json`, { ...waste, x_idempotency_key: 'k-1' })).json();
    const again = await post(`${url}/requests.json`, { ...waste, x_idempotency_key: 'k-1' });
    expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(await again.json()).to.deep.equal(first);
    const conflict = await post(`${url}/requests.json`, { ...waste, description: 'Other', x_idempotency_key: 'k-1' });
    expect(conflict.status).to.equal(422);
    // The JSON adapter endpoint honours the Idempotency-Key header.
    const json = (key: string) =>
      fetch(`${url}/api/requests`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify({ service_code: 204, description: 'Tag', location: { address: 'Quai 1' } }) });
    const created = await json('j-1');
    expect(created.status).to.equal(201);
    const body = await created.json();
    expect(body.status_url).to.equal(`${url}/requests/${body.service_request_id}.json`);
    expect((await (await json('j-1')).json()).service_request_id).to.equal(body.service_request_id);
    expect(await stored(url)).to.have.length(2);
  });

  it('answers with a token, resolved through tokens/{token} after tokenDelay', async () => {
    const { url } = await start({ tokenMode: true, tokenDelay: 300 });
    const [{ token }] = await (await post(`${url}/requests.json`, waste)).json();
    expect(token).to.match(/^[0-9a-f]{12}$/);
    expect(await (await fetch(`${url}/tokens/${token}.json`)).json()).to.deep.equal([{ token }]);
    await new Promise((r) => setTimeout(r, 350));
    expect(await (await fetch(`${url}/tokens/${token}.json`)).json()).to.deep.equal([{ service_request_id: '24001', token }]);
    expect(await (await fetch(`${url}/tokens/${token}.xml`)).text()).to.include(`<request><service_request_id>24001</service_request_id><token>${token}</token></request>`);
    expect((await fetch(`${url}/tokens/nope.json`)).status).to.equal(404);
  });

  it('keeps requests in its data directory across a restart', async () => {
    const { url } = await start();
    await post(`${url}/requests.json`, waste);
    const { port, dataDir } = (await executeServerCommand('open311-stop', { url })) as Started;
    const restarted = await start({ port, dataDir });
    expect(restarted.url).to.equal(url);
    expect((await stored(url)).map((r) => r.service_request_id)).to.deep.equal(['24001']);
    const [next] = await (await post(`${url}/requests.json`, waste)).json();
    expect(next.service_request_id).to.equal('24002');
  });

  it('injects faults: seeded failure rate (repeatable), 503/429 with Retry-After, drops, set by option or by POST /__admin/faults', async () => {
    const run = async () => {
      const { url } = await start({ faults: { failureRate: 0.5, seed: 7, kinds: ['500', '503', '429'] } });
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await post(`${url}/requests.json`, waste)).status);
      return statuses;
    };
    const a = await run();
    expect(a).to.deep.equal(await run());
    expect(a.filter((s) => s !== 200).length).to.be.within(2, 10);
    const { url } = await start();
    const set = await fetch(`${url}/__admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ next: ['429', 'drop', 'drop-after'], retryAfter: 7 }) });
    expect((await set.json()).next).to.deep.equal(['429', 'drop', 'drop-after']);
    const busy = await post(`${url}/requests.json`, waste);
    expect([busy.status, busy.headers.get('Retry-After')]).to.deep.equal([429, '7']);
    expect(await post(`${url}/requests.json`, waste).then(() => 'answered', () => 'dropped')).to.equal('dropped');
    expect(await stored(url)).to.have.length(0);
    expect(await post(`${url}/requests.json`, waste).then(() => 'answered', () => 'dropped')).to.equal('dropped');
    expect(await stored(url)).to.have.length(1); // stored, then the answer was lost
    // Reads are untouched by default ("write" scope); "down" drops everything.
    expect((await fetch(`${url}/services.json`)).status).to.equal(200);
    await executeServerCommand('open311-faults', { url, faults: { down: true } });
    expect(await fetch(`${url}/services.json`).then(() => 'answered', () => 'dropped')).to.equal('dropped');
    await executeServerCommand('open311-faults', { url, faults: {} });
    expect((await fetch(`${url}/services.json`)).status).to.equal(200);
  });

  it('answers CORS preflights for the form post, the JSON adapter and the photo upload', async () => {
    const { url } = await start();
    const preflight = await fetch(`${url}/api/requests`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'x' }, body: '{}' });
    // Readable at all: the preflight passed and the answer carries Access-Control-Allow-Origin.
    expect(preflight.status).to.equal(400);
    expect((await preflight.json())[0].code).to.equal(400);
    expect(preflight.headers.get('Content-Language')).to.equal(null); // not exposed: an error has no language header
    const upload = await fetch(`${url}/media`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: new Uint8Array([137, 80]) });
    expect(upload.status).to.equal(201);
    const services = await fetch(`${url}/services.json`, { headers: { 'Accept-Language': 'de' } });
    expect(services.headers.get('Content-Language')).to.equal('de'); // exposed on purpose
  });

  it('takes a photo and gives back its URL; refuses what is not an image', async () => {
    const { url } = await start();
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const response = await fetch(`${url}/media`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: photo });
    expect(response.status).to.equal(201);
    const { media_url } = await response.json();
    expect(new Uint8Array(await (await fetch(media_url)).arrayBuffer())).to.deep.equal(photo);
    const refused = await fetch(`${url}/media`, { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: '<p>' });
    expect(refused.status).to.equal(415);
  });

  describe('relay.mjs', () => {
    it('adds the api_key the browser never has, and answers a retry with the same key from its memory', async () => {
      const upstream = await start({ apiKey: 'city-secret' });
      const { url: relay } = (await executeServerCommand('open311-relay', { upstream: upstream.url, apiKey: 'city-secret', jurisdictionId: 'ville-de-demo.ch' })) as { url: string };
      expect((await post(`${upstream.url}/requests.json`, waste)).status).to.equal(403); // the browser alone is refused
      const first = await post(`${relay}/requests.json`, { ...waste, x_idempotency_key: 'r-1' });
      expect(first.status).to.equal(200);
      const answer = await first.json();
      const again = await post(`${relay}/requests.json`, { ...waste, x_idempotency_key: 'r-1' });
      expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(await again.json()).to.deep.equal(answer);
      const requests = await stored(upstream.url);
      expect(requests).to.have.length(1);
      expect(requests[0]).to.include({ jurisdiction_id: 'ville-de-demo.ch', idempotency_key: '' }); // the key stays with the relay
      // GETs pass through, with CORS.
      expect((await (await fetch(`${relay}/services.json?locale=en`)).json())[0].service_name).to.equal('Pothole or damaged road');
    });

    it('makes concurrent retries wait for the first attempt, and can fold the x_ answers into the description', async () => {
      const upstream = await start({ faults: { latency: 300 } });
      const { url: relay } = (await executeServerCommand('open311-relay', { upstream: upstream.url, extensions: 'description' })) as { url: string };
      const body = { ...waste, x_idempotency_key: 'r-2', x_contact_method: 'phone', 'x_accessibility[]': ['sign-language'] };
      const answers = await Promise.all([post(`${relay}/requests.json`, body), post(`${relay}/requests.json`, body)].map(async (r) => (await r).json()));
      expect(answers[0]).to.deep.equal(answers[1]);
      const requests = await stored(upstream.url);
      expect(requests).to.have.length(1);
      expect(requests[0]!.description).to.equal('Sacs\n\nAnswer by: phone\nAccessibility needs: sign-language');
    });
  });
});

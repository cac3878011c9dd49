// Conformance on real third-party Open311 files (../shared/fixtures/open311, read through the
// test server, skipped with a notice when absent) and unit tests of the pure modules.
import { expect } from '@open-wc/testing';
import { sharedFixtures } from '@citopia/testing';
import { parseData, toDefinition, toErrors, toFormats, toReceipt, toServices, toStatus, type Format } from '../src/open311-format.js';
import { emptyAnswers, localDateTime, toJsonBody, toOpen311Body } from '../src/answers.js';
import { validate } from '../src/validate.js';
import { isDateTime, joinDateTime, splitDateTime } from '../src/date-time.js';
import { Outbox, type KeyValueStore } from '../src/outbox.js';
import { RejectedError, isRetryable } from '../src/deliver.js';
import { FetchError } from '@citopia/core/fetch';
import { completeAnswers } from '../src/fixtures.js';

async function shared(path: string): Promise<[unknown, string]> {
  const text = await (await fetch(`/__shared-fixtures/open311/${path}`)).text();
  return [parseData(text, path.endsWith('.xml') ? 'xml' : ('json' as Format)), text];
}

describe('Open311 conformance, on real files', function () {
  let available = false;
  before(async () => {
    available = (await sharedFixtures('open311')).available;
  });
  beforeEach(function () {
    if (!available) this.skip();
  });

  it('reads the spec\'s service definition (DMV66), JSON and XML alike', async () => {
    for (const ext of ['json', 'xml']) {
      const [data] = await shared(`open311spec-service-definition-DMV66-spec-example.${ext}`);
      const definition = toDefinition(data);
      expect(definition.code).to.equal('DMV66');
      expect(definition.attributes).to.deep.equal([
        {
          code: 'WHISHETN',
          datatype: 'singlevaluelist',
          required: true,
          variable: true,
          order: 1,
          description: 'What is the ticket/tag/DL number?',
          hint: '',
          values: [
            { key: '123', name: 'Ford' },
            { key: '124', name: 'Chrysler' },
          ],
        },
      ]);
    }
  });

  it('keeps codes with leading zeros from the spec\'s (invalid) JSON, as the XML has them', async () => {
    const [json] = await shared('open311spec-services-spec-example.json');
    const [xml] = await shared('open311spec-services-spec-example.xml');
    expect(toServices(json).map((s) => s.code)).to.deep.equal(['001', '002', '003']);
    expect(toServices(json)).to.deep.equal(toServices(xml));
    expect(toServices(xml)[0]).to.deep.equal({ code: '001', name: 'Cans left out 24x7', description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.', group: 'sanitation', metadata: true });
  });

  it('reads real cities\' service lists in XML (Merton, Giessen, San Francisco) and JSON (Bloomington)', async () => {
    for (const [file, first] of [
      ['open311-adapter-merton-services.xml', 'GR'],
      ['open311status-giessen-services.xml', '015'],
      ['open311status-sanfrancisco-services.xml', '001'],
      ['open311status-bloomington-services.json', '4e09c863992b94b915000000'],
    ] as const) {
      const [data, text] = await shared(file);
      const services = toServices(data);
      const count = file.endsWith('.xml') ? (text.match(/<service>/g) ?? []).length : (JSON.parse(text) as unknown[]).length;
      expect(services, file).to.have.length(count);
      expect(services[0]!.code, file).to.equal(first);
      expect(services.every((s) => s.name), file).to.equal(true);
    }
    const [giessen] = await shared('open311status-giessen-services.xml');
    expect(toServices(giessen).find((s) => s.code === '012')!.name).to.equal('Verkehrsschild beschädigt');
  });

  it('asks nothing the server fills itself (automated server_set and hidden_field attributes)', async () => {
    const [merton] = await shared('open311-adapter-merton-service-DF.xml');
    const [confirm] = await shared('open311-adapter-confirm-service-HM_PHS.xml');
    expect(toDefinition(merton)).to.deep.equal({ code: 'DF', attributes: [] });
    expect(toDefinition(confirm).attributes).to.deep.equal([]);
  });

  it('sorts real cities\' definitions by order, whatever their base (Confirm counts from 1, Merton mixes 1 and 0)', async () => {
    // Every attribute of these two files is filled by the server, so none is asked; without the
    // automated marks they show how two real servers number their attributes.
    const codes = async (file: string) => {
      const text = (await (await fetch(`/__shared-fixtures/open311/${file}`)).text()).replace(/<automated>[^<]*<\/automated>/g, '');
      return toDefinition(parseData(text, 'xml')).attributes.map((a) => `${a.code}:${a.order}`);
    };
    expect(await codes('open311-adapter-confirm-service-HM_PHS.xml')).to.deep.equal(
      ['easting', 'northing', 'fixmystreet_id', 'report_url', 'title', 'description', 'asset_details', 'site_code', 'central_asset_id', 'closest_address'].map((c, i) => `${c}:${i + 1}`),
    );
    // Order 0 sorts before 1; the four attributes tied at 0 keep the file's sequence.
    expect(await codes('open311-adapter-merton-service-DF.xml')).to.deep.equal(['fixmystreet_id:1', 'easting:2', 'northing:3', 'closest_address:4', 'service:5', 'usrn:6']);
  });

  it('reads POST answers: service_request_id and service_notice, or a token', async () => {
    for (const ext of ['json', 'xml']) {
      const [posted] = await shared(`open311spec-post-request-response-spec-example.${ext}`);
      expect(toReceipt(posted).id).to.equal('293944');
      expect(toReceipt(posted).notice).to.match(/^The City will inspect and require the responsible party to correct within 24 hours/);
      const [token] = await shared(`open311spec-token-response-spec-example.${ext}`);
      expect(toReceipt(token)).to.deep.equal({ id: '638344', token: '12345' });
    }
    const [merton] = await shared('open311-adapter-merton-token.xml');
    expect(toReceipt(merton)).to.deep.equal({ id: 'ServiceID' });
  });

  it('reads the spec\'s error list, JSON and XML', async () => {
    for (const ext of ['json', 'xml']) {
      const [data] = await shared(`open311spec-error-403-spec-example.${ext}`);
      expect(toErrors(data)).to.deep.equal([{ code: '403', description: "Invalid api_key received -- can't proceed with create_request." }]);
    }
  });

  it('learns the formats from the discovery document (production endpoint: XML only)', async () => {
    for (const ext of ['json', 'xml']) {
      const [data] = await shared(`open311spec-discovery-spec-example.${ext}`);
      expect(toFormats(data)).to.deep.equal(['xml']);
    }
  });

  it('reads a request\'s status (the spec\'s JSON has a bare 006; the XML too)', async () => {
    for (const ext of ['json', 'xml']) {
      const [data] = await shared(`open311spec-request-638344-spec-example.${ext}`);
      expect(toStatus(data)).to.deep.equal({
        id: '638344',
        status: 'closed',
        notes: 'Duplicate request.',
        requested: '2010-04-14T06:37:38-08:00',
        updated: '2010-04-14T06:37:38-08:00',
        expected: '2010-04-15T06:37:38-08:00',
      });
    }
  });

  it('posts the fields the way the spec\'s example does (attribute[CODE], form-urlencoded)', async () => {
    const example = (await (await fetch('/__shared-fixtures/open311/open311spec-post-request-spec-example.txt')).text()).trim().split('\n').pop()!;
    const specKeys = new Set([...new URLSearchParams(example).keys()].map((k) => k.replace(/\[[^\]]+\]/, '[CODE]')));
    const ours = new URLSearchParams(toOpen311Body({ ...completeAnswers(), attrs: { VOLUME: '3' }, lat: 46.2, long: 7.3 }, { code: 'X', attributes: [{ code: 'VOLUME', datatype: 'number', required: true, variable: true, order: 1, description: 'Volume', hint: '', values: [] }] }, { key: 'k', language: 'fr', jurisdiction: 'city.gov' }));
    const standard = [...ours.keys()].filter((k) => !k.startsWith('x_')).map((k) => k.replace(/\[[^\]]+\]/, '[CODE]'));
    for (const key of standard) expect(specKeys, key).to.include(key);
  });
});

describe('attribute order, definitions served by the test server', () => {
  /** A definition as a real server would send it, JSON or XML, fetched from the test server. */
  async function served(attributes: Array<{ code: string; order?: number | string }>, format: Format) {
    const body =
      format === 'json'
        ? JSON.stringify({ service_code: 'X', attributes: attributes.map((a) => ({ variable: true, datatype: 'string', required: false, description: a.code, ...a })) })
        : `<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>X</service_code><attributes>${attributes
            .map((a) => `<attribute><variable>true</variable><code>${a.code}</code><datatype>string</datatype><required>false</required>${a.order === undefined ? '' : `<order>${a.order}</order>`}<description>${a.code}</description></attribute>`)
            .join('')}</attributes></service_definition>`;
    const type = format === 'json' ? 'application/json' : 'text/xml';
    const text = await (await fetch(`/__test/text?type=${encodeURIComponent(type)}&body=${encodeURIComponent(body)}`)).text();
    return toDefinition(parseData(text, format)).attributes.map((a) => `${a.code}:${a.order}`);
  }

  for (const format of ['json', 'xml'] as const) {
    it(`${format}: counts from 1 whether the server counts from 0 or 1, or leaves gaps`, async () => {
      expect(await served([{ code: 'B', order: 1 }, { code: 'A', order: 0 }, { code: 'C', order: 2 }], format)).to.deep.equal(['A:1', 'B:2', 'C:3']);
      expect(await served([{ code: 'C', order: 3 }, { code: 'A', order: 1 }, { code: 'B', order: 2 }], format)).to.deep.equal(['A:1', 'B:2', 'C:3']);
      expect(await served([{ code: 'C', order: 40 }, { code: 'A', order: 5 }, { code: 'B', order: 12 }], format)).to.deep.equal(['A:1', 'B:2', 'C:3']);
    });

    it(`${format}: puts attributes without an order after the ordered ones, and keeps ties in the server's sequence`, async () => {
      expect(await served([{ code: 'none' }, { code: 'B', order: 2 }, { code: 'A', order: 1 }, { code: 'blank', order: '' }, { code: 'word', order: 'first' }], format)).to.deep.equal([
        'A:1',
        'B:2',
        'none:3',
        'blank:4',
        'word:5',
      ]);
      expect(await served([{ code: 'T1', order: 2 }, { code: 'A', order: 1 }, { code: 'T2', order: 2 }, { code: 'T3', order: 2 }], format)).to.deep.equal(['A:1', 'T1:2', 'T2:3', 'T3:4']);
    });
  }
});

describe('answers, validation and the outbox (pure modules)', () => {
  it('writes attribute[CODE] and attribute[CODE][] and the x_ extensions', () => {
    const body = new URLSearchParams(
      toOpen311Body(completeAnswers(), { code: 'DECHETS-SAUV', attributes: [
        { code: 'TYPES', datatype: 'multivaluelist', required: true, variable: true, order: 1, description: '', hint: '', values: [] },
        { code: 'VOLUME', datatype: 'number', required: true, variable: true, order: 2, description: '', hint: '', values: [] },
      ] }, { key: 'abc', language: 'fr-CH' }),
    );
    expect(body.getAll('attribute[TYPES][]')).to.deep.equal(['sacs', 'electro']);
    expect(body.get('attribute[VOLUME]')).to.equal('3.5');
    expect(body.has('attribute[ACCES]')).to.equal(false); // not a question of this definition
    expect(body.get('x_idempotency_key')).to.equal('abc');
    expect(body.get('x_contact_method')).to.equal('email');
    expect(body.getAll('x_accessibility[]')).to.deep.equal(['easy-read']);
    const json = JSON.parse(toJsonBody(completeAnswers(), undefined, { key: 'abc', language: 'fr' }));
    expect(json.contact).to.deep.equal({ first_name: 'Anna', last_name: 'Keller', email: 'anna.keller@example.ch', phone: '079 000 00 00', method: 'email' });
    expect(json.accessibility).to.deep.equal({ needs: ['easy-read'] });
  });

  it('writes datetime answers with the device\'s offset', () => {
    expect(localDateTime('2025-03-01T07:30')).to.match(/^2025-03-01T07:30:00[+-]\d\d:\d\d$/);
    expect(Date.parse(localDateTime('2025-07-01T23:59'))).to.equal(new Date('2025-07-01T23:59').getTime());
  });

  it('makes one Open311 date-time of the four date fields, keeping what is typed while it is not one', () => {
    const parts = (day: string, month: string, year: string, time: string) => ({ day, month, year, time });
    expect(joinDateTime(parts('1', '3', '2025', '7:30'))).to.equal('2025-03-01T07:30');
    expect(joinDateTime(parts('01', '03', '2025', '0730'))).to.equal('2025-03-01T07:30');
    expect(joinDateTime(parts(' 1', '3 ', '2025', '07.30'))).to.equal('2025-03-01T07:30');
    expect(joinDateTime(parts('', '', '', ''))).to.equal('');
    for (const [typed, kept] of [
      [parts('30', '2', '2025', '07:30'), '2025-2-30T07:30'], // no 30 February
      [parts('1', '3', '25', '07:30'), '25-3-1T07:30'], // a two-digit year
      [parts('1', '3', '2025', ''), '2025-3-1T'], // no time
      [parts('1', '3', '2025', '25:00'), '2025-3-1T25:00'],
    ] as const) {
      expect(joinDateTime(typed)).to.equal(kept);
      expect(isDateTime(kept)).to.equal(false);
      expect(splitDateTime(kept)).to.deep.equal(Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v.trim()])));
    }
    expect(splitDateTime('2025-03-01T07:30')).to.deep.equal(parts('1', '3', '2025', '07:30'));
    const definition = { attributes: [{ code: 'VU-LE', variable: true, datatype: 'datetime', required: false, description: 'When?', values: [], order: 1 }] } as never;
    const problems = (value: string) => validate({ ...completeAnswers(), attrs: { 'VU-LE': value } }, { hasServices: true, definition, requireContact: false }).map((p) => [p.field, p.kind]);
    expect(problems('2025-03-01T07:30')).to.deep.equal([]);
    expect(problems('2025-2-30T07:30')).to.deep.equal([['a0', 'attr-datetime']]);
    expect(problems('')).to.deep.equal([]);
  });

  it('validates: location, description length, email, phone, contact when required', () => {
    const kinds = (a = emptyAnswers(), requireContact = false) => validate(a, { hasServices: true, definition: undefined, requireContact }).map((p) => p.kind);
    expect(kinds()).to.deep.equal(['service', 'description', 'where', 'answer']);
    expect(kinds({ ...completeAnswers(), description: 'x'.repeat(4001) })).to.deep.equal(['description-long']);
    expect(kinds({ ...completeAnswers(), lat: 46.2, long: 7.3, address: '' })).to.deep.equal([]);
    expect(kinds({ ...completeAnswers(), email: 'a@b', phone: '12' })).to.deep.equal(['email-format', 'phone-format']);
    expect(kinds({ ...completeAnswers(), first: '', last: '', email: '', phone: '', answer: 'none' }, true)).to.deep.equal(['name', 'reach']);
  });

  const memory = (): KeyValueStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return {
      data,
      getJson: (k) => (data.has(k) ? JSON.parse(data.get(k)!) : undefined),
      setJson: (k, v) => (data.set(k, JSON.stringify(v)), { persisted: true }),
      remove: (k) => void data.delete(k),
    };
  };
  const item = (key: string) => ({ key, adapter: 'open311' as const, url: 'x', format: 'json' as const, body: 'b', createdAt: 0 });

  it('backs off exponentially with jitter, never sooner than Retry-After', () => {
    const outbox = new Outbox(memory(), 'o', { send: async () => ({}), retryable: () => true, baseDelay: 1000, maxDelay: 8000, random: () => 0.5 });
    expect([1, 2, 3, 4, 5, 9].map((n) => outbox.delay(n))).to.deep.equal([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(outbox.delay(1, 30)).to.equal(30_000);
    const low = new Outbox(memory(), 'o', { send: async () => ({}), retryable: () => true, random: () => 0 });
    expect(low.delay(1)).to.equal(750);
  });

  it('keeps a request on the device before sending (write-ahead), sends it once even when asked three times at once', async () => {
    const store = memory();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const outbox = new Outbox(store, 'o', { send: async () => (calls++, await gate, { id: '1' }), retryable: isRetryable });
    outbox.add(item('k1'));
    expect(JSON.parse(store.data.get('o')!)).to.have.length(1);
    const flushes = [outbox.flush(true), outbox.flush(true), outbox.flush()];
    release();
    await Promise.all(flushes);
    expect(calls).to.equal(1);
    expect(store.data.has('o')).to.equal(false);
    outbox.stop();
  });

  it('drops a refused request, keeps a failed one with its attempt count', async () => {
    const store = memory();
    const rejected: string[] = [];
    const retried: number[] = [];
    let error: unknown = new RejectedError([{ code: '400', description: 'bad' }], 400);
    const outbox = new Outbox(store, 'o', { send: async () => Promise.reject(error), retryable: isRetryable, onRejected: (i) => rejected.push(i.key), onRetry: (i) => retried.push(i.attempts) });
    outbox.add(item('refused'));
    await outbox.flush(true);
    expect(rejected).to.deep.equal(['refused']);
    error = new FetchError('http', '503', 503, 2);
    outbox.add(item('later'));
    await outbox.flush(true);
    await outbox.flush(true);
    expect(retried).to.deep.equal([1, 2]);
    expect(outbox.items[0]!.nextAt - Date.now()).to.be.above(1500);
    outbox.stop();
  });
});

// A real Open311 GeoReport v2 server (no dependencies) for developing, demonstrating and testing
// <citopia-assistance-request>. It also plays the city's relay: the browser never holds an
// api_key, it posts here (see docs/open311-relay.md). Everything is documented in README.md.
import { createServer } from 'node:http';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toXml } from './lib/xml.mjs';
import { message } from './lib/messages.mjs';
import { chooseLanguage, findService, listServices, pick, serviceDefinition } from './lib/catalogue.mjs';
import { parseForm, parseJsonSubmission } from './lib/form.mjs';
import { validateSubmission } from './lib/validate.mjs';
import { openStore } from './lib/store.mjs';
import { createFaults } from './lib/faults.mjs';

export { DEFAULT_FAULTS, FAULT_KINDS } from './lib/faults.mjs';

/** The bundled configuration: Ville de Démo / Stadt Demo, a bilingual Swiss city. */
export const defaultConfig = JSON.parse(readFileSync(new URL('./config/ville-de-demo.json', import.meta.url), 'utf8'));

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const MIME = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };
const FORMAT_TYPES = { json: 'application/json', xml: 'text/xml' };
const IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/heic': 'heic' };
const PRIVATE_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'device_id', 'account_id', 'attributes', 'extras', 'idempotency_key', 'channel', 'token', 'jurisdiction_id', 'language'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `allowOrigins`: a list of origins that may read answers (CORS); null or absent: any origin. */
const allowList = (value) => (Array.isArray(value) ? value.map(String) : null);

class HttpError extends Error {
  constructor(status, errors, headers = {}) {
    super(errors.map((e) => e.description).join(' '));
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** The request body (read once, kept on the request: a "slow" fault reads it before waiting). */
function readBody(req, limit) {
  req.citopiaBody ??= new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, [{ code: 413, description: 'too-large' }]));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
  return req.citopiaBody;
}

/**
 * Starts a server. Options:
 * - `port` (0 picks a free one), `host` ("127.0.0.1");
 * - `dataDir`: requests are kept in `<dataDir>/requests.json` (and photos in `<dataDir>/media/`),
 *   so they survive a restart; without it, in memory only;
 * - `config`: the city (services, texts; see config/ville-de-demo.json), or a path to a JSON file;
 * - `formats`: ["json", "xml"] (default) or ["xml"] for a server that speaks only XML;
 * - `tokenMode`: POST answers with a `token`, resolved later through tokens/{token};
 *   `tokenDelay`: milliseconds before a token resolves;
 * - `apiKey`: when set, POST requests.* needs this `api_key` (as a city's real server does; the
 *   relay adds it, never the browser);
 * - `faults`: fault injection (see lib/faults.mjs), also settable with POST /__admin/faults;
 * - `admin`: the /__admin/ endpoints (default true; turn off anywhere public);
 * - `maxPhotoBytes`: upload limit (8 MB).
 *
 * Resolves with { url, port, close(), setFaults(), faults(), requests(), reset(), setOptions(),
 * options() }.
 */
export async function start(options = {}) {
  const config = typeof options.config === 'string' ? JSON.parse(readFileSync(options.config, 'utf8')) : (options.config ?? defaultConfig);
  const settings = {
    formats: options.formats ?? ['json', 'xml'],
    tokenMode: Boolean(options.tokenMode),
    tokenDelay: Number(options.tokenDelay ?? 0),
    apiKey: options.apiKey,
    admin: options.admin ?? true,
    maxPhotoBytes: options.maxPhotoBytes ?? 8 * 1024 * 1024,
    allowOrigins: allowList(options.allowOrigins),
  };
  const store = openStore(options.dataDir);
  const faults = createFaults(options.faults);
  const mediaDir = options.dataDir ? join(options.dataDir, 'media') : undefined;
  const memoryMedia = new Map();
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (res.headersSent || res.destroyed) return;
      const status = error instanceof HttpError ? error.status : 500;
      if (!(error instanceof HttpError)) console.error('[open311]', error);
      send(res, status, 'json', 'errors', [{ code: status, description: error instanceof HttpError ? error.message : 'Internal error' }]);
    });
  });

  function cors(req, res) {
    // An origin outside `allowOrigins` gets no CORS headers: the browser hides the answer (and,
    // for a request that needs a preflight, never sends it), as with a misconfigured relay.
    if (settings.allowOrigins && req.headers.origin && !settings.allowOrigins.includes(req.headers.origin)) return;
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Accept-Language, Idempotency-Key');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed, Location, Content-Language');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  function send(res, status, format, root, value, headers = {}) {
    const body = format === 'xml' ? toXml(root, value) : JSON.stringify(value);
    res.writeHead(status, { 'Content-Type': MIME[format], 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  }

  function sendErrors(res, format, status, errors, headers) {
    send(res, status, settings.formats.includes(format) ? format : settings.formats[0], 'errors', errors, headers);
  }

  async function handle(req, res) {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', baseUrl);
    if (url.pathname.startsWith('/__admin/')) {
      if (!settings.admin) return sendErrors(res, 'json', 404, [{ code: 404, description: 'Not found' }]);
      return admin(req, res, url);
    }
    const route = /^\/(discovery|services|requests|tokens)(?:\/([^/]+?))?\.(json|xml)$/.exec(url.pathname);
    const format = route?.[3] ?? 'json';
    const decision = faults.decide(req.method);
    if (decision?.latency) await sleep(decision.latency);
    if (decision?.kind === 'drop') return drop(req);
    if (decision?.kind === 'slow') {
      // The request arrives in full and is processed late, as on an overloaded server: a client
      // that gave up meanwhile never learns that it was stored.
      if (req.method === 'POST') await readBody(req, settings.maxPhotoBytes).catch(() => undefined);
      await sleep(faults.settings.slow);
    }
    if (decision?.kind === '500' || decision?.kind === '503' || decision?.kind === '429') {
      const status = Number(decision.kind);
      const retry = status === 500 ? {} : { 'Retry-After': String(faults.settings.retryAfter) };
      return sendErrors(res, format, status, [{ code: status, description: message(status === 429 ? 'busy' : 'server-error', 'en') }], retry);
    }
    const dropAfter = decision?.kind === 'drop-after';
    if (route) {
      if (!settings.formats.includes(format)) return sendErrors(res, format, 404, [{ code: 404, description: `Format ${format} is not offered by this server` }]);
      return open311(req, res, url, route[1], route[2] && decodeURIComponent(route[2]), format, dropAfter);
    }
    if (url.pathname === '/api/requests' && req.method === 'POST') return jsonAdapter(req, res, url, dropAfter);
    if (url.pathname === '/media' && req.method === 'POST') return upload(req, res, dropAfter);
    if (url.pathname.startsWith('/media/') && req.method === 'GET') return serveMedia(res, url.pathname.slice(7));
    if (url.pathname === '/' && req.method === 'GET') {
      return send(res, 200, 'json', 'index', { name: 'Citopia local Open311 server', specification: SPEC, discovery: `${baseUrl}/discovery.${settings.formats[0]}`, formats: settings.formats });
    }
    return sendErrors(res, format, 404, [{ code: 404, description: 'Not found' }]);
  }

  /**
   * Drops the connection. A few bytes of a status line go out first: a browser silently resends
   * a request whose reused connection closes without a byte, which would hide the fault from
   * the client code under test (and consume the next planned fault).
   */
  function drop(req) {
    req.socket.end('HTTP/1.1 ');
  }

  /** Answers, or, for "drop-after", drops the connection after the request was stored: the client never hears. */
  function answer(req, res, dropAfter, status, format, root, value, headers) {
    if (dropAfter) return drop(req);
    return send(res, status, format, root, value, headers);
  }

  async function open311(req, res, url, kind, id, format, dropAfter) {
    const language = chooseLanguage(config, url.searchParams.get('locale'), req.headers['accept-language']);
    const headers = { 'Content-Language': language };
    if (req.method === 'POST' && kind === 'requests' && !id) return createRequest(req, res, url, format, dropAfter);
    if (req.method !== 'GET') return sendErrors(res, format, 405, [{ code: 405, description: 'Method not allowed' }]);
    if (kind === 'discovery' && !id) return answer(req, res, dropAfter, 200, format, 'discovery', discovery(language), headers);
    if (kind === 'services' && !id) return answer(req, res, dropAfter, 200, format, 'services', listServices(config, language), headers);
    if (kind === 'services') {
      const service = findService(config, id);
      if (!service) return sendErrors(res, format, 404, [{ code: 404, description: message('unknown-service', language, id) }]);
      return answer(req, res, dropAfter, 200, format, 'service_definition', serviceDefinition(config, service, language), headers);
    }
    if (kind === 'requests' && id) {
      const record = store.find(id);
      if (!record) return sendErrors(res, format, 404, [{ code: 404, description: message('not-found', language) }]);
      return answer(req, res, dropAfter, 200, format, 'service_requests', [publicRecord(record)], headers);
    }
    if (kind === 'requests') return answer(req, res, dropAfter, 200, format, 'service_requests', searchRequests(url.searchParams).map(publicRecord), headers);
    if (kind === 'tokens' && id) {
      const entry = store.token(id);
      if (!entry) return sendErrors(res, format, 404, [{ code: 404, description: message('token-not-found', language) }]);
      // Until the token "resolves" (tokenDelay), the answer has the token but no id yet.
      const ready = Date.now() - entry.at >= settings.tokenDelay;
      return answer(req, res, dropAfter, 200, format, 'service_requests', [ready ? { service_request_id: entry.id, token: id } : { token: id }], headers);
    }
    return sendErrors(res, format, 404, [{ code: 404, description: 'Not found' }]);
  }

  function discovery(language) {
    const d = config.discovery ?? {};
    return {
      changeset: d.changeset ?? '',
      contact: pick(d.contact, language, config.defaultLanguage),
      key_service: pick(d.key_service, language, config.defaultLanguage),
      endpoints: [{ specification: SPEC, url: baseUrl, changeset: d.changeset ?? '', type: 'production', formats: settings.formats.map((f) => FORMAT_TYPES[f]) }],
    };
  }

  function searchRequests(params) {
    const ids = params.get('service_request_id')?.split(',').map((s) => s.trim());
    const codes = params.get('service_code')?.split(',').map((s) => s.trim());
    const statuses = params.get('status')?.split(',').map((s) => s.trim());
    const start = Date.parse(params.get('start_date') ?? '');
    const end = Date.parse(params.get('end_date') ?? '');
    return store.requests
      .filter((r) => !ids || ids.includes(r.service_request_id))
      .filter((r) => !codes || codes.includes(String(r.service_code)))
      .filter((r) => !statuses || statuses.includes(r.status))
      .filter((r) => Number.isNaN(start) || Date.parse(r.requested_datetime) >= start)
      .filter((r) => Number.isNaN(end) || Date.parse(r.requested_datetime) <= end)
      .slice(-1000);
  }

  /** The public view of a request (GET requests): no contact details, ever. */
  function publicRecord(record) {
    const copy = { ...record };
    for (const field of PRIVATE_FIELDS) delete copy[field];
    return copy;
  }

  function fingerprint(submission) {
    // The key itself and the api_key are not part of what makes two requests the same.
    const rest = { ...submission, api_key: undefined, idempotency_key: undefined };
    return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 32);
  }

  /**
   * One path for both adapters: validate, replay an idempotent retry, or store a new request.
   * Validation and storing run without awaiting in between, so two concurrent retries with one
   * key can never both create a request.
   */
  function accept(submission, language, key, channel) {
    const { service, errors, status } = validateSubmission(config, submission, language);
    if (errors.length) throw new HttpError(status, errors);
    const print = fingerprint(submission);
    if (key) {
      const previous = store.idempotent(key);
      if (previous) {
        if (previous.fingerprint !== print) throw new HttpError(422, [{ code: 422, description: message('idempotency-conflict', language) }]);
        return { record: store.find(previous.id), replayed: true };
      }
    }
    const now = new Date();
    const expected = service.expectedDays ? new Date(now.getTime() + service.expectedDays * 86_400_000) : undefined;
    const hasCoordinates = submission.lat !== undefined && submission.lat !== '';
    const record = {
      service_request_id: store.nextId(config.firstId ?? 1),
      status: 'open',
      status_notes: pick(config.statusNotes, language, config.defaultLanguage),
      service_name: pick(service.service_name, language, config.defaultLanguage),
      service_code: service.service_code,
      description: submission.description ?? '',
      agency_responsible: pick(service.agency_responsible, language, config.defaultLanguage),
      service_notice: pick(service.service_notice, language, config.defaultLanguage),
      requested_datetime: now.toISOString(),
      updated_datetime: now.toISOString(),
      expected_datetime: expected?.toISOString() ?? null,
      address: submission.address_string ?? '',
      address_id: submission.address_id ?? '',
      zipcode: '',
      lat: hasCoordinates ? Number(submission.lat) : null,
      long: hasCoordinates ? Number(submission.long) : null,
      media_url: submission.media_url ?? '',
      // Private: never in GET requests, only in /__admin/requests.
      jurisdiction_id: submission.jurisdiction_id ?? '',
      first_name: submission.first_name ?? '',
      last_name: submission.last_name ?? '',
      email: submission.email ?? '',
      phone: submission.phone ?? '',
      device_id: submission.device_id ?? '',
      account_id: submission.account_id ?? '',
      attributes: submission.attributes ?? {},
      extras: submission.extras ?? {},
      language,
      channel,
      idempotency_key: key ?? '',
    };
    const token = settings.tokenMode && channel === 'open311' ? randomBytes(6).toString('hex') : undefined;
    if (token) record.token = token;
    store.add(record, { token, idempotency: key ? { key, entry: { id: record.service_request_id, fingerprint: print, at: now.toISOString() } } : undefined });
    return { record, replayed: false };
  }

  async function createRequest(req, res, url, format, dropAfter) {
    const body = (await readBody(req, 64 * 1024)).toString('utf8');
    const submission = parseForm(body);
    const language = chooseLanguage(config, submission.extras.language || url.searchParams.get('locale'), req.headers['accept-language']);
    if (settings.apiKey && submission.api_key !== settings.apiKey) {
      return sendErrors(res, format, 403, [{ code: 403, description: message('api-key', language) }]);
    }
    const key = req.headers['idempotency-key'] || submission.idempotency_key || undefined;
    let result;
    try {
      result = accept(submission, language, key, 'open311');
    } catch (error) {
      if (error instanceof HttpError) return sendErrors(res, format, error.status, error.errors);
      throw error;
    }
    const { record, replayed } = result;
    const value = record.token ? [{ token: record.token }] : [{ service_request_id: record.service_request_id, service_notice: record.service_notice, account_id: null }];
    return answer(req, res, dropAfter, 200, format, 'service_requests', value, replayed ? { 'Idempotent-Replayed': 'true' } : {});
  }

  async function jsonAdapter(req, res, url, dropAfter) {
    const raw = (await readBody(req, 64 * 1024)).toString('utf8');
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendErrors(res, 'json', 400, [{ code: 400, description: message('bad-json', 'en') }]);
    }
    const submission = parseJsonSubmission(body ?? {});
    const language = chooseLanguage(config, submission.extras.language || url.searchParams.get('locale'), req.headers['accept-language']);
    const key = req.headers['idempotency-key'] || undefined;
    let result;
    try {
      result = accept(submission, language, key, 'json');
    } catch (error) {
      if (error instanceof HttpError) return sendErrors(res, 'json', error.status, error.errors);
      throw error;
    }
    const { record, replayed } = result;
    const value = {
      service_request_id: record.service_request_id,
      service_notice: record.service_notice,
      requested_datetime: record.requested_datetime,
      status_url: `${baseUrl}/requests/${encodeURIComponent(record.service_request_id)}.json`,
    };
    return answer(req, res, dropAfter, 201, 'json', 'request', value, { Location: value.status_url, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) });
  }

  async function upload(req, res, dropAfter) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const language = chooseLanguage(config, undefined, req.headers['accept-language']);
    if (!IMAGE_TYPES[type]) {
      req.resume();
      return sendErrors(res, 'json', 415, [{ code: 415, description: message('media-type', language) }]);
    }
    let data;
    try {
      data = await readBody(req, settings.maxPhotoBytes);
    } catch (error) {
      if (error instanceof HttpError) return sendErrors(res, 'json', 413, [{ code: 413, description: message('too-large', language) }]);
      throw error;
    }
    const name = `${randomUUID()}.${IMAGE_TYPES[type]}`;
    if (mediaDir) {
      mkdirSync(mediaDir, { recursive: true });
      writeFileSync(join(mediaDir, name), data);
    } else {
      memoryMedia.set(name, data);
    }
    const mediaUrl = `${baseUrl}/media/${name}`;
    return answer(req, res, dropAfter, 201, 'json', 'media', { url: mediaUrl, media_url: mediaUrl, bytes: data.length });
  }

  function serveMedia(res, name) {
    if (!/^[\w-]+\.(jpg|png|webp|gif|heic)$/.test(name)) return sendErrors(res, 'json', 404, [{ code: 404, description: 'Not found' }]);
    const type = Object.keys(IMAGE_TYPES).find((t) => IMAGE_TYPES[t] === name.split('.').pop());
    const data = mediaDir ? (existsSync(join(mediaDir, name)) ? readFileSync(join(mediaDir, name)) : undefined) : memoryMedia.get(name);
    if (!data) return sendErrors(res, 'json', 404, [{ code: 404, description: 'Not found' }]);
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' }).end(data);
  }

  async function admin(req, res, url) {
    const path = url.pathname.slice('/__admin/'.length);
    const body = req.method === 'POST' ? (await readBody(req, 64 * 1024)).toString('utf8') : '';
    const json = body ? JSON.parse(body) : {};
    if (path === 'faults') {
      if (req.method === 'POST') faults.set(json);
      return send(res, 200, 'json', 'faults', { ...faults.settings, injected: faults.injected });
    }
    if (path === 'requests' && req.method === 'GET') return send(res, 200, 'json', 'requests', store.requests);
    const update = /^requests\/([^/]+)$/.exec(path);
    if (update && req.method === 'POST') {
      const record = store.update(decodeURIComponent(update[1]), { ...pickFields(json, ['status', 'status_notes', 'agency_responsible', 'expected_datetime']), updated_datetime: new Date().toISOString() });
      return record ? send(res, 200, 'json', 'request', record) : sendErrors(res, 'json', 404, [{ code: 404, description: 'Not found' }]);
    }
    if (path === 'reset' && req.method === 'POST') {
      store.reset();
      return send(res, 200, 'json', 'reset', { ok: true });
    }
    if (path === 'options') {
      if (req.method === 'POST') setOptions(json);
      return send(res, 200, 'json', 'options', publicOptions());
    }
    return sendErrors(res, 'json', 404, [{ code: 404, description: 'Not found' }]);
  }

  function pickFields(object, names) {
    return Object.fromEntries(names.filter((n) => object[n] !== undefined).map((n) => [n, object[n]]));
  }

  function setOptions(next) {
    if (next.formats) settings.formats = [].concat(next.formats).filter((f) => f === 'json' || f === 'xml');
    if (settings.formats.length === 0) settings.formats = ['json', 'xml'];
    if (next.tokenMode !== undefined) settings.tokenMode = Boolean(next.tokenMode);
    if (next.tokenDelay !== undefined) settings.tokenDelay = Number(next.tokenDelay) || 0;
    if (next.allowOrigins !== undefined) settings.allowOrigins = allowList(next.allowOrigins);
    return publicOptions();
  }

  function publicOptions() {
    return { formats: [...settings.formats], tokenMode: settings.tokenMode, tokenDelay: settings.tokenDelay, apiKeyRequired: Boolean(settings.apiKey), allowOrigins: settings.allowOrigins ?? null };
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    url: baseUrl,
    port: address.port,
    dataDir: options.dataDir,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setFaults: (next) => faults.set(next),
    faults: () => ({ ...faults.settings, injected: faults.injected }),
    requests: () => structuredClone(store.requests),
    reset: () => store.reset(),
    setOptions,
    options: publicOptions,
  };
}

// The relay a city puts between <citopia-assistance-request> and its Open311 server (see
// docs/open311-relay.md). The browser posts here without any key; the relay:
// - adds the api_key (and jurisdiction_id) that only the server side knows;
// - answers a retry carrying the same idempotency key with the answer it already has, instead of
//   creating a second request upstream (x_idempotency_key in the form, or the Idempotency-Key
//   header), including while the first attempt is still on its way;
// - passes the x_* extensions on, or folds them into the description for an upstream that does
//   not know them;
// - passes GET requests (discovery, services, definitions, requests, tokens) through, with CORS.
// No dependencies; keys are kept in <dataDir>/relay-keys.json.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXTENSION_LABELS = {
  x_contact_method: 'Answer by',
  'x_accessibility[]': 'Accessibility needs',
  x_accessibility_other: 'Accessibility details',
  x_postal_address: 'Postal address',
  x_language: 'Language',
};

function readBody(req, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) reject(Object.assign(new Error('too large'), { status: 413 }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Idempotency keys and the answers given for them, in a JSON file (or memory). */
function keyStore(dataDir) {
  const file = dataDir ? join(dataDir, 'relay-keys.json') : undefined;
  let keys = {};
  if (file) {
    mkdirSync(dataDir, { recursive: true });
    if (existsSync(file)) keys = JSON.parse(readFileSync(file, 'utf8'));
  }
  return {
    get: (key) => keys[key],
    set(key, entry) {
      keys[key] = entry;
      // A device retries for days at most: keys older than 30 days are forgotten.
      const old = Date.now() - 30 * 86_400_000;
      for (const [k, e] of Object.entries(keys)) if (Date.parse(e.at) < old) delete keys[k];
      if (!file) return;
      writeFileSync(`${file}.tmp`, JSON.stringify(keys));
      renameSync(`${file}.tmp`, file);
    },
  };
}

/**
 * Starts a relay. `upstream`: the city's Open311 base URL; `apiKey`: its key; `jurisdictionId`:
 * added when the form has none; `extensions`: "forward" (default) or "description";
 * `dataDir`: where idempotency keys are kept. Resolves with { url, port, close() }.
 */
export async function startRelay({ port = 0, host = '127.0.0.1', upstream, apiKey, jurisdictionId, extensions = 'forward', dataDir, timeout = 15_000 }) {
  const base = upstream.replace(/\/?$/, '/');
  const keys = keyStore(dataDir);
  const inFlight = new Map();

  const server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Accept-Language, Idempotency-Key');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed, Content-Language');
    try {
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      const url = new URL(req.url ?? '/', 'http://relay.invalid');
      const target = new URL(url.pathname.replace(/^\//, '') + url.search, base);
      if (req.method === 'GET') return reply(res, await forward(target, { headers: pick(req.headers, ['accept', 'accept-language']) }));
      if (req.method !== 'POST' || !/^\/requests\.(json|xml)$/.test(url.pathname)) return void res.writeHead(404).end();
      const form = new URLSearchParams(await readBody(req));
      const key = req.headers['idempotency-key'] || form.get('x_idempotency_key') || undefined;
      form.delete('x_idempotency_key');
      form.delete('api_key');
      if (apiKey) form.set('api_key', apiKey);
      if (jurisdictionId && !form.get('jurisdiction_id')) form.set('jurisdiction_id', jurisdictionId);
      if (extensions === 'description') foldExtensions(form);
      const print = createHash('sha256').update([...form].filter(([k]) => k !== 'api_key').map(([k, v]) => `${k}=${v}`).join('&')).digest('hex');
      const send = () => forward(target, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', ...pick(req.headers, ['accept', 'accept-language']) }, body: form.toString() });
      if (!key) return reply(res, await send());
      const known = keys.get(key);
      if (known) {
        if (known.print !== print) return reply(res, { status: 422, type: 'application/json', body: JSON.stringify([{ code: 422, description: 'This idempotency key was already used for a different request.' }]) });
        return reply(res, known.answer, { 'Idempotent-Replayed': 'true' });
      }
      // A retry that arrives while the first attempt is still upstream waits for that attempt.
      let pending = inFlight.get(key);
      if (!pending) {
        pending = send().then((answer) => {
          if (answer.status >= 200 && answer.status < 300) keys.set(key, { print, answer, at: new Date().toISOString() });
          return answer;
        });
        inFlight.set(key, pending);
        pending.finally(() => inFlight.delete(key)).catch(() => {});
      }
      return reply(res, await pending);
    } catch (error) {
      const status = error.status ?? 502;
      reply(res, { status, type: 'application/json', body: JSON.stringify([{ code: status, description: 'The city\u2019s server could not be reached.' }]) });
    }
  });

  async function forward(target, init) {
    const response = await fetch(target, { ...init, signal: AbortSignal.timeout(timeout) });
    const headers = {};
    for (const name of ['retry-after', 'content-language']) if (response.headers.get(name)) headers[name] = response.headers.get(name);
    return { status: response.status, type: response.headers.get('content-type') ?? 'application/json', body: await response.text(), headers };
  }

  function reply(res, answer, extra = {}) {
    res.writeHead(answer.status, { 'Content-Type': answer.type, 'Cache-Control': 'no-store', ...answer.headers, ...extra }).end(answer.body);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function pick(headers, names) {
  return Object.fromEntries(names.filter((n) => headers[n]).map((n) => [n, headers[n]]));
}

/** For an upstream that ignores unknown fields: the x_* answers become readable lines of the description. */
function foldExtensions(form) {
  const lines = [];
  for (const [name, label] of Object.entries(EXTENSION_LABELS)) {
    const values = form.getAll(name);
    if (values.length) lines.push(`${label}: ${values.join(', ')}`);
    form.delete(name);
  }
  if (!lines.length) return;
  const extra = `\n\n${lines.join('\n')}`;
  const description = form.get('description') ?? '';
  // The spec allows 4,000 characters: the person's text gives way (marked …), never the lines.
  const room = 4000 - extra.length;
  form.set('description', (description.length > room ? `${description.slice(0, room - 1)}…` : description) + extra);
}

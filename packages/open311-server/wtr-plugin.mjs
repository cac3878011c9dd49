// Web Test Runner plugins: a real Open311 server for browser tests, and browser controls that
// only the test runner has (network offline, geolocation). web-test-runner.config.mjs loads this
// file when it exists.
//
// When the test server starts, one Open311 server starts on a free port with a temporary data
// directory; it stops (and the directory goes) with the test server. Browser tests talk to it
// through executeServerCommand():
//   'open311-url'       → { url } of the shared server
//   'open311-start'     (options of start(): formats, tokenMode, tokenDelay, faults, apiKey, and
//                        port + dataDir to restart a stopped one) → { url, port, dataDir }
//   'open311-stop'      { url } → { port, dataDir } (to restart it later with the same data)
//   'open311-relay'     { upstream, apiKey, jurisdictionId, extensions } → { url } of a relay
//                        (relay.mjs) in front of an upstream server
//   'open311-faults'    { url?, faults } → the fault settings now in force
//   'open311-options'   { url?, options } → formats, token mode
//   'open311-requests'  { url? } → every stored request, with its private fields
//   'open311-status'    { url?, id, status, status_notes } → the updated request
//   'open311-reset'     { url? } → true
//   'citopia-network'   { offline } → { supported }: the page's network goes offline or online
//                        (navigator.onLine and the offline/online events follow, as on a device)
//   'citopia-geolocation' { latitude, longitude, accuracy } or { deny: true } → { supported }
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from './server.mjs';
import { startRelay } from './relay.mjs';

export default function open311Plugins() {
  /** @type {Map<string, Awaited<ReturnType<typeof start>>>} */
  const servers = new Map();
  let main;
  let tmp;
  let counter = 0;
  const relays = [];

  const target = (payload) => {
    const server = payload?.url ? servers.get(String(payload.url).replace(/\/$/, '')) : main;
    if (!server) throw new Error(`no Open311 server at ${payload?.url}`);
    return server;
  };

  /**
   * Offline for the page (navigator.onLine false, the offline event) and for requests to the
   * Open311 servers (127.0.0.1), but not for the test runner's own connection (localhost), which
   * Chrome's plain offline mode would cut. Needs a Chrome whose DevTools protocol has
   * Network.overrideNetworkState and Network.emulateNetworkConditionsByRule.
   */
  const cdp = new WeakMap();
  async function network(p, offline, urlPattern) {
    let client = cdp.get(p);
    if (!client) {
      client = await p.createCDPSession();
      await client.send('Network.enable');
      cdp.set(p, client);
    }
    const open = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    await client.send('Network.emulateNetworkConditionsByRule', { matchedNetworkConditions: offline ? [{ urlPattern, offline: true, ...open }] : [] });
    await client.send('Network.overrideNetworkState', { offline, ...open });
  }

  const page = (session) => (session.browser?.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined);

  return [
    {
      name: 'citopia-open311',
      async serverStart() {
        tmp = mkdtempSync(join(tmpdir(), 'citopia-open311-'));
        main = await start({ port: 0, dataDir: join(tmp, 'main') });
        servers.set(main.url, main);
      },
      async serverStop() {
        await Promise.all([...servers.values(), ...relays].map((s) => s.close()));
        servers.clear();
        if (tmp) rmSync(tmp, { recursive: true, force: true });
      },
      async executeCommand({ command, payload, session }) {
        switch (command) {
          case 'open311-url':
            return { url: main.url };
          case 'open311-start': {
            const { dataDir, ...options } = payload ?? {};
            const server = await start({ port: 0, ...options, dataDir: dataDir ?? join(tmp, `server-${++counter}`) });
            servers.set(server.url, server);
            return { url: server.url, port: server.port, dataDir: server.dataDir };
          }
          case 'open311-relay': {
            const relay = await startRelay({ ...payload, dataDir: join(tmp, `relay-${++counter}`) });
            relays.push(relay);
            return { url: relay.url };
          }
          case 'open311-stop': {
            const server = target(payload);
            await server.close();
            servers.delete(server.url);
            return { port: server.port, dataDir: server.dataDir };
          }
          case 'open311-faults':
            return target(payload).setFaults(payload?.faults ?? {});
          case 'open311-options':
            return target(payload).setOptions(payload?.options ?? {});
          case 'open311-requests':
            return target(payload).requests();
          case 'open311-status': {
            const response = await fetch(`${target(payload).url}/__admin/requests/${encodeURIComponent(payload.id)}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ status: payload.status, status_notes: payload.status_notes }),
            });
            return response.json();
          }
          case 'open311-reset':
            target(payload).reset();
            return true;
          case 'citopia-network': {
            const p = page(session);
            if (!p) return { supported: false };
            try {
              await network(p, Boolean(payload?.offline), payload?.urlPattern ?? 'http://127.0.0.1:*/*');
            } catch {
              return { supported: false }; // a browser without these DevTools commands (Firefox over BiDi)
            }
            return { supported: true };
          }
          case 'citopia-geolocation': {
            const p = page(session);
            if (!p) return { supported: false };
            const origin = new URL(p.url()).origin;
            try {
              const state = payload?.deny ? 'denied' : 'granted';
              await p.browserContext().setPermission(origin, { permission: { name: 'geolocation' }, state });
              if (!payload?.deny) await p.setGeolocation({ latitude: payload.latitude, longitude: payload.longitude, accuracy: payload.accuracy ?? 10 });
            } catch {
              return { supported: false };
            }
            return { supported: true };
          }
          default:
            return undefined;
        }
      },
    },
  ];
}

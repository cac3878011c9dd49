// `npm run bench`: 200 submissions against the real Open311 server (started in-process) with 30 %
// of HTTP requests failing (500, 503 and 429 with Retry-After, connections dropped before or
// AFTER the request is stored, answers slower than the client's timeout), sent through the very
// outbox, adapters and idempotency logic the component uses (imported from dist/). Counts what
// the server ends up with: delivered, duplicated, lost. Targets: 200, 0, 0.
//
// A control row sends the same way without an idempotency key, to show what the key prevents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSafeStorage } from '@citopia/core/storage';
import { start } from '../../open311-server/server.mjs';
import { Outbox } from '../dist/outbox.js';
import { deliver, isRetryable, retryAfterOf } from '../dist/deliver.js';
import { emptyAnswers, toJsonBody, toOpen311Body } from '../dist/answers.js';

const SUBMISSIONS = 200;
const DEVICES = 20;
const FAULTS = { failureRate: 0.3, seed: 2025, kinds: ['500', '503', '429', 'drop', 'drop-after', 'slow'], retryAfter: 1, slow: 1500 };
const CLIENT_TIMEOUT = 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const definition = {
  code: 'DECHETS-SAUV',
  attributes: [
    { code: 'TYPES', datatype: 'multivaluelist', required: true, variable: true, order: 1, description: '', hint: '', values: [] },
    { code: 'VOLUME', datatype: 'number', required: true, variable: true, order: 2, description: '', hint: '', values: [] },
  ],
};

function answers(n) {
  return {
    ...emptyAnswers(),
    service: 'DECHETS-SAUV',
    attrs: { TYPES: ['sacs'], VOLUME: String(1 + (n % 9)) },
    description: `Bench submission #${n}: bags left by the path.`,
    address: `Chemin des Vignes ${n}`,
    answer: 'none',
  };
}

/** One device: its own storage and outbox; sends its submissions one after the other, like a person. */
async function runDevice(device, numbers, server, mode, stats) {
  const storage = createSafeStorage(`bench-${device}:`, () => undefined);
  const confirmed = new Map();
  const outbox = new Outbox(storage, 'outbox', {
    send: (item) => {
      stats.attempts++;
      return deliver(item, CLIENT_TIMEOUT);
    },
    retryable: isRetryable,
    retryAfter: retryAfterOf,
    onSent: (item, receipt) => confirmed.set(item.key, receipt.id),
    onRejected: (item, error) => stats.rejected.push(`${item.key}: ${error.message}`),
    baseDelay: 50,
    maxDelay: 2000,
  });
  for (const n of numbers) {
    const key = `${mode}-${n}-${device}`;
    const ctx = { key, language: 'fr' };
    const json = mode === 'json';
    let body = json ? toJsonBody(answers(n), definition, ctx) : toOpen311Body(answers(n), definition, ctx);
    if (mode === 'no-key') body = body.replace(/&x_idempotency_key=[^&]*/, '');
    outbox.add({ key, adapter: json ? 'json' : 'open311', format: 'json', url: json ? `${server.url}/api/requests` : `${server.url}/requests.json`, body, createdAt: Date.now() });
    await outbox.flush(true);
    while (outbox.items.length) {
      outbox.stop(); // the loop waits instead of the outbox's own timer
      await sleep(Math.max(0, Math.min(...outbox.items.map((i) => i.nextAt)) - Date.now()));
      await outbox.flush();
    }
    outbox.stop();
    stats.submitted.set(key, { n, id: confirmed.get(key) });
  }
}

async function run(mode) {
  const dataDir = mkdtempSync(join(tmpdir(), 'citopia-bench-'));
  const server = await start({ port: 0, dataDir, faults: FAULTS });
  const stats = { attempts: 0, rejected: [], submitted: new Map() };
  const began = performance.now();
  try {
    const perDevice = Array.from({ length: DEVICES }, (_, d) => Array.from({ length: SUBMISSIONS / DEVICES }, (_, i) => d * (SUBMISSIONS / DEVICES) + i + 1));
    await Promise.all(perDevice.map((numbers, d) => runDevice(d, numbers, server, mode, stats)));
    // A "slow" request may still be in the server's hands: let it land before counting.
    await sleep(FAULTS.slow + 200);
    const stored = server.requests();
    const byNumber = new Map();
    for (const request of stored) {
      const n = Number(/#(\d+):/.exec(request.description)?.[1]);
      byNumber.set(n, [...(byNumber.get(n) ?? []), request]);
    }
    let delivered = 0;
    let duplicated = 0;
    let lost = 0;
    let mismatched = 0;
    for (const { n, id } of stats.submitted.values()) {
      const copies = byNumber.get(n) ?? [];
      if (copies.length === 0) lost++;
      else delivered++;
      duplicated += Math.max(0, copies.length - 1);
      if (!copies.some((r) => r.service_request_id === id)) mismatched++;
    }
    return { mode, submitted: stats.submitted.size, attempts: stats.attempts, injected: server.faults().injected, delivered, duplicated, lost, mismatched, rejected: stats.rejected.length, seconds: (performance.now() - began) / 1000 };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function bench() {
  console.log(`assistance-request outbox: ${SUBMISSIONS} submissions from ${DEVICES} devices, ${FAULTS.failureRate * 100} % of HTTP requests failing (seed ${FAULTS.seed}; ${FAULTS.kinds.join(', ')}; Retry-After ${FAULTS.retryAfter} s; client timeout ${CLIENT_TIMEOUT} ms)`);
  const rows = [];
  for (const mode of ['open311', 'json', 'no-key']) rows.push(await run(mode));
  const label = { open311: 'Open311 form post + x_idempotency_key', json: 'JSON adapter + Idempotency-Key', 'no-key': 'control: the same, without the key' };
  console.log(`\n  ${'adapter'.padEnd(40)} ${'submitted'.padStart(9)} ${'HTTP tries'.padStart(10)} ${'delivered'.padStart(9)} ${'duplicated'.padStart(10)} ${'lost'.padStart(5)} ${'wrong id'.padStart(8)} ${'time'.padStart(7)}  faults injected`);
  for (const r of rows) {
    const faults = Object.entries(r.injected).map(([k, v]) => `${k}:${v}`).join(' ');
    console.log(`  ${label[r.mode].padEnd(40)} ${String(r.submitted).padStart(9)} ${String(r.attempts).padStart(10)} ${String(r.delivered).padStart(9)} ${String(r.duplicated).padStart(10)} ${String(r.lost).padStart(5)} ${String(r.mismatched).padStart(8)} ${`${r.seconds.toFixed(1)} s`.padStart(7)}  ${faults}`);
  }
  const ok = rows.filter((r) => r.mode !== 'no-key').every((r) => r.delivered === SUBMISSIONS && r.duplicated === 0 && r.lost === 0 && r.mismatched === 0);
  console.log(`\n  targets (with a key): delivered ${SUBMISSIONS}, duplicated 0, lost 0 — ${ok ? 'met' : 'NOT MET'}`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();

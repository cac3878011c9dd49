#!/usr/bin/env node
// citopia-open311 [--port 8311] [--data-dir ./open311-data] [--config city.json] [--xml-only]
//   [--token-mode] [--token-delay ms] [--api-key KEY] [--failure-rate 0.3] [--seed 42]
//   [--fault-kinds 503,drop,drop-after] [--latency ms] [--retry-after s] [--no-admin]
import { parseArgs } from 'node:util';
import { start } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8311' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: './open311-data' },
    config: { type: 'string' },
    'xml-only': { type: 'boolean', default: false },
    'token-mode': { type: 'boolean', default: false },
    'token-delay': { type: 'string', default: '0' },
    'api-key': { type: 'string' },
    'failure-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'fault-kinds': { type: 'string' },
    latency: { type: 'string', default: '0' },
    'retry-after': { type: 'string', default: '1' },
    'no-admin': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('citopia-open311: a local Open311 GeoReport v2 server. See README.md for every option.');
  process.exit(0);
}
const server = await start({
  port: Number(values.port),
  host: values.host,
  dataDir: values['data-dir'],
  config: values.config,
  formats: values['xml-only'] ? ['xml'] : ['json', 'xml'],
  tokenMode: values['token-mode'],
  tokenDelay: Number(values['token-delay']),
  apiKey: values['api-key'],
  admin: !values['no-admin'],
  faults: {
    failureRate: Number(values['failure-rate']),
    seed: Number(values.seed),
    latency: Number(values.latency),
    retryAfter: Number(values['retry-after']),
    ...(values['fault-kinds'] ? { kinds: values['fault-kinds'].split(',') } : {}),
  },
});
console.log(`Open311 server on ${server.url} (discovery: ${server.url}/discovery.${values['xml-only'] ? 'xml' : 'json'}); Ctrl+C to stop`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `npm start` runs this beside the demo page (scripts/start.mjs reads "citopia.devServer" in
// package.json): the Ville de Démo configuration, requests kept in .data/dev/ between runs.
import { fileURLToPath } from 'node:url';
import { start as startServer } from './server.mjs';

const dataDir = fileURLToPath(new URL('./.data/dev/', import.meta.url));

/** Starts the development Open311 server on `port` (0 for a free one); resolves with { url, close, … }. */
export async function start({ port = 0, ...options } = {}) {
  const server = await startServer({ port, dataDir, ...options }).catch((error) => {
    // The port is taken (another demo running?): take any free port rather than fail.
    if (error.code === 'EADDRINUSE' && port !== 0) return startServer({ port: 0, dataDir, ...options });
    throw error;
  });
  console.log(`Open311 (GeoReport v2) server: ${server.url}/discovery.json, requests kept in ${options.dataDir ?? dataDir}`);
  return server;
}

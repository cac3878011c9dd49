#!/usr/bin/env node
// `npm start`: builds the packages, then serves the demo city page and the local development
// servers (see demo-server.mjs), and prints their addresses.
import { execSync } from 'node:child_process';
import { startDemo } from './demo-server.mjs';

if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { stdio: 'inherit' });
const { url, services } = await startDemo({ port: Number(process.env.PORT ?? 8000) });
for (const [name, address] of Object.entries(services)) console.log(`${name}: ${address}`);
console.log(`\nCitopia demo city page: ${url}/\n(Ctrl+C to stop)`);

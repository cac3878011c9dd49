// npm packs a workspace's own LICENSE only: copy the root licence into each package.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
for (const name of readdirSync('packages')) if (existsSync(join('packages', name, 'package.json'))) copyFileSync('LICENSE', join('packages', name, 'LICENSE'));

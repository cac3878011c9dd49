// Completes docs-static/ (the Storybook build) with what a city hosts beside it: the Markdown
// sources, the JSON Schemas, the demo page and the CDN build it uses.
import { cpSync, existsSync } from 'node:fs';
cpSync('docs', 'docs-static/docs', { recursive: true });
if (existsSync('packages/all/cdn')) cpSync('packages/all/cdn', 'docs-static/assets/citopia/cdn', { recursive: true });
console.log('docs-static/: Storybook with the guides and API pages, docs/, assets/citopia/cdn/');

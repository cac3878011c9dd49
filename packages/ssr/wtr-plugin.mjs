// Test-server command `citopia-ssr-render`: renders a component fixture in Node with
// @lit-labs/ssr (from the built packages) and returns the HTML, for the hydration tests.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export default function ssrPlugins() {
  return [
    {
      name: 'citopia-ssr',
      serverStart() {
        // A component's async work failing during server rendering must fail its test, not end
        // the whole test server.
        process.on('unhandledRejection', (error) => console.error('[citopia-ssr] unhandled rejection during server rendering:', error));
      },
      async executeCommand({ command, payload }) {
        if (command !== 'citopia-ssr-render') return undefined;
        const ssrModule = resolve('packages/ssr/dist/index.js');
        const fixturesModule = resolve('packages', payload.pkg, 'dist/fixtures.js');
        if (!existsSync(ssrModule) || !existsSync(fixturesModule)) throw new Error('build the packages first (npm run build)');
        const { renderToString } = await import(pathToFileURL(ssrModule).href);
        const { fixtures } = await import(pathToFileURL(fixturesModule).href);
        const fixture = fixtures.fixtures.find((f) => f.name === payload.fixture);
        if (!fixture) throw new Error(`no fixture ${payload.fixture} in ${payload.pkg}`);
        // Data a fixture loads by URL in the browser is given as properties here, as a server would.
        return renderToString({ tag: fixtures.tag, attributes: { ...fixture.attributes, ...payload.attributes }, properties: { ...fixture.properties, ...payload.properties }, content: fixture.content }, { lang: payload.lang });
      },
    },
  ];
}

// Test-server command `ar-unreachable-module` { key, path, times }: the next `times` requests
// for `path` from pages carrying the cookie `ar-unreachable=<key>` answer 503, as a chunk that
// cannot be fetched (offline, a server fault). The cookie keeps the failure to the one test page
// that asked for it: other test files, running meanwhile, load the same module normally.

/** The modules the component loads with import(): never cached, so that a page whose test makes one unreachable asks the server for it (test pages may share the browser's cache). */
const LAZY = new Set(['/packages/assistance-request/src/steps', '/packages/assistance-request/src/open311-xml']);

/** The dev server answers `x.js` and `x.ts` alike (TypeScript sources compiled on the fly). */
const withoutExtension = (path) => path.replace(/\.(js|ts)$/, '');

export default function unreachableModulePlugins() {
  const failing = new Map();
  return [
    {
      name: 'citopia-ar-unreachable-module',
      middleware: async (ctx, next) => {
        const path = withoutExtension(ctx.path);
        if (!LAZY.has(path)) return next();
        const key = /(?:^|;\s*)ar-unreachable=([\w-]+)/.exec(ctx.get('cookie') ?? '')?.[1];
        const rule = key && failing.get(key);
        if (rule && rule.times > 0 && path === withoutExtension(rule.path)) {
          rule.times--;
          ctx.status = 503;
          ctx.type = 'text/plain';
          ctx.body = 'unavailable';
        } else {
          await next();
        }
        ctx.set('Cache-Control', 'no-store');
      },
      async executeCommand({ command, payload, session }) {
        if (command !== 'ar-unreachable-module') return undefined;
        failing.set(payload.key, { path: payload.path, times: payload.times ?? 1 });
        // Chromium's test pages share one HTTP cache: this page must ask the server, not reuse
        // what another page fetched. (Firefox runs each test file in its own profile.)
        const page = session.browser?.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
        await page?.setCacheEnabled(false).catch(() => {});
        return true;
      },
    },
  ];
}

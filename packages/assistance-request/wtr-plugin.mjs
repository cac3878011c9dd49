// Test-server command `ar-unreachable-module` { key, path, times }: the next `times` requests
// for `path` from pages carrying the cookie `ar-unreachable=<key>` answer 503, as a chunk that
// cannot be fetched (offline, a server fault). The cookie keeps the failure to the one test page
// that asked for it: other test files, running meanwhile in their own browser contexts, load
// the same module normally.
/** The dev server answers `x.js` and `x.ts` alike (TypeScript sources compiled on the fly). */
const withoutExtension = (path) => path.replace(/\.(js|ts)$/, '');

export default function unreachableModulePlugins() {
  const failing = new Map();
  return [
    {
      name: 'citopia-ar-unreachable-module',
      middleware: async (ctx, next) => {
        const key = /(?:^|;\s*)ar-unreachable=([\w-]+)/.exec(ctx.get('cookie') ?? '')?.[1];
        const rule = key && failing.get(key);
        if (rule && rule.times > 0 && withoutExtension(ctx.path) === withoutExtension(rule.path)) {
          rule.times--;
          ctx.status = 503;
          ctx.set('Cache-Control', 'no-store');
          ctx.type = 'text/plain';
          ctx.body = 'unavailable';
          return;
        }
        return next();
      },
      executeCommand({ command, payload }) {
        if (command !== 'ar-unreachable-module') return undefined;
        failing.set(payload.key, { path: payload.path, times: payload.times ?? 1 });
        return true;
      },
    },
  ];
}

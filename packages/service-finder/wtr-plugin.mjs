// Test-server command `citopia-finder-fail-chunk`: the next `times` requests for a module whose
// path contains `path` (a lazily loaded chunk of the finder) are answered 503, as a dropped
// connection or an offline device would leave them; the ones after are served. Used by
// test/lazy.test.ts to check that a chunk that fails to load is said, with "Try again".
const failing = new Map();

export default function finderPlugins() {
  return [
    {
      name: 'citopia-finder-fail-chunk',
      middleware(ctx, next) {
        for (const [path, left] of failing) {
          if (left > 0 && ctx.path.includes(path)) {
            failing.set(path, left - 1);
            ctx.status = 503;
            ctx.set('Cache-Control', 'no-store');
            ctx.body = 'unavailable';
            return undefined;
          }
        }
        return next();
      },
      executeCommand({ command, payload }) {
        if (command !== 'citopia-finder-fail-chunk') return undefined;
        failing.set(payload.path, payload.times);
        return true;
      },
    },
  ];
}

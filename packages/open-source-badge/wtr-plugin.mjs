// Test server: the badge's lazily loaded chunks (src/read-file.ts, src/details.ts) made slow or
// failing for the one test page that asks, by a cookie `citopia-badge-<chunk>=fail|delay-<ms>`
// (each test page has its own cookie jar), so that test/lazy-reader.test.ts can watch the badge
// while a chunk is on its way, and offline-like when it cannot arrive. Other pages get them as usual.
export default function badgeChunkPlugins() {
  return [
    {
      name: 'citopia-badge-chunks',
      middleware: async (ctx, next) => {
        const chunk = /\/open-source-badge\/src\/(read-file|details)\.(?:ts|js)$/.exec(ctx.path)?.[1];
        if (!chunk) return next();
        const fault = ctx.cookies.get(`citopia-badge-${chunk}`) ?? '';
        const delay = /^delay-(\d+)$/.exec(fault);
        if (fault === 'fail') {
          ctx.status = 503;
          ctx.type = 'text/plain';
          ctx.body = 'chunk unavailable';
        } else {
          if (delay) await new Promise((r) => setTimeout(r, Math.min(Number(delay[1]), 5000)));
          await next();
        }
        // Never cached, neither the failure nor the chunk: the test pages share the browser's
        // HTTP cache, and a page whose cookie asks for a fault must reach this server. (The test
        // runner marks a path with a file extension cacheable for a year once the answer is
        // made, unless the path it reads then has none.)
        ctx.path = '/__test/badge-chunk';
        ctx.set('Cache-Control', 'no-store');
        return undefined;
      },
    },
  ];
}

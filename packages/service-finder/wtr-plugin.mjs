// Test-server middleware: a page that sets the cookie `citopia-fail-chunk=<name>` gets 503 for
// every module request whose path contains <name> (a lazily loaded chunk of the finder), as a
// dropped connection or an offline device would leave it. A cookie, not server-side state: each
// test file runs in its own browser context (Chromium) or process (Firefox), so a file that
// fails a chunk never fails it for another file running at the same time. Used by
// test/lazy-results.test.ts.
const COOKIE = /(?:^|;\s*)citopia-fail-chunk=([\w-]+)/;
/** The finder's lazily loaded modules. */
const LAZY = /\/service-finder\/src\/(?:result-view|search\/search-index|extras)\.(?:ts|js)$/;

export default function finderPlugins() {
  return [
    {
      name: 'citopia-finder-fail-chunk',
      async middleware(ctx, next) {
        const chunk = COOKIE.exec(ctx.get('cookie'))?.[1];
        if (chunk && ctx.path.includes(chunk)) {
          ctx.status = 503;
          ctx.set('Cache-Control', 'no-store');
          ctx.body = 'unavailable';
          return;
        }
        const lazy = LAZY.test(ctx.path);
        await next();
        if (lazy) {
          // Never cached for anyone: Chromium's test pages share the HTTP cache, and a page whose
          // cookie fails a chunk must reach this server. (The test runner marks a path with a
          // file extension cacheable for a year, unless the path it reads then has none.)
          ctx.path = '/__test/finder-chunk';
          ctx.set('Cache-Control', 'no-store');
        }
      },
    },
  ];
}

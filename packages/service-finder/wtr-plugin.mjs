// Test-server middleware: a page that sets the cookie `citopia-fail-chunk=<name>` gets 503 for
// every module request whose path contains <name> (a lazily loaded chunk of the finder), as a
// dropped connection or an offline device would leave it. A cookie, not server-side state: each
// test file runs in its own browser context (Chromium) or process (Firefox), so a file that
// fails a chunk never fails it for another file running at the same time. Used by
// test/lazy-results.test.ts.
const COOKIE = /(?:^|;\s*)citopia-fail-chunk=([\w-]+)/;

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
        await next();
      },
      // `finder-no-cache`: this page asks the server for every file, not Chromium's HTTP cache,
      // which the test pages share (another page may have fetched the chunk this one fails).
      async executeCommand({ command, session }) {
        if (command !== 'finder-no-cache') return undefined;
        const page = session.browser?.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
        await page?.setCacheEnabled(false).catch(() => {});
        return true;
      },
    },
  ];
}

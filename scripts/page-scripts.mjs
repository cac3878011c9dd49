// What a page in Chromium (playwright-core) downloaded, from the browser's own resource timing:
// shared by the footprint and autoloader tests and the footprint bench, so they count alike.

/** A Citopia script: the umbrella's CDN files, as the demo server maps them (/assets/citopia/). */
export const isCitopiaScript = (path) => path.startsWith('/assets/citopia/') && path.endsWith('.js');

/** Every resource the page fetched: path, gzipped body (encodedBodySize), bytes on the wire, unzipped. */
export const resources = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, body: e.encodedBodySize, transfer: e.transferSize, decoded: e.decodedBodySize })),
  );

/** The Citopia scripts the page fetched so far. */
export const citopiaScripts = async (page) => (await resources(page)).filter((e) => isCitopiaScript(e.name));

/** Opens `url` and waits until every tag of `tags` is defined and the network is quiet again. */
export async function openSettled(page, url, tags) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction((list) => list.every((t) => customElements.get(t)), tags);
  await page.waitForLoadState('networkidle');
}

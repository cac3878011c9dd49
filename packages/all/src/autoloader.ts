/**
 * `citopia/autoloader` (CDN: `cdn/autoloader.js`): defines each Citopia tag from its own chunk
 * when the tag first appears on the page, as Web Awesome's autoloader does. A page with only the
 * privacy notice downloads Lit, core and the notice, not the other components. Tags are found at
 * start and whenever nodes are added (including tags put in later by a framework).
 *
 * Until its chunk arrives a tag is an unknown element: what the city wrote inside it (the finder's
 * list of links, say) stays visible, so a failed download (offline) loses nothing; it is tried
 * again when the browser comes back online.
 */
import { chunkLoader } from '@citopia/core/chunk';

// What every component shares, in this file rather than in small chunks shared between them, so
// that a page loads this file, one chunk per component it uses and one translation chunk.
export * from '@citopia/core';
export * from '@citopia/core/format';
export * from '@citopia/core/i18n';
export * from '@citopia/core/styles';
export * from '@citopia/core/fetch';
export * from '@citopia/core/storage';
export * from '@citopia/core/safe-url';
export * from '@citopia/core/language-map';
export * from '@citopia/core/chunk';
// The Lit parts that more than one component uses, for the same reason.
export { msg, str } from '@lit/localize';
export { isServer } from 'lit';
export { property, state } from 'lit/decorators.js';
export { ifDefined } from 'lit/directives/if-defined.js';

// chunkLoader: a chunk that failed is asked for again under a new address (browsers keep a
// failed module fetch).
const loaders: Record<string, () => Promise<unknown>> = {
  'citopia-service-finder': chunkLoader(() => import('@citopia/service-finder')),
  'citopia-assistance-request': chunkLoader(() => import('@citopia/assistance-request')),
  'citopia-privacy-notice': chunkLoader(() => import('@citopia/privacy-notice')),
  'citopia-open-source-badge': chunkLoader(() => import('@citopia/open-source-badge')),
};

const loading = new Map<string, Promise<unknown>>();

/** Loads the chunk of one tag, once; forgets a failed attempt so that a later one can succeed. */
function load(tag: string): Promise<unknown> {
  let pending = loading.get(tag);
  if (!pending) {
    pending = loaders[tag]().catch((error: unknown) => {
      loading.delete(tag);
      console.warn(`[citopia] <${tag}> could not be loaded; its content stays as written.`, error);
    });
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads every Citopia tag in `root` (itself included) that is not defined yet. */
export function discover(root: ParentNode & Node): Promise<unknown[]> {
  const tags = new Set<string>();
  const consider = (el: Element) => {
    const tag = el.localName;
    if (tag in loaders && !customElements.get(tag)) tags.add(tag);
  };
  if (root instanceof Element) consider(root);
  root.querySelectorAll(':not(:defined)').forEach(consider);
  return Promise.all([...tags].map(load));
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  void discover(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
  }).observe(document, { childList: true, subtree: true });
  addEventListener('online', () => void discover(document));
}

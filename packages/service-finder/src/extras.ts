/**
 * What the finder loads when it starts but keeps out of its entry: the offline copy, several
 * sources, what it says about them, the URL state, the readers of catalogue formats other than
 * a `services` property in our own (JSON text, Open311, JSON-LD; sources.ts needs them too). One module, so a CDN page fetches them in one
 * request (a few hundred bytes more for a page that needs only some of them, several round trips
 * fewer on a slow network).
 */
export * as offlineCopy from './catalogue/offline-copy.js';
export * as sources from './catalogue/sources.js';
export * as sourcesView from './sources-view.js';
export * as urlState from './url-state.js';
export * as read from './catalogue/read.js';

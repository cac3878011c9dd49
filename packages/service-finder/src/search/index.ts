/**
 * @citopia/service-finder/search: the service finder's search, usable on its own in Node and
 * the browser. Build an index once from a catalogue, then query it with the page language:
 *
 * ```js
 * import { SearchIndex, matchRanges } from '@citopia/service-finder/search';
 * const index = new SearchIndex(services, (s) => ({ name: s.name, keywords: s.keywords, description: s.description }));
 * const { hits, total, tokens } = index.search('permis de constr', { language: 'fr', limit: 20 });
 * matchRanges('Permis de construire', tokens); // [[0, 6], [7, 9], [10, 20]]
 * ```
 */
export { suggest } from './suggest.js';
export { SearchIndex, matchRanges, type SearchDocument, type SearchHit, type SearchIndexOptions, type SearchOptions, type SearchResult, type SearchText } from './search-index.js';
export { normalize, queryTokens, indexTerms, STOP_WORDS, type QueryToken } from './normalize.js';
export { allowedEdits, editDistance } from './fuzzy.js';

export { fetchWithTimeout, fetchText, fetchJson, parseRetryAfter, FetchError, type FetchErrorKind, type FetchOptions } from './fetch.js';
export { describeLoadError } from './error-messages.js';

/** The search in the page URL (`sync-url`): `?q=permis&category=construction&audience=entreprises`. */
export interface SearchState {
  query: string;
  category: string;
  audience: string;
}

const KEYS: Record<keyof SearchState, string> = { query: 'q', category: 'category', audience: 'audience' };

export function readUrlState(url = location.href): SearchState {
  const params = new URL(url).searchParams;
  return { query: params.get(KEYS.query) ?? '', category: params.get(KEYS.category) ?? '', audience: params.get(KEYS.audience) ?? '' };
}

/** Pushes a history entry for the state, unless the URL already says it. */
export function pushUrlState(state: SearchState): void {
  const url = new URL(location.href);
  for (const [key, param] of Object.entries(KEYS) as Array<[keyof SearchState, string]>) {
    if (state[key]) url.searchParams.set(param, state[key]);
    else url.searchParams.delete(param);
  }
  if (url.href !== location.href) history.pushState(history.state, '', url);
}

/**
 * "Did you mean": queries close to what was typed, built from the catalogue's own words, that
 * do find something. Kept apart from the index (only the no-result page needs it).
 */
import { fuzzyWalk } from './fuzzy.js';
import { normalize, queryTokens, STOP_WORDS, type QueryToken } from './normalize.js';
import { eachText, HYPHENS, segments, type SearchIndex, type SearchOptions } from './search-index.js';

/**
 * Up to `max` (3) suggestions, best first. Unknown words are replaced by the nearest known
 * ones (up to a third of their letters may differ); when every word is known but not all
 * together, the query without one of them is proposed.
 */
export function suggest<T>(index: SearchIndex<T>, query: string, options: SearchOptions<T> & { max?: number } = {}): string[] {
  const tokens = queryTokens(query);
  const max = options.max ?? 3;
  const found: Array<{ text: string; rank: number }> = [];
  const required = tokens.filter((t) => !t.optional);
  const tryQuery = (text: string, rank: number) => {
    text = text.replace(/\s+/g, ' ').trim();
    if (!text || found.some((f) => f.text === text)) return;
    const { total } = index.search(text, { ...options, limit: 0 });
    if (total > 0) found.push({ text, rank: rank - total / 1e6 });
  };
  const replace = (token: QueryToken, by: string) => query.slice(0, token.from) + by + query.slice(token.to);
  const frequency = (term: number) => index.start[term + 1]! - index.start[term]!;
  // A few words are enough to suggest from (and keep a pasted paragraph cheap).
  for (const token of required.slice(0, 6)) {
    const candidates: Array<{ term: number; distance: number }> = [];
    const edits = Math.min(3, Math.ceil(token.text.length / 3));
    fuzzyWalk(token.text, edits, index.terms, index.lcp, (term, distance) => {
      const word = index.terms[term]!;
      if (distance > 0 && word.length > 2 && !STOP_WORDS.has(word)) candidates.push({ term, distance });
    });
    candidates
      .sort((a, b) => a.distance - b.distance || frequency(b.term) - frequency(a.term))
      .slice(0, max)
      .forEach(({ term, distance }) => {
        // "Piscine" at the start of a name, but the person typed in lower case: "piscine".
        const word = display(index, term);
        const typed = query.slice(token.from, token.to);
        tryQuery(replace(token, typed === typed.toLowerCase() && word.slice(1) === word.slice(1).toLowerCase() ? word.toLowerCase() : word), distance);
      });
    if (required.length > 1) tryQuery(replace(token, ''), 10);
  }
  return found
    .sort((a, b) => a.rank - b.rank)
    .slice(0, max)
    .map((f) => f.text);
}

/** A term as people write it (with its accents), taken from the first text that contains it. */
function display<T>(index: SearchIndex<T>, term: number): string {
  const wanted = index.terms[term]!;
  const d = index.read(index.items[index.postings[index.start[term]!]! >>> 10]!);
  let shown: string | undefined;
  eachText([d.name, d.keywords, d.description, d.extra], (text) => {
    for (const segment of segments(text)) {
      for (const [from, to] of shown ? [] : [segment.span, ...segment.parts]) {
        const word = text.slice(from, to);
        if (normalize(word).replace(HYPHENS, '') === wanted) shown = word;
      }
    }
  });
  return shown ?? wanted;
}

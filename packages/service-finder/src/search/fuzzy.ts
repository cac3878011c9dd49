/**
 * Typo tolerance: the optimal-string-alignment form of the Damerau–Levenshtein distance (an
 * insertion, deletion, substitution or swap of two neighbours counts as one edit), bounded so
 * that work stops as soon as the bound is exceeded.
 */

/** Edits allowed for a query word of this length: none up to 3 letters, 1 up to 6, then 2. */
export function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/**
 * The distance between a and b, or max + 1 when it is larger than max (or b is longer than 64
 * letters: words, not texts). One walk over a one-word list, to share the code of fuzzyWalk.
 */
export function editDistance(a: string, b: string, max: number): number {
  // It runs for every word of every result shown (matchRanges) on each key press: words whose
  // lengths alone rule them out cost nothing, and the rows are as deep as b, not MAX_DEPTH.
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let distance = max + 1;
  fuzzyWalk(a, max, [b], new Uint8Array(1), (_, d) => (distance = d), Math.min(b.length, MAX_DEPTH));
  return distance;
}

const MAX_DEPTH = 64;

/**
 * Every term of `terms` (sorted) within `max` edits of `query`. The sorted array with its
 * common-prefix lengths (`lcp[i]`: letters term i shares with term i-1) is walked as an implicit
 * trie: the distance rows of a shared prefix are computed once, and a prefix whose row already
 * exceeds `max` skips every term below it. Calls `found(termIndex, distance)`. Terms are read
 * to `deepest` letters at most.
 *
 * Only the band of cells within `max` of the diagonal is computed: a cell further away is more
 * than `max` edits anyway, and the never-written cells hold max + 1 (Ukkonen's cut-off).
 */
export function fuzzyWalk(query: string, max: number, terms: readonly string[], lcp: Uint8Array, found: (term: number, distance: number) => void, deepest = MAX_DEPTH): void {
  const m = query.length;
  const width = m + 1;
  const rows = new Int32Array((deepest + 1) * width).fill(max + 1);
  const path = new Int32Array(deepest + 1);
  const q = new Int32Array(m);
  for (let j = 0; j < m; j++) q[j] = query.charCodeAt(j);
  for (let j = 0; j <= m; j++) rows[j] = j;
  let valid = 0; // rows 0..valid describe the prefix of the last term walked
  const count = terms.length;
  let i = 0;
  while (i < count) {
    const term = terms[i]!;
    const length = Math.min(term.length, deepest);
    let depth = Math.min(lcp[i]!, valid);
    let prunedAt = 0;
    while (depth < length) {
      depth++;
      const c = term.charCodeAt(depth - 1);
      path[depth] = c;
      const row = depth * width;
      const up = row - width;
      rows[row] = depth;
      let rowMin = depth;
      const last = Math.min(m, depth + max);
      for (let j = Math.max(1, depth - max); j <= last; j++) {
        let d = rows[up + j]! + 1;
        const left = rows[row + j - 1]! + 1;
        if (left < d) d = left;
        const diagonal = rows[up + j - 1]! + (q[j - 1] === c ? 0 : 1);
        if (diagonal < d) d = diagonal;
        if (depth > 1 && j > 1 && c === q[j - 2] && path[depth - 1] === q[j - 1]) {
          const swap = rows[up - width + j - 2]! + 1;
          if (swap < d) d = swap;
        }
        rows[row + j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > max) {
        prunedAt = depth;
        break;
      }
    }
    if (prunedAt) {
      valid = prunedAt - 1;
      i++;
      while (i < count && lcp[i]! >= prunedAt) i++;
      continue;
    }
    valid = length;
    if (term.length <= deepest) {
      const distance = rows[length * width + m]!;
      if (distance <= max) found(i, distance);
    }
    i++;
  }
}

/**
 * Text normalisation shared by the index and the queries, so that "État", "etat" and "ETAT"
 * are one word, and so are "Straße"/"strasse", "œuvre"/"oeuvre", "Ærø"/"aero".
 */

/** Letters that compatibility decomposition leaves alone but people spell out. */
const FOLD: Record<string, string> = {
  ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n', ſ: 's', ς: 'σ',
  // Arabic: the letter forms that people type interchangeably.
  ٱ: 'ا', ة: 'ه', ى: 'ي', ـ: '',
};
const FOLD_RE = /[ßœæøđðþłıħŧŋſςٱةىـ]/g;
/**
 * Combining marks of the scripts where they are accents or vowel signs that people leave out:
 * Latin, Greek, Cyrillic (U+0300–036F and the extended blocks), Hebrew points, Arabic harakat.
 * Not the vowel signs of Indic scripts, which change the word.
 */
const MARKS = /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Lower case, no accents (é→e), no ligatures (ß→ss, œ→oe, æ→ae), compatibility forms unfolded (ﬁ→fi). */
export function normalize(text: string): string {
  const lower = text.normalize('NFKD').toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(MARKS, '').replace(FOLD_RE, (c) => FOLD[c]!) : lower;
}
const NON_ASCII = /[^\0-\x7f]/;

/**
 * A word group: letters and digits joined by apostrophes or hyphens ("l'état", "Bau-Gesuch").
 * Marks are part of words so that decomposed accents do not split them.
 */
export const WORD_GROUP = /[\p{L}\p{N}\p{M}]+(?:['’ʼ‐‑-][\p{L}\p{N}\p{M}]+)*/gu;
export const APOSTROPHE = /['’ʼ]/;
export const HYPHEN = /[‐‑-]/;

/**
 * Words that carry no meaning on their own in fr, de, it and en. In a query they are optional:
 * they add to the score when found but never exclude a service ("permis de construire").
 */
export const STOP_WORDS = new Set(
  (
    'a an and for in of on or the to my ' +
    'au aux d de des du en et l la le les ou par pour qu sur un une ' +
    'am dem den der des die das ein eine fur im mit oder und von zu zum zur ' +
    'al all alla del dell della delle dei di e gli i il lo nel nell per una'
  ).split(' '),
);

/**
 * The index terms of a text, already normalised: every word, and for hyphenated groups also the
 * joined form ("bau-gesuch" gives bau, gesuch and baugesuch), so that a query for "Baugesuch"
 * finds "Bau-Gesuch" and the other way round. Apostrophes only separate ("l'état": l, etat).
 */
export function indexTerms(normalized: string, emit: (term: string) => void): void {
  for (const chunk of normalized.split(NOT_WORD)) {
    // Most words have no apostrophe or hyphen: the fast path.
    if (!CONNECTOR.test(chunk)) {
      if (chunk) emit(chunk);
      continue;
    }
    for (const [group] of chunk.matchAll(WORD_GROUP)) indexGroup(group, emit);
  }
}
// Letters and digits of a normalised text, as plain ranges (much faster than \p{L} on large
// catalogues): ASCII, then everything from Latin-1 letters on except punctuation blocks and the
// Arabic comma, semicolon and question mark.
const NOT_WORD = /[^a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u1fff\u2c00-\u2dff\u3040-\ufdff\ufe70-\ufefe\uff10-\uffdc'’ʼ‐‑-]+/;
const CONNECTOR = /['’ʼ‐‑-]/;

/**
 * ASCII characters that are still separators once normalised (all but letters, digits, the
 * apostrophe and the hyphen). Normalising works character by character and never across them,
 * so the terms of a text are the terms of its raw words split at these: each distinct raw word
 * needs normalising only once.
 */
const SEPARATOR = Uint8Array.from({ length: 128 }, (_, c) => +/[^a-z\d'-]/i.test(String.fromCharCode(c)));

/**
 * Reads the terms of texts, normalising each distinct raw word once. A big catalogue has millions
 * of words but a few thousand distinct ones: hashing the characters where they stand, with no
 * string made per word and no Map, is several times faster than splitting and a lookup per word.
 * `read(text, found)` writes the term ids of `text` (given by `termsOf` for each new raw word)
 * into `found` and returns how many there are.
 *
 * A word is known by its length and two 32-bit hashes, not checked letter for letter (that check
 * was a fifth of the build). Two different words of the same length would merge only if both
 * hashes matched: taking the pair as 64 random bits, the odds that any two of N distinct words
 * do are about N² / 2⁶⁵, one in 3.7 × 10⁹ for 100,000 distinct words (a city catalogue has a
 * few thousand), and the harm would be one word found under another one's terms.
 */
export function wordTable(termsOf: (word: string) => number[]) {
  // Per word id (from 1; 0 is none), four numbers side by side: its two hashes, its length, and
  // where its term ids end in `pool` (they start where the previous word's end). Typed arrays,
  // doubled when full: nothing boxed, no array per word.
  let words = new Int32Array(1 << 12);
  let pool = new Int32Array(1 << 12);
  let count = 0;
  // Word id at the place of its first hash, or at the next free one (open addressing), at most
  // half full.
  let slots = new Int32Array(1 << 12);
  return (text: string, found: number[]) => {
    let length = 0;
    let from = 0;
    let h1 = 0;
    let h2 = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      if (c > 127 || !SEPARATOR[c]) {
        // Two different steps (a rotation in the second), so that they do not fail together.
        h1 = Math.imul(h1 ^ c, 0x5bd1e995);
        h2 = Math.imul(((h2 << 7) | (h2 >>> 25)) ^ c, 0x1b873593);
      } else {
        if (i > from) {
          // The low bits of a product are poor: mix the high ones down.
          h1 ^= h1 >>> 15;
          let mask = slots.length - 1;
          let at = h1 & mask;
          let e;
          while ((e = slots[at]!) && !(words[e * 4] === h1 && words[e * 4 + 1] === h2 && words[e * 4 + 2] === i - from)) at = (at + 1) & mask;
          if (!e) {
            const terms = termsOf(text.slice(from, i));
            let end = words[count * 4 + 3]!;
            if (end + terms.length > pool.length) pool = grow(pool, (end + terms.length) * 2);
            for (const term of terms) pool[end++] = term;
            slots[at] = e = ++count;
            if (e * 4 + 4 > words.length) words = grow(words, e * 8);
            words.set([h1, h2, i - from, end], e * 4);
            if (e * 2 > slots.length) {
              slots = new Int32Array(slots.length * 2);
              mask = slots.length - 1;
              for (let w = 1; w <= e; w++) {
                for (at = words[w * 4]! & mask; slots[at]; at = (at + 1) & mask);
                slots[at] = w;
              }
            }
          }
          for (let p = words[e * 4 - 1]!; p < words[e * 4 + 3]!; ) found[length++] = pool[p++]!;
        }
        from = i + 1;
        h1 = h2 = 0;
      }
    }
    return length;
  };
}

/** A copy of `array`, `size` long. */
export function grow(array: Int32Array, size: number) {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

function indexGroup(group: string, emit: (term: string) => void): void {
  for (const segment of group.split(APOSTROPHE)) {
    const parts = segment.split(HYPHEN);
    for (const part of parts) emit(part);
    if (parts.length > 1) emit(parts.join(''));
  }
}

/** One word of a query. */
export interface QueryToken {
  /** Normalised text. */
  text: string;
  /** Optional words (stop words, elisions like the l of l'état) never exclude a result. */
  optional: boolean;
  /** Where the word stands in the query as typed: [from, to). */
  from: number;
  to: number;
}

/**
 * Splits a query into tokens: a hyphenated group becomes one joined token (it matches both
 * spellings, see indexTerms); what stands before an apostrophe is an elision and is optional.
 */
export function queryTokens(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  // Nobody types more than this into a service search; a pasted megabyte must not hang the page.
  for (const m of query.slice(0, 256).matchAll(WORD_GROUP)) {
    let from = m.index!;
    const segments = m[0].split(APOSTROPHE);
    segments.forEach((segment, i) => {
      const text = normalize(segment).replace(/[‐‑-]/g, '');
      if (text) tokens.push({ text, optional: i < segments.length - 1 || STOP_WORDS.has(text), from, to: from + segment.length });
      from += segment.length + 1;
    });
  }
  // A query of stop words only ("de", "die") still means something: search for them.
  if (tokens.every((t) => t.optional)) for (const t of tokens) t.optional = false;
  return tokens;
}

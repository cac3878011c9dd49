/**
 * The search index: built once from a catalogue, queried on every keystroke.
 *
 * - Every text of every language is normalised and split into terms once, at build time.
 * - An inverted index maps each term to its postings: a document, the best field it has the term
 *   in and that field's languages, in one 32-bit number.
 * - The terms are kept sorted, with their common-prefix lengths, so a binary search finds the
 *   terms a query word is a prefix of, and the same array walked as an implicit trie finds the
 *   terms within the allowed typo distance (see fuzzy.ts) without comparing against each term.
 * - Scores live in typed arrays reused between queries: no allocation per document.
 */
import { allowedEdits, editDistance, fuzzyWalk } from './fuzzy.js';
import { grow, HYPHEN, indexTerms, normalize, queryTokens, STOP_WORDS, wordTable, type QueryToken } from './normalize.js';

/** A text in one language, or a language map ({"fr": "...", "de": "..."}). */
export type SearchText = string | Readonly<Record<string, string>>;

/** What the index reads from each item. */
export interface SearchDocument {
  name: SearchText | undefined;
  /** An array of words, a language map of arrays, or comma-separated strings. */
  keywords?: unknown;
  description?: SearchText | undefined;
  /** Other texts worth finding at keyword weight (category names, for example). */
  extra?: readonly (SearchText | undefined)[];
}

export interface SearchIndexOptions {
  /**
   * Groups of words or phrases that mean the same thing
   * (`[["permis de construire", "Baugesuch", "licenza edilizia"]]`). A service that contains
   * one phrase of a group is also found by the others.
   */
  synonyms?: readonly (readonly string[])[];
}

export interface SearchOptions<T> {
  /** The page language (BCP 47); matches in this language rank first. */
  language?: string;
  /** How many hits to return, best first (all by default). */
  limit?: number;
  /** Keeps only the items it returns true for (category and audience filters). */
  filter?: (item: T, index: number) => boolean;
}

export interface SearchHit<T> {
  item: T;
  /** Position of the item in the indexed list. */
  index: number;
  score: number;
}

export interface SearchResult<T> {
  /** The best hits, best first. */
  hits: SearchHit<T>[];
  /** How many items match in all. */
  total: number;
  /** The query's words, for highlighting with matchRanges(). */
  tokens: QueryToken[];
}

// Fields, in rank order, each 8 bits of the posting mask (one bit per language slot).
const NAME = 0;
const KEYWORDS = 1;
const SYNONYMS = 2;
const DESCRIPTION = 3;
/** Name beats keywords beats synonyms beats description, whatever the language. */
const FIELD_WEIGHT = [3, 2, 1.6, 1];
/** A match in another language than the page's counts a little less. */
const OTHER_LANGUAGE = 0.85;
const EXACT = 1;
const SYNONYM_BOOST = 1;

/** "fr-CH" → "fr" (the search module depends on nothing, so it runs anywhere). */
const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0]!;

/** Exact beats prefix beats typo; a longer part of the word typed is a better prefix match. */
const prefixQuality = (typed: number, length: number) => 0.6 + 0.2 * (typed / length);
const fuzzyQuality = (distance: number) => 0.5 - 0.15 * (distance - 1);

/** Reads every text of a search text, with its language tag (undefined when untagged). */
export function eachText(value: unknown, visit: (text: string, lang: string | undefined) => void): void {
  if (typeof value === 'string') visit(value, undefined);
  else if (Array.isArray(value)) for (const v of value) eachText(v, visit);
  else if (value && typeof value === 'object') {
    // for…in rather than Object.entries: no array per language map on big catalogues.
    for (const lang in value) {
      const text = (value as Record<string, unknown>)[lang];
      if (typeof text === 'string') visit(text, lang);
      else if (Array.isArray(text)) for (const t of text) if (typeof t === 'string') visit(t, lang);
    }
  }
}

/**
 * The search index over `items`. Up to 4,194,304 items and as many distinct terms (a posting
 * keeps 22 bits for the document, a pair being built 22 bits for the term): a city catalogue
 * has hundreds of services and a few thousand terms; there is no check, to keep the module small.
 */
export class SearchIndex<T> {
  readonly items: readonly T[];
  /** @internal Sorted distinct terms. */
  terms: string[] = [];
  /** @internal Letters term i shares with term i-1. */
  lcp = new Uint8Array(0);
  /**
   * @internal Postings of term i, from postings[start[i]] to postings[start[i+1]]: each is
   * document << 10 | field << 8 | languages (a bit per language slot), for the best field only
   * (the one a query's score counts). Half the memory of (document, mask) pairs.
   */
  start = new Uint32Array(1);
  /** @internal */
  postings = new Int32Array(0);
  /** Primary language → language slot (1..7; 0 is "untagged"). */
  private slots = new Map<string, number>();
  private nameLength: Uint8Array;
  private score: Float64Array;
  private best: Float32Array;
  private hitsOf: Uint8Array;
  /** @internal */
  read: (item: T) => SearchDocument;

  constructor(items: readonly T[], read: (item: T) => SearchDocument, options: SearchIndexOptions = {}) {
    this.items = items;
    this.read = read;
    const n = items.length;
    this.nameLength = new Uint8Array(n);
    this.score = new Float64Array(n);
    this.best = new Float32Array(n);
    this.hitsOf = new Uint8Array(n);
    this.build(options);
  }

  private slot(lang: string | undefined): number {
    if (!lang) return 0;
    const primary = primaryLanguage(lang);
    let slot = this.slots.get(primary);
    if (slot === undefined) {
      slot = Math.min(this.slots.size + 1, 7);
      this.slots.set(primary, slot);
    }
    return slot;
  }

  private build(options: SearchIndexOptions): void {
    // Term → id while building, and each id's term.
    const ids = new Map<string, number>();
    const names: string[] = [];
    // One number per (document, term) in document order, id << 10 | field << 8 | languages,
    // sorted by term into the postings at the end. What a document adds to a term it already
    // has counts only in the best field (the one queries score): half the memory of a pair.
    let pairs = new Int32Array(1 << 16);
    let used = 0;
    const docEnd = new Uint32Array(this.items.length);
    // Per term id: where its last pair is + 1 (in the current document when after docStart;
    // 0 until it has one), and how many documents it is in.
    let lastAt = new Int32Array(1 << 10);
    let documents = new Int32Array(1 << 10);
    let docStart = 0;
    const synonyms = compileSynonyms(options.synonyms ?? []);
    let doc = 0;
    const idOf = (term: string) => {
      let id = ids.get(term);
      if (id === undefined) {
        ids.set(term, (id = names.length));
        names.push(term);
        if (id === lastAt.length) {
          lastAt = grow(lastAt, id * 2);
          documents = grow(documents, id * 2);
        }
      }
      return id;
    };
    const mark = (id: number, field: number, slot: number) => {
      const at = lastAt[id]! - 1;
      if (at >= docStart) {
        const best = (pairs[at]! >> 8) & 3;
        if (field < best) pairs[at] = (pairs[at]! & -1024) | (field << 8) | (1 << slot);
        else if (field === best) pairs[at]! |= 1 << slot;
      } else {
        if (used === pairs.length) {
          // To what the documents read so far predict for all of them: one or two copies in all.
          pairs = grow(pairs, Math.max(used * 2, Math.ceil((used / (doc + 1)) * this.items.length * 1.1)));
        }
        documents[id]++;
        pairs[used++] = (id << 10) | (field << 8) | (1 << slot);
        lastAt[id] = used;
      }
    };
    let nameWords = 255;
    let phrases = new Set<string[][]>();
    // Raw word → its term ids, normalised once per distinct word (see wordTable).
    const read = wordTable((word) => {
      const terms: number[] = [];
      indexTerms(normalize(word), (term) => terms.push(idOf(term)));
      return terms;
    });
    // The terms of the text being read, in an array reused from text to text.
    const found: number[] = [];
    const slotOf = new Map<string | undefined, number>();
    const fields = [NAME, KEYWORDS, DESCRIPTION].map((field) => (text: string, lang: string | undefined) => {
      let slot = slotOf.get(lang);
      if (slot === undefined) slotOf.set(lang, (slot = this.slot(lang)));
      const count = read(text, found);
      for (let i = 0; i < count; i++) mark(found[i]!, field, slot);
      if (synonyms.size) findPhrases(found.slice(0, count).map((id) => names[id]!), synonyms, phrases);
      if (field === NAME && count < nameWords) nameWords = count;
    });
    for (const item of this.items) {
      nameWords = 255;
      const d = this.read(item);
      eachText(d.name, fields[0]!);
      eachText(d.keywords, fields[1]!);
      eachText(d.extra, fields[1]!);
      eachText(d.description, fields[2]!);
      this.nameLength[doc] = nameWords;
      // A service that says one phrase of a synonym group is found by the others too.
      if (phrases.size) {
        for (const group of phrases) for (const words of group) for (const w of words) mark(idOf(w), SYNONYMS, 0);
        phrases = new Set();
      }
      docEnd[doc++] = docStart = used;
    }
    Object.assign(this, sortPostings(ids, pairs.subarray(0, used), docEnd, documents));
  }

  /** Number of distinct terms (for statistics). */
  get size(): number {
    return this.terms.length;
  }

  /** First index whose term is >= word. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The terms a query word matches, with a quality: exact, prefix (the word is the start of the
   * term, while typing), or within the typo distance allowed for its length.
   */
  private matchTerms(word: string, visit: (term: number, quality: number) => void): void {
    const terms = this.terms;
    const first = this.lowerBound(word);
    let i = first;
    for (; i < terms.length && terms[i]!.startsWith(word); i++) {
      visit(i, terms[i]!.length === word.length ? EXACT : prefixQuality(word.length, terms[i]!.length));
    }
    const max = allowedEdits(word.length);
    if (max > 0) {
      fuzzyWalk(word, max, terms, this.lcp, (term, distance) => {
        if (term < first || term >= i) visit(term, fuzzyQuality(distance));
      });
    }
  }

  /** Searches the index. All required words must match (in any field and language). */
  search(query: string, options: SearchOptions<T> = {}): SearchResult<T> {
    const tokens = queryTokens(query);
    const hits: SearchHit<T>[] = [];
    if (tokens.length === 0 || this.items.length === 0) return { hits, total: 0, tokens };
    const { score, best, hitsOf, postings, start } = this;
    const pageSlot = this.slots.get(primaryLanguage(options.language ?? ''));
    const pageBits = 1 | (pageSlot === undefined ? 0 : 1 << pageSlot);
    const touched: number[] = [];
    // Required words first: after the first one, only documents that matched every previous
    // required word are worth scoring.
    const ordered = [...tokens.filter((t) => !t.optional), ...tokens.filter((t) => t.optional)];
    const required = ordered.filter((t) => !t.optional).length;
    ordered.forEach((token, k) => {
      const seen: number[] = [];
      this.matchTerms(token.text, (term, quality) => {
        for (let p = start[term]!, end = start[term + 1]!; p < end; p++) {
          const posting = postings[p]!;
          const doc = posting >>> 10;
          if (hitsOf[doc] !== Math.min(k, required)) continue;
          const field = (posting >> 8) & 3;
          const s = FIELD_WEIGHT[field]! * (posting & pageBits ? 1 : OTHER_LANGUAGE) * quality * (field === SYNONYMS ? SYNONYM_BOOST : 1);
          if (best[doc] === 0) seen.push(doc);
          if (s > best[doc]!) best[doc] = s;
        }
      });
      for (const doc of seen) {
        if (k === 0) touched.push(doc);
        score[doc] += best[doc]!;
        best[doc] = 0;
        if (!token.optional) hitsOf[doc]++;
      }
    });
    const { filter, limit = Infinity } = options;
    let total = 0;
    for (const doc of touched) {
      if (hitsOf[doc] === required && (!filter || filter(this.items[doc]!, doc))) {
        total++;
        // Shorter names first among equals: "Carte d'identité" before "Carte d'identité pour mineurs".
        const s = score[doc]! + 0.1 / (1 + this.nameLength[doc]!);
        if (hits.length < limit || (limit > 0 && s > hits[hits.length - 1]!.score)) insertSorted(hits, { item: this.items[doc]!, index: doc, score: s }, limit);
      }
      score[doc] = 0;
      hitsOf[doc] = 0;
    }
    return { hits, total, tokens };
  }

}

/**
 * Sorts the terms, and the pairs into postings by term (a counting sort, documents in order, so
 * each term's postings are sorted by document).
 */
function sortPostings(ids: Map<string, number>, pairs: Int32Array, docEnd: Uint32Array, documents: Int32Array) {
  const terms = [...ids.keys()].sort();
  const lcp = new Uint8Array(terms.length);
  const start = new Uint32Array(terms.length + 1);
  // Where the next posting of each term id goes (its postings follow the sorted terms').
  const next = new Uint32Array(terms.length);
  terms.forEach((term, i) => {
    const id = ids.get(term)!;
    next[id] = start[i]!;
    start[i + 1] = start[i]! + documents[id]!;
    if (i > 0) lcp[i] = commonPrefix(terms[i - 1]!, terms[i]!);
  });
  const postings = new Int32Array(pairs.length);
  for (let p = 0, doc = 0; doc < docEnd.length; doc++) {
    for (const end = docEnd[doc]!; p < end; p++) postings[next[pairs[p]! >>> 10]!++] = (doc << 10) | (pairs[p]! & 1023);
  }
  return { terms, lcp, start, postings };
}

/** Letters a and b share at the start (at most 255). */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length, 255);
  let k = 0;
  while (k < max && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Inserts a hit in a list kept sorted by score (best first) and at most `limit` long. */
function insertSorted<T>(hits: SearchHit<T>[], hit: SearchHit<T>, limit: number): void {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid]!.score >= hit.score) lo = mid + 1;
    else hi = mid;
  }
  hits.splice(lo, 0, hit);
  if (hits.length > limit) hits.pop();
}

interface SynonymEntry {
  words: string[];
  group: string[][];
}

/** Adds to `found` the synonym groups one of whose phrases stands in `sequence` (stop words skipped). */
function findPhrases(sequence: string[], synonyms: Map<string, SynonymEntry[]>, found: Set<string[][]>): void {
  const words = sequence.filter((w) => !STOP_WORDS.has(w));
  words.forEach((word, i) => {
    for (const entry of synonyms.get(word) ?? []) {
      if (entry.words.every((w, k) => words[i + k] === w)) found.add(entry.group);
    }
  });
}

/** Synonym groups, keyed by the first word of each phrase (stop words left out). */
function compileSynonyms(groups: readonly (readonly string[])[]): Map<string, SynonymEntry[]> {
  const byFirst = new Map<string, SynonymEntry[]>();
  for (const raw of groups) {
    if (!Array.isArray(raw)) continue;
    const group = raw
      .filter((p): p is string => typeof p === 'string')
      .map((phrase) => queryTokens(phrase).filter((t) => !STOP_WORDS.has(t.text)).map((t) => t.text))
      .filter((words) => words.length > 0);
    for (const words of group) {
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, group });
      byFirst.set(words[0]!, list);
    }
  }
  return byFirst;
}

export const HYPHENS = /[‐‑-]/g;

interface Segment {
  /** The whole segment ("Bau-Gesuch"), then its words ("Bau", "Gesuch"), as [start, end). */
  span: [number, number];
  parts: Array<[number, number]>;
}

/** The words of a text with their offsets, grouped in hyphenated segments (apostrophes separate). */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let current: Segment | undefined;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const from = m.index!;
    const to = from + m[0].length;
    if (current && current.span[1] === from - 1 && HYPHEN.test(text[from - 1]!)) {
      current.span[1] = to;
      current.parts.push([from, to]);
    } else out.push((current = { span: [from, to], parts: [[from, to]] }));
  }
  return out;
}

/**
 * Where the query's words appear in `text` (as shown to people), as [start, end) pairs of
 * UTF-16 offsets in order: exact, prefix and typo matches, whole words, so the page can wrap
 * them in <mark> as text nodes. A hyphenated query word marks the whole "Bau-Gesuch".
 */
export function matchRanges(text: string, tokens: readonly QueryToken[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const matches = (word: string) =>
    tokens.some((t) => {
      if (t.optional || word === t.text) return word === t.text;
      const edits = allowedEdits(t.text.length);
      return word.startsWith(t.text) || (edits > 0 && editDistance(t.text, word, edits) <= edits);
    });
  if (!tokens.length) return ranges;
  for (const { span, parts } of segments(text)) {
    if (parts.length > 1 && matches(normalize(text.slice(span[0], span[1])).replace(HYPHENS, ''))) ranges.push(span);
    else for (const part of parts) if (matches(normalize(text.slice(part[0], part[1])))) ranges.push(part);
  }
  // "d'identité" is one mark, not two around an apostrophe.
  return ranges.reduce<Array<[number, number]>>((merged, range) => {
    const last = merged[merged.length - 1];
    if (last && range[0] - last[1] === 1 && /['’ʼ]/.test(text[last[1]]!)) last[1] = range[1];
    else merged.push([range[0], range[1]]);
    return merged;
  }, []);
}

import { primaryLanguage } from './locales-supported.js';

/** A text in several languages, keyed by BCP 47 tag: `{"fr": "Permis", "de": "Bewilligung"}`. */
export type LanguageMap = Record<string, string>;

/** Data fields accept a plain string (one language) or a language map. */
export type Localizable = string | LanguageMap;


export interface PickedText {
  text: string;
  /** The language tag the text is in; set `lang` on the element showing it when it differs. */
  lang: string | undefined;
}

/**
 * The text of `value` best suited to `language`: exact tag, then same primary language, then the
 * `fallbacks` in order, then the first non-empty entry. Never throws on malformed data: anything
 * that is not a string or a map of strings gives an empty text.
 */
export function pickText(value: unknown, language: string, fallbacks: readonly string[] = ['en', 'fr', 'de', 'it']): PickedText {
  if (typeof value === 'string') return { text: value, lang: undefined };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { text: '', lang: undefined };
  const map = value as Record<string, unknown>;
  const entries = Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (entries.length === 0) return { text: '', lang: undefined };
  const wanted = language.toLowerCase();
  const exact = entries.find(([tag]) => tag.toLowerCase() === wanted);
  if (exact) return { text: exact[1], lang: exact[0] };
  const primary = primaryLanguage(language);
  const samePrimary = entries.find(([tag]) => primaryLanguage(tag) === primary);
  if (samePrimary) return { text: samePrimary[1], lang: samePrimary[0] };
  for (const fallback of fallbacks) {
    const hit = entries.find(([tag]) => primaryLanguage(tag) === fallback);
    if (hit) return { text: hit[1], lang: hit[0] };
  }
  return { text: entries[0]![1], lang: entries[0]![0] };
}

/** Every text of a localizable value (for search indexes that look in all languages). */
export function allTexts(value: unknown): Array<{ text: string; lang: string | undefined }> {
  if (typeof value === 'string') return [{ text: value, lang: undefined }];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([lang, text]) => ({ text, lang }));
}

/**
 * The text to show of a data field that may also carry an easy-to-read version (a catalogue
 * entry's or a privacy purpose's `easyDescription`): in easy-to-read mode the easy text when it
 * is in the page's language or in the language of the standard text picked for it; otherwise the
 * standard text (a person is better served by a standard text in their language than an easy
 * one in another).
 */
export function pickReadableText(standard: unknown, easy: unknown, language: string, easyReading: boolean): PickedText {
  const picked = pickText(standard, language);
  if (!easyReading) return picked;
  const simple = pickText(easy, language);
  if (!simple.text) return picked;
  // A plain string (no tag) is in the page's language.
  const easyLanguage = primaryLanguage(simple.lang ?? language);
  const usable = !picked.text || easyLanguage === primaryLanguage(language) || easyLanguage === primaryLanguage(picked.lang ?? language);
  return usable ? simple : picked;
}

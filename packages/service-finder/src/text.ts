import { formatNumber } from '@citopia/core/format';
import { pickReadableText, pickText } from '@citopia/core/language-map';

/** A BCP 47 tag we may put in a `lang` attribute (data may hold anything). */
const LANG_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/**
 * The text of a language map for the page language, with the `lang` attribute value to put on
 * its element when it is in another language (WCAG 3.1.2), or undefined.
 */
export function localText(value: unknown, language: string): { text: string; lang: string | undefined } {
  const { text, lang } = pickText(value, language);
  return { text, lang: lang && LANG_TAG.test(lang) && lang.toLowerCase() !== language.toLowerCase() ? lang : undefined };
}

/** Like localText, for a field with an easy-to-read version (see pickReadableText). */
export function readableText(standard: unknown, easy: unknown, language: string, easyReading: boolean): { text: string; lang: string | undefined } {
  const { text, lang } = pickReadableText(standard, easy, language, easyReading);
  return { text, lang: lang && LANG_TAG.test(lang) && lang.toLowerCase() !== language.toLowerCase() ? lang : undefined };
}

/** Numbers as the locale writes them (a formatter is slow to create, and counts render on every key press). */
const numbers = new Map<string, string>();
export function formatCount(locale: string, n: number): string {
  const key = locale + n;
  let text = numbers.get(key);
  if (text === undefined) {
    if (numbers.size > 1000) numbers.clear();
    numbers.set(key, (text = formatNumber(locale, n)));
  }
  return text;
}

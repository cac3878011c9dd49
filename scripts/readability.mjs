// Readability of a set of interface strings, per language, with published formulas:
//   en  Flesch Reading Ease (Flesch 1948), from the `flesch` package, syllables from `syllable`
//   fr  Kandel & Moles (1958), Flesch adapted to French: 207 − 1.015 ASL − 73.6 ASW
//   de  Amstad (1978), Flesch adapted to German:       180 − ASL − 58.5 ASW
//   it  Gulpease (1988): 89 + (300 sentences − 10 letters) / words (no syllables needed)
//   ar  no published formula is available as a maintained npm package (nor a standard one for
//       Modern Standard Arabic UI text): we report average sentence length and average word
//       length in letters, and compare those.
// ASL = words per sentence, ASW = syllables per word. Higher scores read more easily; for
// Arabic, shorter is easier. No npm package implements Kandel–Moles, Amstad or Gulpease, so they
// are here; their syllable counts are an approximation: groups of vowels, with French silent
// final "e"/"es" not counted (documented in docs/localization.md).
import { flesch } from 'flesch';
import { syllable } from 'syllable';

/** Sentences of one string: split after . ! ? … ; a string without one (a label) is one sentence. */
export function sentences(text) {
  const parts = text
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
  return parts.length ? parts : [];
}

/** Words: letters and digits, joined by apostrophes, hyphens or dots (“n’êtes”, “Daten-Schutz”, “publiccode.yml”). */
export function words(text) {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

const letters = (word) => (word.match(/[\p{L}\p{N}]/gu) ?? []).length;

const VOWELS = {
  fr: 'aeiouyàâäéèêëîïôöùûüÿœæ',
  de: 'aeiouyäöü',
  it: 'aeiouàèéìíòóùú',
};

/** Syllables of a word by vowel groups (an approximation; English uses the `syllable` package). */
export function syllables(word, lang) {
  const lower = word.toLowerCase();
  if (lang === 'en') return Math.max(1, syllable(lower));
  const vowels = VOWELS[lang];
  if (!vowels) return 1;
  let count = 0;
  let inGroup = false;
  for (const ch of lower) {
    const isVowel = vowels.includes(ch);
    if (isVowel && !inGroup) count++;
    inGroup = isVowel;
  }
  // French: a final mute "e" / "es" after a consonant is not pronounced ("vie" keeps its own).
  if (lang === 'fr' && count > 1 && /[^aeiouyàâäéèêëîïôöùûü]es?$/u.test(lower)) count--;
  return Math.max(1, count);
}

/** Counts over a list of strings; `{0}`-style placeholders (data, not wording) are left out. */
export function measure(texts, lang) {
  let sentenceCount = 0;
  let wordCount = 0;
  let syllableCount = 0;
  let letterCount = 0;
  for (const raw of texts) {
    const text = raw.replace(/\{\d+\}/g, ' ');
    for (const sentence of sentences(text)) {
      sentenceCount++;
      for (const word of words(sentence)) {
        wordCount++;
        syllableCount += syllables(word, lang);
        letterCount += letters(word);
      }
    }
  }
  return { sentences: sentenceCount, words: wordCount, syllables: syllableCount, letters: letterCount };
}

/** The formula's name for a language, and whether a higher figure reads more easily. */
export const FORMULAS = {
  en: { name: 'Flesch Reading Ease', higherIsEasier: true },
  fr: { name: 'Kandel–Moles', higherIsEasier: true },
  de: { name: 'Amstad', higherIsEasier: true },
  it: { name: 'Gulpease', higherIsEasier: true },
  ar: { name: 'average word length (letters), no published formula', higherIsEasier: false },
};

/** The readability figures of a list of strings in `lang`. */
export function readability(texts, lang) {
  const c = measure(texts, lang);
  const asl = c.words / c.sentences;
  const asw = c.syllables / c.words;
  let score;
  switch (lang) {
    case 'en':
      score = flesch({ sentence: c.sentences, word: c.words, syllable: c.syllables });
      break;
    case 'fr':
      score = 207 - 1.015 * asl - 73.6 * asw;
      break;
    case 'de':
      score = 180 - asl - 58.5 * asw;
      break;
    case 'it':
      score = 89 + (300 * c.sentences - 10 * c.letters) / c.words;
      break;
    default:
      score = c.letters / c.words;
  }
  return { ...c, averageSentenceLength: asl, averageWordLength: c.letters / c.words, score, formula: FORMULAS[lang]?.name ?? 'none' };
}

/** True when `easy` reads more easily than `standard` by the language's formula. */
export function easierThan(easy, standard, lang) {
  return FORMULAS[lang]?.higherIsEasier === false ? easy.score < standard.score : easy.score > standard.score;
}

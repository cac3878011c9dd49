// The readability of the standard and easy-to-read strings, per locale (printed by `npm run
// bench`; test/node/easy-read.test.mjs asserts the easy set reads more easily). See docs/localization.md.
import { EASY_LOCALES, allTexts } from './easy-xliff.mjs';
import { FORMULAS, readability } from './readability.mjs';

export default function easyReadBench() {
  const rows = EASY_LOCALES.map((locale) => {
    const standard = readability(allTexts(locale, false), locale);
    const easy = readability(allTexts(locale, true), locale);
    const changed = allTexts(locale, true).filter((text, i) => text !== allTexts(locale, false)[i]).length;
    return {
      locale,
      strings: allTexts(locale, true).length,
      'reworded': changed,
      'words/sentence std': standard.averageSentenceLength.toFixed(2),
      'words/sentence easy': easy.averageSentenceLength.toFixed(2),
      'letters/word std': standard.averageWordLength.toFixed(2),
      'letters/word easy': easy.averageWordLength.toFixed(2),
      formula: FORMULAS[locale].name,
      'score std': standard.score.toFixed(1),
      'score easy': easy.score.toFixed(1),
    };
  });
  console.table(rows);
  console.log('Scores: higher reads more easily (Flesch, Kandel–Moles, Amstad, Gulpease); Arabic: fewer letters per word reads more easily.');
}

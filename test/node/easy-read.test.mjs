// The easy-to-read strings as a whole: complete, with the source's placeholders, and measurably
// easier to read than the standard strings in every locale (node:test, no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EASY_LOCALES, allTexts, checkEasy, easyPackages } from '../../scripts/easy-xliff.mjs';
import { easierThan, readability, sentences, syllables, words } from '../../scripts/readability.mjs';

test('every package has an easy-to-read text for every string, in every locale, with the same placeholders', () => {
  const problems = easyPackages().flatMap((dir) => checkEasy(dir));
  assert.deepEqual(problems, []);
});

test('the placeholder check catches a lost, an invented and a missing placeholder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citopia-easy-'));
  try {
    mkdirSync(join(dir, 'xliff', 'easy'), { recursive: true });
    const unit = (id, source, target) => `<trans-unit id="${id}">\n  <source>${source}</source>${target === undefined ? '' : `\n  <target>${target}</target>`}\n</trans-unit>`;
    const file = (units) => `<xliff><file><body>\n${units.join('\n')}\n</body></file></xliff>`;
    const x0 = '<x id="0" equiv-text="${n}"/>';
    const x1 = '<x id="1" equiv-text="${m}"/>';
    writeFileSync(join(dir, 'xliff', 'fr.xlf'), file([unit('a', `Found ${x0}`, `Trouvé ${x0}`), unit('b', 'Send', 'Envoyer'), unit('c', `${x0} of ${x1}`, `${x0} sur ${x1}`)]));
    for (const locale of EASY_LOCALES) {
      const ok = [unit('a', `Found ${x0}`, `Trouvé ${x0}`), unit('b', 'Send', 'Envoyer'), unit('c', `${x0} of ${x1}`, `${x0} sur ${x1}`)];
      const bad = [unit('a', `Found ${x0}`, 'Trouvé'), unit('b', 'Send', `Envoyer ${x0}`), unit('c', `${x0} of ${x1}`)];
      writeFileSync(join(dir, 'xliff', 'easy', `${locale}.xlf`), file(locale === 'de' ? bad : ok));
    }
    const problems = checkEasy(dir);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /placeholders differ: .*de\.xlf a/);
    assert.match(problems[1], /placeholders differ: .*de\.xlf b/);
    assert.match(problems[2], /missing easy-to-read text: .*de\.xlf c/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the counting helpers: sentences, words, syllables', () => {
  assert.deepEqual(sentences('The server is busy. Please wait. Then try again!'), ['The server is busy.', 'Please wait.', 'Then try again!']);
  assert.deepEqual(sentences('Send the request'), ['Send the request']);
  assert.deepEqual(words('Vous n’êtes pas connecté à publiccode.yml'), ['Vous', 'n’êtes', 'pas', 'connecté', 'à', 'publiccode.yml']);
  assert.deepEqual(words('Daten-Schutz für 2 Personen'), ['Daten-Schutz', 'für', '2', 'Personen']);
  assert.equal(syllables('services', 'en'), 3);
  assert.equal(syllables('formulaire', 'fr'), 3); // for-mu-laire: the final e is mute
  assert.equal(syllables('vie', 'fr'), 1);
  assert.equal(syllables('Datenschutz', 'de'), 3);
  assert.equal(syllables('Leichte', 'de'), 2);
});

test('the formulas give their published values on a worked example', () => {
  // English, through the `flesch` package: 206.835 − 1.015 ASL − 84.6 ASW.
  const en = readability(['The cat sat on the mat.', 'It was a sunny day.'], 'en');
  assert.equal(en.sentences, 2);
  assert.equal(en.words, 11);
  assert.ok(Math.abs(en.score - (206.835 - 1.015 * (11 / 2) - 84.6 * (en.syllables / 11))) < 1e-9);
  // Gulpease: 1 sentence, 3 words, 12 letters → 89 + (300 − 120) / 3 = 149.
  const it = readability(['Il sole brilla.'], 'it');
  assert.equal(it.letters, 12);
  assert.equal(it.score, 149);
  const de = readability(['Das ist gut.'], 'de');
  assert.equal(de.score, 180 - 3 - 58.5 * (de.syllables / 3));
  const fr = readability(['Le chat dort.'], 'fr');
  assert.equal(fr.score, 207 - 1.015 * 3 - 73.6 * (fr.syllables / 3));
});

for (const locale of EASY_LOCALES) {
  test(`[${locale}] the easy-to-read set scores better than the standard set, with shorter sentences`, (t) => {
    const easyTexts = allTexts(locale, true);
    const standardTexts = allTexts(locale, false);
    assert.equal(easyTexts.length, standardTexts.length, 'one easy text per standard string');
    const easy = readability(easyTexts, locale);
    const standard = readability(standardTexts, locale);
    t.diagnostic(`${easy.formula}: standard ${standard.score.toFixed(1)}, easy ${easy.score.toFixed(1)}; words per sentence ${standard.averageSentenceLength.toFixed(2)} → ${easy.averageSentenceLength.toFixed(2)}`);
    assert.ok(easierThan(easy, standard, locale), `${easy.formula}: easy ${easy.score.toFixed(2)} vs standard ${standard.score.toFixed(2)}`);
    assert.ok(easy.averageSentenceLength < standard.averageSentenceLength, `words per sentence: easy ${easy.averageSentenceLength} vs standard ${standard.averageSentenceLength}`);
  });
}

import { clickWhenShown, defineFixtures, failingFirst, until, type Fixture } from '@citopia/core/fixtures';
import type { OpenSourceBadge } from './citopia-open-source-badge.js';

const FILES = 'packages/open-source-badge/fixtures/';

/** Our own files that each break one mandatory rule of the standard, with the key the badge must name. */
export const INVALID_FILES: ReadonlyArray<{ name: string; title: string; key: string }> = [
  { name: 'missing-version', title: 'publiccodeYmlVersion missing', key: 'publiccodeYmlVersion' },
  { name: 'unknown-version', title: 'publiccodeYmlVersion not a published version', key: 'publiccodeYmlVersion' },
  { name: 'missing-name', title: 'name missing', key: 'name' },
  { name: 'bad-url', title: 'url not a URL', key: 'url' },
  { name: 'empty-platforms', title: 'platforms empty', key: 'platforms' },
  { name: 'bad-development-status', title: 'developmentStatus not allowed', key: 'developmentStatus' },
  { name: 'bad-software-type', title: 'softwareType not allowed', key: 'softwareType' },
  { name: 'missing-description', title: 'description missing', key: 'description' },
  { name: 'missing-short-description', title: 'shortDescription missing', key: 'description.fr.shortDescription' },
  { name: 'short-long-description', title: 'longDescription too short', key: 'description.fr.longDescription' },
  { name: 'missing-features', title: 'features missing', key: 'description.fr.features' },
  { name: 'bad-license', title: 'legal.license not an SPDX expression', key: 'legal.license' },
  { name: 'bad-maintenance-type', title: 'maintenance.type not allowed', key: 'maintenance.type' },
  { name: 'contract-without-contractors', title: 'Contract without contractors', key: 'maintenance.contractors' },
  { name: 'community-without-contacts', title: 'Community without contacts', key: 'maintenance.contacts' },
  { name: 'localisation-ready-yes', title: 'localisationReady written "yes"', key: 'localisation.localisationReady' },
  { name: 'bad-available-language', title: 'availableLanguages not BCP 47', key: 'localisation.availableLanguages[0]' },
];

/** The file of a fixture, for tests that fetch it themselves. */
export const fixtureFile = (file: string): string => FILES + file;

const ready = (el: OpenSourceBadge) => el.whenReady();

/** An expanded badge reading `file` (a fixture that shows the details, so the axe sweep checks them). */
function fromFile(name: string, title: string, file: string, description: string, extra: Partial<Fixture<OpenSourceBadge>> = {}): Fixture<OpenSourceBadge> {
  return {
    name,
    title,
    description,
    attributes: { open: true, ...extra.attributes },
    setup: (el, ctx) => {
      el.src = ctx.url(FILES + file);
    },
    ready,
    ...(extra.testOnly ? { testOnly: true } : {}),
  };
}

/** A parsed publiccode.yml, as a host page built it (the `data` property). */
export const HOST_DATA = {
  publiccodeYmlVersion: '0',
  name: 'Réservation de salles',
  url: 'https://git.ville-demo.ch/numerique/salles.git',
  softwareVersion: '4.0',
  releaseDate: '2026-02-10',
  platforms: ['web'],
  developmentStatus: 'stable',
  softwareType: 'standalone/web',
  usedBy: ['Ville de Démo', 'Gemeinde Musterwil'],
  description: {
    fr: {
      shortDescription: 'La réservation des salles communales et des terrains de sport, avec paiement en ligne.',
      longDescription:
        'Réservation de salles présente les salles communales, les terrains de sport et le matériel de fête, avec leurs disponibilités. Les sociétés locales et les habitants réservent et paient en ligne; le service gère les clés et la facturation.',
      features: ['Disponibilités en temps réel', 'Paiement en ligne'],
    },
  },
  legal: { license: 'EUPL-1.2' },
  maintenance: { type: 'community', contacts: [{ name: 'Inès Exemple', email: 'ines.exemple@ville-demo.ch' }] },
  localisation: { localisationReady: true, availableLanguages: ['fr'] },
};

/** The one list of states of <citopia-open-source-badge>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<OpenSourceBadge>({
  tag: 'citopia-open-source-badge',
  title: 'Open-source badge',
  fixtures: [
    fromFile('compact', 'Compact pill (closed)', 'guichet-v0.7.publiccode.yml', 'The pill "Open source · EUPL-1.2" linking to the repository, and the closed disclosure button.', {
      attributes: { open: false },
    }),
    fromFile('current-version', 'Version "0" (0.7), contract maintenance, four languages', 'guichet-v0.7.publiccode.yml', 'The current standard: contractors and contacts, users, platforms, release date; the description follows the page language.'),
    fromFile('version-0-4', 'Version 0.4, not maintained, German and Italian only', 'dechets-v0.4.publiccode.yml', 'An obsolete tool whose description exists in German and Italian only: other languages fall back and are marked with lang.'),
    fromFile('version-0-3', 'Version 0.3, internal maintenance, Italian and French', 'agenda-v0.3.publiccode.yml', 'An older version; the organisation comes from legal.repoOwner.'),
    fromFile('version-0-2', 'Version 0.2, community maintenance, SPDX "OR"', 'signalement-v0.2.publiccode.yml', 'The oldest version still in the wild, with the 0.2 "it" section and a licence choice.'),
    fromFile('json-rendering', 'JSON rendering of a publiccode.yml', 'chantiers.publiccode.json', 'The same standard as JSON: the YAML parser is never downloaded.'),
    {
      name: 'host-data',
      title: 'Data set by the host page',
      description: 'The page passes a parsed publiccode.yml object in the data property; nothing is fetched.',
      attributes: { open: true },
      properties: { data: HOST_DATA },
      ready,
    },
    {
      name: 'attributes-only',
      title: 'Minimal badge from attributes',
      description: 'No file at all: the license and repository attributes give a pill and a reuse link.',
      attributes: { license: 'EUPL-1.2', repository: 'https://git.ville-demo.ch/numerique/site.git', open: true },
      ready,
    },
    fromFile('validate-valid', 'Maintainer view of a valid file', 'guichet-v0.7.publiccode.yml', 'With validate: "No problems found".', { attributes: { validate: true } }),
    fromFile('easy-read', 'Easy to read: a maintainer view with problems', 'signalement-v0.2.publiccode.yml', 'reading="easy": every text in easy-to-read language (plain English, FALC, Leichte Sprache, lingua facile, simple Arabic), the toggle pressed.', {
      attributes: { validate: true, reading: 'easy' },
    }),
    fromFile('validate-old-version', 'Maintainer view of a 0.2 file', 'signalement-v0.2.publiccode.yml', 'With validate: the warning that recommends "0".', { attributes: { validate: true } }),
    fromFile('hostile', 'Hostile strings', 'hostile.publiccode.json', 'Markup, script and javascript: URLs in every field render as text; only safe URLs become links.', { attributes: { validate: true } }),
    fromFile('broken-syntax', 'Bad YAML, partly readable', 'broken-syntax.publiccode.yml', 'A paragraph pasted without indentation breaks the file: the badge shows what it can and says so.', { attributes: { validate: true } }),
    fromFile('alias-bomb', 'YAML alias bomb refused', 'alias-bomb.publiccode.yml', 'Aliases that would expand to millions of values are refused with a clear message.'),
    fromFile('too-deep', 'Nesting too deep refused', 'deep-nesting.publiccode.yml', 'Nesting far beyond what the standard needs is refused before parsing.'),
    fromFile('long-texts', 'Texts too long to show, shortened', 'long-texts.publiccode.yml', 'A name and a short description far beyond what a badge can show: the first 500 characters of each, and a note that says which texts were shortened.'),
    fromFile('load-not-found', 'File not found', 'missing.publiccode.yml', 'The src does not exist: a translated message and a retry button.'),
    {
      name: 'retry-recovered',
      title: 'Loaded after "Try again" (test only)',
      description: 'The first request fails (503); "Try again" loads the file, and the focus moves to the software\'s name.',
      attributes: { open: true },
      setup: (el) => {
        el.src = failingFirst(FILES + 'chantiers.publiccode.json');
        void clickWhenShown(el, '[part="retry"]');
      },
      ready: (el) => until(() => el.loadState === 'ready' && el.shadowRoot?.querySelector('[part="name"]'), 8000, 'the details after "Try again"'),
      testOnly: true,
    },
    {
      name: 'load-server-error',
      title: 'Server error (test only)',
      description: 'The server answers 500.',
      attributes: { open: true, src: '/__test/status/500' },
      ready,
      testOnly: true,
    },
    ...INVALID_FILES.map((file) =>
      fromFile(`invalid-${file.name}`, `Invalid: ${file.title}`, `invalid/${file.name}.publiccode.yml`, `Breaks one mandatory rule; with validate the report names ${file.key}.`, {
        attributes: { validate: true },
      }),
    ),
  ],
});

/** The pure modules (they also run in Node): SPDX expressions, the validator, the parsing limits. */
import { expect } from '@open-wc/testing';
import { knownLicense, parseSpdx } from '../src/spdx.js';
import { isCountryCode, isDate, isLanguageTag, validatePubliccode } from '../src/validate.js';
import { detectFormat, parseSource } from '../src/parse-source.js';
import { nestsDeeperThan, MAX_SOURCE_BYTES } from '../src/limits.js';
import { flowNestsDeeperThan } from '../src/flow-depth.js';
import { HOST_DATA } from '../src/fixtures.js';

const keys = (doc: unknown, severity = 'error') =>
  validatePubliccode(doc)
    .filter((p) => p.severity === severity)
    .map((p) => `${p.key}:${p.code}`);
const clone = <T>(v: T): T => structuredClone(v);
/** A copy of the host data whose sections the tests reshape freely. */
const reshapable = () => clone(HOST_DATA) as unknown as { description: Record<string, Record<string, unknown>>; maintenance: unknown };

describe('SPDX expressions', () => {
  it('accepts ids, AND, OR, WITH, parentheses, + and LicenseRef', () => {
    for (const e of ['EUPL-1.2', 'MIT OR Apache-2.0', '(MIT AND BSD-3-Clause) OR GPL-2.0-or-later', 'GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0+', 'LicenseRef-Ville-de-Demo', 'mit or apache-2.0', 'MPL-2.0 AND (CC0-1.0 OR CC-BY-4.0)']) {
      expect(parseSpdx(e).valid, e).to.equal(true);
    }
  });
  it('refuses what is not an expression', () => {
    for (const e of ['Invalid License', 'EUPL 1.2', 'MIT OR', 'AND MIT', '(MIT', 'MIT)', 'MIT WITH', 'MIT WITH OR', '', 'MIT/Apache', '((((((((((((((((((((((MIT))))))))))))))))))))))']) {
      expect(parseSpdx(e).valid, e).to.equal(false);
    }
  });
  it('gives full names, and reports well-formed ids it does not know', () => {
    expect(knownLicense('eupl-1.2')).to.deep.equal({ id: 'EUPL-1.2', name: 'European Union Public License 1.2' });
    expect(knownLicense('AGPL-3.0-or-later')!.name).to.equal('GNU Affero General Public License v3.0 or later');
    expect(knownLicense('LGPL-2.1-only')!.name).to.equal('GNU Lesser General Public License v2.1 only');
    expect(knownLicense('GPL-3.0')!.name).to.equal('GNU General Public License v3.0 only');
    expect(knownLicense('AGPL-2.0')).to.equal(undefined);
    const result = parseSpdx('MIT OR Foo-1.0');
    expect(result.valid).to.equal(true);
    expect(result.unknown).to.deep.equal(['Foo-1.0']);
    expect([...result.operators]).to.deep.equal(['OR']);
  });
});

describe('validatePubliccode', () => {
  it('accepts a complete current file', () => {
    expect(validatePubliccode(HOST_DATA)).to.deep.equal([]);
  });
  it('names each missing mandatory key', () => {
    expect(keys({ publiccodeYmlVersion: '0' })).to.deep.equal([
      'name:required', 'url:required', 'platforms:required', 'developmentStatus:required', 'softwareType:required', 'description:required',
      'legal.license:required', 'maintenance.type:required', 'localisation.localisationReady:required', 'localisation.availableLanguages:required',
    ]);
    expect(keys('name: x')).to.deep.equal([':not-document']);
  });
  it('requires long description and features in at least one language, short description in each', () => {
    const doc = reshapable();
    doc.description.de = { shortDescription: 'Raumreservation' };
    expect(keys(doc)).to.deep.equal([]);
    delete doc.description.de.shortDescription;
    expect(keys(doc)).to.deep.equal(['description.de.shortDescription:required']);
    doc.description = { de: { shortDescription: 'x' } };
    expect(keys(doc)).to.deep.equal(['description.de.longDescription:required', 'description.de.features:required']);
  });
  it('applies maintenance rules: contractors for "contract", contacts for "internal" and "community"', () => {
    const doc = reshapable();
    doc.maintenance = { type: 'contract' };
    expect(keys(doc)).to.deep.equal(['maintenance.contractors:required-contract']);
    doc.maintenance = { type: 'contract', contractors: [{ name: 'SA', until: '2027-02-30' }] };
    expect(keys(doc)).to.deep.equal(['maintenance.contractors[0].until:date']);
    doc.maintenance = { type: 'internal' };
    expect(keys(doc)).to.deep.equal(['maintenance.contacts:required-contacts']);
    doc.maintenance = { type: 'none' };
    expect(keys(doc)).to.deep.equal([]);
  });
  it('knows the differences between versions', () => {
    const old = { ...clone(HOST_DATA), publiccodeYmlVersion: '0.2', legal: { license: 'EUPL-1.2', repoOwner: 'Ville' }, it: {} };
    expect(keys(old)).to.deep.equal(['categories:required']);
    expect(keys(old, 'warning')).to.deep.equal(['publiccodeYmlVersion:version-old']);
    const current = { ...old, publiccodeYmlVersion: '0', categories: ['it-development'], intendedAudience: { countries: ['ch'] } };
    expect(keys(current)).to.deep.equal([]);
    expect(keys(current, 'warning')).to.deep.equal(['intendedAudience.countries[0]:country-lowercase', 'legal.repoOwner:deprecated', 'it:deprecated']);
    expect(keys({ ...current, publiccodeYmlVersion: '1' })).to.deep.equal(['publiccodeYmlVersion:version-unsupported']);
    expect(keys({ ...current, publiccodeYmlVersion: 0.4 })).to.deep.equal([]);
  });
  it('checks vocabularies, types and formats', () => {
    const doc = {
      ...clone(HOST_DATA),
      categories: ['online-booking', 'government'],
      intendedAudience: { scope: ['government', 'space'], countries: ['CH', 'XX'] },
      localisation: { localisationReady: 'yes', availableLanguages: ['fr-CH', 'fr_CH', 'xxx'] },
      landingURL: 'javascript:alert(1)',
      name: ['x'],
      extra: 1,
    };
    expect(keys(doc)).to.deep.equal([
      'extra:unknown-key', 'name:not-text', 'landingURL:url', 'categories[1]:category', 'intendedAudience.scope[1]:scope',
      'intendedAudience.countries[1]:country', 'localisation.localisationReady:not-boolean', 'localisation.availableLanguages[1]:language',
      'localisation.availableLanguages[2]:language',
    ]);
  });
  it('knows language tags, country codes and dates', () => {
    expect(['en', 'fr-CH', 'sl-IT-nedis', 'gsw', 'rm'].every(isLanguageTag)).to.equal(true);
    expect(['xxx', 'hr_HR', '', 'en--US'].some(isLanguageTag)).to.equal(false);
    expect(isCountryCode('CH') && isCountryCode('it')).to.equal(true);
    expect(isCountryCode('XX') || isCountryCode('mouseton')).to.equal(false);
    expect(isDate('2024-02-29')).to.equal(true);
    expect(isDate('2023-02-29') || isDate('2023-2-1') || isDate('foobar')).to.equal(false);
  });
});

describe('reading a source', () => {
  it('detects JSON and YAML by content type, extension, then first character', () => {
    expect(detectFormat('/a.json', '', 'x').format).to.equal('json');
    expect(detectFormat('/a', 'application/ld+json; charset=utf-8', 'x').format).to.equal('json');
    expect(detectFormat('/publiccode.yml', 'text/plain', '{').format).to.equal('yaml');
    expect(detectFormat('/a', 'application/yaml', '{}').format).to.equal('yaml');
    expect(detectFormat('/a', 'text/plain', '  {"a":1}')).to.deep.equal({ format: 'json', sure: false });
    expect(detectFormat('/a', '', 'name: x').format).to.equal('yaml');
  });
  it('gives text that only looked like JSON a second chance as YAML', async () => {
    const parsed = await parseSource('{name: Medusa, legal: {license: MIT}}', '/publiccode', 'text/plain');
    expect(parsed.fatal).to.equal(false);
    expect(parsed.data).to.deep.equal({ name: 'Medusa', legal: { license: 'MIT' } });
    expect((await parseSource('{"name": ', '/x.json')).problems[0]!.code).to.equal('syntax');
  });
  it('refuses huge and deeply nested input, reports bad encoding and custom tags', async () => {
    expect((await parseSource('a'.repeat(MAX_SOURCE_BYTES + 1), '/x.yml')).problems[0]).to.deep.include({ code: 'too-large', values: [257, 256] });
    expect(nestsDeeperThan(JSON.parse('[[[[1]]]]'), 3)).to.equal(true);
    expect(nestsDeeperThan({ a: { b: [1] } }, 3)).to.equal(false);
    expect(flowNestsDeeperThan('['.repeat(33))).to.equal(true);
    expect((await parseSource('name: Caf\uFFFD', '/x.yml')).problems.map((p) => p.code)).to.deep.equal(['encoding']);
    const tagged = await parseSource('%YAML 1.1\n---\nname: !!binary aGk=\nready: yes\ndate: 2001-12-14\n', '/x.yml');
    expect(tagged.data).to.deep.equal({ name: 'aGk=', ready: 'yes', date: '2001-12-14' });
    expect(tagged.problems.map((p) => `${p.code}@${p.line}`)).to.deep.equal(['yaml-tag@3']);
    const dup = await parseSource('name: a\nname: b\n', '/x.yml');
    expect(dup.problems.map((p) => p.code)).to.deep.equal(['syntax']);
    const proto = await parseSource('__proto__: {polluted: 1}\nname: x\n', '/x.yml');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(proto.data)).to.equal(Object.prototype);
  });
});

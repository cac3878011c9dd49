import { expect } from '@open-wc/testing';
import { validateConfig, findController, CONFIG_SHAPE } from '../src/validate-config.js';
import { CATEGORY_ICONS, LEGAL_BASES } from '../src/config.js';
import { expiresAt, staleness } from '../src/consent-record.js';

const load = async (name: string) => (await (await fetch(`/packages/privacy-notice/fixtures/${name}`)).json()) as Record<string, unknown>;
const paths = (value: unknown) => validateConfig(value).map((p) => p.path);

describe('validateConfig', () => {
  it('accepts the fixture configurations', async () => {
    expect(validateConfig(await load('config-consent.json'))).to.deep.equal([]);
    expect(validateConfig(await load('config-transparency.json'))).to.deep.equal([]);
  });

  it('names the offending field by its JSON path', async () => {
    const problems = validateConfig(await load('config-invalid.json'));
    expect(problems.map((p) => p.path)).to.deep.equal(['purposes[2].legalBasis']);
    expect(problems[0]!.message).to.contain('consent, contract, legal-obligation, vital-interest, public-task, legitimate-interest');
  });

  it('reports missing, mistyped and nested fields, each at its place', async () => {
    const config = await load('config-consent.json');
    const broken = JSON.parse(JSON.stringify(config)); // a loose copy to break at will
    delete broken.retention;
    broken.lastUpdated = '1 March 2025';
    broken.controller.email = 'not an address';
    broken.dataCategories[1].icon = 'smiley';
    broken.transfers[0] = { country: 'US' };
    broken.services[1].cookies = 'a,b';
    broken.policyUrl = 'javascript:alert(1)';
    expect(paths(broken)).to.have.members([
      'lastUpdated',
      'controller.email',
      'dataCategories[1].icon',
      'retention',
      'transfers[0].safeguard',
      'services[1].cookies',
      'policyUrl',
    ]);
  });

  it('checks the rules across fields: the stated interest, unique ids, references', async () => {
    const broken = JSON.parse(JSON.stringify(await load('config-consent.json')));
    delete broken.purposes[1].legitimateInterest;
    broken.purposes[3].id = 'statistics';
    broken.purposes[0].categories = ['identity', 'biometrics'];
    broken.services[2].purposes = ['videos'];
    expect(paths(broken)).to.deep.equal(['purposes[3].id', 'purposes[0].categories[1]', 'purposes[1].legitimateInterest', 'services[2].purposes[0]']);
  });

  it('refuses what is not a configuration at all, and texts that are not texts', () => {
    expect(paths(null)).to.deep.equal(['']);
    expect(paths([])).to.deep.equal(['']);
    const noText = paths({ version: '1', lastUpdated: '2025-01-01', controller: { name: { fr: 3 } }, purposes: [], dataCategories: [], retention: {}, authority: { name: 'x' }, automatedDecisions: '' });
    expect(noText).to.deep.equal(['controller.name', 'purposes', 'dataCategories', 'retention', 'automatedDecisions']);
  });

  it('finds the controller contact even in a broken configuration', () => {
    expect(findController({ controller: { name: 'Ville de Démo', email: 'info@ville-demo.ch', url: 'javascript:x' } })).to.deep.equal({ name: 'Ville de Démo', email: 'info@ville-demo.ch' });
    expect(findController({ controller: 'nobody' })).to.equal(undefined);
    expect(findController('nothing')).to.equal(undefined);
  });
});

describe('the JSON Schema in docs/ says what the validator checks', () => {
  it('has the same fields, required fields and enumerations', async () => {
    const schema = await (await fetch('/docs/schemas/privacy-config.schema.json')).json();
    const required = Object.entries(CONFIG_SHAPE)
      .filter(([, rule]) => (typeof rule === 'string' ? rule.endsWith('!') : rule[1] === '!'))
      .map(([key]) => key);
    expect(Object.keys(schema.properties)).to.have.members(Object.keys(CONFIG_SHAPE));
    expect(schema.required).to.have.members(required);
    expect(schema.$defs.legalBasis.enum).to.deep.equal([...LEGAL_BASES]);
    expect(schema.$defs.dataCategory.properties.icon.enum).to.deep.equal([...CATEGORY_ICONS]);
    expect(schema.$defs.purpose.required).to.have.members(['id', 'title', 'description', 'legalBasis']);
    expect(schema.$defs.service.required).to.have.members(['name', 'purposes']);
  });
});

describe('stored choice expiry', () => {
  it('lasts 13 calendar months by default, or expiry-days', () => {
    expect(new Date(expiresAt('2025-01-31T10:00:00.000Z')).toISOString().slice(0, 7)).to.equal('2026-03'); // 13 months on, past a short February
    expect(expiresAt('2025-01-01T00:00:00.000Z', 2)).to.equal(Date.parse('2025-01-03T00:00:00.000Z'));
  });
  it('says why a record no longer counts', () => {
    const record = { version: 'v2', date: '2025-01-01T00:00:00.000Z', choices: {} };
    expect(staleness(record, 'v2', undefined, Date.parse('2025-06-01'))).to.equal(undefined);
    expect(staleness(record, 'v2', undefined, Date.parse('2026-02-02'))).to.equal('expired');
    expect(staleness(record, 'v2', 30, Date.parse('2025-02-01'))).to.equal('expired');
    expect(staleness(record, 'v3', undefined, Date.parse('2025-01-02'))).to.equal('version');
  });
});

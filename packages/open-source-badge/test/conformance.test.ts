/**
 * Conformance over real third-party publiccode.yml files in ../shared/fixtures/publiccode/ (read
 * through the test server, never copied into the project; skipped with a notice when absent),
 * and over Citopia's own /publiccode.yml.
 */
import { expect } from '@open-wc/testing';
import { sharedFixtures, type SharedFixtures } from '@citopia/testing';
import '../src/index.js';
import type { OpenSourceBadgeElement as OpenSourceBadge } from '../src/citopia-open-source-badge.js';

const STATUS_LABELS: Record<string, string> = {
  concept: 'Concept: no usable code yet',
  development: 'In development: not ready for use yet',
  beta: 'Beta: being tested',
  stable: 'Stable: ready for production use',
  obsolete: 'Obsolete: no longer maintained',
};

/** A top-level scalar read straight from the YAML text: an oracle independent of our parser. */
function scalar(text: string, pattern: RegExp): string | undefined {
  const value = pattern.exec(text)?.[1]?.replace(/\s+#.*$/, '').trim();
  return value?.replace(/^(["'])(.*)\1$/, '$2') || undefined;
}

async function mount(src: string, validate = false): Promise<OpenSourceBadge> {
  const wrapper = document.createElement('div');
  wrapper.lang = 'en';
  wrapper.dataset.citopiaTest = '';
  const el = document.createElement('citopia-open-source-badge');
  el.open = true;
  el.validate = validate;
  el.src = src;
  wrapper.append(el);
  document.body.append(wrapper);
  await el.whenReady();
  return el;
}

const textOf = (el: OpenSourceBadge, selector: string) => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** [severity, key] of every problem the maintainers' report lists ("" for the whole file). */
const reported = (el: OpenSourceBadge) =>
  [...el.shadowRoot!.querySelectorAll('[part="problems"] li')].map((li) => [
    li.querySelector('strong')!.textContent!.trim(),
    li.querySelector('code')?.textContent ?? '',
  ]);
/** "description[en-US].features" (the reference parser's spelling) as "description.en-US.features". */
const normalise = (key: string) => key.replace(/\[([^\]\d][^\]]*)\]/g, '.$1');
const names = (key: string, expected: string) => key === expected || key.startsWith(`${expected}.`) || key.startsWith(`${expected}[`);

interface Expected {
  severity: string;
  key: string;
  message: string;
}

describe('conformance: real publiccode.yml files', function () {
  this.timeout(60_000);
  let shared: SharedFixtures;
  let expected: { invalid: Record<string, Expected[]>; valid_with_warnings: Record<string, Expected[]> } | undefined;

  before(async () => {
    shared = await sharedFixtures('publiccode');
    if (shared.available && shared.files.includes('publiccode/expected-results.json')) {
      expected = await (await fetch(shared.url('publiccode/expected-results.json'))).json();
    }
  });
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('renders the name, licence and development status of every file in valid/ and real/', async function () {
    if (!shared.available) this.skip();
    const files = shared.files.filter((f) => /^publiccode\/(valid|real)\/.+\.ya?ml$/.test(f));
    expect(files.length).to.be.greaterThan(10);
    for (const file of files) {
      const text = await (await fetch(shared.url(file))).text();
      const name = scalar(text, /^name:(.*)$/m);
      const license = scalar(text, /^ {2}license:(.*)$/m);
      const status = scalar(text, /^developmentStatus:(.*)$/m);
      const el = await mount(shared.url(file));
      const details = textOf(el, '#details');
      expect(el.loadState, file).to.equal('ready');
      expect(name, `${file} has a name`).to.be.a('string');
      expect(details, `${file}: name`).to.contain(name!);
      expect(license, `${file} has a licence`).to.be.a('string');
      expect(textOf(el, '[part="pill"]'), `${file}: licence in the pill`).to.contain(`Open source · ${license}`);
      expect(details, `${file}: licence`).to.contain(license!);
      if (status) expect(details, `${file}: status`).to.contain(STATUS_LABELS[status] ?? status);
      el.parentElement!.remove();
    }
  });

  it('finds no error in the files of valid/ (a draft "1" version aside), and the warnings the reference parser gives', async function () {
    if (!shared.available) this.skip();
    for (const file of shared.files.filter((f) => /^publiccode\/valid\/.+\.ya?ml$/.test(f))) {
      const el = await mount(shared.url(file), true);
      const problems = reported(el);
      const errors = problems.filter(([severity]) => severity === 'Error').map(([, key]) => key);
      if (file.includes('/v1/')) {
        // publiccodeYmlVersion "1" is an unreleased draft (invalid/publiccodeYmlVersion_invalid.yml expects it refused).
        expect(errors, file).to.include('publiccodeYmlVersion');
      } else {
        expect(errors, file).to.deep.equal([]);
        const warnings = expected?.valid_with_warnings[file.split('/').pop()!] ?? [];
        for (const w of warnings) {
          expect(problems.some(([severity, key]) => severity === 'Warning' && names(key!, normalise(w.key))), `${file}: warning on ${w.key}`).to.equal(true);
        }
      }
      el.parentElement!.remove();
    }
  });

  it('names the offending key of every file in invalid/', async function () {
    if (!shared.available) this.skip();
    const files = shared.files.filter((f) => /^publiccode\/invalid\/.+\.ya?ml$/.test(f));
    expect(files.length).to.be.greaterThan(10);
    for (const file of files) {
      const el = await mount(shared.url(file), true);
      const errors = reported(el).filter(([severity]) => severity === 'Error').map(([, key]) => key!);
      expect(errors.length, `${file} has errors`).to.be.greaterThan(0);
      const all = expected?.invalid[file.split('/').pop()!] ?? [];
      // The reference parser also reports network checks (not ours: the badge loads nothing but
      // its src), and, after a value of the wrong type, every required key of the same section as
      // missing although it is present (its decoder gave up on the section): those are left out.
      const section = (key: string) => key.split('.').slice(0, -1).join('.');
      const typeErrors = all.filter((e) => e.message === 'wrong type for this field').map((e) => section(e.key));
      const wanted = all.filter(
        (e) => e.severity === 'error' && !/reachable|code repository/.test(e.message) && !(/is a required field/.test(e.message) && typeErrors.includes(section(e.key)) && section(e.key) !== ''),
      );
      for (const e of wanted) {
        const key = normalise(e.key);
        expect(errors.some((k) => names(k, key)), `${file}: ${e.key || 'whole file'} in ${JSON.stringify(errors)}`).to.equal(true);
      }
      el.parentElement!.remove();
    }
  });
});

describe("conformance: Citopia's own publiccode.yml", () => {
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('is valid and shows the project', async () => {
    const el = await mount('/publiccode.yml', true);
    expect(reported(el)).to.deep.equal([]);
    expect(textOf(el, '[part="problems-title"]')).to.equal('No problems found: this file follows the publiccode.yml standard.');
    expect(textOf(el, '[part="pill"]')).to.contain('Open source · EUPL-1.2');
    expect(textOf(el, '[part="name"]')).to.equal('Citopia');
  });
});

/**
 * The small plain-YAML reader against the full parser: on every file it accepts, it gives the
 * full parser's data exactly; anything it does not read, it declines (and the badge loads the
 * full parser's chunk).
 */
import { expect } from '@open-wc/testing';
import { hostileStrings } from '@citopia/testing';
import { readPlainYaml } from '../src/read-plain-yaml.js';
import { parseYaml } from '../src/parse-yaml.js';

const FILES = [
  '/publiccode.yml',
  '/packages/open-source-badge/fixtures/agenda-v0.3.publiccode.yml',
  '/packages/open-source-badge/fixtures/dechets-v0.4.publiccode.yml',
  '/packages/open-source-badge/fixtures/guichet-v0.7.publiccode.yml',
  '/packages/open-source-badge/fixtures/signalement-v0.2.publiccode.yml',
];

/** Plain YAML the reader must read, each compared with the full parser. */
const READ = [
  'a: 1\nb: -2\nc: 0.2\nd: 1e3\ne: true\nf: False\ng: ~\nh:\ni: null\nj: 2026-11-23\nk: 0.1.0\n',
  'name: "quoted \\"text\\" \\u00e9\\n"\nother: \'it\'\'s\'\nplain: l\'aide # comment\nurl: https://example.org/a#b\n',
  'list:\n  - a\n  - "b"\n  -\n    c: 1\n  - d: 2\n    e: 3\nsame:\n- x\n- y\nnext: z\n',
  'text: |\n  line one\n    indented\n\n  line three\nfolded: >\n  one\n  two\n\n  three\nstrip: |-\n  no newline\nafter: ok\n',
  '# only a comment\nkey:   # a comment after the key\n  nested: value\n\n\nlast: "#not a comment"\n',
  'nested:\n  - - a\n    - b\n  - - c\n',
  'description:\n  en:\n    features:\n      - One\n      - Two: a mapping item\n',
];

/** YAML the reader must decline (the full parser reads it, or reports its problems). */
const DECLINE = [
  'a: [1, 2]\n',
  'a: {b: 1}\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '---\na: 1\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: plain\n  continued\n',
  'a: "open\n  quote"\n',
  'a: 1\na: 2\n',
  'a:\tb\n',
  '- top\n- sequence\n',
  'a: 0x1F\n',
  'key with space: 1\n',
  '"quoted key": 1\n',
  'a: b: c\n',
  'a: |+\n  keep\n\n',
  'a: >\n  one\n    more indented\n',
  'a: 1\n  b: 2\n',
];

describe('the plain-YAML reader', () => {
  it('reads each real publiccode.yml exactly as the full parser does', async () => {
    for (const file of FILES) {
      const text = await (await fetch(file)).text();
      const plain = readPlainYaml(text);
      expect(plain, `${file} is plain YAML`).to.not.equal(undefined);
      expect(plain, file).to.deep.equal(parseYaml(text).data);
    }
  });

  it('reads plain YAML exactly as the full parser does', () => {
    for (const text of READ) {
      const full = parseYaml(text);
      expect(full.problems, text).to.deep.equal([]);
      expect(readPlainYaml(text), text).to.deep.equal(full.data);
    }
  });

  it('gives the full parser\'s result for every naughty string, plain, single- or double-quoted', async () => {
    let read = 0;
    const strings = await hostileStrings();
    for (const s of strings) {
      for (const text of [`name: ${s}\n`, `name: '${s.replace(/'/g, "''")}'\n`, `name: ${JSON.stringify(s)}\n`, `list:\n  - ${s}\n`]) {
        const plain = readPlainYaml(text);
        if (plain === undefined) continue;
        read++;
        const full = parseYaml(text);
        expect(full.problems, JSON.stringify(text)).to.deep.equal([]);
        expect(plain, JSON.stringify(text)).to.deep.equal(full.data);
      }
    }
    // Most of them are read here (not declined wholesale), so the comparison means something.
    expect(read).to.be.above(strings.length * 2);
  });

  it('declines what it does not read', () => {
    for (const text of DECLINE) expect(readPlainYaml(text), text).to.equal(undefined);
  });
});

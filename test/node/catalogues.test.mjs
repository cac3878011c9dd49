// Every message a package's XLIFF translates reaches the catalogue module lit-localize generates
// from it (src/locales/<locale>.ts). lit-localize writes only the messages it finds in msg()
// calls it recognises (imported from @lit/localize): a msg() taken from elsewhere leaves the
// catalogue empty on a fresh build while a stale generated file hides it. Run after the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const packages = readdirSync('packages').filter((name) => existsSync(join('packages', name, 'lit-localize.json')));

for (const name of packages) {
  for (const file of readdirSync(join('packages', name, 'xliff')).filter((f) => f.endsWith('.xlf'))) {
    const locale = file.replace(/\.xlf$/, '');
    test(`${name}: every ${locale} translation is in the generated catalogue`, () => {
      const ids = [...readFileSync(join('packages', name, 'xliff', file), 'utf8').matchAll(/<trans-unit id="([^"]+)">/g)].map((m) => m[1]);
      const generated = readFileSync(join('packages', name, 'src', 'locales', `${locale}.ts`), 'utf8');
      const missing = ids.filter((id) => !generated.includes(`'${id}':`));
      assert.ok(ids.length > 0, 'the XLIFF has messages');
      assert.deepEqual(missing, [], `${missing.length} of ${ids.length} messages missing from src/locales/${locale}.ts (is msg() imported from @lit/localize?)`);
    });
  }
}

import { expect } from '@open-wc/testing';
import { fetchJson, fetchWithTimeout, FetchError, parseRetryAfter } from '../src/fetch-entry.js';
import { createSafeStorage } from '../src/storage.js';
import { pickText } from '../src/language-map.js';
import { safeUrl } from '../src/safe-url.js';
import { chunkLoader, loadWhenOnline, partLoader, restOfStrings } from '../src/chunk.js';

describe('safeUrl', () => {
  it('keeps http, https, mailto, tel and relative URLs', () => {
    expect(safeUrl('https://www.ville-demo.ch/permis')).to.equal('https://www.ville-demo.ch/permis');
    expect(safeUrl('HTTP://EXAMPLE.ORG')).to.equal('http://example.org/');
    expect(safeUrl('mailto:info@ville-demo.ch')).to.equal('mailto:info@ville-demo.ch');
    expect(safeUrl('tel:+41 21 000 00 00')).to.match(/^tel:/);
    expect(safeUrl('/services/permis')).to.equal('/services/permis');
    expect(safeUrl('permis.html#a')).to.equal('permis.html#a');
  });
  it('refuses javascript:, data:, vbscript: and their disguises', () => {
    const hostile = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', '\tjava\nscript:alert(1)', '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'blob:https://x/1', 'jav&#x09;ascript:alert(1)'.replace('&#x09;', '\t'),
    ];
    for (const url of hostile) expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl('')).to.equal(undefined);
  });
  it('leaves entity-encoded text inert (it stays a harmless relative path)', () => {
    expect(safeUrl('javascript&colon;alert(1)')).to.equal('javascript&colon;alert(1)');
  });
});

describe('pickText', () => {
  it('picks the exact tag, then the primary language, then fallbacks', () => {
    const map = { fr: 'Permis', 'de-CH': 'Bewilligung', it: 'Permesso' };
    expect(pickText(map, 'fr-CH')).to.deep.equal({ text: 'Permis', lang: 'fr' });
    expect(pickText(map, 'de')).to.deep.equal({ text: 'Bewilligung', lang: 'de-CH' });
    expect(pickText(map, 'ar').text).to.equal('Permis');
    expect(pickText('plain', 'de')).to.deep.equal({ text: 'plain', lang: undefined });
    expect(pickText({ fr: 3, de: null }, 'fr')).to.deep.equal({ text: '', lang: undefined });
    expect(pickText(['x'], 'fr').text).to.equal('');
  });
});

describe('fetch wrapper, against the real test server', () => {
  it('parses JSON', async () => {
    expect(await fetchJson('/__test/text?body=%7B%22a%22%3A1%7D')).to.deep.equal({ a: 1 });
  });
  it('types HTTP errors with status and Retry-After', async () => {
    try {
      await fetchWithTimeout('/__test/status/429?retry-after=7');
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(FetchError);
      expect((error as FetchError).kind).to.equal('http');
      expect((error as FetchError).status).to.equal(429);
      expect((error as FetchError).retryAfter).to.equal(7);
      expect((error as FetchError).retryable).to.equal(true);
    }
  });
  it('reports an HTML error page where JSON was expected as kind "parse"', async () => {
    const error = await fetchJson('/__test/html').catch((e: unknown) => e);
    expect((error as FetchError).kind).to.equal('parse');
  });
  it('times out', async () => {
    const error = await fetchJson('/__test/slow?ms=2000', { timeout: 100 }).catch((e: unknown) => e);
    expect((error as FetchError).kind).to.equal('timeout');
    expect((error as FetchError).retryable).to.equal(true);
  });
  it('reports a dropped connection as kind "network"', async () => {
    const error = await fetchJson('/__test/drop').catch((e: unknown) => e);
    expect((error as FetchError).kind).to.equal('network');
  });
  it('parses Retry-After dates', () => {
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).to.be.within(3, 6);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });
});

describe('safe storage', () => {
  const throwing = (what: 'get' | 'set' | 'all' | 'quota'): Storage => {
    const quota = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const broken = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => (what === 'get' || what === 'all' ? broken() : (data.get(k) ?? null)),
      setItem: (k: string, v: string) => (what === 'quota' ? quota() : what === 'set' || what === 'all' ? broken() : void data.set(k, v)),
      removeItem: (k: string) => void data.delete(k),
      clear: () => data.clear(),
      key: () => null,
      length: 0,
    } as Storage;
  };
  it('round-trips JSON in the real localStorage', () => {
    const storage = createSafeStorage('citopia-test:');
    expect(storage.available).to.equal(true);
    expect(storage.setJson('x', { a: 1 })).to.deep.equal({ persisted: true });
    expect(localStorage.getItem('citopia-test:x')).to.equal('{"a":1}');
    expect(storage.getJson('x')).to.deep.equal({ a: 1 });
    storage.remove('x');
    expect(localStorage.getItem('citopia-test:x')).to.equal(null);
  });
  it('keeps values in memory when writing hits the quota, and says so', () => {
    const storage = createSafeStorage('t:', () => throwing('quota'));
    expect(storage.set('draft', 'hello')).to.deep.equal({ persisted: false, problem: 'quota' });
    expect(storage.get('draft')).to.equal('hello');
  });
  it('survives a storage that throws on every call, or is absent', () => {
    for (const backend of [() => throwing('all'), () => undefined]) {
      const storage = createSafeStorage('t:', backend);
      expect(storage.available).to.equal(false);
      expect(storage.set('k', 'v').persisted).to.equal(false);
      expect(storage.get('k')).to.equal('v');
      expect(storage.getJson('missing')).to.equal(undefined);
      expect(() => storage.remove('k')).not.to.throw();
    }
  });
  it('survives reading from a storage that throws on read', () => {
    const storage = createSafeStorage('t:', () => throwing('get'));
    expect(storage.get('never-written')).to.equal(null);
  });
});

describe('chunks that failed to download, against the real test server', () => {
  // The first request of this module answers 503, as a chunk that cannot be downloaded; the next
  // ones serve it. A fresh key per test: the server counts failures per key.
  const failingOnce = () => `/__test/fail-first/chunk-${Date.now()}-${Math.random().toString(36).slice(2)}/1/packages/core/src/format.ts`;
  type Format = typeof import('../src/format.js');

  it('loadWhenOnline waits for the browser to be back online, then loads the chunk (under a new address where the browser keeps the failure)', async () => {
    const address = failingOnce();
    const load = () => import(/* @vite-ignore */ address) as Promise<Format>;
    const failure: unknown = await load().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure, 'the first download failed').to.be.instanceOf(Error);
    let loaded: Format | undefined;
    const loading = loadWhenOnline(load, failure).then((module) => (loaded = module));
    await new Promise((r) => setTimeout(r, 100));
    expect(loaded, 'nothing is asked for while offline').to.equal(undefined);
    dispatchEvent(new Event('online'));
    await loading;
    expect(loaded!.plural('fr', 0, { one: 'one', other: 'other' })).to.equal('one');
  });

  it('chunkLoader asks again for a chunk that failed, also when it failed before the loader existed', async () => {
    const address = failingOnce();
    const load = () => import(/* @vite-ignore */ address) as Promise<Format>;
    const failure = await load().catch((error: unknown) => error);
    const again = chunkLoader(load, failure);
    expect((await again()).formatNumber('ar', 1234)).to.match(/1.?234/);
  });

  it('partLoader: a part arrives with the rest of the strings, and a failure of the rest is its failure, asked again next time', async () => {
    type Module = typeof import('../src/format.js');
    // The rest as a CDN catalogue chunk registers it: here failing once, then arriving late.
    let asked = 0;
    let arrived = false;
    const rest = () => (++asked === 1 ? Promise.reject(new Error('offline')) : new Promise<void>((r) => setTimeout(() => r(void (arrived = true)), 50)));
    restOfStrings.loads.push(rest);
    try {
      const address = '/packages/core/src/format.ts';
      const load = partLoader(() => import(/* @vite-ignore */ address) as Promise<Module>);
      expect(restOfStrings.wanted).to.equal(false);
      const failed = await load().then(() => 'loaded', (error: Error) => error.message);
      expect(failed, 'the part fails with its strings').to.equal('offline');
      expect(restOfStrings.wanted, 'later catalogue chunks bring their rest at once').to.equal(true);
      const part = await load();
      expect(asked).to.equal(2);
      expect(arrived, 'the part waited for its strings').to.equal(true);
      expect(part.formatNumber('fr', 2)).to.equal('2');
    } finally {
      restOfStrings.loads.splice(restOfStrings.loads.indexOf(rest), 1);
    }
  });
});

/**
 * Strict Content-Security-Policy (issue 8): page.html, served with the policy of
 * docs/security.md, renders every component from the CDN build; driver.js runs each component's
 * main task and reports. Assert: every task succeeded, no `securitypolicyviolation` fired, and the
 * header really is there (a negative control proves violations would be seen).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { reportFigure } from '@citopia/testing';

interface TaskResult {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}
interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
interface PageResult {
  tasks: Record<'finder' | 'request' | 'privacy' | 'badge', TaskResult>;
  violations: Violation[];
  reports: Array<{ directive: string; blocked: string }>;
  errors: string[];
  trustedTypes: boolean;
  policies: string[];
  policyUses: Record<string, number>;
  translationChunks: number;
  restChunks: number;
}

const PAGE = '/packages/all/test/csp/page.html';

/** Loads `url` in an iframe and resolves with what its driver posts. */
function runPage(url: string, timeout = 25_000): Promise<{ result: PageResult; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.title = 'CSP test page';
  frame.style.cssText = 'width: 900px; height: 700px';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject(new Error(`no result from ${url} within ${timeout} ms`));
    }, timeout);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data?.source !== 'citopia-csp') return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve({ result: event.data as PageResult, frame });
    };
    window.addEventListener('message', onMessage);
    frame.src = url;
    document.body.append(frame);
  });
}

const pageUrl = (open311: string, extra = '') => `${PAGE}?connect=${encodeURIComponent(open311)}&open311=${encodeURIComponent(open311)}${extra}`;

describe('strict Content-Security-Policy', function () {
  this.timeout(40_000);
  let open311 = '';

  before(async () => {
    open311 = ((await executeServerCommand('open311-start', {})) as { url: string }).url;
  });
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    localStorage.removeItem('citopia:csp-page');
  });

  it('is really sent with the page: strict, no unsafe-*, Trusted Types required, the Open311 origin allowed', async () => {
    const response = await fetch(pageUrl(open311));
    const policy = response.headers.get('Content-Security-Policy') ?? '';
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives).to.deep.equal({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'connect-src': `'self' ${open311}`,
      'frame-src': "'self'",
      'require-trusted-types-for': "'script'",
      'trusted-types': 'lit-html citopia-consent citopia-jsonld',
    });
    expect(policy).to.not.match(/unsafe-|data:|\*/);
  });

  it('page.html has no inline script, no inline style and no style attribute', async () => {
    const html = await (await fetch(PAGE)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const inline = [...doc.querySelectorAll('script')].filter((s) => !s.src && !(s.type === 'text/plain' && s.dataset.src));
    expect(inline.map((s) => s.outerHTML)).to.deep.equal([]);
    expect(doc.querySelectorAll('style, [style]').length).to.equal(0);
  });

  it('negative control: breaking the policy on purpose is seen', async () => {
    const { result } = await runPage(`${PAGE}?control`);
    const directives = result.violations.map((v) => v.directive);
    expect(directives, JSON.stringify(result.violations)).to.include('style-src-attr');
    if (result.trustedTypes) expect(directives, JSON.stringify(result.violations)).to.include('require-trusted-types-for');
  });

  it('the finder\'s JSON-LD needs the "citopia-jsonld" policy; without it, only JSON-LD is left out', async () => {
    const url = `${pageUrl(open311)}&only=finder&jsonld`;
    const allowed = (await fetch(url)).headers.get('Content-Security-Policy')!.includes('citopia-jsonld');
    const { result } = await runPage(url);
    expect(result.tasks.finder, result.tasks.finder.error).to.include({ ok: true });
    expect(result.tasks.finder.results).to.be.above(0);
    expect(result.errors, 'uncaught errors on the page').to.deep.equal([]);
    if (!result.trustedTypes || allowed) {
      expect(result.violations).to.deep.equal([]);
      expect(result.tasks.finder.jsonld).to.equal(true);
      return;
    }
    // The browser names what the city must allow; nothing else is refused.
    expect(result.tasks.finder.jsonld).to.equal(false);
    expect(result.violations.length, JSON.stringify(result.violations)).to.be.above(0);
    for (const v of result.violations) expect(v.sample.includes('citopia-jsonld') || v.source.includes('/chunks/jsonld-'), JSON.stringify(v)).to.equal(true);
  });

  it('every component works through its main task, with 0 violations', async () => {
    localStorage.removeItem('citopia:csp-page');
    const { result } = await runPage(pageUrl(open311));
    const { finder, request, privacy, badge } = result.tasks;
    // Each violation fires one event (and, in Chromium, one report of the same violation).
    await reportFigure('CSP violations', Math.max(result.violations.length, result.reports.length));

    expect(result.violations, JSON.stringify(result.violations, null, 2)).to.deep.equal([]);
    expect(result.reports, JSON.stringify(result.reports, null, 2)).to.deep.equal([]);
    expect(result.errors, 'uncaught errors on the page').to.deep.equal([]);

    // Service finder: a search with results.
    expect(finder, finder.error).to.include({ ok: true, jsonld: false });
    expect(finder.results).to.be.above(0);

    // Assistance request: sent to the real server on another origin, which stored it once.
    expect(request, request.error).to.include({ ok: true });
    const stored = (await executeServerCommand('open311-requests', { url: open311 })) as Array<{ service_request_id: string; description: string }>;
    expect(stored).to.have.length(1);
    expect(request.reference).to.equal(stored[0]!.service_request_id);
    expect(stored[0]!.description).to.equal('Tag sur le mur du préau de l’école.');

    // Privacy notice: held back until "Accept all"; then the script ran and the map loaded.
    expect(privacy, privacy.error).to.include({ ok: true, heldBack: true, statsRan: 1, frameShown: true, consent: true });

    // Open-source badge: expanded, licence shown, the details chunk loaded; the plain
    // publiccode.yml was read without the full YAML parser's chunk.
    expect(badge, badge.error).to.include({ ok: true, licenceShown: true });
    expect(badge.pill).to.include('EUPL-1.2');
    expect(badge.yamlChunk).to.equal(0);
    expect(badge.detailsChunk).to.be.above(0);

    // Translations (the page is in French) came from beside the CDN file, in one chunk for every
    // package of the bundle, and the strings of the lazily loaded parts once, with the first one.
    expect(result.translationChunks).to.equal(1);
    expect(result.restChunks).to.equal(1);

    if (result.trustedTypes) {
      // Lit's policy and ours, each created once; the gated script URL went through ours.
      expect([...result.policies].sort()).to.deep.equal(['citopia-consent', 'lit-html']);
      expect(result.policyUses['citopia-consent.createScriptURL']).to.equal(1);
    } else {
      console.log('[csp] this browser has no Trusted Types: require-trusted-types-for is not enforced here');
    }
  });
});

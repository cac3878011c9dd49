// The CSP page's own script (a classic script from 'self', loaded before Citopia). It records every
// Content-Security-Policy violation and every Trusted Types policy, runs each component's main task
// the way a person would (clicks and input events), then posts the results to the parent page
// (csp.test.ts). With ?control it breaks the policy on purpose instead: the negative control that
// proves violations are seen.
(() => {
  const params = new URLSearchParams(location.search);
  const violations = [];
  const describe = (e) => ({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: String(e.blockedURI ?? ''),
    sample: String(e.sample ?? '').slice(0, 120),
    source: `${e.sourceFile ?? ''}:${e.lineNumber ?? ''}`,
  });
  // Capture phase on window: violations inside shadow roots are composed events and arrive here too.
  window.addEventListener('securitypolicyviolation', (e) => violations.push(describe(e)), true);

  // Uncaught exceptions anywhere on the page (a component broken by the policy would throw).
  const errors = [];
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.message ?? e.reason)));

  // The Reporting API sees the same violations through another channel (Chromium).
  const reports = [];
  if (typeof ReportingObserver === 'function') {
    new ReportingObserver((list) => reports.push(...list.map((r) => ({ directive: r.body?.effectiveDirective, blocked: r.body?.blockedURL ?? '' }))), { types: ['csp-violation'], buffered: true }).observe();
  }

  // Which Trusted Types policies are created, and how often each rule is used.
  const policies = [];
  const policyUses = {};
  const tt = window.trustedTypes;
  if (tt && typeof tt.createPolicy === 'function') {
    const create = tt.createPolicy.bind(tt);
    tt.createPolicy = (name, rules = {}) => {
      policies.push(name);
      const counted = {};
      for (const [rule, fn] of Object.entries(rules)) {
        counted[rule] = (...args) => {
          policyUses[`${name}.${rule}`] = (policyUses[`${name}.${rule}`] ?? 0) + 1;
          return fn(...args);
        };
      }
      return create(name, counted);
    };
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function until(predicate, what, timeout = 10_000) {
    const start = Date.now();
    for (;;) {
      let value;
      try {
        value = predicate();
      } catch {
        value = undefined;
      }
      if (value) return value;
      if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }
  const $ = (el, selector) => el.shadowRoot?.querySelector(selector);
  const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  /** Sets a field's value as typing does: the value, then a bubbling, composed input event. */
  const fill = (field, value) => {
    field.focus();
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  };
  const loaded = (part) => performance.getEntriesByType('resource').filter((r) => r.name.includes(part)).length;

  /** Search, and get results. */
  async function finder() {
    const el = document.getElementById('finder');
    await until(() => $(el, '#results')?.getAttribute('aria-busy') === 'false', 'the catalogue');
    fill($(el, '#q'), 'permis de construire');
    await until(() => el.shadowRoot.querySelectorAll('.result').length > 0, 'search results');
    // ?jsonld: the schema.org JSON-LD too, which needs the "citopia-jsonld" Trusted Types policy (in the documented list).
    if (params.has('jsonld')) {
      el.jsonld = true;
      await until(() => loaded('/chunks/jsonld-'), 'the JSON-LD module'); // loaded lazily
      await sleep(200);
    }
    const jsonld = document.head.querySelector('script[type="application/ld+json"][data-citopia="service-finder"]');
    return { results: el.shadowRoot.querySelectorAll('.result').length, jsonld: Boolean(jsonld) };
  }

  /** Fill the form, check, send to the real Open311 server, get a reference number. */
  async function request() {
    const el = document.getElementById('request');
    el.endpoint = params.get('open311') ?? '';
    await until(() => $(el, 'form') && $(el, '#description') && !$(el, '#what-retry:not(button)'), 'the form');
    fill($(el, '#description'), 'Tag sur le mur du préau de l’école.');
    fill($(el, '#address'), 'Rue du Collège 4');
    $(el, '#answer-email-3').click(); // no answer needed
    $(el, 'button[type="submit"]').click();
    await until(() => $(el, '#send'), 'the check step');
    $(el, '#send').click();
    const ref = await until(() => $(el, '[part="confirmation"] .ref'), 'the reference number');
    return { reference: text(ref) };
  }

  /** Accept all: the gated script runs (through the citopia-consent policy), the gated map loads. */
  async function privacy() {
    const el = document.getElementById('privacy');
    await until(() => el.state === 'ready' && $(el, '[part="actions"] button'), 'the consent banner');
    const frame = document.getElementById('map');
    const heldBack = frame.hidden && !frame.getAttribute('src') && window.__statsRan === undefined;
    $(el, '[part="actions"] button').click(); // "Accept all" comes first
    await until(() => window.__statsRan === 1, 'the gated script to run');
    await until(() => frame.getAttribute('src') && frame.contentDocument?.body && text(frame.contentDocument.body).includes('stand-in'), 'the gated map');
    return { heldBack, statsRan: window.__statsRan, frameShown: !frame.hidden, consent: el.getConsent('statistics') && el.getConsent('maps') };
  }

  /** Expand the details: the licence shows, the YAML parser and the details chunk load. */
  async function badge() {
    const el = document.getElementById('badge');
    await until(() => el.loadState === 'ready', 'the publiccode.yml');
    $(el, '[part="toggle"]').click();
    await until(() => !$(el, '[part="details"]').hidden && text($(el, '[part="details"]')).includes('EUPL-1.2') && $(el, '[part="facts"]'), 'the details with the licence');
    return { pill: text($(el, '[part="pill"]')), licenceShown: true, yamlChunk: loaded('/chunks/parse-yaml-'), detailsChunk: loaded('/chunks/details-') };
  }

  async function run(name, task) {
    try {
      return [name, { ok: true, ...(await task()) }];
    } catch (error) {
      return [name, { ok: false, error: String(error?.message ?? error) }];
    }
  }

  /** Breaks the policy twice on purpose: an inline style attribute, and a string for a script URL. */
  function control() {
    document.body.setAttribute('style', 'outline: 1px solid red');
    try {
      document.createElement('script').src = '/packages/privacy-notice/fixtures/gated-stats.js?control';
    } catch {
      /* Trusted Types refuse the string: that is the point */
    }
  }

  async function main() {
    await new Promise((resolve) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', resolve, { once: true }) : resolve()));
    let tasks = {};
    if (params.has('control')) control();
    else {
      const tags = ['citopia-service-finder', 'citopia-assistance-request', 'citopia-privacy-notice', 'citopia-open-source-badge'];
      await Promise.all(tags.map((t) => customElements.whenDefined(t)));
      const all = { finder, request, privacy, badge };
      const only = params.get('only')?.split(',') ?? Object.keys(all); // ?only=finder runs just that task
      tasks = Object.fromEntries(await Promise.all(only.map((name) => run(name, all[name]))));
    }
    await sleep(300); // violation events and reports are delivered asynchronously
    const result = {
      source: 'citopia-csp',
      tasks,
      violations,
      reports,
      errors,
      trustedTypes: Boolean(tt),
      policies,
      policyUses,
      translationChunks: loaded('/assets/citopia/cdn/chunks/fr-') - loaded('/assets/citopia/cdn/chunks/fr-rest-'),
      restChunks: loaded('/assets/citopia/cdn/chunks/fr-rest-'),
    };
    window.__citopiaCsp = result;
    parent.postMessage(result, location.origin);
  }
  void main();
})();

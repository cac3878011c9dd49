// The badge bench page: the built component (dist/, bundled with Lit by the bench), and one
// function that mounts an open badge, gives it data or a src, and measures until its note (the
// live region's message) and its facts are in the DOM and painted.
import '../dist/index.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Milliseconds from giving the badge its source to the painted frame that shows its facts and (unless `note` is false) its note. */
async function measure({ data, src, note: withNote = true }) {
  const host = document.createElement('div');
  host.lang = 'fr';
  const badge = document.createElement('citopia-open-source-badge');
  badge.setAttribute('open', '');
  const t0 = performance.now();
  if (data !== undefined) badge.data = data;
  else badge.src = src;
  host.append(badge);
  document.querySelector('main').append(host);
  const shown = () => {
    const root = badge.shadowRoot;
    const note = root?.querySelector('[part="status"] .message');
    const facts = root?.querySelector('[part="facts"]');
    return (!withNote || note?.getClientRects().length > 0) && facts?.getClientRects().length > 0;
  };
  while (!shown()) {
    if (performance.now() - t0 > 60_000) throw new Error('no view within 60 s');
    await frame();
  }
  await frame();
  const ms = performance.now() - t0;
  host.remove();
  return ms;
}

window.__bench = { ready: true, measure };

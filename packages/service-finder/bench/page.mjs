// The bench page's script (bundled by bench/index.mjs with the BUILT component from dist/):
// a finder over 10,000 services, and a probe that times each key press.
import '../dist/index.js';
import { generateCatalogue } from '../dist/huge-catalogue.js';

const bench = { ready: false, samples: [], setup: {} };
window.__bench = bench;

const size = Number(new URL(location.href).searchParams.get('size') ?? 10000);
const base = await (await fetch('/packages/service-finder/fixtures/ville-de-demo.json')).json();
let t = performance.now();
const catalogue = generateCatalogue(base, size);
bench.setup.generate = performance.now() - t;
t = performance.now();
const finder = document.createElement('citopia-service-finder');
finder.services = catalogue;
document.querySelector('main').append(finder);
const input = await new Promise((resolve) => {
  const poll = () => {
    const field = finder.shadowRoot?.querySelector('#results[aria-busy="false"]') && finder.shadowRoot.querySelector('#q');
    if (field) resolve(field);
    else requestAnimationFrame(poll);
  };
  poll();
});
bench.setup.ready = performance.now() - t;

// keydown's timeStamp is when the browser received the key. The component searches and Lit
// renders in the same task (input event, then a microtask); `update` is taken once the DOM holds
// the new results. `paint` waits for the next animation frame, then for a task posted from it,
// which runs after that frame's style, layout and paint.
let current;
input.addEventListener('keydown', (event) => {
  const sample = (current = { key: event.key, start: event.timeStamp });
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      sample.paint = performance.now() - sample.start;
      // Keys that change nothing (Control, Shift...) have no input event: not counted.
      if (sample.update !== undefined) bench.samples.push(sample);
    };
    channel.port2.postMessage(0);
  });
});
input.addEventListener('input', () => {
  const sample = current;
  current = undefined;
  if (!sample) return;
  void finder.updateComplete.then(() => {
    sample.update = performance.now() - sample.start;
    sample.results = finder.shadowRoot.querySelectorAll('.result').length;
  });
});
bench.ready = true;

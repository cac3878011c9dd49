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

// keydown's timeStamp is when the browser received the key. `paint` waits for the next animation
// frame, then for a task posted from it, which runs after that frame's style, layout and paint:
// the frame that shows the results in view (`inFrame` says how many it held; the finder puts the
// ones below the fold off to the frame after). `update` is taken once the DOM holds every result
// (the finder's updateComplete waits for those below the fold too), `complete` once the frame
// after that is painted.
const afterNextPaint = (then) =>
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  });
const resultCount = () => finder.shadowRoot.querySelectorAll('.result').length;
let current;
input.addEventListener('keydown', (event) => {
  const sample = (current = { key: event.key, start: event.timeStamp });
  afterNextPaint(() => {
    sample.paint = performance.now() - sample.start;
    sample.inFrame = resultCount();
  });
});
input.addEventListener('input', () => {
  const sample = current;
  current = undefined;
  if (!sample) return;
  void finder.updateComplete.then(() => {
    sample.update = performance.now() - sample.start;
    sample.results = resultCount();
    afterNextPaint(() => {
      sample.complete = performance.now() - sample.start;
      // Keys that change nothing (Control, Shift...) have no input event: not counted.
      bench.samples.push(sample);
    });
  });
});
bench.ready = true;

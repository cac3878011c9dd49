// The screen-reader harness's own controls: it must hear inside open shadow roots and slots,
// follow focus into a shadow root, hear live regions there, and fail when a phrase changes.
import { expect } from '@open-wc/testing';
import { expectLanguage, expectNoDuplicateAnnouncements, expectPhrases, matchTranscript, startReader, transcriptsUpdating, type Reader } from '../src/index.js';

class HarnessProbe extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{display:block}</style>
      <h2>Probe heading</h2>
      <label for="f">Field name</label><p id="h">Field hint</p>
      <input id="f" aria-describedby="h">
      <div role="status" id="s"></div>
      <p><slot></slot></p>`;
    root.querySelector('input')!.addEventListener('input', () => (root.querySelector('#s')!.textContent = `typed ${root.querySelector('input')!.value.length}`));
  }
}
customElements.define('harness-probe', HarnessProbe);

/** A button that moves the focus inside its own shadow root and swaps a status message. */
class HarnessSwap extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<button id="go">Swap</button><div role="status"><p>Loading</p></div><h3 id="done" tabindex="-1">Done heading</h3>`;
    root.querySelector('#go')!.addEventListener('click', () => {
      const status = root.querySelector('[role="status"]')!;
      const p = document.createElement('p');
      p.textContent = 'Swapped';
      status.firstElementChild!.remove();
      status.append(p);
      root.querySelector<HTMLElement>('#done')!.focus();
    });
  }
}
customElements.define('harness-swap', HarnessSwap);

describe('screen-reader harness', function () {
  this.timeout(20_000);
  let reader: Reader | undefined;
  let wrapper: HTMLElement;
  beforeEach(() => {
    wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    wrapper.innerHTML = '<harness-probe><span>Slotted text</span></harness-probe>';
    document.body.append(wrapper);
  });
  afterEach(async () => {
    await reader?.stop();
    reader = undefined;
    wrapper.remove();
  });

  it('walks the flat tree: shadow content, labels, hints and slotted text', async () => {
    reader = await startReader(wrapper);
    await reader.readUntil('Slotted text', 30);
    expectPhrases(reader, ['heading, Probe heading, level 2', 'Field name', 'Field hint', 'textbox, Field name, Field hint', 'Slotted text']);
  });

  it('follows focus into the shadow root and hears its live region', async () => {
    reader = await startReader(wrapper);
    await reader.nextFormField();
    await reader.type('abc');
    await reader.waitForAnnouncement(/typed 3/);
    expectPhrases(reader, ['textbox, Field name, Field hint', 'polite: typed 1', 'polite: typed 2', 'polite: typed 3']);
    expect(reader.announcements()).to.deep.equal(['polite: typed 1', 'polite: typed 2', 'polite: typed 3']);
  });

  it('fails when a phrase is missing, out of order, announced twice or in English', async () => {
    reader = await startReader(wrapper);
    await reader.readUntil('Slotted text', 30);
    expect(() => expectPhrases(reader!, ['textbox, Field name, Field hint', 'heading, Probe heading, level 2'])).to.throw(/expected to hear/);
    expect(() => expectPhrases(reader!, ['textbox, Another name'])).to.throw(/expected to hear/);
    expect(() => expectNoDuplicateAnnouncements(['polite: 3 results', 'polite: 3 results'])).to.throw(/more than once/);
    expect(reader.transcript('fr')).to.deep.equal(reader.phrases());
    await expectLanguage(reader, 'fr', ['service-finder']);
    // An English source string of the finder, heard in a French walk, fails the language check.
    wrapper.querySelector('span')!.textContent = 'Search for a service';
    await reader.clear();
    await reader.readUntil('Search for a service', 30);
    let error: unknown;
    try {
      await expectLanguage(reader, 'fr', ['service-finder']);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/English "Search for a service" \(finder.search.label\)/);
    // Marked as English, the same words are fine, and the transcript says which language.
    wrapper.querySelector('span')!.lang = 'en';
    await reader.clear();
    await reader.previous();
    await reader.next();
    await expectLanguage(reader, 'fr', ['service-finder']);
    expect(reader.transcript('fr')).to.include('[lang=en] Search for a service');
  });

  it('compares the walk with its reviewed transcript and fails, with a diff, when it changes', async () => {
    reader = await startReader(wrapper);
    await reader.readUntil('Slotted text', 30);
    await matchTranscript('testing/probe', 'fr', reader.transcript('fr'));
    if (await transcriptsUpdating()) return;
    const changed = reader.transcript('fr').map((p) => p.replace('Field hint', 'Another hint'));
    let error: unknown;
    try {
      await matchTranscript('testing/probe', 'fr', changed);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/differs/).and.match(/- textbox, Field name, Field hint\n\+ textbox, Field name, Another hint/);
  });

  it('hears focus moving inside one shadow root, and one announcement for one update of a region', async () => {
    wrapper.innerHTML = '<harness-swap></harness-swap>';
    reader = await startReader(wrapper);
    expectPhrases(reader, ['button, Swap']);
    await reader.activate();
    await reader.waitForAnnouncement('polite: Swapped');
    // The announcement and the focus move are heard in either order (timing decides, as in a real screen reader).
    expectPhrases(reader, ['button, Swap', 'heading, Done heading, level 3']);
    expect(reader.announcements()).to.deep.equal(['polite: Swapped']);
  });
});

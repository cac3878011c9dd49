/**
 * The details dialog as assistive technology gets it, asserted from the facts that make its
 * accessibility tree, in every browser: a modal dialog (showModal, so aria-modal semantics),
 * named by its heading, and the page behind inert (it takes neither focus nor pointer). The same
 * checks run on a dialog that breaks each fact (the negative control), so they cannot pass blind.
 */
import { expect } from '@open-wc/testing';
import { deepActiveElement, mountFixture, tab } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';

/** What is wrong with `dialog` as a modal dialog named by `heading`; `behind` is a control of the page. */
async function modalProblems(dialog: HTMLDialogElement, heading: string, behind: HTMLButtonElement): Promise<string[]> {
  const problems: string[] = [];
  const root = dialog.getRootNode() as ShadowRoot | Document;
  if (!dialog.open || !dialog.matches(':modal')) problems.push('not open as a modal dialog');
  const labelledBy = dialog.getAttribute('aria-labelledby') ?? '';
  const name = labelledBy
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ')
    .trim();
  if (name !== heading) problems.push(`named "${name}", not by its heading "${heading}"`);
  // The page behind takes no focus, from script or from the keyboard (Tab stays in the dialog).
  behind.focus();
  if (document.activeElement === behind) problems.push('the page behind takes the focus');
  for (let i = 0; i < 8; i++) {
    await tab();
    const active = deepActiveElement();
    if (active === behind) problems.push('Tab reaches the page behind');
    if (active === behind || !active || !(dialog.contains(active) || active === dialog)) {
      if (active !== behind) problems.push('Tab leaves the dialog');
      break;
    }
  }
  // Nor the pointer: what is at the button's place is not the button.
  const box = behind.getBoundingClientRect();
  if (document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === behind) problems.push('the page behind takes the pointer');
  return problems;
}

describe('<citopia-privacy-notice> as assistive technology gets it', function () {
  this.timeout(20_000);
  let behind: HTMLButtonElement;
  beforeEach(() => {
    behind = Object.assign(document.createElement('button'), { type: 'button', textContent: 'A button behind the dialog' });
    document.body.prepend(behind);
  });
  afterEach(() => behind.remove());

  it('exposes the details as a modal dialog named by its heading, the page behind inert', async () => {
    const { el, remove } = await mountFixture(fixtures, 'details-dialog', { lang: 'en' });
    try {
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      const heading = dialog.querySelector('#dialog-title')!.textContent!.trim();
      expect(heading).to.equal('Privacy settings');
      expect(await modalProblems(dialog, heading, behind)).to.deep.equal([]);
    } finally {
      remove();
    }
  });

  it('the same checks fail on a dialog that is not modal and not named (negative control)', async () => {
    const dialog = document.createElement('dialog');
    dialog.innerHTML = '<h2 id="negative-title">Settings</h2><button type="button">Inside</button>'; // test markup, not data
    document.body.append(dialog);
    try {
      dialog.show(); // not showModal(): no aria-modal, the page stays live
      (dialog.querySelector('button') as HTMLButtonElement).focus();
      const problems = await modalProblems(dialog, 'Settings', behind);
      expect(problems).to.include('not open as a modal dialog');
      expect(problems).to.include('named "", not by its heading "Settings"');
      expect(problems).to.include('the page behind takes the focus');
    } finally {
      dialog.remove();
    }
  });
});

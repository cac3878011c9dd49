/**
 * The details dialog as assistive technology sees it: Chromium's accessibility tree (not only
 * the DOM) has a modal dialog named by its heading, and nothing of the page behind it.
 */
import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { mountFixture } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';

interface AxNode {
  role: string;
  name: string;
  modal?: boolean;
  children?: AxNode[];
}

describe('<citopia-privacy-notice> in the accessibility tree', function () {
  this.timeout(20_000);

  it('exposes the details as a modal dialog named by its heading, hiding the page behind', async () => {
    const behind = document.createElement('button');
    behind.textContent = 'A button behind the dialog';
    document.body.prepend(behind);
    const { el, remove } = await mountFixture(fixtures, 'details-dialog', { lang: 'en' });
    try {
      const heading = el.shadowRoot!.querySelector('dialog h2, dialog h1, dialog h3')!.textContent!.trim();
      const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
      const dialog = findAccessibilityNode(snapshot as never, (n) => (n as unknown as AxNode).role === 'dialog') as unknown as AxNode | null;
      expect(dialog, 'a dialog in the accessibility tree').to.not.equal(null);
      expect(dialog!.name).to.equal(heading);
      expect(dialog!.modal, 'aria-modal semantics from showModal()').to.equal(true);
      const outside = findAccessibilityNode(snapshot as never, (n) => (n as unknown as AxNode).name === 'A button behind the dialog');
      expect(outside, 'the page behind is out of the accessibility tree while the dialog is open').to.equal(null);
    } finally {
      remove();
      behind.remove();
    }
  });
});

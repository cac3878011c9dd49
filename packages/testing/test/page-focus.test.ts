/**
 * Keyboard tests need a page that has the focus, as a resident's page in front has. Two test
 * pages run at once; web-test-runner.config.mjs tells every Chromium page it has the focus (a CI
 * run once saw a page without it: `focus()` moved the active element but fired no focusin).
 */
import { expect } from '@open-wc/testing';

describe('the test page', () => {
  it('has the focus, and focus() fires focusin', () => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'probe');
    const seen: string[] = [];
    input.addEventListener('focusin', () => seen.push('focusin'));
    document.body.append(input);
    input.focus();
    input.remove();
    expect(document.hasFocus(), 'document.hasFocus()').to.equal(true);
    expect(seen).to.deep.equal(['focusin']);
  });
});

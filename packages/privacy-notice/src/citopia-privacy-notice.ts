import { html } from 'lit';
import { msg } from '@lit/localize';
import { CitopiaElement } from '@citopia/core';
import { styles } from './citopia-privacy-notice.styles.js';
import './translations.js';

/**
 * @summary Privacy notice.
 * @tag citopia-privacy-notice
 */
export class PrivacyNotice extends CitopiaElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Privacy notice', { id: 'privacy-notice.title' })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-privacy-notice': PrivacyNotice;
  }
}

import { html } from 'lit';
import { msg } from '@lit/localize';
import { CitopiaElement } from '@citopia/core';
import { styles } from './citopia-open-source-badge.styles.js';
import './translations.js';

/**
 * @summary Open-source badge.
 * @tag citopia-open-source-badge
 */
export class OpenSourceBadge extends CitopiaElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Open-source badge', { id: 'open-source-badge.title' })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-open-source-badge': OpenSourceBadge;
  }
}

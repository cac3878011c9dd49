import { html } from 'lit';
import { msg } from '@lit/localize';
import { CitopiaElement } from '@citopia/core';
import { styles } from './citopia-assistance-request.styles.js';
import './translations.js';

/**
 * @summary Assistance request.
 * @tag citopia-assistance-request
 */
export class AssistanceRequest extends CitopiaElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Assistance request', { id: 'assistance-request.title' })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-assistance-request': AssistanceRequest;
  }
}

import { html } from 'lit';
import { msg } from '@lit/localize';
import { CitopiaElement } from '@citopia/core';
import { styles } from './citopia-service-finder.styles.js';
import './translations.js';

/**
 * @summary Service finder.
 * @tag citopia-service-finder
 */
export class ServiceFinder extends CitopiaElement {
  static override styles = styles;

  override render() {
    return html`<p>${msg('Service finder', { id: 'service-finder.title' })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-service-finder': ServiceFinder;
  }
}

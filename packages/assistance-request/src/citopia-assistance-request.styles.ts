import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

export const styles = [
  ...baseStyles,
  css`
    :host {
      padding: var(--_space);
    }
    .base {
      max-inline-size: var(--citopia-assistance-request-max-width, 40rem);
    }
    .h0 {
      font-size: 1.5em;
      font-weight: 700;
      margin-block: 0 0.75em;
    }
    .h1 {
      font-size: 1.25em;
      font-weight: 700;
      margin-block: 0 0.5em;
    }
    section {
      margin-block: var(--citopia-assistance-request-section-gap, 2rem);
    }
    .field {
      margin-block: 0 1.5em;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25em;
      padding: 0;
    }
    input:not([type='radio'], [type='checkbox']),
    textarea,
    select {
      inline-size: 100%;
    }
    .option {
      display: grid;
      grid-template-columns: 24px 1fr;
      column-gap: 0.6em;
      align-items: start;
      margin-block: 0.6em;
    }
    .option label {
      font-weight: 400;
      margin: 0;
    }
    .option .hint {
      grid-column: 2;
    }
    .hint,
    .muted,
    .count {
      color: var(--_muted);
    }
    .hint {
      margin-block-end: 0.35em;
    }
    .error,
    .count.over {
      color: var(--_danger);
      font-weight: 600;
    }
    .error {
      margin-block: 0 0.35em;
    }
    .invalid {
      border-inline-start: 4px solid var(--_danger);
      padding-inline-start: 0.75em;
    }
    .invalid :is(input, textarea, select):not([type='radio'], [type='checkbox']) {
      border-color: var(--_danger);
    }
    .count {
      margin-block: -1em 1.5em;
    }
    .summary.shown {
      border: 4px solid var(--_danger);
      padding: var(--_space);
      margin-block-end: 1.5em;
    }
    .summary a {
      color: var(--_danger);
      font-weight: 600;
    }
    .message {
      margin-block: 0 1em;
    }
    .message p {
      margin-block: 0 0.5em;
    }
    .geo {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .geo p {
      flex: 1 1 12em;
      margin: 0;
    }
    button.link {
      min-block-size: 24px;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_link);
      font-weight: 400;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    progress {
      inline-size: 100%;
      block-size: 1em;
      accent-color: var(--_primary);
    }
    .hp {
      position: absolute;
      inset-inline-start: -10000px;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
    }
    @media (forced-colors: active) {
      .invalid,
      .summary.shown {
        border-color: CanvasText;
      }
      button.link {
        color: LinkText;
      }
    }
  `,
];

import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

export const styles = [
  ...baseStyles,
  css`
    :host {
      --_pill-bg: var(--citopia-open-source-badge-pill-background, var(--_primary));
      --_pill-fg: var(--citopia-open-source-badge-pill-color, var(--_on-primary));
      display: inline-block;
      max-inline-size: 100%;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .pill {
      display: inline-flex;
      align-items: center;
      min-block-size: max(24px, var(--_target));
      padding-inline: 1em;
      border: 2px solid var(--_pill-bg);
      border-radius: 999px;
      background: var(--_pill-bg);
      color: var(--_pill-fg);
      font-weight: 600;
    }
    a.pill {
      text-decoration: none;
    }
    a.pill:hover {
      text-decoration: underline;
    }
    .toggle {
      border-radius: 999px;
    }
    .chevron {
      inline-size: 0.5em;
      block-size: 0.5em;
      border-inline-end: 2px solid currentColor;
      border-block-end: 2px solid currentColor;
      transform: rotate(45deg);
      transition: transform var(--_duration) ease-in-out;
    }
    [aria-expanded='true'] .chevron {
      transform: rotate(-135deg);
    }
    .details {
      margin-block-start: 0.5em;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      max-inline-size: 40rem;
    }
    .details[hidden] {
      display: none;
    }
    h2,
    h3,
    h4,
    h5,
    h6 {
      margin-block: 0 0.25em;
      font-size: 1.25em;
      line-height: 1.3;
    }
    .problems h3,
    .problems h4,
    .problems h5,
    .problems h6 {
      font-size: 1.05em;
    }
    p {
      margin-block: 0 0.75em;
    }
    dl {
      margin-block: 0 1em;
    }
    dl > div {
      display: flex;
      flex-wrap: wrap;
      column-gap: 1em;
      padding-block: 0.35em;
      border-block-end: 1px solid var(--_surface);
    }
    dt {
      flex: 0 0 12em;
      font-weight: 600;
    }
    dd {
      flex: 1 1 16em;
      margin: 0;
      min-inline-size: 0;
    }
    ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .spdx,
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.95em;
    }
    .muted {
      color: var(--_muted);
    }
    .message {
      margin-block: 0 0.75em;
    }
    .problems {
      margin-block-start: 1em;
    }
    .problems li {
      margin-block-end: 0.35em;
    }
    .reuse {
      margin-block: 0.5em 0;
    }
    .reuse a {
      display: inline-flex;
      align-items: center;
      min-block-size: max(24px, var(--_target));
      font-weight: 600;
    }
    @media (forced-colors: active) {
      .pill {
        border-color: CanvasText;
        background: Canvas;
        color: CanvasText;
      }
      a.pill {
        color: LinkText;
      }
      .details {
        border-color: CanvasText;
      }
    }
  `,
];

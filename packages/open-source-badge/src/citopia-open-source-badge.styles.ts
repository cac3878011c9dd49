import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

/** The first view: the pill, the toggle and the panel's frame (the panel's content brings its own, details.styles.ts). */
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
    p {
      margin-block: 0 0.75em;
    }
    .message {
      margin-block: 0 0.75em;
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

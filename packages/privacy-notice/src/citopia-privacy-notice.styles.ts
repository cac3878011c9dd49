import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

/**
 * Under reduced motion, no colour transition at all (the shared 0.01 ms one still starts a
 * transition, whose first frame shows the old colours).
 */
const still = css`
  @media (prefers-reduced-motion: reduce) {
    button {
      transition-property: none;
    }
  }
`;

/** Choice buttons: one look for all of them, so none is nudged (equal weight). */
const choice = css`
  button.choice {
    background: var(--_bg);
    color: var(--_primary);
  }
  button.choice:hover {
    background: var(--_surface);
  }
  .actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
    gap: 0.75em;
    margin-block-start: var(--_space);
  }
`;

export const styles = [
  ...baseStyles,
  still,
  choice,
  css`
    :host {
      --_notice-bg: var(--citopia-privacy-notice-background, var(--_bg));
    }
    p {
      margin-block: 0 0.75em;
    }
    .notice {
      padding: var(--_space);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_notice-bg);
    }
    .bottom {
      position: fixed;
      inset-inline: 0;
      inset-block-end: 0;
      z-index: 2147483000;
      max-block-size: 50vh;
      overflow-y: auto;
      border-inline: 0;
      border-block-end: 0;
      border-radius: 0;
      box-shadow: 0 -0.25rem 1rem rgb(0 0 0 / 0.25);
    }
    .compact {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .compact p {
      margin: 0;
      flex: 1 1 20em;
    }
    .settings {
      font-size: 0.9em;
    }
    .muted {
      color: var(--_muted);
    }
    .categories {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      padding: 0;
      list-style: none;
    }
    .categories li {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding-block: 0.2em;
      padding-inline: 0.6em;
      border: 1px solid var(--_border);
      border-radius: 1em;
    }
    .icon {
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    h1,
    h2,
    h3,
    h4,
    h5,
    h6 {
      margin-block: 0.5em;
      line-height: 1.25;
    }
    details > summary {
      min-block-size: 24px;
      cursor: pointer;
      color: var(--_link);
      text-decoration: underline;
    }
    @media (forced-colors: active) {
      .notice {
        border-color: CanvasText;
      }
    }
  `,
];

/** The click-to-load placeholder that stands in for a blocked iframe (its own shadow root). */
export const placeholderStyles = [
  ...baseStyles,
  still,
  css`
    /* The host takes the blocked frame's box (see gating.ts) and the dashed box fills it. An
       inline-block that clips sits on its line as the frame did: its bottom on the baseline. */
    :host {
      overflow: hidden;
    }
    .placeholder {
      box-sizing: border-box;
      min-height: inherit;
      padding: var(--_space);
      border: 2px dashed var(--_border);
      background: var(--_surface);
    }
    .placeholder button {
      margin-block-end: 0.75em;
    }
    p {
      margin-block: 0 0.75em;
    }
  `,
];

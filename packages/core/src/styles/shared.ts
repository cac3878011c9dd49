import { tokens } from './tokens.js';
import { css } from 'lit';

/** A visible focus ring on every focusable thing (WCAG 2.4.7, 2.4.13), kept in forced colours. */
export const focusRing = css`
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Hidden on screen, read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/**
 * Buttons, links styled as buttons and form controls: at least 24x24 CSS px (WCAG 2.5.8; our
 * default is 44 px), logical properties only, system colours in forced-colors mode.
 */
export const controls = css`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: max(24px, var(--_target));
    min-inline-size: max(24px, var(--_target));
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    transition: background-color var(--_duration) ease-in-out;
  }
  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.75;
  }
  input,
  select,
  textarea {
    min-block-size: max(24px, var(--_target));
    padding-block: 0.4em;
    padding-inline: 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    max-inline-size: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-block-size: 24px;
    min-inline-size: 24px;
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    accent-color: var(--_primary);
  }
  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }
  @media (forced-colors: active) {
    button,
    .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    input,
    select,
    textarea {
      border-color: FieldText;
    }
    a {
      color: LinkText;
    }
  }
`;

/** Status and error messages. */
export const messages = css`
  .message {
    padding-block: 0.75em;
    padding-inline: 1em;
    border-inline-start: 0.4em solid var(--_border);
    background: var(--_surface);
  }
  .message.error {
    border-inline-start-color: var(--_danger);
  }
  .message.success {
    border-inline-start-color: var(--_success);
  }
  .message.warning {
    background: var(--_warning-bg);
  }
  @media (forced-colors: active) {
    .message {
      border: 1px solid CanvasText;
      border-inline-start-width: 0.4em;
    }
  }
`;

/**
 * The easy-to-read switch (`CitopiaElement.renderReadingToggle()`): a quiet secondary button
 * whose pressed state shows as a tick and a filled background, not by colour alone.
 */
export const readingToggle = css`
  .reading-toggle {
    display: flex;
    justify-content: flex-end;
    margin-block-end: 0.5em;
  }
  .reading-toggle button {
    background: transparent;
    color: var(--_primary);
    font-weight: 600;
    padding-inline: 0.75em;
  }
  .reading-toggle button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .reading-toggle button[aria-pressed='true']::before {
    content: '✓' / '';
  }
  @media (forced-colors: active) {
    .reading-toggle button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;

/** Everything a component usually wants, in one array. */
export const baseStyles = [tokens, focusRing, visuallyHidden, controls, messages, readingToggle];

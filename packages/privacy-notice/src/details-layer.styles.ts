import { css } from 'lit';

/**
 * The details layer's own rules (dialog, purposes, switches): they come with the layer's chunk
 * and are adopted before its first render, so nothing shows unstyled.
 */
export const detailsStyles = css`
  dialog {
    inline-size: min(var(--citopia-privacy-notice-max-width, 48rem), 100% - 1rem);
    max-block-size: calc(100% - 1rem);
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_notice-bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: var(--citopia-privacy-notice-backdrop, rgb(0 0 0 / 0.6));
  }
  ul {
    padding-inline-start: 1.25em;
  }
  .details .categories {
    display: block;
  }
  .details .categories li {
    display: flex;
    margin-block-end: 0.4em;
    border: 0;
    padding: 0;
  }
  .purposes {
    padding: 0;
    list-style: none;
  }
  .purposes > li {
    padding-block: 0.5em;
    border-block-start: 1px solid var(--_border);
  }
  .switch {
    display: flex;
    align-items: center;
    gap: 0.75em;
  }
  input[role='switch'] {
    appearance: none;
    flex: none;
    inline-size: 3em;
    block-size: 1.6em;
    border: 2px solid var(--_border);
    border-radius: 1em;
    background: radial-gradient(circle at 0.75em 50%, var(--_border) 0.45em, transparent 0.5em) var(--_bg);
    cursor: pointer;
  }
  input[role='switch']:checked {
    border-color: var(--_primary);
    background: radial-gradient(circle at calc(100% - 0.75em) 50%, var(--_on-primary) 0.45em, transparent 0.5em) var(--_primary);
  }
  .dialog-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  @media (forced-colors: active) {
    dialog {
      border-color: CanvasText;
    }
    input[role='switch'] {
      appearance: auto;
      inline-size: 24px;
      block-size: 24px;
    }
  }
`;

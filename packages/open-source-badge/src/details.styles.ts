import { css } from 'lit';

/**
 * The styles of the panel's content, in the details chunk with it: the first view never needs
 * them. The badge adopts them into its shadow root before it renders the content.
 */
export const detailsStyles = css`
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
`;

import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

// One rule a line: this stylesheet ships in every page that uses the finder.
export const styles = [
  ...baseStyles,
  css`
    :host { --_gap: var(--citopia-service-finder-gap, 1rem); --_mark: var(--citopia-service-finder-mark-background, var(--_highlight)); max-inline-size: var(--citopia-service-finder-max-inline-size, none); padding: var(--_space); }
    label { display: block; font-weight: 600; }
    .hint, .more span, .channels, .request, .authority { color: var(--_muted); }
    .hint { margin-block: 0.25rem 0.5rem; }
    input[type='search'], select { inline-size: 100%; }
    .filters { display: flex; flex-wrap: wrap; gap: 0.5rem var(--_gap); margin-block-start: 0.75rem; }
    .filter { flex: 1 1 12rem; min-inline-size: 0; }
    .results, .assistance { margin-block-start: var(--_gap); }
    ul { margin: 0; padding: 0; list-style: none; }
    .count { font-weight: 600; }
    .heading { font-size: 1.15em; font-weight: 700; margin-block: 0.5rem; }
    .result { padding-block: var(--_gap); border-block-start: var(--citopia-service-finder-result-border, 1px solid var(--_border)); }
    .result .heading { margin-block: 0 0.25rem; }
    .summary, .request, .authority { margin-block: 0 0.5rem; }
    .notice { margin-block: var(--_gap) 0; padding: 0.5rem 0.75rem; border-inline-start: 0.25rem solid var(--_border); }
    .notice-actions { margin-block: 0.5rem 0; }
    mark { background: var(--_mark); color: var(--_text); border-radius: 0.15em; }
    .channels { display: grid; gap: 0.35rem; font-size: 0.95em; }
    .channel { display: flex; gap: 0.5rem; align-items: baseline; }
    .icon { flex: none; inline-size: 1.25em; text-align: center; }
    .kind { font-weight: 600; color: var(--_text); }
    .hours, .note { display: block; }
    .categories, .suggestions, .more { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem var(--_gap); }
    .categories button { justify-content: space-between; text-align: start; }
    .badge { font-weight: 400; padding-inline: 0.4em; border: 1px solid; border-radius: 1em; }
    button.link { min-block-size: 24px; padding: 0; border: 0; background: none; color: var(--_link); font-weight: inherit; text-decoration: underline; text-align: start; }
    .assistance :is(a, button) { margin-block-start: 0.5rem; }
    @media (forced-colors: active) {
      mark { background: Highlight; color: HighlightText; }
    }
  `,
];

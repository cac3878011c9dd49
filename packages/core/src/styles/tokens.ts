import { css } from 'lit';

/**
 * Design tokens: every `--citopia-*` custom property with its default. Defaults meet WCAG 2.2 AA
 * contrast in light and dark. A page themes Citopia by setting the properties on any ancestor
 * (a colour may itself be `light-dark(#light, #dark)`). The scheme follows the system
 * (prefers-color-scheme); `--citopia-color-scheme: light` on the page, or `color-scheme="dark"`
 * on one component, pins it. Components paint their own background so text stays legible.
 */
export const tokens = css`
  :host {
    --_bg: var(--citopia-color-background, light-dark(#ffffff, #121417));
    --_surface: var(--citopia-color-surface, light-dark(#f3f4f6, #1f2329));
    --_text: var(--citopia-color-text, light-dark(#1a1a1a, #f3f4f6));
    --_muted: var(--citopia-color-text-muted, light-dark(#4b5563, #c4c9d1));
    --_border: var(--citopia-color-border, light-dark(#6b7280, #9aa3ae));
    --_primary: var(--citopia-color-primary, light-dark(#0b4f9c, #8ab8f0));
    --_on-primary: var(--citopia-color-on-primary, light-dark(#ffffff, #0b1220));
    --_link: var(--citopia-color-link, light-dark(#0b4f9c, #9cc4f5));
    --_focus: var(--citopia-color-focus, light-dark(#c2410c, #fdba74));
    --_danger: var(--citopia-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--citopia-color-success, light-dark(#146c2e, #86d993));
    --_warning-bg: var(--citopia-color-warning-background, light-dark(#fff4ce, #3d3200));
    --_highlight: var(--citopia-color-highlight, light-dark(#fde68a, #6b5300));
    --_radius: var(--citopia-radius, 0.25rem);
    --_space: var(--citopia-space, 1rem);
    --_font: var(--citopia-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--citopia-font-size, 1rem);
    --_line-height: var(--citopia-line-height, 1.5);
    --_focus-width: var(--citopia-focus-width, 3px);
    --_target: var(--citopia-target-size, 2.75rem);
    --_duration: var(--citopia-duration, 150ms);
    /* Follows the system preference; a page pins it with --citopia-color-scheme: light. */
    color-scheme: var(--citopia-color-scheme, light dark);
    display: block;
    background: var(--_bg);
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  :host([color-scheme='light']) {
    color-scheme: light;
  }
  :host([color-scheme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * Our own line icons for data categories (24×24, drawn with currentColor so they follow the text
 * colour and forced-colors mode). Decorative: the category's text label always stands beside
 * the icon, which is hidden from assistive technologies.
 */
import { html } from 'lit';
import type { CategoryIcon } from './config.js';

const PATHS: Record<CategoryIcon, string> = {
  identity: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  contact: 'M3 6h18v12H3zM3 6l9 7 9-7',
  location: 'M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12zM12 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  usage: 'M4 20V11M10 20V4M16 20v-7M3 20h18',
  device: 'M3 4h18v12H3zM8 20h8M12 16v4',
  communication: 'M4 4h16v11H9l-5 5z',
  payment: 'M2 6h20v12H2zM2 10h20M6 15h4',
  health: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  other: 'M6 2h9l5 5v15H6zM14 2v6h6',
};

export const categoryIcon = (name: CategoryIcon | undefined) =>
  html`<svg class="icon" part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${PATHS[name ?? 'other'] ?? PATHS.other}></path></svg>`;

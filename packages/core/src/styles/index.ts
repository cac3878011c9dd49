export { tokens } from './tokens.js';
export { focusRing, visuallyHidden, controls, messages, readingToggle, baseStyles } from './shared.js';

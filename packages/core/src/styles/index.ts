export { tokens } from './tokens.js';
export { focusRing, visuallyHidden, controls, messages, baseStyles } from './shared.js';

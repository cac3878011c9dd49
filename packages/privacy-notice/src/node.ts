/** The package in Node (the `node` export condition): server rendering, with the details layer inside. */
import './server-layer.js';
export * from './index.js';

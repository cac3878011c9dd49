/**
 * Server rendering renders in one pass and cannot wait for the details layer's chunk: in Node
 * the layer comes in at once. Imported before the element's module (node.ts), so that the
 * element's styles include the layer's.
 */
import * as layer from './details-layer.js';
import { useLayer } from './details-loader.js';

useLayer(layer);

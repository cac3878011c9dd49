/**
 * Server rendering renders in one pass and cannot wait for a chunk: in Node the details layer and
 * the configuration's error sentences come in at once. Imported before the element's module
 * (node.ts), so that the element's styles include the layer's.
 */
import * as layer from './details-layer.js';
import * as validation from './validate-config.js';
import { useLazyParts } from './lazy-parts.js';

useLazyParts(layer, validation);

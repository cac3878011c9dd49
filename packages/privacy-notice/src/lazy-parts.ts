/**
 * The parts of the notice that most visits never need at once, each loaded with import() once
 * for every notice of the page: the details layer (dialog, full notice) and the configuration's
 * error sentences. Server rendering cannot wait for a chunk: in Node, server-layer.ts hands both
 * over at once.
 */
import { chunkLoader } from '@citopia/core/chunk';

export type Layer = typeof import('./details-layer.js');
export type Validation = typeof import('./validate-config.js');

export let layer: Layer | undefined;
export let validation: Validation | undefined;
let loading: Promise<Layer> | undefined;
// A failed chunk is asked for again under a new address: browsers keep a failed import().
const importLayer = chunkLoader(() => import('./details-layer.js'));
const importValidation = chunkLoader(() => import('./validate-config.js'));

/** The layer, loaded once; a failed load (offline) is forgotten, so the next call tries again. */
export function loadDetailsLayer(): Promise<Layer> {
  return (loading ??= importLayer().then(
    (module) => (layer = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The error sentences and the contact finder, for a configuration that does not hold. */
export const loadValidation = (): Promise<Validation> => importValidation().then((module) => (validation = module));

export function useLazyParts(details: Layer, checks: Validation): void {
  layer = details;
  validation = checks;
}

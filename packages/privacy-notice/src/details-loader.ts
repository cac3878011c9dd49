/**
 * Where the details layer is kept once loaded: one import() for every notice of the page. Server
 * rendering cannot wait for a chunk, so in Node server-layer.ts hands the layer over at once.
 */
export type Layer = typeof import('./details-layer.js');

export let layer: Layer | undefined;
let loading: Promise<Layer> | undefined;

/** The layer, loaded once; a failed load (offline) is forgotten, so the next call tries again. */
export function loadDetailsLayer(): Promise<Layer> {
  return (loading ??= import('./details-layer.js').then(
    (module) => (layer = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

export const useLayer = (module: Layer): void => void (layer = module);

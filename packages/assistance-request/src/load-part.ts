import { chunkLoader, loadOnce } from '@citopia/core/chunk';

/**
 * A part of ours loaded with import() when first needed, once; a failed load becomes the load
 * error it is (explained, with "Try again"), and the next try asks the server again.
 */
export const lazyPart = <T>(load: () => Promise<T>): (() => Promise<T>) => loadOnce(chunkLoader(load));

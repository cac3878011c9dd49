import { msg } from '@lit/localize/init/install.js';
import { FetchError } from './fetch.js';

/**
 * A sentence for people about why loading failed, in the language of the element rendering it
 * (call during render or inside `localize()`). Components add what to do next (a retry button).
 */
export function describeLoadError(error: unknown): string {
  if (error instanceof FetchError) {
    switch (error.kind) {
      case 'offline':
        return msg('You seem to be offline. Check your connection, then try again.', { id: 'core.error.offline' });
      case 'timeout':
        return msg('The server took too long to answer. Please try again.', { id: 'core.error.timeout' });
      case 'parse':
        return msg('The data received could not be read. It may be damaged or in the wrong format.', { id: 'core.error.parse' });
      case 'http':
        if (error.status === 404) return msg('The data could not be found at its address.', { id: 'core.error.not-found' });
        if (error.status === 429) return msg('The server is busy. Please try again in a moment.', { id: 'core.error.busy' });
        if ((error.status ?? 0) >= 500) return msg('The server has a problem right now. Please try again later.', { id: 'core.error.server' });
        return msg('The server refused the request.', { id: 'core.error.refused' });
      case 'aborted':
        return msg('Loading was cancelled.', { id: 'core.error.aborted' });
      case 'network':
        break;
    }
    return msg('The server could not be reached. Check your connection, then try again.', { id: 'core.error.network' });
  }
  return msg('The data could not be read. It may be damaged or in the wrong format.', { id: 'core.error.invalid' });
}

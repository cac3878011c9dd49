/** What the component keeps on the device (drafts, the outbox), through storage that never throws. */
import { createSafeStorage } from '@citopia/core/storage';

export const storage = createSafeStorage('citopia:request:');

/** Whether a write will still be there after a reload: stored, and the device's storage usable (`available`). */
export const survivesReload = (persisted: boolean) => persisted && storage.available;

/** Whether the device keeps what is typed now: a full storage still counts as `available`, yet refuses writes. */
export function deviceKeeps(): boolean {
  const { persisted } = storage.set('probe', '1');
  storage.remove('probe');
  return survivesReload(persisted);
}

/**
 * localStorage that never throws. Reading, writing (quota), or touching `localStorage` at all
 * (disabled, sandboxed iframe, some private modes) can throw; here every call answers, and an
 * in-memory copy keeps what was written for as long as the page is open, so nothing typed is
 * lost even when the device refuses to store it.
 */
export type StorageProblem = 'unavailable' | 'quota' | 'error';

export interface WriteResult {
  /** True when the value reached the device's storage (not just memory). */
  persisted: boolean;
  problem?: StorageProblem;
}

export interface SafeStorage {
  /** False when the device storage cannot be used at all. */
  readonly available: boolean;
  get(key: string): string | null;
  set(key: string, value: string): WriteResult;
  remove(key: string): void;
  getJson<T>(key: string): T | undefined;
  setJson(key: string, value: unknown): WriteResult;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22 || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Resolves `window.localStorage` without throwing. */
function deviceStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A never-throwing storage whose keys are all prefixed with `namespace` (for example "citopia:"). */
export function createSafeStorage(namespace = 'citopia:', backend: () => Storage | undefined = deviceStorage): SafeStorage {
  const memory = new Map<string, string>();
  const key = (k: string) => namespace + k;
  const probe = (): boolean => {
    const storage = backend();
    if (!storage) return false;
    try {
      const probeKey = key('__probe__');
      storage.setItem(probeKey, '1');
      // Some storages accept writes but fail (or lie) on reads: read the probe back.
      const readable = storage.getItem(probeKey) === '1';
      storage.removeItem(probeKey);
      return readable;
    } catch (error) {
      // A full storage is still readable: it exists, writes fail with their own problem.
      return isQuotaError(error);
    }
  };
  const api: SafeStorage = {
    get available() {
      return probe();
    },
    get(k) {
      if (memory.has(k)) return memory.get(k)!;
      try {
        return backend()?.getItem(key(k)) ?? null;
      } catch {
        return null;
      }
    },
    set(k, value) {
      memory.set(k, value);
      const storage = backend();
      if (!storage) return { persisted: false, problem: 'unavailable' };
      try {
        storage.setItem(key(k), value);
        return { persisted: true };
      } catch (error) {
        return { persisted: false, problem: isQuotaError(error) ? 'quota' : 'error' };
      }
    },
    remove(k) {
      memory.delete(k);
      try {
        backend()?.removeItem(key(k));
      } catch {
        /* nothing to remove from a storage we cannot reach */
      }
    },
    getJson<T>(k: string) {
      const raw = api.get(k);
      if (raw == null) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return undefined;
      }
    },
    setJson(k, value) {
      return api.set(k, JSON.stringify(value));
    },
  };
  return api;
}

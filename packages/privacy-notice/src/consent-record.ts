/**
 * The person's stored choice: which consent purposes they allowed, for which version of the
 * notice, and when. Kept on the device only: in local storage (through createSafeStorage, which
 * never throws) or, when the host asks, in a first-party cookie the site's server can read
 * (cookie-store.ts, a chunk of its own: few cities need it).
 */
import { createSafeStorage } from '@citopia/core/storage';

export interface ConsentRecord {
  /** The config version the person answered. */
  version: string;
  /** ISO date and time of the answer. */
  date: string;
  /** Consent purpose id → allowed. A purpose missing here is still undecided. */
  choices: Record<string, boolean>;
}

export interface RecordStore {
  read(): ConsentRecord | undefined;
  /** True when the device kept it (false: it lives in memory for this page only). */
  write(record: ConsentRecord): boolean;
}

/** Why a stored record no longer counts. */
export type Staleness = 'expired' | 'version' | undefined;

/** A stored value as a record, or undefined when it is not one (edited by hand, another program's). */
export function asRecord(value: unknown): ConsentRecord | undefined {
  const r = value as ConsentRecord | undefined;
  if (!r || typeof r !== 'object' || typeof r.version !== 'string' || Number.isNaN(Date.parse(r.date)) || !r.choices || typeof r.choices !== 'object') return undefined;
  return { version: r.version, date: r.date, choices: Object.fromEntries(Object.entries(r.choices).filter(([, v]) => typeof v === 'boolean')) };
}

/**
 * One safe storage for the page, not one per read: its in-memory copy is what keeps a choice the
 * device refused to store (full, disabled, absent) for as long as the page is open, also for a
 * notice rendered again later.
 */
const storage = createSafeStorage('citopia:');

/** localStorage, under `citopia:<key>`. */
export function localRecordStore(key: string): RecordStore {
  return {
    read: () => asRecord(storage.getJson(key)),
    // Kept only if a reload can read it back (`available`: the device's storage is usable).
    write: (record) => storage.setJson(key, record).persisted && storage.available,
  };
}

/**
 * When a choice made at `date` stops counting: after `expiryDays` days, or by default 13
 * calendar months (the CNIL's recommended maximum for consent cookies).
 */
export function expiresAt(date: string, expiryDays?: number): number {
  const d = new Date(date);
  if (expiryDays !== undefined && Number.isFinite(expiryDays)) return d.getTime() + expiryDays * 86_400_000;
  d.setMonth(d.getMonth() + 13);
  return d.getTime();
}

/** Whether `record` still holds for `version` at `now`, and if not, why. */
export function staleness(record: ConsentRecord, version: string, expiryDays?: number, now = Date.now()): Staleness {
  if (record.version !== version) return 'version';
  return now >= expiresAt(record.date, expiryDays) ? 'expired' : undefined;
}

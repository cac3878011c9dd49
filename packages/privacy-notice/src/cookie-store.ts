/**
 * The stored choice in a first-party cookie the site's server can read (`storage="cookie"`). A
 * chunk of its own: most notices keep their choice in local storage, so the element loads this
 * only for the ones that ask for a cookie, beside their configuration.
 */
import { asRecord, type ConsentRecord, type RecordStore } from './consent-record.js';

/** Choices written as cookies, kept in memory too (cookies may be refused), per cookie name. */
const cookieMemory = new Map<string, ConsentRecord>();

/** A first-party cookie (path=/, SameSite=Lax), living as long as the choice does. */
export function cookieRecordStore(key: string, maxAgeDays: number): RecordStore {
  const name = `citopia-${key}`.replace(/[^\w-]/g, '_');
  return {
    read() {
      const pair = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
      try {
        return asRecord(pair ? JSON.parse(decodeURIComponent(pair.slice(name.length + 1))) : undefined) ?? cookieMemory.get(name);
      } catch {
        return cookieMemory.get(name);
      }
    },
    write(record) {
      cookieMemory.set(name, record);
      const secure = location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `${name}=${encodeURIComponent(JSON.stringify(record))}; path=/; max-age=${Math.round(maxAgeDays * 86400)}; SameSite=Lax${secure}`;
      return document.cookie.includes(`${name}=`);
    },
  };
}

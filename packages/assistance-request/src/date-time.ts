/**
 * A date and time typed in four text fields (day, month, year, time), the GOV.UK date pattern:
 * typeable the same way in every browser, unlike datetime-local (whose segments Firefox and
 * Chromium fill differently). The answer keeps one string: "2025-03-01T07:30" once the parts make
 * a real date and time (the format the Open311 adapter sends and drafts have always kept), or the
 * parts as typed ("1-3-2025T7h", never a valid date-time) while they do not, so nothing typed
 * is lost and validation can say what is wrong.
 */
export interface DateTimeParts {
  day: string;
  month: string;
  year: string;
  time: string;
}

export const PARTS = ['day', 'month', 'year', 'time'] as const;

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const TYPED = /^(.*?)-(.*?)-(.*?)T(.*)$/s;

/** Whether `value` is a complete, real date and time ("2025-02-30T07:30" is not). */
export function isDateTime(value: string): boolean {
  const m = CANONICAL.exec(value);
  if (!m) return false;
  const [year, month, day, hours, minutes] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hours < 24 && minutes < 60;
}

/** The parts to show in the four fields for a stored answer. */
export function splitDateTime(value: string): DateTimeParts {
  const canonical = CANONICAL.exec(value);
  if (canonical) {
    const [, year, month, day, hours, minutes] = canonical as unknown as [string, string, string, string, string, string];
    return { day: String(Number(day)), month: String(Number(month)), year, time: `${hours}:${minutes}` };
  }
  const typed = TYPED.exec(value);
  return typed ? { day: typed[3]!, month: typed[2]!, year: typed[1]! , time: typed[4]! } : { day: '', month: '', year: '', time: '' };
}

/** One answer from the four fields: canonical when they make a real date and time. */
export function joinDateTime(parts: DateTimeParts): string {
  const p = Object.fromEntries(PARTS.map((k) => [k, parts[k].trim()])) as unknown as DateTimeParts;
  if (!p.day && !p.month && !p.year && !p.time) return '';
  const time = /^(\d{1,2})\s*[:.h]?\s*(\d{2})$/i.exec(p.time);
  const pad = (s: string) => s.padStart(2, '0');
  if (/^\d{1,2}$/.test(p.day) && /^\d{1,2}$/.test(p.month) && /^\d{4}$/.test(p.year) && time) {
    const value = `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(time[1]!)}:${time[2]}`;
    if (isDateTime(value)) return value;
  }
  return `${p.year}-${p.month}-${p.day}T${p.time}`;
}

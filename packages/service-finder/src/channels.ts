/**
 * How to reach a service: one line per channel, each with an icon that always has text beside
 * it, links only for safe URLs, and opening hours in the page's language.
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { safeUrl } from '@citopia/core/safe-url';
import { localText } from './text.js';
import type { Address, Channel, Day, OpeningHours } from './catalogue/types.js';

const DAYS: Day[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const dayNames = new Map<string, string[]>();

/** "lun.–ven. 08:00–11:45, 13:30–16:30 ; sam. 08:30–16:00": consecutive days as ranges, same days grouped. */
export function formatHours(hours: readonly OpeningHours[], locale: string): string {
  // Formatters are slow to create and results render on every key press: keep them.
  let names = dayNames.get(locale);
  if (!names) {
    // 1 January 2024 was a Monday.
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    dayNames.set(locale, (names = DAYS.map((_, i) => weekday.format(Date.UTC(2024, 0, 1 + i)))));
  }
  const dayName = (d: Day) => names[DAYS.indexOf(d)]!;
  const groups = new Map<string, string[]>();
  for (const h of hours) {
    const days = DAYS.filter((d) => h.days.includes(d));
    if (!days.length) continue;
    const spans: string[] = [];
    let from = 0;
    days.forEach((d, i) => {
      const next = days[i + 1];
      if (next && DAYS.indexOf(next) === DAYS.indexOf(d) + 1) return;
      spans.push(from === i ? dayName(days[from]!) : `${dayName(days[from]!)}–${dayName(d)}`);
      from = i + 1;
    });
    const key = spans.join(', ');
    groups.set(key, [...(groups.get(key) ?? []), `${h.opens}–${h.closes}`]);
  }
  return [...groups].map(([days, times]) => `${days} ${times.join(', ')}`).join(' · ');
}

function addressText(address: Address | unknown, language: string): string {
  if (address && typeof address === 'object' && !Array.isArray(address) && ('street' in address || 'locality' in address)) {
    const a = address as Address;
    return [a.street, [a.postalCode, a.locality].filter(Boolean).join(' ')].filter((p) => typeof p === 'string' && p).join(', ');
  }
  return localText(address, language).text;
}

const ICONS: Record<Channel['type'], string> = { online: '🖥', phone: '☎', email: '✉', 'in-person': '⌂' };

/** One channel as a list item. */
export function renderChannel(channel: Channel, locale: string, language: string): TemplateResult {
  const label = localText(channel.label, language);
  const note = localText(channel.note, language);
  let kind: string;
  let href: string | undefined;
  let value: string;
  switch (channel.type) {
    case 'online':
      kind = msg('Online', { id: 'finder.channel.online' });
      href = safeUrl(channel.url);
      value = label.text || msg('Do it online', { id: 'finder.channel.online-link' });
      break;
    case 'phone':
      kind = msg('Phone', { id: 'finder.channel.phone' });
      href = /^\+?[\d\s().\/-]{3,}$/.test(channel.phone) ? safeUrl('tel:' + channel.phone.replace(/[^\d+]/g, '')) : undefined;
      value = channel.phone;
      break;
    case 'email':
      kind = msg('Email', { id: 'finder.channel.email' });
      href = /^[^\s@<>]+@[^\s@<>]+$/.test(channel.email) ? safeUrl('mailto:' + channel.email) : undefined;
      value = channel.email;
      break;
    default:
      kind = msg('In person', { id: 'finder.channel.in-person' });
      value = [label.text, addressText(channel.address, language)].filter(Boolean).join(', ');
  }
  const hours = channel.hours?.length ? formatHours(channel.hours, locale) : '';
  const labelLang = channel.type === 'online' || channel.type === 'in-person' ? label.lang : undefined;
  return html`<li part="channel" class="channel">
    <span class="icon" aria-hidden="true">${ICONS[channel.type]}</span>
    <span
      ><span class="kind">${kind}</span> ${href ? html`<a href=${href} lang=${ifDefined(labelLang)}>${value}</a>` : html`<span lang=${ifDefined(labelLang)}>${value}</span>`}${hours
        ? html`<span class="hours">${hours}</span>`
        : nothing}${note.text ? html`<span class="note" lang=${ifDefined(note.lang)}>${note.text}</span>` : nothing}</span
    >
  </li>`;
}

/**
 * The expanded view, loaded with import() the first time someone opens the badge (or at once
 * with `open` or `validate`): the facts, the licence names, the validation and its messages.
 * Most visitors only see the pill, so they never download this part.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { primaryLanguage, type Locale } from '@citopia/core';
import { plural } from '@citopia/core/format';
import { safeUrl } from '@citopia/core/safe-url';
import { webLink } from './summary.js';
import { pickText } from '@citopia/core/language-map';
import { MAX_SHOWN_CHARS, type ParsedSource } from './limits.js';
import { isError, type Problem } from './problem.js';
import { problemMessage } from './problem-messages.js';
import { knownLicense, parseSpdx } from './spdx.js';
import { PLATFORM_NAMES } from './standard.js';
import type { BadgeSummary, Person } from './summary.js';
import { isDate, isEmail, isLanguageTag, validatePubliccode } from './validate.js';

export { detailsStyles } from './details.styles.js';

export interface DetailsView {
  summary: BadgeSummary;
  /** The file as read; undefined for a badge made of attributes only, or when loading failed. */
  parsed: ParsedSource | undefined;
  fromCopy: boolean;
  validate: boolean;
  headingLevel: number;
  locale: Locale;
  /** The page's language tag, for choosing texts in the file's language maps. */
  dataLanguage: string;
}

export interface RenderedDetails {
  /** A short note for the live region (partial or invalid file, offline copy). */
  status: TemplateResult | typeof nothing;
  body: TemplateResult;
}

const checked = new WeakMap<ParsedSource, Problem[]>();
/** Every problem of a file, computed once per file read. */
export function problemsOf(parsed: ParsedSource): Problem[] {
  let problems = checked.get(parsed);
  if (!problems) {
    problems = parsed.fatal ? parsed.problems : [...parsed.problems, ...validatePubliccode(parsed.data)];
    checked.set(parsed, problems);
  }
  return problems;
}

export function renderDetails(view: DetailsView): RenderedDetails {
  const { summary, parsed } = view;
  const problems = parsed ? problemsOf(parsed) : [];
  const fatal = parsed?.fatal ? problems[0] : undefined;
  // Intl locale for dates and lists: the page's own tag when it is in our language (fr-CH), Latin digits in Arabic.
  const tag = primaryLanguage(view.dataLanguage) === view.locale ? view.dataLanguage : view.locale;
  const intl = view.locale === 'ar' ? `${tag}-u-nu-latn` : tag;
  const list = (items: string[], type: Intl.ListFormatType = 'conjunction') => new Intl.ListFormat(intl, { type }).format(items);
  const date = (value: string) =>
    isDate(value) ? new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : value;
  // WCAG 3.1.2: mark texts whose language differs from the page's.
  const langOf = (lang: string | undefined) => (lang && isLanguageTag(lang) && primaryLanguage(lang) !== primaryLanguage(view.dataLanguage) ? lang : undefined);
  const level = Math.min(5, Math.max(2, Math.round(view.headingLevel) || 2));
  const heading = (content: string, language: string | undefined, sub = false): TemplateResult => {
    const part = sub ? 'problems-title' : 'name';
    const id = sub ? 'problems-title' : undefined;
    const lang = language;
    switch (level + (sub ? 1 : 0)) {
      case 2:
        return html`<h2 part=${part} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h2>`;
      case 3:
        return html`<h3 part=${part} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h3>`;
      case 4:
        return html`<h4 part=${part} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h4>`;
      case 5:
        return html`<h5 part=${part} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h5>`;
      default:
        return html`<h6 part=${part} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h6>`;
    }
  };

  // --- the note for the live region -----------------------------------------------------------
  const notes: string[] = [];
  if (fatal) notes.push(`${msg('The publiccode.yml file of this software could not be read.', { id: 'osb.error.read' })} ${problemMessage(fatal)}`);
  if (view.fromCopy) notes.push(msg('You seem to be offline: this is a copy saved on this device and may be out of date.', { id: 'osb.note.copy' }));
  if (problems.some((p) => p.code === 'syntax')) notes.push(msg('The publiccode.yml file has a syntax error: only part of it could be read.', { id: 'osb.note.syntax' }));
  else if (!fatal && problems.some(isError)) {
    notes.push(msg('The publiccode.yml file does not fully follow the standard: some details may be missing or wrong.', { id: 'osb.note.invalid' }));
  }
  if (summary.shortened.length) notes.push(shortenedNote(summary.shortened, list));
  const status = notes.length ? html`${notes.map((n) => html`<p class="message ${fatal ? 'error' : 'warning'}">${n}</p>`)}` : nothing;

  // --- the facts --------------------------------------------------------------------------------
  const picked = pickText(summary.localisedName, view.dataLanguage);
  const name = picked.text || summary.name;
  const nameLang = langOf(picked.text ? picked.lang : undefined);
  const description = pickText(summary.shortDescription, view.dataLanguage);
  const reuse = webLink(summary.landingURL) ?? webLink(summary.url);

  const license = (expression: string) => {
    const spdx = parseSpdx(expression);
    const names = spdx.valid ? [...new Set(spdx.ids.map((id) => knownLicense(id)?.name).filter((n): n is string => n !== undefined))] : [];
    const type: Intl.ListFormatType = spdx.operators.size !== 1 ? 'unit' : spdx.operators.has('OR') ? 'disjunction' : 'conjunction';
    // The licences' names are their English SPDX names: marked as English, joined in the page's language.
    const english = langOf('en');
    const joined = new Intl.ListFormat(intl, { type }).formatToParts(names).map((part) => (part.type === 'element' ? html`<span lang=${ifDefined(english)}>${part.value}</span>` : part.value));
    return html`<span class="spdx" translate="no">${expression}</span>${names.length ? html` <span class="muted">(${joined})</span>` : nothing}`;
  };

  const person = (p: Person, contractor: boolean) => {
    // Only well-formed addresses become links; the rest stays text.
    const mail = p.email && isEmail(p.email) ? safeUrl(`mailto:${p.email}`) : undefined;
    const phone = p.phone && /^\+?[\d\s().-]{4,}$/.test(p.phone) ? safeUrl(`tel:${p.phone.replace(/[^\d+]/g, '')}`) : undefined;
    const website = webLink(p.website);
    const parts: Array<TemplateResult | string> = [];
    if (p.affiliation) parts.push(p.affiliation);
    if (p.email) parts.push(mail ? html`<a href=${mail}>${p.email}</a>` : p.email);
    if (p.phone) parts.push(phone ? html`<a href=${phone}>${p.phone}</a>` : p.phone);
    if (website) parts.push(html`<a href=${website}>${p.website}</a>`);
    if (contractor && p.until) parts.push(msg(str`until ${date(p.until)}`, { id: 'osb.contractor.until' }));
    return html`<li><bdi>${p.name ?? ''}</bdi>${parts.map((part) => html`<span class="muted">, ${part}</span>`)}</li>`;
  };

  const maintenance = () => {
    const { maintenanceType: type, contacts, contractors } = summary;
    if (!type && !contacts.length && !contractors.length) return undefined;
    return html`
      ${type ? html`<p>${maintenanceLabel(type)}</p>` : nothing}
      ${contractors.length ? html`<p>${msg('Contractors:', { id: 'osb.maintenance.contractors' })}</p><ul>${contractors.map((c) => person(c, true))}</ul>` : nothing}
      ${contacts.length ? html`<p>${msg('Contacts:', { id: 'osb.maintenance.contacts' })}</p><ul>${contacts.map((c) => person(c, false))}</ul>` : nothing}
    `;
  };

  const rows: Array<[string, unknown]> = [
    [msg('Licence', { id: 'osb.fact.license' }), summary.license ? license(summary.license) : undefined],
    [msg('Development status', { id: 'osb.fact.status' }), summary.developmentStatus ? statusLabel(summary.developmentStatus) : undefined],
    [msg('Maintenance', { id: 'osb.fact.maintenance' }), maintenance()],
    [msg('Version', { id: 'osb.fact.version' }), summary.version],
    [msg('Release date', { id: 'osb.fact.release' }), summary.releaseDate ? date(summary.releaseDate) : undefined],
    [msg('Organisation', { id: 'osb.fact.organisation' }), summary.organisation],
    [
      msg('Already used by', { id: 'osb.fact.used-by' }),
      summary.usedBy.length ? html`<ul>${summary.usedBy.map((user, i) => {
            // A shortened address would lead elsewhere: it stays text.
            const link = summary.shortened.includes(`usedBy[${i}]`) ? undefined : webLink(user);
            return html`<li>${link ? html`<a href=${link}>${user}</a>` : user}</li>`;
          })}</ul>` : undefined,
    ],
    [msg('Platforms', { id: 'osb.fact.platforms' }), summary.platforms.length ? list(summary.platforms.map((p) => PLATFORM_NAMES[p.toLowerCase()] ?? p)) : undefined],
  ];
  const facts = rows.filter(([, value]) => value !== undefined);

  // --- the validation report (maintainers) --------------------------------------------------------
  const report = () => {
    const n = problems.length;
    const title =
      n === 0
        ? msg('No problems found: this file follows the publiccode.yml standard.', { id: 'osb.problems.none' })
        : plural(view.locale, n, {
            zero: msg(str`${n} problems found in publiccode.yml`, { id: 'osb.problems.zero' }),
            one: msg(str`${n} problem found in publiccode.yml`, { id: 'osb.problems.one' }),
            two: msg(str`${n} problems found in publiccode.yml`, { id: 'osb.problems.two' }),
            few: msg(str`${n} problems found in publiccode.yml`, { id: 'osb.problems.few' }),
            many: msg(str`${n} problems found in publiccode.yml`, { id: 'osb.problems.many' }),
            other: msg(str`${n} problems found in publiccode.yml`, { id: 'osb.problems.other' }),
          });
    return html`<section class="problems" part="problems" aria-labelledby="problems-title">
      ${heading(title, undefined, true)}
      ${n
        ? html`<ul>
            ${problems.map(
              (p) =>
                html`<li>
                  <strong>${isError(p) ? msg('Error', { id: 'osb.problem.error' }) : msg('Warning', { id: 'osb.problem.warning' })}</strong>
                  ${p.key ? html`<code translate="no">${p.key}</code>` : msg('whole file', { id: 'osb.problem.file' })}: ${problemMessage(p)}
                </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
  };

  const body = html`
    ${name ? heading(name, nameLang) : nothing}
    ${description.text ? html`<p part="description" lang=${ifDefined(langOf(description.lang))}>${description.text}</p>` : nothing}
    ${facts.length ? html`<dl part="facts">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>` : nothing}
    ${reuse
      ? html`<p class="reuse">
          <a part="reuse-link" href=${reuse}
            >${msg('Reuse this software', { id: 'osb.reuse' })}${name ? html`<span class="visually-hidden">: <bdi lang=${ifDefined(nameLang)}>${name}</bdi></span>` : nothing}</a
          >
        </p>`
      : nothing}
    ${view.validate && parsed ? report() : nothing}
  `;
  return { status, body };
}

/** Says, in words for residents, which texts were too long to show in full. */
function shortenedNote(keys: string[], list: (items: string[]) => string): string {
  const name = keys.some((k) => k === 'name' || k.endsWith('.localisedName'));
  const description = keys.some((k) => k.endsWith('.shortDescription'));
  const other = keys.some((k) => k !== 'name' && !k.endsWith('.localisedName') && !k.endsWith('.shortDescription'));
  const what = [
    ...(name ? [msg('the name', { id: 'osb.shortened.name' })] : []),
    ...(description ? [msg('the short description', { id: 'osb.shortened.description' })] : []),
    ...(other ? [msg('other details', { id: 'osb.shortened.other' })] : []),
  ];
  return msg(str`Too long to show in full, so shortened to their first ${MAX_SHOWN_CHARS} characters: ${list(what)}.`, { id: 'osb.note.shortened' });
}

function statusLabel(status: string): string {
  switch (status) {
    case 'concept':
      return msg('Concept: no usable code yet', { id: 'osb.status.concept' });
    case 'development':
      return msg('In development: not ready for use yet', { id: 'osb.status.development' });
    case 'beta':
      return msg('Beta: being tested', { id: 'osb.status.beta' });
    case 'stable':
      return msg('Stable: ready for production use', { id: 'osb.status.stable' });
    case 'obsolete':
      return msg('Obsolete: no longer maintained', { id: 'osb.status.obsolete' });
    default:
      return status;
  }
}

function maintenanceLabel(type: string): string {
  switch (type) {
    case 'internal':
      return msg('Maintained internally by its owner', { id: 'osb.maintenance.internal' });
    case 'contract':
      return msg('Maintained under a contract', { id: 'osb.maintenance.contract' });
    case 'community':
      return msg('Maintained by a community', { id: 'osb.maintenance.community' });
    case 'none':
      return msg('Not maintained', { id: 'osb.maintenance.none' });
    default:
      return type;
  }
}

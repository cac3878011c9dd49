/**
 * The notice's second and third layers: every item of the notice (the dialog's content, the
 * inline notice, the transparency notice's disclosure) with the per-purpose switches. Loaded
 * with import(), so that the banner people see first stays small; the element asks for it at
 * the first focus or pointer on the notice, before anyone can press "Choose", so that opening
 * the dialog does not wait.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { Localizable } from '@citopia/core/language-map';
import { safeUrl } from '@citopia/core/safe-url';
import { consentPurposes, type Contact, type LegalBasis, type PrivacyConfig, type Purpose } from './config.js';
import type { ConsentRecord } from './consent-record.js';
import { categoryIcon } from './icons.js';

export { detailsStyles } from './details-layer.styles.js';

/** What the layer reads from its element (private members of PrivacyNotice, typed here). */
export interface LayerHost {
  readonly data: PrivacyConfig;
  draft: Record<string, boolean>;
  readonly record: ConsentRecord | undefined;
  readonly gpcOn: boolean;
  readonly locale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  initialDraft(): Record<string, boolean>;
  t(value: Localizable | undefined, easy?: Localizable): unknown;
  h(offset: number, content: unknown, id?: string, autofocus?: boolean): unknown;
  list(items: string[]): string;
  plain(value: Localizable | undefined): string;
  save(): Promise<void>;
  choices(last: TemplateResult): TemplateResult;
  choiceButton(label: string, action: () => unknown): TemplateResult;
  gpcNote(): string;
  renderReadingToggle(): unknown;
}

/** Who opened each notice's dialog, to get the focus back when it closes. */
const openers = new WeakMap<LayerHost, HTMLElement | null>();

/**
 * Opens the details with their switches as stored: the modal dialog (the page behind becomes
 * inert; Escape closes), or the transparency notice's disclosure. The focus goes to the heading,
 * so screen readers say where they are before anything else.
 */
export async function openDetails(host: LayerHost, opener: HTMLElement | null): Promise<void> {
  host.draft = host.initialDraft();
  await host.updateComplete;
  const root = host.renderRoot;
  const dialog = root.querySelector('dialog');
  if (dialog) {
    if (!dialog.open) {
      openers.set(host, opener);
      dialog.showModal();
    }
  } else root.querySelector('details')?.setAttribute('open', '');
  root.querySelector<HTMLElement>(dialog ? '#dialog-title' : '#title')?.focus();
}

/** The dialog closed: the focus back where it was, or (the opener gone, a "Try again" that opened it) on the button that opens it. */
export function dialogClosed(host: LayerHost): void {
  const opener = openers.get(host);
  openers.delete(host);
  (opener?.isConnected ? opener : host.renderRoot.querySelector<HTMLElement>('[aria-haspopup]'))?.focus();
}

/** The dialog's content: its heading and Close, the details, the choices. */
export function dialogContent(host: LayerHost) {
  return html`<div class="dialog-head">
      ${host.h(0, msg('Privacy settings', { id: 'privacy.settings' }), 'dialog-title', true)}
      <button type="button" class="choice close" @click=${() => host.renderRoot.querySelector('dialog')?.close()}>${msg('Close', { id: 'privacy.close' })}</button>
    </div>
    ${host.gpcOn && !host.record ? html`<p>${host.gpcNote()}</p>` : nothing}
    ${details(host, 1)}
    ${consentPurposes(host.data).length ? dialogActions(host) : nothing}
    ${host.renderReadingToggle()}`;
}

/** The inline notice's (privacy-policy page) details: the GPC note, every item, the choices. */
export const inlineDetails = (host: LayerHost) => [
  host.gpcOn ? html`<p>${host.gpcNote()}</p>` : nothing,
  details(host, 1),
  consentPurposes(host.data).length ? dialogActions(host) : nothing,
];

export function dialogActions(host: LayerHost) {
  return html`<p>${msg('Switching something off stops it from loading again; a reload of the page may be needed to stop what has already started.', { id: 'privacy.reload-note' })}</p>
    ${host.choices(host.choiceButton(msg('Save my choices', { id: 'privacy.save' }), () => host.save()))}`;
}

/** Why the banner asks again: the notice changed, or the last choice expired. */
export const staleNote = (reason: 'version' | 'expired') =>
  html`<p class="message warning">
    ${reason === 'version'
      ? msg('This notice has changed since your last choice. Please choose again.', { id: 'privacy.reason.version' })
      : msg('Your last choice has expired. Please choose again.', { id: 'privacy.reason.expired' })}
  </p>`;

/** "Label: text", with the colon as the language writes it (French puts a space before it). */
function pair(host: LayerHost, label: Localizable, text: Localizable | undefined, strong = false) {
  const head = strong ? html`<strong>${host.t(label)}</strong>` : host.t(label);
  if (!text) return head;
  const colon = msg(': ', { id: 'privacy.colon', desc: 'Between a label and its text, as in "Identity: name, date of birth".' });
  return html`${head}${colon}${host.t(text)}`;
}

export function contact(host: LayerHost, c: Contact) {
  const email = c.email && safeUrl(`mailto:${c.email}`);
  const phone = c.phone && safeUrl(`tel:${c.phone.replace(/[^\d+]/g, '')}`);
  const web = safeUrl(c.url);
  return html`<p class="contact">
    ${host.t(c.name)}${c.address ? html`<br />${host.t(c.address)}` : nothing}
    ${email ? html`<br />${msg('E-mail:', { id: 'privacy.contact.email' })} <a href=${email}>${c.email}</a>` : nothing}
    ${phone ? html`<br />${msg('Phone:', { id: 'privacy.contact.phone' })} <a href=${phone}>${c.phone}</a>` : nothing}
    ${web ? html`<br />${msg('Website:', { id: 'privacy.contact.web' })} <a href=${web}>${c.url}</a>` : nothing}
  </p>`;
}

/** A configuration that does not hold: whom to ask about one's data instead (the controller, when it can be found). */
export function whomToAsk(host: LayerHost, c: Contact | undefined) {
  return c
    ? html`<p>${msg('For any question about your data, contact:', { id: 'privacy.invalid.contact' })}</p>
        ${contact(host, c)}`
    : html`<p>${msg('For any question about your data, please contact the operator of this site.', { id: 'privacy.invalid.no-contact' })}</p>`;
}

const basis = (b: LegalBasis): string =>
  ({
    consent: msg('your consent', { id: 'privacy.basis.consent' }),
    contract: msg('a contract with you', { id: 'privacy.basis.contract' }),
    'legal-obligation': msg('a legal obligation', { id: 'privacy.basis.legal-obligation' }),
    'vital-interest': msg('the protection of vital interests', { id: 'privacy.basis.vital-interest' }),
    'public-task': msg('a task in the public interest', { id: 'privacy.basis.public-task' }),
    'legitimate-interest': msg('a legitimate interest', { id: 'privacy.basis.legitimate-interest' }),
  })[b];

/** Layer 3: every item of the configuration, under real headings. */
export function details(host: LayerHost, offset: number) {
  const d = host.data;
  const section = (title: string, body: unknown) => html`<section>${host.h(offset, title)}${body}</section>`;
  const para = (value: Localizable | undefined) => html`<p>${host.t(value)}</p>`;
  const list = <T>(items: T[], item: (x: T) => unknown) => html`<ul>${items.map((x) => html`<li>${item(x)}</li>`)}</ul>`;
  return html`<div class="details">
    ${section(msg('Who is responsible', { id: 'privacy.details.controller' }), contact(host, d.controller))}
    ${d.dpo ? section(msg('Data protection officer', { id: 'privacy.details.dpo' }), contact(host, d.dpo)) : nothing}
    ${section(msg('Why we use your data', { id: 'privacy.details.purposes' }), html`<ul class="purposes">${d.purposes.map((p) => purpose(host, p, offset + 1))}</ul>`)}
    ${section(
      msg('What data we use', { id: 'privacy.details.categories' }),
      html`<ul class="categories">${d.dataCategories.map((c) => html`<li>${categoryIcon(c.icon)}<span>${pair(host, c.label, c.description)}</span></li>`)}</ul>`,
    )}
    ${d.source ? section(msg('Where the data comes from', { id: 'privacy.details.source' }), para(d.source)) : nothing}
    ${d.recipients?.length ? section(msg('Who receives it', { id: 'privacy.details.recipients' }), list(d.recipients, (r) => pair(host, r.name, r.description))) : nothing}
    ${section(
      msg('Transfers to other countries', { id: 'privacy.details.transfers' }),
      d.transfers?.length ? list(d.transfers, (x) => pair(host, x.country, x.safeguard)) : html`<p>${msg('No data is transferred to other countries.', { id: 'privacy.details.no-transfers' })}</p>`,
    )}
    ${section(msg('How long we keep it', { id: 'privacy.details.retention' }), para(d.retention))}
    ${section(
      msg('Your rights', { id: 'privacy.details.rights' }),
      d.rights
        ? para(d.rights)
        : html`<p>${msg('You may ask to see your data, to have it corrected or deleted, to restrict or object to its use, and to receive it in a portable format. You may withdraw your consent at any time; this does not affect what was done before.', { id: 'privacy.details.rights-default' })}</p>`,
    )}
    ${section(msg('Where to complain', { id: 'privacy.details.authority' }), contact(host, d.authority))}
    ${section(msg('Automated decisions', { id: 'privacy.details.automated' }), para(d.automatedDecisions))}
    <p class="muted">
      ${msg(str`Version ${d.version}, last updated on ${new Intl.DateTimeFormat(host.locale === 'ar' ? 'ar-u-nu-latn' : host.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d.lastUpdated))}`, { id: 'privacy.version' })}
      ${safeUrl(d.policyUrl) ? html`<br /><a href=${safeUrl(d.policyUrl)!}>${msg('Full privacy policy', { id: 'privacy.policy' })}</a>` : nothing}
    </p>
  </div>`;
}

function purpose(host: LayerHost, p: Purpose, offset: number) {
  const services = (host.data.services ?? []).filter((s) => s.purposes.includes(p.id));
  return html`<li>
    ${host.h(offset, host.t(p.title))}
    <p id="desc-${p.id}">${host.t(p.description, p.easyDescription)}</p>
    <p>${msg(str`Legal basis: ${basis(p.legalBasis)}.`, { id: 'privacy.basis' })}
      ${p.legitimateInterest ? html`${msg('Interest pursued:', { id: 'privacy.interest' })} ${host.t(p.legitimateInterest)}` : nothing}</p>
    ${services.length
      ? html`<ul class="services">
          ${services.map(
            (s) => html`<li>
              ${pair(host, s.title ?? s.name, s.description, true)}
              ${s.cookies?.length ? html`<br />${msg(str`Cookies: ${host.list(s.cookies)}`, { id: 'privacy.cookies' })}` : nothing}
              ${s.storageKeys?.length ? html`<br />${msg(str`Kept on your device: ${host.list(s.storageKeys)}`, { id: 'privacy.storage-keys' })}` : nothing}
            </li>`,
          )}
        </ul>`
      : nothing}
    ${p.legalBasis === 'consent'
      ? html`<p class="switch">
          <input
            type="checkbox"
            role="switch"
            id="switch-${p.id}"
            aria-describedby="desc-${p.id}"
            .checked=${host.draft[p.id] === true}
            @change=${(e: Event) => (host.draft = { ...host.draft, [p.id]: (e.target as HTMLInputElement).checked })}
          />
          <label for="switch-${p.id}">${msg(str`Allow: ${host.plain(p.title)}`, { id: 'privacy.allow' })}</label>
        </p>`
      : html`<p class="muted">${msg('Always active: it does not need your consent.', { id: 'privacy.always-on' })}</p>`}
  </li>`;
}

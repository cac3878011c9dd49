/**
 * What the lazily loaded steps (steps.ts: check your answers, sending and the outbox, the
 * confirmation) read and change of the component: its state and its small render helpers. The
 * component implements it; the steps render with `html` given it, as its own methods did.
 */
import type { TemplateResult, nothing } from 'lit';
import type { DateTimeParts } from './date-time.js';
import type { Answers } from './answer-model.js';
import type { Endpoint } from './open311.js';
import type { Definition, Receipt, RequestStatus, Service, SpecError } from './open311-read.js';
import type { Outbox } from './outbox.js';
import type { Problem } from './validate.js';

export type View = 'loading' | 'failed' | 'edit' | 'check' | 'queued' | 'done' | 'blocked';

export interface Draft {
  id: string;
  startedAt: number;
  savedAt: number;
  answers: Answers;
  mediaName?: string;
}

export interface RequestHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly endpoint: string;
  readonly adapter: 'open311' | 'json';
  readonly jurisdictionId: string;
  readonly uploadUrl: string;
  readonly requireContact: boolean;
  readonly minFillSeconds: number;
  readonly honeypot: string;
  /** The page's full language tag (data texts, the request's language). */
  readonly pageLanguage: string;
  readonly services: Service[];
  readonly definition: Definition | undefined;
  readonly ep: Endpoint | undefined;
  readonly draftId: string;
  readonly draftKey: string;
  readonly outboxKey: string;
  readonly startedAt: number;
  /** What a robot typed in the honeypot field. */
  readonly hp: string;
  view: View;
  a: Answers;
  problems: Problem[];
  serverErrors: SpecError[] | undefined;
  tooFast: boolean;
  error: unknown;
  sending: boolean;
  kept: boolean;
  receipt: Receipt | undefined;
  status: RequestStatus | undefined;
  statusError: unknown;
  progress: number;
  notice: '' | 'restored' | 'deleted';
  geo: '' | 'busy' | 'denied' | 'failed';
  mediaName: string;
  outbox: Outbox | undefined;

  /** Date parts as typed, by question code (date-time-field.ts). */
  readonly typedDates: Map<string, DateTimeParts>;

  heading(text: string, sub?: number, id?: string): TemplateResult;
  button(label: string, click: () => void, secondary?: boolean, id?: string): TemplateResult;
  linkButton(label: string, click: () => void, hidden?: string, hiddenLang?: string): TemplateResult;
  /** `lang` for a server's text when it is not in the page's language. */
  other(lang: string | undefined): string | undefined;
  /** A translated sentence around a server's text, the text marked with its `lang`. */
  around(build: (text: string) => string, text: string, lang?: string): TemplateResult | string;
  renderSummary(): TemplateResult;
  problem(id: string): Problem | undefined;
  describedBy(id: string, hint?: string, extra?: string): string | typeof nothing;
  hintAndError(id: string, hint?: string, lang?: string): TemplateResult;
  /** A label, with "(optional)" when it is. */
  optional(text: string, optional?: boolean, lang?: string): TemplateResult | string;
  /** Autosaves the draft after a pause. */
  changed(): void;
  answerLabel(method: string): string;
  needLabel(need: string): string;
  /** A number written the way the component's language writes it. */
  number(n: number): string;
  date(value: string): string;
  /** "Location found: …" */
  placeText(): string;
  focus$(selector: string): Promise<void>;
  say(sentence: () => string): void;
  save(): void;
  /** Removes the draft from the device and stops saving (sent, or deleted by the person). */
  dropDraft(): void;
  change(field: string): void;
  startAgain(): void;
}

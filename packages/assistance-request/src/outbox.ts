/**
 * The outbox: requests wait on the device until the server has confirmed them. Write-ahead: a
 * request is stored BEFORE its first attempt, so a crash or a closed tab mid-send loses nothing;
 * each item keeps its idempotency key for life, so a retry after a lost answer gives the server
 * the means to answer with the request it already has rather than a duplicate.
 *
 * Plain TypeScript without DOM: the component and the benchmark (in Node) run this same code.
 */
import type { Receipt } from './open311-read.js';
import type { Outgoing } from './deliver.js';

/** What the outbox needs of a storage (createSafeStorage from @citopia/core/storage fits). */
export interface KeyValueStore {
  getJson<T>(key: string): T | undefined;
  setJson(key: string, value: unknown): { persisted: boolean };
  remove(key: string): void;
}

export interface OutboxItem extends Outgoing {
  attempts: number;
  /** Not before this time (ms since epoch). */
  nextAt: number;
}

export interface OutboxOptions {
  send: (item: OutboxItem) => Promise<Receipt>;
  /** Decides whether a failure is worth another try (offline, timeout, 5xx, 429…). */
  retryable: (error: unknown) => boolean;
  /** Seconds the server asked us to wait (Retry-After), if any. */
  retryAfter?: (error: unknown) => number | undefined;
  onSent?: (item: OutboxItem, receipt: Receipt) => void;
  onRejected?: (item: OutboxItem, error: unknown) => void;
  onRetry?: (item: OutboxItem, error: unknown) => void;
  /** First retry delay in ms (doubles each time, with jitter), and the longest. */
  baseDelay?: number;
  maxDelay?: number;
  random?: () => number;
  now?: () => number;
}

export class Outbox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly storageKey: string,
    private readonly options: OutboxOptions,
  ) {}

  /** Waiting items, oldest first (read from storage each time: another tab may have sent one). */
  get items(): OutboxItem[] {
    const items = this.store.getJson<OutboxItem[]>(this.storageKey);
    return Array.isArray(items) ? items : [];
  }

  private save(items: OutboxItem[]): boolean {
    if (!items.length) {
      this.store.remove(this.storageKey);
      return true;
    }
    return this.store.setJson(this.storageKey, items).persisted;
  }

  /** Adds a request (once per key) and returns whether the device kept it. */
  add(request: Outgoing): boolean {
    const items = this.items.filter((i) => i.key !== request.key);
    return this.save([...items, { ...request, attempts: 0, nextAt: 0 }]);
  }

  private update(key: string, change: ((item: OutboxItem) => OutboxItem) | null): void {
    const items = this.items;
    this.save(change ? items.map((i) => (i.key === key ? change(i) : i)) : items.filter((i) => i.key !== key));
  }

  /** Wait before attempt n+1: base·2ⁿ⁻¹ (capped) ±25 %, never less than Retry-After. */
  delay(attempts: number, retryAfterSeconds?: number): number {
    const { baseDelay = 1000, maxDelay = 300_000, random = Math.random } = this.options;
    const backoff = Math.min(maxDelay, baseDelay * 2 ** Math.max(0, attempts - 1)) * (0.75 + random() * 0.5);
    return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
  }

  /**
   * Sends the items that are due (all of them when `force`), one at a time, oldest first. Only
   * one flush runs at once: a second call waits for the running one, so a button, a timer and
   * the `online` event together still send each request once.
   */
  flush(force = false): Promise<void> {
    if (this.running) return this.running.then(() => (force ? this.flush(true) : undefined));
    this.running = this.run(force).finally(() => {
      this.running = undefined;
      this.schedule();
    });
    return this.running;
  }

  private async run(force: boolean): Promise<void> {
    const { send, retryable, retryAfter, onSent, onRejected, onRetry, now = Date.now } = this.options;
    for (const item of this.items) {
      if (!force && item.nextAt > now()) continue;
      try {
        const receipt = await send(item);
        this.update(item.key, null);
        onSent?.(item, receipt);
      } catch (error) {
        if (!retryable(error)) {
          this.update(item.key, null);
          onRejected?.(item, error);
          continue;
        }
        const attempts = item.attempts + 1;
        const next = { ...item, attempts, nextAt: now() + this.delay(attempts, retryAfter?.(error)) };
        this.update(item.key, () => next);
        onRetry?.(next, error);
        // The connection or the server is the problem: later items would fail the same way.
        return;
      }
    }
  }

  /** Sets a timer for the earliest due item. */
  schedule(): void {
    this.stop();
    const next = Math.min(...this.items.map((i) => i.nextAt));
    if (Number.isFinite(next)) this.timer = setTimeout(() => void this.flush(), Math.max(0, next - (this.options.now ?? Date.now)()));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

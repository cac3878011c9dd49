// Fault injection, so tests and benchmarks exercise the component's outbox against a real server
// that fails the way real ones do. Random failures use a seeded generator: a run is repeatable.

/** Kinds of failure: an HTTP status (with Retry-After for 429 and 503), a dropped connection
 * before anything is stored ("drop"), a dropped connection AFTER the request is stored, so the
 * client never learns it succeeded ("drop-after": the case idempotency exists for), and a
 * response slower than any client timeout ("slow"; the request is still processed). */
export const FAULT_KINDS = ['500', '503', '429', 'drop', 'drop-after', 'slow'];

export const DEFAULT_FAULTS = Object.freeze({
  /** Share of matching requests that fail, 0…1. */
  failureRate: 0,
  /** Seed of the random generator (mulberry32). */
  seed: 1,
  /** The kinds a random failure picks from, uniformly. */
  kinds: ['500', '503', '429', 'drop', 'drop-after'],
  /** Failures for the next matching requests, in order, before any random one (for tests). */
  next: [],
  /** Seconds sent in Retry-After with 429 and 503. */
  retryAfter: 1,
  /** Milliseconds added before every matching response. */
  latency: 0,
  /** Milliseconds a "slow" failure waits before answering. */
  slow: 20_000,
  /** Which requests faults apply to: "write" (POST), "read" (GET) or "all". */
  scope: 'write',
  /** The server is "down": every request's connection is dropped, whatever the scope. */
  down: false,
});

/** A small seeded PRNG (mulberry32): the same seed gives the same failures. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalize(input = {}) {
  const settings = { ...DEFAULT_FAULTS, ...input };
  settings.failureRate = Math.min(1, Math.max(0, Number(settings.failureRate) || 0));
  settings.kinds = [].concat(settings.kinds).map(String).filter((k) => FAULT_KINDS.includes(k));
  if (settings.kinds.length === 0) settings.kinds = [...DEFAULT_FAULTS.kinds];
  settings.next = [].concat(settings.next ?? []).map(String).filter((k) => FAULT_KINDS.includes(k));
  settings.retryAfter = Math.max(0, Number(settings.retryAfter) || 0);
  settings.latency = Math.max(0, Number(settings.latency) || 0);
  settings.slow = Math.max(0, Number(settings.slow) || 0);
  settings.seed = Number(settings.seed) || 1;
  if (!['write', 'read', 'all'].includes(settings.scope)) settings.scope = 'write';
  settings.down = Boolean(settings.down);
  return settings;
}

/** The fault plan of one server: `set()` replaces the settings (and reseeds), `decide()` draws. */
export function createFaults(initial) {
  let settings = normalize(initial);
  let random = mulberry32(settings.seed);
  const injected = {};
  return {
    get settings() {
      return { ...settings, next: [...settings.next] };
    },
    get injected() {
      return { ...injected };
    },
    set(next) {
      settings = normalize(next);
      random = mulberry32(settings.seed);
      for (const key of Object.keys(injected)) delete injected[key];
      return this.settings;
    },
    /** What happens to a request with this method: { kind, latency } or undefined. */
    decide(method) {
      if (settings.down) return count({ kind: 'drop', latency: 0 });
      const write = method === 'POST';
      const applies = settings.scope === 'all' || (settings.scope === 'write' ? write : !write);
      if (!applies) return undefined;
      let kind;
      if (settings.next.length) kind = settings.next.shift();
      else if (settings.failureRate > 0 && random() < settings.failureRate) kind = settings.kinds[Math.floor(random() * settings.kinds.length)];
      if (!kind && !settings.latency) return undefined;
      return count({ kind, latency: settings.latency });
    },
  };
  function count(decision) {
    if (decision.kind) injected[decision.kind] = (injected[decision.kind] ?? 0) + 1;
    return decision;
  }
}

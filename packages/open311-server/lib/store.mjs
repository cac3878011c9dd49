// Requests, tokens and idempotency keys, kept in one JSON file under the data directory
// (written to a temporary file, then renamed, so a crash never leaves half a file). Without a
// data directory everything stays in memory.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const empty = () => ({ version: 1, nextId: undefined, requests: [], tokens: {}, idempotency: {} });

export function openStore(dataDir) {
  const file = dataDir ? join(dataDir, 'requests.json') : undefined;
  let state = empty();
  if (file) {
    mkdirSync(dataDir, { recursive: true });
    if (existsSync(file)) {
      try {
        state = { ...empty(), ...JSON.parse(readFileSync(file, 'utf8')) };
      } catch (error) {
        // A damaged file is kept aside rather than silently overwritten.
        renameSync(file, `${file}.damaged-${Date.now()}`);
        console.warn(`[open311] ${file} could not be read (${error.message}); starting with an empty store`);
      }
    }
  }
  const save = () => {
    if (!file) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 1));
    renameSync(temporary, file);
  };
  return {
    file,
    get requests() {
      return state.requests;
    },
    nextId(firstId = 1) {
      const id = state.nextId ?? firstId;
      state.nextId = id + 1;
      return String(id);
    },
    find(id) {
      return state.requests.find((r) => r.service_request_id === String(id));
    },
    /** Stores a new request, and with it its token and idempotency entry, in one write. */
    add(record, { token, idempotency } = {}) {
      state.requests.push(record);
      if (token) state.tokens[token] = { id: record.service_request_id, at: Date.now() };
      if (idempotency) state.idempotency[idempotency.key] = idempotency.entry;
      save();
    },
    update(id, changes) {
      const record = this.find(id);
      if (!record) return undefined;
      Object.assign(record, changes);
      save();
      return record;
    },
    token(token) {
      return state.tokens[token];
    },
    idempotent(key) {
      return state.idempotency[key];
    },
    reset() {
      state = empty();
      save();
    },
  };
}

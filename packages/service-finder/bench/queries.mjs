// Labelled queries for the benchmark: what people type (names, keywords, prefixes while typing),
// with typos and without accents, each with the set of services that answer it.
import { ACTIONS, seededRandom } from '../dist/huge-catalogue.js';
import { STOP_WORDS, normalize } from '../dist/search/index.js';

const LANGS = ['fr', 'de', 'it', 'en'];
const words = (text) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
const stripAccents = (text) => text.normalize('NFD').replace(/\p{M}/gu, '');
const KEYS = 'azertyuiopqsdfghjklmwxcvbn';

/** One typing mistake: swap two neighbours, drop, double or replace a letter (not the first). */
function typo(word, random) {
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + KEYS[Math.floor(random() * KEYS.length)] + word.slice(i + 1);
  }
}

/**
 * `count` queries over a generated catalogue (see huge-catalogue.ts): each has its text, the
 * page language, its kind, and `relevant`, the ids of the services that answer it.
 */
export function labelledQueries(catalogue, base, count, seed = 7) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const bases = new Map(base.services.map((s) => [s.id, s]));
  const group = (key) => {
    const map = new Map();
    for (const s of catalogue.services) {
      const k = key(s.origin);
      if (!map.has(k)) map.set(k, new Set());
      map.get(k).add(s.id);
    }
    return map;
  };
  const byBasePlace = group((o) => `${o.base}|${o.place}`);
  const byBase = group((o) => o.base);
  const byBaseAction = group((o) => `${o.base}|${o.action}`);
  const kinds = ['name', 'typo', 'no-accents', 'prefix', 'keyword', 'action'];
  const queries = [];
  for (let i = 0; queries.length < count; i++) {
    const service = pick(catalogue.services);
    const { base: baseId, place, action } = service.origin;
    const source = bases.get(baseId);
    const lang = pick(LANGS);
    const name = source.name[lang] ?? source.name.fr;
    const kind = kinds[i % kinds.length];
    let text;
    let relevant = byBasePlace.get(`${baseId}|${place}`);
    if (kind === 'name') text = `${name} ${place}`;
    else if (kind === 'typo') {
      const list = words(name);
      const candidates = list.filter((w) => w.length >= 5 && !/['’-]/.test(w));
      if (!candidates.length) continue;
      const target = pick(candidates);
      text = `${name.replace(target, typo(target, random))} ${place}`;
    } else if (kind === 'no-accents') {
      text = stripAccents(`${name} ${place}`).toLowerCase();
    } else if (kind === 'prefix') {
      const list = words(name).filter((w) => !STOP_WORDS.has(normalize(w)));
      const last = list[list.length - 1];
      if (!last || last.length < 5) continue;
      text = [...list.slice(0, -1), last.slice(0, Math.max(3, Math.ceil(last.length * 0.6)))].join(' ');
      relevant = byBase.get(baseId);
    } else if (kind === 'keyword') {
      const keywords = source.keywords?.[lang];
      if (!keywords?.length) continue;
      const keyword = pick(keywords);
      text = `${keyword} ${place}`;
      relevant = new Set(
        catalogue.services.filter((s) => s.origin.place === place && bases.get(s.origin.base).keywords?.[lang]?.includes(keyword)).map((s) => s.id),
      );
    } else {
      text = `${name} ${ACTIONS[lang][action]}`;
      relevant = byBaseAction.get(`${baseId}|${action}`);
    }
    queries.push({ text, lang, kind, relevant });
  }
  return queries;
}

/** Share of the best answers found in the first five results (1 when all of them are). */
export function recallAt5(ids, relevant) {
  const found = ids.slice(0, 5).filter((id) => relevant.has(id)).length;
  return found / Math.min(5, relevant.size);
}

/**
 * A large catalogue for performance work (the "huge" fixture and `npm run bench`): every
 * service of a real catalogue, declined by action ("renouvellement", "Erneuerung"...) and by
 * district, with a seeded random generator so every run sees the same 10,000 services.
 */
import type { Catalogue, Service, Text } from './catalogue/types.js';

/** Mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ACTIONS: Record<'fr' | 'de' | 'it' | 'en', string[]> = {
  fr: ['demande', 'renouvellement', 'modification', 'annulation', 'renseignements', 'recours', 'rendez-vous', 'duplicata', 'attestation', 'suivi du dossier'],
  de: ['Antrag', 'Erneuerung', 'Änderung', 'Annullierung', 'Auskunft', 'Beschwerde', 'Termin', 'Duplikat', 'Bestätigung', 'Dossierverfolgung'],
  it: ['richiesta', 'rinnovo', 'modifica', 'annullamento', 'informazioni', 'ricorso', 'appuntamento', 'duplicato', 'attestazione', 'stato della pratica'],
  en: ['application', 'renewal', 'change', 'cancellation', 'information', 'appeal', 'appointment', 'duplicate', 'certificate', 'case tracking'],
};
const DISTRICT: Record<string, (place: string) => string> = {
  fr: (p) => `Pour le secteur ${p}.`,
  de: (p) => `Für das Quartier ${p}.`,
  it: (p) => `Per il quartiere ${p}.`,
  en: (p) => `For the ${p} district.`,
};
const FIRST = ['Mont', 'Bel', 'Cour', 'Val', 'Pré', 'Bois', 'Champ', 'Roche', 'Clos', 'Font', 'Chêne', 'Port', 'Sous', 'Haut', 'Grand', 'Sainte'];
const SECOND = ['riond', 'air', 'lieu', 'vert', 'mont', 'vaux', 'rose', 'fleur', 'bourg', 'mollard', 'cour', 'sablon', 'chaux', 'pierre', 'lac', 'prés'];

/** The district names (language neutral): "Montriond", "Prévert", "Chênebourg"... */
export const PLACES = FIRST.flatMap((a) => SECOND.map((b) => a + b));

const each = (text: Text | undefined, fn: (value: string, lang: string) => string): Text | undefined =>
  text === undefined ? undefined : typeof text === 'string' ? fn(text, 'fr') : Object.fromEntries(Object.entries(text).map(([lang, v]) => [lang, fn(v, lang)]));

export interface GeneratedService extends Service {
  /** Where it comes from, for labelled benchmark queries. */
  origin: { base: string; action: number; place: string };
}

/** `count` services declined from `base`'s services, the same for the same `seed`. */
export function generateCatalogue(base: Catalogue, count: number, seed = 20240611): Catalogue & { services: GeneratedService[] } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  const services: GeneratedService[] = [];
  const max = base.services.length * ACTIONS.fr.length * PLACES.length;
  while (services.length < Math.min(count, max)) {
    const source = pick(base.services);
    const action = Math.floor(random() * ACTIONS.fr.length);
    const place = pick(PLACES);
    const id = `${source.id}--${action}--${place}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const actionOf = (lang: string) => (ACTIONS[lang as keyof typeof ACTIONS] ?? ACTIONS.en)[action];
    services.push({
      ...source,
      id,
      name: each(source.name, (v, lang) => `${v} – ${actionOf(lang)} (${place})`)!,
      summary: each(source.summary ?? source.description, (v, lang) => `${v} ${(DISTRICT[lang] ?? DISTRICT['en']!)(place)}`)!,
      origin: { base: source.id, action, place },
    });
  }
  return { ...base, services };
}

// Communes of the same name (Saint-Denis in Seine-Saint-Denis and in La Réunion): which one a person likely means,
// from what else is known, and when they are far enough apart to be asked about rather than guessed.
import { haversineKm } from './nearest.js';
import type { Commune } from './types.js';

/** Homonyms this far apart, each at least this share of the largest one's population, are asked about. */
const FAR_APART_KM = 100;
const COMPARABLE_POPULATION = 0.1;

/** The departments a person is likely in: the platform's that transferred them, then their landline's region. */
export function likelyDepartements(landlineZones: Record<string, string[]>, known: { from?: string; departement?: string }): string[] {
  const out: string[] = [];
  if (known.departement) out.push(known.departement);
  const national = /^(?:whatsapp:)?\+33(\d{9})$/.exec(known.from ?? '')?.[1];
  if (national) {
    const number = `0${national}`;
    const zone = landlineZones[number.slice(0, 4)] ?? (/^0[1-5]/.test(number) ? landlineZones[number.slice(0, 2)] : undefined);
    if (zone) out.push(...zone);
  }
  return out;
}

/** The homonyms to ask about along with `first`: none when `first` is in a likely department or clearly the one meant. */
export function farHomonyms(first: Commune, homonyms: Commune[], likely: string[]): Commune[] {
  if (likely.includes(first.departement)) return [];
  return homonyms.filter(
    (h) => h.population >= COMPARABLE_POPULATION * first.population && haversineKm(first.latitude, first.longitude, h.latitude, h.longitude) > FAR_APART_KM,
  );
}

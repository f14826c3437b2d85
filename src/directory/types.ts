// The directory's data model and port: communes (for geocoding) and places (where to get help).
// Runtime-agnostic: built from plain JSON, so Node and Workers load it the same way.

/**
 * How trustworthy a coordinate is: the commune's own point (IGN centroid, else GeoNames), the mean of its former
 * communes' centroids (a commune created by a merger after 2018), the mean of the communes sharing its postal code,
 * or its department's centre.
 */
export type Precision = 'commune' | 'former-commune' | 'postal-code' | 'department';

/** Whether an answer should say the position is approximate: a former commune's mean is within the commune. */
export const isApproximate = (precision: Precision) => precision === 'postal-code' || precision === 'department';

export interface Commune {
  /** INSEE code. */
  code: string;
  name: string;
  departement: string;
  postalCodes: string[];
  population: number;
  latitude: number;
  longitude: number;
  precision: Precision;
}

/** What a place offers, in the directory's own small vocabulary (mapped from each source's). */
export type PlaceService =
  | 'demarches' // help with an administrative procedure
  | 'apprendre' // learn the basics (computer, smartphone)
  | 'materiel' // equipment, at a solidarity price or to use on site
  | 'internet'; // free internet access

/**
 * What every France Services offers by its charter: help with procedures, and computers with internet in free
 * access. It also orients to learning (workshops, digital mediators): see nearest-places.service.ts.
 */
export const FRANCE_SERVICES_OFFER: PlaceService[] = ['demarches', 'internet', 'materiel'];

/** Publics a place says it welcomes, and the adapted receptions it offers. */
export type Public = 'seniors' | 'deafness' | 'visual' | 'mental' | 'mobility' | 'reading' | 'language';

export interface Place {
  id: string;
  name: string;
  address: string;
  postalCode: string;
  commune: string;
  latitude: number;
  longitude: number;
  phone?: string;
  services: PlaceService[];
  /** Opening hours in the OSM syntax (the national standard's; France Services' daily columns are mapped to it). */
  hours?: string;
  /** Where the record comes from, for credit and trust ("Hinaura, via cartographie nationale"). */
  source: string;
  /** True for France Services sites (assist with procedures for 9+ operators). */
  franceServices: boolean;
  /** Whether the source says to book an appointment. */
  appointment?: boolean;
  /** Fixed site, antenna, bus, itinerant or multi-site, as the source says. */
  format?: string;
  /** The source's free-text remark (itinerant stops, appointment notes). */
  comment?: string;
  /** The department's code (INSEE), when the source gives it. */
  departement?: string;
  /** Publics and adapted receptions the source lists; absent when it says nothing. */
  publics?: Public[];
  /** True when free, false when paid or membership only; absent when unknown. */
  free?: boolean;
  /** When the source last vouched for this record (epoch ms: the import, or the snapshot's date); absent when unknown. */
  updatedAt?: number;
}

export type GeocodeResult =
  /**
 * `others`: the other communes of the same postal code, most populated first (to ask which one); `homonyms`: the other
 * communes of the same name (Saint-Denis in Seine-Saint-Denis and in La Réunion), preferred departments first.
 */
  | { type: 'found'; commune: Commune; matchedBy: 'postal-code' | 'name' | 'short-name' | 'code'; others?: Commune[]; homonyms?: Commune[] }
  | { type: 'notFound' };

export interface NearbyPlace {
  place: Place;
  distanceKm: number;
}

/** The national cartography's orientation filters: need, publics, cost, opening, booking. */
export interface PlaceFilters {
  public?: Public;
  free?: boolean;
  /** Open at this moment (epoch ms, read in French local time). */
  openAt?: number;
  /** Open at some time on this day: the epoch ms of its midnight in Paris (a platform planning a visit). */
  openOn?: number;
  /** Only places that take people without an appointment. */
  withoutAppointment?: boolean;
  /**
   * Only places where someone helps: with procedures or to learn, or a France Services. Not a room that only lends
   * computers or wifi (a médiathèque's public computers, a youth information point's).
   */
  accompanies?: boolean;
}

export interface NearestQuery {
  latitude: number;
  longitude: number;
  limit: number;
  service?: PlaceService;
  filters?: PlaceFilters;
}

/** The port the conversation service uses. Implementations may be in memory or backed by a database. */
export interface GeocodeOptions {
  /** Exact names only, no typo tolerance: for names picked out of a sentence, where a guess would mislead. */
  strict?: boolean;
  /**
   * With `strict`: a name said without its end is found too (« Cherbourg » for Cherbourg-en-Cotentin), matched by
   * `short-name`, the other communes whose names begin so as its homonyms; and a town ten times as large as a village
   * whose name it begins is that name's homonym (« Charleville »).
   */
  shortName?: boolean;
  /** Departments the person is likely in (the platform that transferred them, their landline's region): among communes of one name, these come first. */
  prefer?: string[];
}

export interface Directory {
  geocode(query: string, options?: GeocodeOptions): Promise<GeocodeResult>;
  nearest(query: NearestQuery): Promise<NearbyPlace[]>;
  /** The departments a sentence names (« de la Réunion », « dans la Drôme », « (93) »), to settle homonyms. */
  departementsNamedIn?(text: string): string[];
}

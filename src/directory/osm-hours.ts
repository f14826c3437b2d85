// Opening hours in the OSM syntax (the national standard's, and the model every source is mapped into), read by the
// field's library, `opening_hours`: French public holidays (`PH off`), week numbers, months, exceptions. Pure
// JavaScript, so it runs on Workers too. Each distinct text is parsed once.
import OpeningHours from 'opening_hours';

/** France, for public holidays: `PH` means the French ones. Mainland France's centre, the library's default region. */
const FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };

const parsed = new Map<string, OpeningHours | null>();

/** The library's reading of an OSM hours text, or null when it cannot be read (an answer must never state wrong hours). */
export function osmHours(text: string): OpeningHours | null {
  let hours = parsed.get(text);
  if (hours === undefined) {
    try {
      hours = new OpeningHours(text, FRANCE);
    } catch {
      hours = null;
    }
    parsed.set(text, hours);
  }
  return hours;
}

/** Whether an OSM hours text can be read. */
export const isReadableOsmHours = (text: string) => osmHours(text) !== null;

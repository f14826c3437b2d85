// OSM opening hours (« Mo-Fr 09:00-12:00,13:30-17:00; PH off ») written out for the sheet, day by day, in French.
// The `opening_hours` library prettifies in English or German only; the day names and the times are the ones the
// SMS answers use (data/labels.fr.ts, formatRanges), so the sheet and the messages say hours alike.
import { openingWording } from '../../data/labels.fr.js';
import { sheetHours } from '../../data/orientations.fr.js';
import { formatRanges, parseDayHours } from '../directory/hours.js';

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const dayName = (osm: string) => (osm === 'PH' ? sheetHours.holidays : (openingWording.weekdays[OSM_DAYS.indexOf(osm)] ?? osm));

export function hoursInFrench(osm: string | null | undefined): string[] {
  if (!osm?.trim()) return [];
  return osm
    .split(';')
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const [days = '', ...rest] = rule.split(/\s+/);
      const dayText = capitalise(days.split(',').map((d) => d.split('-').map(dayName).join(` ${sheetHours.through} `)).join(', '));
      const times = rest.join(' ');
      if (/^(off|closed)$/i.test(times)) return `${dayText} : ${sheetHours.closed}`;
      // Ranges the directory's own reader knows are written as the SMS writes them; anything else is kept as given.
      const ranges = parseDayHours(times.replace(/,/g, ' / '));
      return `${dayText} : ${ranges ? formatRanges(ranges) : times}`;
    });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

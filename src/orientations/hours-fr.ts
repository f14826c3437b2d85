// OSM opening hours (« Mo-Fr 09:00-12:00,13:30-17:00; PH off ») read aloud for the sheet, in French. Hand-written:
// the `opening_hours` library prettifies in English or German only, and the sheet needs a senior's French.
const DAYS: Record<string, string> = { Mo: 'lundi', Tu: 'mardi', We: 'mercredi', Th: 'jeudi', Fr: 'vendredi', Sa: 'samedi', Su: 'dimanche', PH: 'jours fériés' };

export function hoursInFrench(osm: string | null | undefined): string[] {
  if (!osm?.trim()) return [];
  return osm
    .split(';')
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const [days = '', ...rest] = rule.split(/\s+/);
      const dayText = days
        .split(',')
        .map((d) => d.split('-').map((x) => DAYS[x] ?? x).join(' au '))
        .join(', ');
      const times = rest.join(' ');
      if (/^(off|closed)$/i.test(times)) return `${capitalise(dayText)} : fermé`;
      const ranges = times.split(',').map((r) => r.split('-').map((t) => t.replace(':', ' h ').replace(/ h 00$/, ' h').replace(/^0(\d)/, '$1')).join(' à '));
      return `${capitalise(dayText)} : ${ranges.join(' et ')}`;
    });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

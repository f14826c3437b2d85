// The phone numbering metadata Relais needs: libphonenumber-js's full ("max") metadata, France and its overseas
// territories only (a few kilobytes instead of a hundred: the Worker's size budget), with number types kept so that
// a mobile is told from a landline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FRENCH_REGIONS = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'NC', 'PF', 'WF']);

interface Metadata { version: number; country_calling_codes: Record<string, string[]>; countries: Record<string, unknown> }

export function buildPhoneMetadata(): Metadata {
  const all = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8')) as Metadata;
  return {
    version: all.version,
    country_calling_codes: Object.fromEntries(
      Object.entries(all.country_calling_codes).map(([code, regions]) => [code, regions.filter((r) => FRENCH_REGIONS.has(r))] as const).filter(([, regions]) => regions.length > 0),
    ),
    countries: Object.fromEntries(Object.entries(all.countries).filter(([region]) => FRENCH_REGIONS.has(region))),
  };
}

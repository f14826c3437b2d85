// Formats numbers the way a French reader expects them: decimal comma, phone numbers in pairs. Phone numbers are read
// by libphonenumber-js (every way people write them, the French numbering plan's types), with metadata for France
// and its overseas territories only (built by `npm run data:build`).
import { parsePhoneNumberFromString, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import phoneMetadata from '../../data/generated/phone-metadata.json';

const metadata = phoneMetadata as unknown as MetadataJson;

/** "0,4", "2,3", then whole kilometres from 10 km: precision beyond that means nothing to someone travelling. */
export function formatDistanceKm(km: number): string {
  if (km >= 10) return String(Math.round(km));
  return (Math.round(km * 10) / 10).toFixed(1).replace('.', ',');
}

/** Where a number written the national way (0…) may belong: mainland France first, then overseas. */
const REGIONS = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'NC', 'PF', 'WF', 'BL', 'MF'] as const;

/** A valid French number (mainland or overseas) from what someone wrote: « 06 12 34 56 78 », « +33 6 12… », « 04.66.… ». */
export function parsePhoneFr(raw: string | undefined): PhoneNumber | undefined {
  if (!raw) return undefined;
  for (const region of REGIONS) {
    const number = parsePhoneNumberFromString(raw, region, metadata);
    if (number?.isValid()) return number;
  }
  return undefined;
}

/** "+33479613068" or "0479613068" -> "04 79 61 30 68"; short numbers ("39 60") kept; anything else -> undefined. */
export function formatPhoneFr(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // Four-digit service numbers (39 60, 36 46) are outside the numbering plan's metadata: kept by hand.
  const short = raw.replace(/[\s.]/g, '');
  if (/^3\d{3}$/.test(short)) return `${short.slice(0, 2)} ${short.slice(2)}`;
  const national = parsePhoneFr(raw)?.formatNational();
  // The French way is pairs of digits, overseas too (« 02 62 12 34 56 », where the library writes « 0262 12 34 56 »).
  const digits = national?.replace(/\D/g, '');
  return digits?.length === 10 ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : national;
}

/** Any valid French number, mobile or landline (a person who will be called, not texted), in E.164. */
export const frenchPhoneE164 = (raw: string | undefined): string | undefined => parsePhoneFr(raw)?.number;

/** A French mobile (an SMS is never sent to a landline), in E.164 (+336…, +337…, +262 6…); undefined otherwise. */
export function frenchMobileE164(raw: string | undefined): string | undefined {
  const number = parsePhoneFr(raw);
  const type = number?.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? number!.number : undefined;
}

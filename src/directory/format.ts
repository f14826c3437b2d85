// Formats numbers the way a French reader expects them: decimal comma, phone numbers in pairs.

/** "0,4", "2,3", then whole kilometres from 10 km: precision beyond that means nothing to someone travelling. */
export function formatDistanceKm(km: number): string {
  if (km >= 10) return String(Math.round(km));
  return (Math.round(km * 10) / 10).toFixed(1).replace('.', ',');
}

/** "+33479613068" or "0479613068" -> "04 79 61 30 68"; short numbers ("39 60") kept; anything else -> undefined. */
export function formatPhoneFr(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let digits = raw.replace(/[^\d+]/g, '');
  if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  if (/^0[1-9]\d{8}$/.test(digits)) return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  if (/^3\d{3}$/.test(digits)) return `${digits.slice(0, 2)} ${digits.slice(2)}`;
  return undefined;
}

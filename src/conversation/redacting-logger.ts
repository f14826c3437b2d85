// Log lines outlive any erasure (they leave the service for a collector), so no phone number is ever written in one:
// every string field is scrubbed of number-like runs before the runtime's logger sees it. Free text is never
// logged by the service in the first place.
import type { Logger } from './ports.js';

/** Eight digits or more, possibly with a leading "+" and single separators: phone numbers, however written. */
const NUMBER_LIKE = /\+?\d(?:[\s.\-/]?\d){7,}/g;
export const REDACTED_NUMBER = '[numéro]';

export function redactNumbers(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(NUMBER_LIKE, REDACTED_NUMBER);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactNumbers(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactNumbers(v, depth + 1)]));
}

export function redactingLogger(logger: Logger): Logger {
  const scrub = (fields?: Record<string, unknown>) => (fields ? (redactNumbers(fields) as Record<string, unknown>) : fields);
  return {
    info: (event, fields) => logger.info(event, scrub(fields)),
    warn: (event, fields) => logger.warn(event, scrub(fields)),
    error: (event, fields) => logger.error(event, scrub(fields)),
  };
}

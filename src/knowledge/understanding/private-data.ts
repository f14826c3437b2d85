// What leaves Relais for a model is the person's current message with their private numbers and e-mail addresses
// masked. A regex rather than libphonenumber-js's findPhoneNumbersInText: the finder keeps only numbers that are
// valid phone numbers, while what must not leave is wider (a number with a digit missing, a bank card, a social
// security number, a code received by SMS). Any run of six digits or more, spaces, dots and dashes between them,
// is masked; a postal code (five digits, alone or listed) is kept, since the commune is what helps.

/** Digits grouped as people write them: « 06 12 34 56 78 », « +33 6.12.34.56.78 », « 4970-1012-3456-7890 ». */
const DIGIT_RUN = /\+?\(?\d[\d\s.()/-]*\d/g;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
const MIN_MASKED_DIGITS = 6;

export const MASKED_NUMBER = '[numéro]';
export const MASKED_EMAIL = '[adresse e-mail]';

/** The text with e-mail addresses and long numbers replaced by placeholders. */
export function maskPrivateData(text: string): string {
  return text.replace(EMAIL, MASKED_EMAIL).replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length < MIN_MASKED_DIGITS) return run;
    // Postal codes said one after another (« 48000 ou 48100 », « 48000 48100 ») stay: groups of exactly five.
    const groups = run.split(/[\s.()/-]+/).filter(Boolean);
    if (groups.every((g) => /^\d{5}$/.test(g))) return run;
    return MASKED_NUMBER;
  });
}

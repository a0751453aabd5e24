import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// Callback numbers: whatever a responder types while the caller dictates it, normalised to
// E.164 (`+32470123456`). Belgian habits are the default: `0470 12 34 56`, `02/555.12.34`,
// `+32 (0)2 555 12 34`, `0032 470 12 34 56`; a foreign number needs its `+` or `00` prefix.
// The full ("max") metadata validates number ranges, not just lengths; premium-rate numbers
// (090x) are refused: the line never calls them back. No Node built-in here — the renderer
// uses the same function (through the contract) for its live preview.

export const MAX_PHONE_INPUT = 40;
/** Digits, spaces and the separators people type; anything else (letters, "ext") is refused. */
const ALLOWED = /^[0-9+()./\-\s]+$/;

export type PhoneProblem = 'empty' | 'characters' | 'invalid' | 'premium' | 'extension';

export type PhoneResult =
  | { ok: true; e164: string; national: string; international: string; country: string | null; belgian: boolean }
  | { ok: false; problem: PhoneProblem; message: string };

const MESSAGES: Record<PhoneProblem, string> = {
  empty: 'a phone number is required',
  characters: 'only digits, spaces, +, (, ), ., / and - are accepted',
  invalid: 'not a valid phone number (Belgian: 0470 12 34 56 or 02 555 12 34; abroad: +33 6 12 34 56 78)',
  premium: 'premium-rate numbers (090x) cannot be called back',
  extension: 'extensions are not supported',
};

function fail(problem: PhoneProblem): PhoneResult {
  return { ok: false, problem, message: MESSAGES[problem] };
}

export function normalisePhone(raw: string): PhoneResult {
  const text = raw.trim();
  if (text === '') return fail('empty');
  if (text.length > MAX_PHONE_INPUT || !ALLOWED.test(text)) return fail('characters');
  const parsed = parsePhoneNumberFromString(text, 'BE');
  if (!parsed || !parsed.isValid()) return fail('invalid');
  if (parsed.ext) return fail('extension');
  if (parsed.getType() === 'PREMIUM_RATE') return fail('premium');
  const belgian = parsed.countryCallingCode === '32';
  return {
    ok: true,
    e164: parsed.number,
    national: belgian ? parsed.formatNational() : parsed.formatInternational(),
    international: parsed.formatInternational(),
    country: parsed.country ?? null,
    belgian,
  };
}

/** The stored form is always E.164: `+` then 8–15 digits, first digit not 0. */
export const E164 = /^\+[1-9]\d{7,14}$/;

/** How a stored number is shown to the responder who dials it: `0470 12 34 56` at home, `+33 6 …` abroad. */
export function displayPhone(e164: string): string {
  const r = normalisePhone(e164);
  return r.ok ? r.national : e164;
}

/** For IT listings and logs that must not reveal the number: `+32 4•• •• •• 56`. */
export function maskPhone(e164: string): string {
  if (!E164.test(e164)) return '•••';
  return `${e164.slice(0, 4)}${'•'.repeat(Math.max(0, e164.length - 6))}${e164.slice(-2)}`;
}

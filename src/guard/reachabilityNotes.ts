import { nationalDigits, phoneDigits } from '../domain/guard/spokenNumbers.ts';
import { fold } from '../domain/guard/words.ts';
import type { IdentifyingFinding } from '../domain/identifyingData.ts';
import type { Service } from '../directory/serviceSchema.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import type { Services } from '../services/services.ts';
import type { Db } from '../store/openDatabase.ts';
import { findInStoreText, guardOutgoingText } from './outgoingText.ts';

// What a reachability note may carry (issue 20). A reachability note is about a service ("plus
// de réponse depuis 2 semaines", "nouveau numéro 02 …") and, with a hub, it travels to every PC
// of the line, so it passes the outgoing-text gate like a callback reason. But its whole point is
// often a service's contact data, which the guard finds identifying. The rule:
//
// - a phone number or an e-mail address that is the directory's — in any service's phone,
//   e-mail or professional-contact field — identifies a service, not a caller: allowed;
// - the note's own service's data (its name, organisation, address, professional contact) is
//   allowed in any form the guard flags: "demander Mme Dupont" when the service's professional
//   contact is "Mme Dupont, assistante sociale";
// - a number, e-mail or address announced as the service's new contact data — "nouveau numéro",
//   "nouvelle adresse", "a déménagé", "nieuw nummer", "verhuisd naar", "new number" just before
//   it — is allowed: the directory does not know it yet, and that is why the note is written;
// - anything else (a person's name, a number nobody announced as the service's) is refused until
//   the responder masks it, or a supervisor overrides (audited), as for every outgoing text.
// A name is never allowed by an announcement: a new contact person goes in the service's
// professional contact, which a maintainer edits.

/** Just before a finding: words that announce the service's new (or other) contact data. */
const ANNOUNCES = new RegExp(
  [
    // French
    'nouveau (?:num[ée]ro|n°|t[ée]l[ée]?(?:phone)?|gsm|fixe|mail|courriel|site)',
    'nouvel(?:le)? (?:adresse|e-?mail|num[ée]ro)',
    'autre num[ée]ro',
    'num[ée]ro (?:a chang[ée]|chang[ée]|direct|g[ée]n[ée]ral|du service|de la permanence|de l.accueil)',
    'chang[ée] de num[ée]ro',
    'ligne directe',
    'remplac[ée] par',
    'd[ée]m[ée]nag[ée]?(?:ment)?',
    'a d[ée]m[ée]nag[ée]',
    'se trouve(?: maintenant| d[ée]sormais)?',
    'd[ée]sormais',
    // Dutch
    'nieuw (?:nummer|telefoonnummer|gsm-?nummer|adres|e-?mailadres|mailadres)',
    'nieuwe (?:gsm|locatie|website)',
    'ander (?:nummer|adres)',
    'nummer (?:is )?(?:gewijzigd|veranderd)',
    '(?:rechtstreeks|direct|algemeen) nummer',
    'verhuis(?:d|t)(?: naar)?',
    'vanaf nu',
    'voortaan',
    // English
    'new (?:number|phone|address|e-?mail)',
    'moved to',
  ].join('|'),
  'iu',
);
/** How far before a finding the announcement may stand ("nouveau numéro depuis lundi : 02 …"). */
const ANNOUNCE_REACH = 40;

export interface DirectoryContacts {
  /** National significant digits of every number in the directory's phone and professional-contact fields. */
  numbers: ReadonlySet<string>;
  /** Lower-case e-mail addresses of the directory (e-mail and professional-contact fields). */
  emails: ReadonlySet<string>;
}

const NUMBER_IN_FIELD = /(?:\+|00)?\d[\d ./-]{5,}\d/g;
const EMAIL_IN_FIELD = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

const cache = new WeakMap<Db, { key: string; contacts: DirectoryContacts }>();

/** The directory's numbers and e-mail addresses, rebuilt when the directory changes. */
export function directoryContacts(db: Db): DirectoryContacts {
  const key = String(db.prepare("SELECT count(*) || '|' || coalesce(max(updated_at), '') FROM services").pluck().get());
  const cached = cache.get(db);
  if (cached?.key === key) return cached.contacts;
  const numbers = new Set<string>();
  const emails = new Set<string>();
  const rows = db.prepare('SELECT phone, email, professional_contact FROM services').all() as Array<{ phone: string | null; email: string | null; professional_contact: string | null }>;
  for (const r of rows) {
    for (const field of [r.phone, r.professional_contact]) {
      for (const m of (field ?? '').matchAll(NUMBER_IN_FIELD)) {
        const d = nationalDigits(m[0]);
        if (d.length >= 8) numbers.add(d);
      }
    }
    for (const field of [r.email, r.professional_contact]) for (const m of (field ?? '').matchAll(EMAIL_IN_FIELD)) emails.add(m[0].toLowerCase());
  }
  const contacts = { numbers, emails };
  cache.set(db, { key, contacts });
  return contacts;
}

/** Folded words of a text, one space between: "Mme Dupont, A.S." → "mme dupont a s". */
function words(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The fields of the note's own service that a note may repeat. */
function ownText(service: Service | null): string {
  if (!service) return '';
  return ` ${[service.name, service.alternate_name, service.organization, service.address, service.postcode, service.commune, service.phone, service.email, service.professional_contact]
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map(words)
    .join(' | ')} `;
}

/**
 * The findings a reachability note about `service` may keep (see the rule above): a predicate for
 * guardOutgoingText's `allow`.
 */
export function reachabilityAllowance(db: Db, service: Service | null, text: string): (f: IdentifyingFinding) => boolean {
  const own = ownText(service);
  return (f) => {
    const folded = words(f.match);
    if (folded !== '' && own.includes(` ${folded} `)) return true;
    if (f.kind === 'name') return false;
    const announced = ANNOUNCES.test(text.slice(Math.max(0, f.start - ANNOUNCE_REACH), f.start));
    if (f.kind === 'phone') return announced || directoryContacts(db).numbers.has(nationalDigits(phoneDigits(f.match)));
    if (f.kind === 'email') return announced || directoryContacts(db).emails.has(f.match.toLowerCase().replace(/\s+/g, ''));
    if (f.kind === 'address') return announced;
    return false;
  };
}

/** What the gate below would refuse in `text` (directory.checkNote, shown while the note is typed). */
export function refusedInReachabilityNote(s: Services, serviceId: string, text: string): IdentifyingFinding[] {
  const db = s.store.database();
  const allow = reachabilityAllowance(db, directoryRepository(db).getService(serviceId), text);
  return findInStoreText(db, text).filter((f) => !allow(f));
}

/** The gate for a reachability note (directory.addNote, a maintainer's verify note): the rule above, then guardOutgoingText. */
export function guardReachabilityNote(s: Services, serviceId: string, text: string, override: boolean | undefined): void {
  const db = s.store.database();
  const allow = reachabilityAllowance(db, directoryRepository(db).getService(serviceId), text);
  guardOutgoingText(s, { text, field: 'reachabilityNote', path: 'text', override, allow });
}

import type { ServiceField } from '../serviceSchema.ts';

// The names a column header may carry for each field, beside the canonical one: the
// federation's own sheet is in French or Dutch ("Téléphone", "Thema's", "Laatste controle").
// Compared folded (see foldHeader): case, accents, apostrophes, spaces, `-` and `_` forgiven,
// a trailing `:` or `*` too. Export always writes the canonical names.
export const HEADER_ALIASES: Readonly<Record<ServiceField, readonly string[]>> = {
  id: ['identifiant', 'identificatie', 'référence', 'referentie', 'code'],
  name: ['nom', 'naam', 'nom du service', 'naam van de dienst', 'service', 'dienst', 'intitulé'],
  alternate_name: ['autre nom', 'nom alternatif', 'sigle', 'andere naam', 'alternatieve naam', 'afkorting', 'alternate name'],
  organization: ['organisation', 'organisme', 'association', 'organisatie', 'vereniging', 'organisation name'],
  description: ['descriptif', 'beschrijving', 'omschrijving'],
  themes: ['thématiques', 'thématique', 'thèmes', 'thème', "thema's", 'thema', 'themas', 'topics', 'categories', 'catégories', 'categorieën'],
  keywords: ['mots-clés', 'mot-clé', 'mots clés', 'trefwoorden', 'sleutelwoorden', 'zoekwoorden', 'tags'],
  communes_served: ['communes desservies', 'zone desservie', 'territoire', 'zone', 'bediende gemeenten', 'werkgebied', 'gemeenten', 'areas served', 'service area'],
  address: ['adresse', 'adres', 'rue', 'straat'],
  postcode: ['code postal', 'cp', 'postnummer', 'postal code', 'zip'],
  commune: ['gemeente', 'localité', 'ville', 'plaats', 'stad', 'city'],
  phone: ['téléphone', 'tél', 'tel', 'numéro de téléphone', 'telefoon', 'telefoonnummer', 'tel nr', 'telephone'],
  email: ['e-mail', 'courriel', 'mail', 'adresse e-mail', 'e-mailadres', 'emailadres'],
  website: ['site web', 'site internet', 'site', 'url', 'webstek', 'web'],
  hours: ['horaires', 'horaire', "heures d'ouverture", 'openingsuren', 'openingstijden', 'uren', 'opening hours'],
  languages: ['langues', 'langues parlées', 'talen', 'gesproken talen', 'language'],
  audience: ['public', 'public cible', 'publics', 'doelgroep', 'doelgroepen', 'target group'],
  access_conditions: ["conditions d'accès", "conditions d'acces", 'conditions', 'toegangsvoorwaarden', 'voorwaarden', 'eligibility', 'access conditions'],
  professional_contact: ['contact professionnel', 'contact pro', 'ligne pro', 'spoc', 'professioneel contact', 'contact voor professionals', 'professional contact'],
  last_verified: [
    'dernière vérification', 'derniere verification', 'vérifié le', 'date de vérification', 'mise à jour', 'dernière mise à jour',
    'laatste controle', 'laatst gecontroleerd', 'gecontroleerd op', 'laatste update', 'last verified',
  ],
  status: ['statut', 'état', 'staat'],
  crisis: ['crise', 'urgence', 'crisis', 'noodlijn', 'ligne de crise'],
};

/** The folded form headers are compared in: "Conditions d’accès :" → "conditions_d_acces". */
export function foldHeader(cell: string): string {
  return cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/^[\ufeff\u200b\s'"]+|[\s'"*:]+$/g, '')
    .replace(/[\s\-_'’‘`.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const BY_FOLDED = new Map<string, ServiceField>();
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [ServiceField, readonly string[]][]) {
  BY_FOLDED.set(foldHeader(field), field);
  for (const a of aliases) if (!BY_FOLDED.has(foldHeader(a))) BY_FOLDED.set(foldHeader(a), field);
}

/** The field a header cell names, by its canonical name or an alias; null when unknown. */
export function fieldForHeader(cell: string): ServiceField | null {
  const folded = foldHeader(cell);
  return folded === '' ? null : (BY_FOLDED.get(folded) ?? null);
}

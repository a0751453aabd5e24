// The shared taxonomy of themes, used by the directory (what a service does) and by calls
// (what a caller asked about). Codes are stable; labels are per language. Supervisors may add
// entries at run time (stored in the database); these are the built-in ones.
export type Lang = 'fr' | 'nl' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'nl', 'en'];

export interface ThemeEntry {
  code: string;
  labels: Record<Lang, string>;
  /** Sensitive themes use the stricter disclosure threshold in public reports. */
  sensitive?: boolean;
}

export const BUILTIN_THEMES: readonly ThemeEntry[] = [
  { code: 'food', labels: { fr: 'Aide alimentaire', nl: 'Voedselhulp', en: 'Food aid' } },
  { code: 'housing', labels: { fr: 'Logement', nl: 'Huisvesting', en: 'Housing' } },
  { code: 'shelter', labels: { fr: 'Hébergement d\'urgence', nl: 'Noodopvang', en: 'Emergency shelter' } },
  { code: 'income', labels: { fr: 'Revenus (chômage, RIS, allocations)', nl: 'Inkomen (werkloosheid, leefloon, uitkeringen)', en: 'Income (unemployment, social integration income, benefits)' } },
  { code: 'debt', labels: { fr: 'Dettes et factures', nl: 'Schulden en facturen', en: 'Debts and bills' } },
  { code: 'energy', labels: { fr: 'Énergie', nl: 'Energie', en: 'Energy' } },
  { code: 'health', labels: { fr: 'Santé et accès aux soins', nl: 'Gezondheid en toegang tot zorg', en: 'Health and access to care' } },
  { code: 'mental_health', labels: { fr: 'Santé mentale et écoute', nl: 'Geestelijke gezondheid en luisteren', en: 'Mental health and listening' }, sensitive: true },
  { code: 'residence', labels: { fr: 'Droit de séjour, sans-papiers', nl: 'Verblijfsrecht, mensen zonder papieren', en: 'Residence rights, undocumented people' }, sensitive: true },
  { code: 'digital', labels: { fr: 'Fracture numérique', nl: 'Digitale kloof', en: 'Digital divide' } },
  { code: 'family', labels: { fr: 'Famille', nl: 'Gezin', en: 'Family' } },
  { code: 'violence', labels: { fr: 'Violences', nl: 'Geweld', en: 'Violence' }, sensitive: true },
  { code: 'employment', labels: { fr: 'Emploi et droit du travail', nl: 'Werk en arbeidsrecht', en: 'Employment and work rights' } },
  { code: 'legal', labels: { fr: 'Aide juridique', nl: 'Juridische hulp', en: 'Legal aid' } },
  { code: 'education', labels: { fr: 'Enseignement et cours de langue', nl: 'Onderwijs en taallessen', en: 'Education and language classes' } },
  { code: 'elderly', labels: { fr: 'Personnes âgées', nl: 'Ouderen', en: 'Older people' } },
  { code: 'disability', labels: { fr: 'Handicap', nl: 'Handicap', en: 'Disability' } },
  { code: 'admin', labels: { fr: 'Démarches administratives', nl: 'Administratieve stappen', en: 'Administrative procedures' } },
  { code: 'general', labels: { fr: 'Aide sociale générale', nl: 'Algemeen maatschappelijk werk', en: 'General social work' } },
];

export const BUILTIN_THEME_CODES: readonly string[] = BUILTIN_THEMES.map((t) => t.code);
export const SENSITIVE_THEME_CODES: ReadonlySet<string> = new Set(BUILTIN_THEMES.filter((t) => t.sensitive).map((t) => t.code));

/** Theme codes are lower snake case ASCII, so supervisors' additions stay safe everywhere. */
export const THEME_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

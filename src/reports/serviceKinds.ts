import { SERVICE_KINDS, type ServiceKind } from '../domain/reportLabels.ts';

// "Referral destinations by kind of service": the directory has no kind field, so the kind is
// read from what every Brussels social worker recognises in a service's name (CPAS/OCMW, CASG,
// CAW, unions, CAPAC, EPN, AIS/SVK…), then from the service's first theme in the directory.
// A referral keeps the service's name (call_referrals.service_name), so a service since
// removed from the directory is still classified.

const RULES: ReadonlyArray<[ServiceKind, RegExp]> = [
  ['cpas', /\b(cpas|ocmw)\b|centre public d'action sociale|openbaar centrum voor maatschappelijk/i],
  ['mental_health', /sant[ée] mentale|geestelijke gezondheid|\bcggz\b|\bssm\b|psychiatr|crise|[ée]coute|t[ée]l[ée]-accueil|tele-onthaal|suicid/i],
  ['violence_family', /violence|geweld|maltraitance|kind en gezin|\bone\b|\bamo\b|parents|ouders|gezin|famil/i],
  ['shelter', /samusocial|nachtopvang|h[ée]bergement|noodopvang|abri|asile de nuit|refuge|accueil de nuit|housing first/i],
  ['food', /colis|[ée]picerie|restos? du c|frigo|alimentaire|voedsel|food|banque alimentaire|soupe|sociale kruidenier/i],
  ['housing', /\b(ais|svk|sisp)\b|agence immobili|sociaal verhuur|logement|huisvesting|wonen|locataire|huurder/i],
  ['income_employment', /\b(fgtb|abvv|csc|acv|cgslb|aclvb|capac|hvw|onem|rva|actiris|vdab|inami|riziv|mutualit|ziekenfonds)\b|ch[ôo]mage|werkloos|syndica|vakbond|mission locale|emploi|pension|grapa/i],
  ['debt_energy', /dette|schuld|[ée]nergie|energie|gazelec|sibelga|surendettement|m[ée]diation de dettes/i],
  ['legal', /juridique|juridisch|\bbaj\b|\bjac\b|avocat|advocaat|droit des [ée]trangers|vreemdelingenrecht|aide juridique|justice|ligue des droits/i],
  ['health', /maison m[ée]dicale|wijkgezondheid|m[ée]decin|huisarts|h[ôo]pital|ziekenhuis|\bamu\b|soins|zorg|sant[ée]|gezondheid|pharmac|apothe/i],
  ['digital', /\bepn\b|num[ée]rique|digita|informatique|computer/i],
  ['education', /\bfle\b|\bcvo\b|cours de|taalles|nederlandse les|alphab[ée]tisation|[ée]cole|school|formation|opleiding/i],
  ['administration', /administration communale|gemeente|commune|\bbapa\b|office des [ée]trangers|dienst vreemdelingenzaken|service public|spf|fod|permanence sociale communale/i],
  ['general_social', /\b(casg|cap|caw)\b|centre de service social|service social|centre social|maatschappelijk werk|algemeen welzijnswerk|maison de quartier|buurthuis|welzijn/i],
];

const BY_THEME: Readonly<Record<string, ServiceKind>> = {
  food: 'food',
  housing: 'housing',
  shelter: 'shelter',
  income: 'income_employment',
  employment: 'income_employment',
  debt: 'debt_energy',
  energy: 'debt_energy',
  health: 'health',
  mental_health: 'mental_health',
  residence: 'legal',
  legal: 'legal',
  digital: 'digital',
  family: 'violence_family',
  violence: 'violence_family',
  education: 'education',
  admin: 'administration',
  general: 'general_social',
};

/** The kind of a service from its name (and id), else from its first directory theme, else "other". */
export function serviceKind(serviceId: string, serviceName: string, firstTheme?: string | null): ServiceKind {
  const text = `${serviceName} ${serviceId.replace(/[-_]/g, ' ')}`;
  for (const [kind, re] of RULES) if (re.test(text)) return kind;
  const byTheme = firstTheme ? BY_THEME[firstTheme] : undefined;
  return byTheme ?? 'other';
}

export { SERVICE_KINDS, type ServiceKind };

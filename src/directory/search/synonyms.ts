// Synonym groups: each group lists words or phrases that mean the same thing to a responder,
// in French, Dutch and English, with the acronyms. The defaults are seed data; the editable
// list lives in the store's `synonyms` table and is passed to createSearchIndex.

export type SynonymGroup = readonly string[];

export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  ['cpas', 'ocmw', 'centre public d action sociale', 'openbaar centrum voor maatschappelijk welzijn'],
  ['ris', 'revenu d integration', 'leefloon', 'revenu d integration sociale', 'minimex'],
  ['chomage', 'werkloosheid', 'unemployment', 'chomeur', 'werkloos', 'allocations de chomage', 'werkloosheidsuitkering'],
  ['colis', 'colis alimentaire', 'aide alimentaire', 'voedselhulp', 'voedselpakket', 'banque alimentaire', 'voedselbank', 'food aid', 'food bank', 'manger', 'nourriture', 'eten'],
  ['epicerie sociale', 'sociale kruidenier', 'sociale kruidenierszaak', 'social grocery'],
  ['resto du coeur', 'restos du coeur', 'restaurant social', 'sociaal restaurant', 'repas', 'maaltijd'],
  ['sans abri', 'sans domicile', 'sdf', 'dakloos', 'daklozen', 'homeless', 'rue'],
  ['hebergement d urgence', 'abri de nuit', 'asile de nuit', 'nachtopvang', 'noodopvang', 'shelter', 'dormir'],
  ['mutuelle', 'ziekenfonds', 'mutualiteit', 'mutualite', 'health insurance'],
  ['avocat', 'advocaat', 'pro deo', 'baj', 'bureau d aide juridique', 'bureau voor juridische bijstand', 'bjb', 'aide juridique', 'juridische hulp', 'lawyer'],
  ['logement', 'huisvesting', 'housing', 'woning', 'appartement', 'loyer', 'huur'],
  ['ais', 'svk', 'agence immobiliere sociale', 'sociaal verhuurkantoor'],
  ['maison medicale', 'medisch huis', 'wijkgezondheidscentrum', 'medecin generaliste', 'huisarts', 'docteur', 'dokter', 'gp'],
  ['dettes', 'schulden', 'debt', 'mediation de dettes', 'schuldbemiddeling', 'surendettement', 'factures'],
  ['epn', 'espace public numerique', 'openbare computerruimte', 'fracture numerique', 'digitale kloof', 'itsme', 'ordinateur', 'computer'],
  ['capac', 'hvw', 'caisse auxiliaire de paiement des allocations de chomage', 'hulpkas voor werkloosheidsuitkeringen'],
  ['syndicat', 'vakbond', 'union', 'fgtb', 'abvv', 'csc', 'acv', 'cgslb', 'aclvb'],
  ['sans papiers', 'sans papier', 'zonder papieren', 'mensen zonder papieren', 'undocumented', 'migrants', 'migranten', 'sejour', 'verblijf', 'regularisation'],
  ['casg', 'caw', 'cap', 'centre d action sociale globale', 'centrum algemeen welzijnswerk'],
  ['sante mentale', 'geestelijke gezondheid', 'mental health', 'psychologue', 'psycholoog', 'psy', 'ssm', 'cggz', 'ecoute', 'depression'],
  ['cours de francais', 'fle', 'alphabetisation', 'alpha', 'french classes', 'taallessen', 'cours de langue', 'nederlandse les', 'cours de neerlandais'],
  ['energie', 'energy', 'gaz', 'electricite', 'elektriciteit', 'sibelga', 'chauffage', 'verwarming'],
  ['violences conjugales', 'violence conjugale', 'partnergeweld', 'huiselijk geweld', 'domestic violence', 'femmes battues'],
  ['personnes agees', 'seniors', 'ouderen', 'senioren', 'elderly', 'pensionnes', 'troisieme age'],
  ['handicap', 'disability', 'beperking', 'invalidite', 'phare', 'vaph'],
  ['emploi', 'werk', 'job', 'travail', 'employment', 'actiris', 'recherche d emploi'],
  ['sans mutuelle', 'sans couverture', 'zonder ziekenfonds', 'uninsured', 'sans assurance'],
  ['st', 'saint', 'sint'],
  ['ste', 'sainte'],
  ['amu', 'aide medicale urgente', 'dringende medische hulp', 'dmh'],
];

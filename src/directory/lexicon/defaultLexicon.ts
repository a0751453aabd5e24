import type { LexiconEntry } from './lexiconSchema.ts';

// The situation lexicon shipped with Relais: what callers say (French and Dutch, as they say
// it) → the themes and the words the directory uses for services that help. Seed data: the
// store's `situation_lexicon` table, edited by directory maintainers and carried by the feed
// (and the hub), replaces it once anyone edits it. Phrases are matched on folded words with
// pronouns and small words skipped ("il veut me mettre dehors" ⊃ "mettre dehors"), word
// endings forgiven ("expulsé" ~ "expulsion"), Dutch compounds split ("zelfmoordgedachten").

interface Concept {
  themes: string[];
  keywords: string[];
  fr: string[];
  nl: string[];
}

const CONCEPTS: Concept[] = [
  {
    // Hunger, food aid.
    themes: ['food'],
    keywords: ['colis alimentaire', 'épicerie sociale', 'repas', 'voedselpakket', 'maaltijd', 'frigo', 'banque alimentaire'],
    fr: ['plus rien à manger', 'rien à manger', 'pas de quoi manger', 'frigo vide', 'faim', 'a faim', 'ont faim', 'nourrir mes enfants', 'manger', 'nourriture', 'courses', 'pas de quoi faire les courses', 'colis'],
    nl: ['niets meer te eten', 'niets te eten', 'honger', 'lege koelkast', 'eten', 'voedsel', 'boodschappen', 'kinderen eten geven', 'voedselpakket'],
  },
  {
    // A hot meal.
    themes: ['food'],
    keywords: ['repas', 'repas chaud', 'maaltijd', 'resto social', 'restaurant social'],
    fr: ['repas chaud', 'un repas', 'manger chaud', 'manger un repas'],
    nl: ['warme maaltijd', 'maaltijd', 'warm eten'],
  },
  {
    // Eviction, tenants' rights.
    themes: ['housing', 'legal'],
    keywords: ['expulsion', 'uitzetting', 'locataire', 'huurder', 'bail', 'droit à l habitat', 'huurdersbond'],
    fr: ['mettre dehors', 'mis dehors', 'jeter dehors', 'mettre à la porte', 'expulsion', 'expulsé', 'avis d expulsion', 'préavis', 'propriétaire', 'bail', 'fin de bail', 'loyer impayé', 'retard de loyer', 'augmente le loyer', 'proprio', 'locataire', 'insalubre', 'humidité', 'moisissure', 'logement insalubre'],
    nl: ['zet me buiten', 'buiten gezet', 'uit huis gezet', 'uitzetting', 'huisbaas', 'verhuurder', 'opzeg', 'opzegging', 'huurachterstand', 'huur niet betalen', 'huurcontract', 'huurder', 'vochtig', 'schimmel', 'onbewoonbaar'],
  },
  {
    // Rental deposit.
    themes: ['housing'],
    keywords: ['garantie locative', 'caution', 'waarborg', 'fonds du logement'],
    fr: ['garantie locative', 'caution', 'payer la garantie', 'pas de garantie'],
    nl: ['huurwaarborg', 'waarborg', 'huurgarantie'],
  },
  {
    // Finding a home.
    themes: ['housing'],
    keywords: ['logement social', 'AIS', 'SVK', 'loyer modéré', 'housing first'],
    fr: ['trouver un logement', 'cherche un logement', 'chercher un appartement', 'logement social', 'loyer trop cher', 'loyer trop élevé', 'pas de logement'],
    nl: ['woning zoeken', 'woning vinden', 'sociale woning', 'huur te duur', 'geen woning'],
  },
  {
    // Homelessness, a bed tonight.
    themes: ['shelter'],
    keywords: ['hébergement d urgence', 'abri de nuit', 'nachtopvang', 'samusocial', 'sans-abri', 'dakloos', 'maison d accueil'],
    fr: ['dort dehors', 'dormir dehors', 'dans la rue', 'à la rue', 'nulle part où dormir', 'pas de toit', 'sans toit', 'sans logement', 'sdf', 'sans abri', 'dormir ce soir', 'un lit pour la nuit', 'hébergement'],
    nl: ['op straat', 'slaapt buiten', 'buiten slapen', 'geen dak boven mijn hoofd', 'dakloos', 'nergens om te slapen', 'slaapplaats', 'bed voor vannacht', 'daklozenopvang'],
  },
  {
    // Suicide, crisis lines.
    themes: ['mental_health'],
    keywords: ['suicide', 'prévention du suicide', 'écoute', 'crise', 'zelfmoord', 'luisteren', 'équipe mobile de crise'],
    fr: ['en finir', 'pense à en finir', 'veut mourir', 'envie de mourir', 'mettre fin à mes jours', 'me tuer', 'se tuer', 'suicide', 'suicidaire', 'idées noires', 'plus envie de vivre', 'plus la force'],
    nl: ['zelfmoordgedachten', 'zelfmoord', 'er een einde aan maken', 'wil dood', 'niet meer leven', 'dood willen', 'suïcidaal', 'levensmoe'],
  },
  {
    // Loneliness, needing to talk.
    themes: ['mental_health'],
    keywords: ['écoute', 'luisteren', 'solitude', 'eenzaamheid', 'tele-accueil', 'tele-onthaal'],
    fr: ['besoin de parler', 'parler à quelqu un', 'seul', 'toute seule', 'solitude', 'personne à qui parler', 'déprimé', 'déprime', 'angoisse', 'crise d angoisse', 'dépression'],
    nl: ['eenzaam', 'eenzaamheid', 'met iemand praten', 'niemand om mee te praten', 'depressief', 'angstig', 'paniekaanval'],
  },
  {
    // Debts, bailiffs.
    themes: ['debt'],
    keywords: ['médiation de dettes', 'huissier', 'plan de paiement', 'règlement collectif', 'schuldbemiddeling', 'surendettement'],
    fr: ['huissier', 'dettes', 'endetté', 'surendetté', 'factures impayées', 'rappels', 'mise en demeure', 'saisie', 'saisie sur salaire', 'crédit', 'recouvrement', 'plan de paiement', 'n arrive plus à payer'],
    nl: ['deurwaarder', 'schulden', 'onbetaalde facturen', 'aanmaning', 'beslag', 'loonbeslag', 'afbetalingsplan', 'kan niet meer betalen', 'incasso'],
  },
  {
    // Energy: cut-off, bills.
    themes: ['energy'],
    keywords: ['gaz', 'électricité', 'client protégé', 'compteur', 'budgetmeter', 'afsluiting', 'energiefactuur', 'guidance énergétique'],
    fr: ['coupure', 'coupé le gaz', 'coupure d électricité', 'plus de chauffage', 'pas de chauffage', 'facture de gaz', 'facture d électricité', 'compteur à budget', 'limiteur'],
    nl: ['afgesloten', 'gas afgesloten', 'stroom afgesloten', 'geen verwarming', 'energiefactuur', 'gasfactuur', 'budgetmeter'],
  },
  {
    // Water.
    themes: ['energy', 'debt'],
    keywords: ['eau', 'facture d eau'],
    fr: ['facture d eau', 'coupure d eau', 'plus d eau'],
    nl: ['waterfactuur', 'water afgesloten'],
  },
  {
    // Unemployment benefits stuck.
    themes: ['income', 'employment'],
    keywords: ['chômage', 'allocations de chômage', 'syndicat', 'CAPAC', 'ONEM', 'werkloosheid'],
    fr: ['perdu mon travail', 'perdu mon emploi', 'licencié', 'au chômage', 'allocations de chômage', 'pas reçu mon chômage', 'chômage bloqué', 'dossier bloqué au syndicat', 'carte de contrôle', 'chômage temporaire', 'exclu du chômage', 'sanction onem'],
    nl: ['werk kwijt', 'ontslagen', 'werkloos', 'werkloosheidsuitkering', 'uitkering niet ontvangen', 'uitkering geblokkeerd', 'tijdelijke werkloosheid', 'vakbond'],
  },
  {
    // No income at all: CPAS, RIS.
    themes: ['income', 'general'],
    keywords: ['revenu d intégration', 'leefloon', 'CPAS', 'OCMW', 'aide sociale'],
    fr: ['plus aucun revenu', 'pas de revenus', 'sans revenus', 'plus d argent', 'rien pour vivre', 'revenu d intégration', 'aide du cpas', 'refus du cpas'],
    nl: ['geen inkomen', 'geen geld meer', 'niets om van te leven', 'leefloon', 'steun van het ocmw'],
  },
  {
    // Doctor, health cover.
    themes: ['health'],
    keywords: ['médecin généraliste', 'maison médicale', 'huisarts', 'wijkgezondheidscentrum', 'consultation'],
    fr: ['voir un médecin', 'besoin d un médecin', 'malade', 'pas de médecin', 'soins', 'médicaments'],
    nl: ['dokter nodig', 'ziek', 'geen huisarts', 'medicijnen', 'zorg'],
  },
  {
    // No health cover.
    themes: ['health'],
    keywords: ['sans mutuelle', 'sans couverture', 'soins gratuits', 'médecin gratuit', 'mutuelle', 'AMU', 'bas prix'],
    fr: ['pas de mutuelle', 'sans mutuelle', 'pas en ordre de mutuelle', 'pas de couverture', 'pas les moyens de se soigner', 'soins gratuits'],
    nl: ['geen ziekenfonds', 'niet verzekerd', 'gratis dokter', 'zorg niet betalen'],
  },
  {
    // Undocumented, residence.
    themes: ['residence'],
    keywords: ['sans-papiers', 'zonder papieren', 'régularisation', 'AMU', 'droit des étrangers', 'asile'],
    fr: ['sans papiers', 'pas de papiers', 'titre de séjour', 'carte de séjour', 'ordre de quitter le territoire', 'oqt', 'régularisation', 'demande d asile', 'réfugié'],
    nl: ['zonder papieren', 'geen papieren', 'verblijfsvergunning', 'bevel om het grondgebied te verlaten', 'asielaanvraag', 'vluchteling'],
  },
  {
    // Violence at home.
    themes: ['violence'],
    keywords: ['violences conjugales', 'partnergeweld', 'refuge', 'intrafamiliaal geweld', 'aide aux victimes'],
    fr: ['me frappe', 'il me frappe', 'me bat', 'violences conjugales', 'violence conjugale', 'mon mari me frappe', 'peur de mon mari', 'peur de rentrer', 'coups', 'menace'],
    nl: ['slaat me', 'mijn man slaat me', 'partnergeweld', 'huiselijk geweld', 'bang voor mijn partner', 'geweld thuis'],
  },
  {
    // Children at risk.
    themes: ['family', 'violence'],
    keywords: ['maltraitance', 'enfants', 'sos enfants', 'écoute-enfants'],
    fr: ['maltraitance', 'enfant maltraité', 'enfant en danger'],
    nl: ['kindermishandeling', 'kind in gevaar'],
  },
  {
    // Digital divide.
    themes: ['digital'],
    keywords: ['EPN', 'itsme', 'ordinateur', 'internet', 'démarches en ligne', 'smartphone'],
    fr: ['pas d ordinateur', 'pas internet', 'formulaire en ligne', 'faire en ligne', 'installer itsme', 'sur internet', 'imprimer un document', 'pas de smartphone'],
    nl: ['geen computer', 'geen internet', 'online formulier', 'itsme installeren', 'digitaal'],
  },
  {
    // Legal help, lawyer.
    themes: ['legal'],
    keywords: ['avocat pro deo', 'aide juridique', 'BAJ', 'conseil juridique', 'pro deo', 'juridische bijstand'],
    fr: ['besoin d un avocat', 'avocat gratuit', 'pro deo', 'tribunal', 'convocation au tribunal', 'porter plainte', 'conseil juridique'],
    nl: ['advocaat nodig', 'gratis advocaat', 'rechtbank', 'klacht indienen', 'juridisch advies'],
  },
  {
    // Work rights.
    themes: ['employment'],
    keywords: ['droit du travail', 'salaire impayé', 'licenciement', 'inspection du travail'],
    fr: ['patron ne me paie pas', 'salaire pas payé', 'pas été payé', 'travail au noir', 'licenciement abusif'],
    nl: ['baas betaalt niet', 'loon niet betaald', 'zwartwerk', 'onterecht ontslag'],
  },
  {
    // Finding a job.
    themes: ['employment'],
    keywords: ['recherche d emploi', 'Actiris', 'CV', 'formation', 'werkzoekende'],
    fr: ['cherche du travail', 'trouver du travail', 'chercher un emploi', 'faire un cv'],
    nl: ['werk zoeken', 'job zoeken', 'cv maken'],
  },
  {
    // Language classes.
    themes: ['education'],
    keywords: ['FLE', 'alphabétisation', 'cours de français', 'Nederlands leren', 'taalles'],
    fr: ['apprendre le français', 'cours de français', 'ne parle pas français', 'apprendre à lire', 'apprendre le néerlandais'],
    nl: ['nederlands leren', 'taalles', 'frans leren', 'leren lezen'],
  },
  {
    // Older people.
    themes: ['elderly'],
    keywords: ['seniors', 'maison de repos', 'aide à domicile', 'GRAPA', 'dienstencentrum'],
    fr: ['personne âgée', 'ma mère âgée', 'maison de repos', 'aide à domicile', 'pension trop petite'],
    nl: ['oudere', 'bejaarde', 'rusthuis', 'thuishulp', 'pensioen te laag'],
  },
  {
    // Disability.
    themes: ['disability'],
    keywords: ['handicap', 'allocation handicap', 'PHARE', 'VAPH', 'PMR'],
    fr: ['handicapé', 'en chaise roulante', 'reconnaissance handicap'],
    nl: ['gehandicapt', 'rolstoel', 'beperking'],
  },
  {
    // Family allowances, single parents.
    themes: ['family', 'income'],
    keywords: ['allocations familiales', 'groeipakket', 'kindergeld', 'pension alimentaire', 'monoparentale'],
    fr: ['allocations familiales', 'pension alimentaire', 'mère seule', 'père seul', 'maman solo'],
    nl: ['kinderbijslag', 'groeipakket', 'alleenstaande moeder', 'alimentatie'],
  },
  {
    // Addictions.
    themes: ['health', 'mental_health'],
    keywords: ['drogues', 'alcool', 'addiction', 'dépendance'],
    fr: ['boit trop', 'problème d alcool', 'drogue', 'toxicomane'],
    nl: ['drinkt te veel', 'drugs', 'verslaafd', 'verslaving'],
  },
  {
    // Clothes, furniture.
    themes: ['general'],
    keywords: ['vestiaire', 'vêtements', 'meubles', 'seconde main'],
    fr: ['pas de vêtements', 'besoin de vêtements', 'des meubles'],
    nl: ['kleren nodig', 'kleding', 'meubels'],
  },
];

export const DEFAULT_LEXICON: readonly LexiconEntry[] = CONCEPTS.flatMap((c) => [
  ...c.fr.map((phrase) => ({ phrase, lang: 'fr' as const, themes: c.themes, keywords: c.keywords })),
  ...c.nl.map((phrase) => ({ phrase, lang: 'nl' as const, themes: c.themes, keywords: c.keywords })),
]);

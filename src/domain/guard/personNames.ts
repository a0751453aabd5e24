import { GIVEN_NAMES, SURNAMES } from './givenNames.ts';
import type { GuardContext } from './guardContext.ts';
import { MAX_KNOWN_RUN } from './guardContext.ts';
import { gap, PrefixFilter, setOf, type Token } from './words.ts';

// Person names in a note. Three ways a name shows itself:
// 1. after a civility — "Mme Dupont", "Monsieur Pierre-Yves Lambert", "mevrouw De Smet",
//    "dhr. Peeters", "De heer Lemmens" (a civility alone, "Madame a rappelé", "Monsieur du
//    lundi", "Mme X", is not a name);
// 2. after a naming verb — "s'appelle Youssef", "son nom est Martin", "hij heet Youssef
//    Amrani", "noemt zich Jan", "naam: Thijs Jacobs";
// 3. as a given name from the Belgian lists followed by a surname — "Karim Haddad", "Sofie
//    Maes" — unless a street or service word comes first ("rue Fernand Bernier", "métro
//    Jacques Brel", "Institut Jules Bordet") or the words belong to a name in the directory or
//    a commune ("Pierre d'Angle", "Saint-Vincent de Paul").
// Names typed in lower case are caught after a civility or a naming verb when the word is a
// known surname or given name ("mme dubois"), and as a known given name + known surname.
// Only the name is flagged: "Mme [nom masqué]" keeps what the note needs (a woman called).

const GIVEN = setOf(GIVEN_NAMES);
const SURNAME = setOf(SURNAMES);

const CIVILITIES = new Set([
  'madame', 'monsieur', 'mademoiselle', 'mme', 'mmes', 'mr', 'mlle', 'melle', 'mevrouw', 'mevr', 'mw', 'meneer', 'mijnheer', 'dhr', 'juffrouw', 'mej', 'mrs', 'ms', 'miss', 'mister',
]);
// Titles and family words that name a person only before a capital ("docteur Martin", "famille Dubois").
const TITLES = new Set(['docteur', 'dokter', 'dr', 'famille', 'familie']);
// One-word naming verbs; "heet" (is called / hot) only before a capital.
const NAMING = new Set(["s'appelle", "s'appelait", "s'appeler", "m'appelle", "t'appelle", 'nomme', 'nommee', 'prenomme', 'prenommee', 'heet', 'heette', 'genaamd', 'named']);
// Two-word naming phrases, and labels followed by a colon.
const NAMING_PAIRS = new Set(['se nomme', 'noemt zich', 'noemde zich', 'nom est', "nom c'est", 'naam is', 'prenom est', "prenom c'est", 'name is', 'fait appeler']);
const LABELS = new Set(['nom', 'prenom', 'naam', 'voornaam', 'achternaam', 'name', 'appelant', 'appelante', 'beller', 'belster']);
// A first name alone, where only a person's name can stand: a caller introducing themselves
// ("ik ben Ahmed", "je suis Fatima", "moi c'est Karim", "hier is Sofie") or a relative named
// ("son fils Adam", "haar dochter Noor", "la petite Emma"). Only a given name of the lists is
// taken there ("ik ben Marokkaan", "je suis Belge" are not names).
const SELF_INTRO = new Set(['ik ben', 'je suis', "moi c'est", 'hier is', "c'est moi", 'ici c\'est']);
const RELATIVES = new Set([
  'fils', 'fille', 'mari', 'femme', 'epoux', 'epouse', 'frere', 'soeur', 'mere', 'pere', 'copain', 'copine', 'ami', 'amie', 'compagnon', 'compagne', 'neveu', 'niece',
  'cousin', 'cousine', 'oncle', 'tante', 'petit', 'petite', 'bebe', 'beau-pere', 'belle-mere', 'voisin', 'voisine',
  'zoon', 'dochter', 'man', 'vrouw', 'echtgenoot', 'echtgenote', 'broer', 'zus', 'zuster', 'moeder', 'vader', 'vriend', 'vriendin', 'partner', 'neef', 'nicht',
  'oom', 'kleine', 'baby', 'buurman', 'buurvrouw', 'kleinzoon', 'kleindochter', 'stiefvader', 'stiefmoeder',
]);
const POSSESSIVES = new Set(['son', 'sa', 'mon', 'ma', 'ton', 'ta', 'leur', 'le', 'la', 'zijn', 'haar', 'mijn', 'hun', 'de', 'het', 'z\'n', "m'n"]);
// "chez les Martin": a family by its surname.
const FAMILY_BY_SURNAME = 'chez les';

const PARTICLES = new Set([
  'de', 'del', 'della', 'der', 'den', 'des', 'di', 'du', 'da', 'das', 'do', 'dos', 'van', 'vande', 'vanden', 'vander', 'von', 'ten', 'ter', 'te', 'le', 'la',
  'el', 'al', 'ben', 'bin', 'ibn', 'bou', 'abou', 'abu', 'ait', 'ould', 'mac', 'mc', 'st', "'t", 'op',
]);

// Capitalised words that are not names: acronyms of the field, titles, days and months.
const NOT_A_NAME = new Set([
  'cpas', 'ocmw', 'caw', 'casg', 'cap', 'spoc', 'onem', 'rva', 'capac', 'hvw', 'fgtb', 'abvv', 'csc', 'acv', 'cgslb', 'aclvb', 'epn', 'ais', 'svk', 'baj', 'bjb',
  'amu', 'ris', 'one', 'stib', 'mivb', 'sncb', 'nmbs', 'tec', 'itsme', 'sibelga', 'engie', 'proximus', 'actiris', 'vdab', 'forem', 'famiris', 'fedasil', 'samusocial',
  'grapa', 'inami', 'riziv', 'mutuelle', 'mutualiteit', 'as', 'am', 'pv', 'rdv', 'sdf', 'gsm', 'tel', 'nn', 'nr', 'xx', 'xxx', 'nom', 'naam', 'inconnu', 'inconnue', 'onbekend',
  'anonyme', 'anoniem', 'directeur', 'directrice', 'juge', 'rechter', 'docteur', 'dokter', 'dr', 'maitre', 'meester', 'president', 'presidente', 'ministre', 'minister',
  'bourgmestre', 'burgemeester', 'agent', 'inspecteur', 'professeur', 'prof', 'avocat', 'avocate', 'advocaat', 'assistant', 'assistante', 'infirmier', 'infirmiere',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre',
  'octobre', 'novembre', 'decembre', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'a', 'et', 'ou', 'en', 'is', 'est', 'het', 'een', 'qui', 'die', 'dit', 'ce', 'il', 'elle', 'hij', 'zij', 'ze', 'pas', 'niet', 'rappelle', 'appelle', 'belt',
  'madame', 'monsieur', 'mademoiselle', 'mevrouw', 'meneer', 'mijnheer',
]);

// Words before a given name that make the name a street, a station or a service.
const PLACE_BEFORE = new Set([
  'rue', 'ruelle', 'avenue', 'av', 'boulevard', 'bd', 'bld', 'chaussee', 'chee', 'place', 'pl', 'square', 'sq', 'quai', 'impasse', 'allee', 'clos', 'chemin', 'dreve',
  'parc', 'park', 'galerie', 'passage', 'parvis', 'pont', 'cite', 'rond-point', 'station', 'gare', 'metro', 'arret', 'halte', 'tram', 'bus', 'ecole', 'athenee', 'lycee',
  'college', 'institut', 'instituut', 'universite', 'hopital', 'clinique', 'ziekenhuis', 'kliniek', 'az', 'uz', 'chu', 'chr', 'centre', 'center', 'centrum', 'maison',
  'huis', 'home', 'residence', 'foyer', 'fondation', 'stichting', 'asbl', 'vzw', 'salle', 'stade', 'piscine', 'musee', 'museum', 'eglise', 'kerk', 'mosquee', 'moskee',
  'basilique', 'prison', 'gevangenis', 'bibliotheque', 'campus', 'hall', 'theatre', 'cinema', 'resto', 'restaurant', 'epicerie', 'pharmacie', 'apotheek', 'saint',
  'sainte', 'sint', 'ste', 'notre-dame', 'straat', 'laan', 'plein', 'lycée', 'espace', 'service', 'dienst', 'cpas', 'ocmw', 'caw', 'casg', 'asile', 'refuge', 'abri',
]);
const STREET_SUFFIX = /(?:straat|laan|steenweg|plein|dreef|kaai|lei|weg|baan|singel|markt|gracht|dijk|vest|hof|pad|kade|park|wegel|berg|veld)$/u;

// Lower-case words that are a surname or given name in the lists and an ordinary word too.
const LOWER_WORDS = new Set([
  'baron', 'barre', 'beer', 'berger', 'blanc', 'block', 'boer', 'bos', 'brun', 'carre', 'charpentier', 'chevalier', 'cousin', 'dare', 'fay', 'feil', 'green', 'hand', 'king',
  'kok', 'koning', 'lang', 'little', 'mann', 'mol', 'paris', 'petit', 'post', 'price', 'roux', 'roy', 'rey', 'stark', 'swift', 'toy', 'vos', 'west', 'white', 'joly', 'klein',
  'groen', 'bijl', 'bakker', 'mulder', 'visser', 'schipper', 'molenaar', 'turner', 'walker', 'waters', 'fisher', 'mills', 'hills', 'rice', 'rowe', 'ward', 'moulin',
  'fontaine', 'meunier', 'marchand', 'noel', 'olivier', 'poirier', 'renard', 'robin', 'roche', 'masson', 'smith', 'lien', 'bas', 'miel', 'rose', 'pierre', 'claire',
  'marine', 'olive', 'grace', 'jade', 'fleur', 'floor', 'noor', 'sterre', 'jean', 'jan', 'sam', 'lee', 'pat', 'vic', 'stan', 'constance', 'prudence', 'victoire',
  'patience', 'marin', 'aube', 'kim', 'eden', 'liv', 'lou', 'mona', 'milan', 'ruben', 'lars', 'sem', 'rune', 'cas', 'daan', 'tuur', 'gust', 'juul', 'nand', 'mats',
  'kato', 'lore', 'lien', 'fien', 'roos', 'bram', 'siebe', 'vince', 'warre', 'wout', 'stef', 'mees', 'maas', 'ivo', 'max', 'leon', 'dana', 'sacha', 'louison',
  'colin', 'post',
]);

function isCapitalised(raw: string): boolean {
  // "Dupont", "D'Hondt", "O'Brien", "McKenzie", and names written in capitals ("AMRANI").
  return /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(raw) || (/^\p{Lu}{3,}(?:-\p{Lu}+)*$/u.test(raw));
}

const GIVEN_PREFIX = new PrefixFilter(GIVEN);

function isGivenToken(t: Token): boolean {
  if (GIVEN_PREFIX.mayHave(t.f) && GIVEN.has(t.f)) return true;
  const dash = t.f.indexOf('-');
  return dash > 0 && GIVEN_PREFIX.mayHave(t.f, dash) && GIVEN.has(t.f.slice(0, dash));
}

/** A capitalised word that may be part of a name (not an acronym, a title, a day…). */
function nameWord(t: Token): boolean {
  return t.raw.length >= 2 && isCapitalised(t.raw) && !NOT_A_NAME.has(t.f) && !/\d/.test(t.raw);
}

export interface NameSpan {
  start: number;
  end: number;
}

/**
 * The name that starts at token `i`: particles and capitalised words, up to 5 words, joined by
 * single spaces. `lowerOk`: a first word in lower case is accepted when it is a known name.
 * Returns the index of the last token of the name, or -1.
 */
function nameAt(text: string, toks: readonly Token[], i: number, lowerOk: boolean): number {
  let last = -1;
  for (let k = i; k < toks.length && k < i + 5; k++) {
    const t = toks[k] as Token;
    if (k > i && !/^ {1,2}$|^\s?-\s?$/.test(gap(text, toks[k - 1] as Token, t))) break;
    if (PARTICLES.has(t.f) || /^(?:d|l)'\p{L}/u.test(t.f)) {
      if (/^(?:d|l)'/u.test(t.f) && nameWord({ ...t, raw: t.raw.slice(2), f: t.f.slice(2) })) {
        last = k;
        continue;
      }
      // A particle belongs to the name only when a capitalised word follows it.
      const next = toks[k + 1];
      if (next && /^ {1,2}$/.test(gap(text, t, next)) && (PARTICLES.has(next.f) || nameWord(next))) continue;
      break;
    }
    if (nameWord(t)) {
      last = k;
      continue;
    }
    if (k === i && lowerOk && /^\p{Ll}/u.test(t.raw) && (SURNAME.has(t.f) || GIVEN.has(t.f)) && !LOWER_WORDS.has(t.f)) {
      last = k;
      // A lower-case first word may be followed by a lower-case surname ("mme fatima zahra").
      const next = toks[k + 1];
      if (next && /^ {1,2}$/.test(gap(text, t, next)) && /^\p{Ll}/u.test(next.raw) && SURNAME.has(next.f) && !LOWER_WORDS.has(next.f)) return k + 1;
      continue;
    }
    break;
  }
  return last;
}

/** True when a known organisation or place name covers token `a` and a neighbour within [a-…, b+…]. */
function knownRun(toks: readonly Token[], a: number, b: number, ctx: GuardContext): boolean {
  for (let x = Math.max(0, a - (MAX_KNOWN_RUN - 1)); x <= b; x++) {
    let key = (toks[x] as Token).f;
    if (!ctx.starts.has(key)) continue;
    for (let y = x + 1; y <= Math.min(toks.length - 1, x + MAX_KNOWN_RUN - 1); y++) {
      key += ` ${(toks[y] as Token).f}`;
      if (y >= a && ctx.phrases.has(key)) return true;
    }
  }
  return false;
}

function civilityAt(text: string, toks: readonly Token[], i: number): boolean {
  const t = toks[i] as Token;
  if (CIVILITIES.has(t.f)) return true;
  // "M. Benali": a capital M with its dot.
  if (t.raw === 'M' && text[t.end] === '.') return true;
  // "De heer Lemmens", "de heer".
  return t.f === 'heer' && i > 0 && (toks[i - 1] as Token).f === 'de';
}

/** Where a name may start after a civility or a naming verb at token i (-1: none). */
const PAIR_SECOND = new Set([...NAMING_PAIRS].map((p) => p.slice(p.indexOf(' ') + 1)));

// Every word that may start afterTrigger's checks, in one set (one look-up a word).
const TRIGGER_WORDS = new Set([...CIVILITIES, ...NAMING, ...PAIR_SECOND, ...LABELS, ...TITLES, 'm', 'heer']);
const TRIGGER_PREFIX = new PrefixFilter(TRIGGER_WORDS);

function afterTrigger(text: string, toks: readonly Token[], i: number): { from: number; lowerOk: boolean } | null {
  const t = toks[i] as Token;
  const next = toks[i + 1];
  if (!next) return null;
  // Most words trigger nothing: one look-up each before any string is built.
  if (!TRIGGER_PREFIX.mayHave(t.f) || !TRIGGER_WORDS.has(t.f)) return null;
  const between = gap(text, t, next);
  if (civilityAt(text, toks, i)) {
    if (!/^\.?\s{1,2}$/.test(between)) return null;
    return { from: i + 1, lowerOk: true };
  }
  if (TITLES.has(t.f) && /^\.?\s{1,2}$/.test(between)) return { from: i + 1, lowerOk: false };
  if (NAMING.has(t.f) && /^\s{1,2}$|^\s?:\s?$/.test(between)) {
    return { from: i + 1, lowerOk: t.f !== 'heet' && t.f !== 'heette' };
  }
  if (i > 0 && NAMING_PAIRS.has(`${(toks[i - 1] as Token).f} ${t.f}`) && /^\s{1,2}$|^\s?:\s?$/.test(between)) return { from: i + 1, lowerOk: true };
  if (LABELS.has(t.f) && /^\s?:\s?$/.test(between)) return { from: i + 1, lowerOk: true };
  return null;
}

/**
 * A first name standing alone where only a person can be meant (see SELF_INTRO, RELATIVES):
 * the index of the token where the name starts, or -1. The name must be capitalised and a given
 * name of the lists; a surname may follow. "chez les Martin": a capitalised surname or given name.
 */
// The words givenNameContextAt can start from: the second word of "chez les" and of a
// self-introduction, and the relatives (checked before any string is built).
const CONTEXT_WORDS = new Set([FAMILY_BY_SURNAME.split(' ')[1] as string, ...[...SELF_INTRO].map((p) => p.slice(p.indexOf(' ') + 1)), ...RELATIVES]);
const CONTEXT_PREFIX = new PrefixFilter(CONTEXT_WORDS);

function givenNameContextAt(text: string, toks: readonly Token[], i: number): { from: number; surnameOk: boolean } | null {
  const t = toks[i] as Token;
  if (!CONTEXT_PREFIX.mayHave(t.f) || !CONTEXT_WORDS.has(t.f)) return null;
  const next = toks[i + 1];
  if (!next || !/^\p{Lu}\p{Ll}/u.test(next.raw) || !/^\s{1,2}$|^\s?,\s?$/.test(gap(text, t, next))) return null;
  const prev = toks[i - 1];
  const pair = prev && /^\s{1,2}$/.test(gap(text, prev, t)) ? `${prev.f} ${t.f}` : '';
  if (pair === FAMILY_BY_SURNAME) return { from: i + 1, surnameOk: true };
  if (SELF_INTRO.has(pair)) return { from: i + 1, surnameOk: false };
  if (RELATIVES.has(t.f) && prev && POSSESSIVES.has(prev.f) && /^\s{1,2}$/.test(gap(text, prev, t))) return { from: i + 1, surnameOk: false };
  return null;
}

export function findPersonNames(text: string, toks: readonly Token[], ctx: GuardContext): NameSpan[] {
  const out: NameSpan[] = [];
  let skipUntil = -1;
  for (let i = 0; i < toks.length; i++) {
    if (i <= skipUntil) continue;
    const t = toks[i] as Token;
    const trigger = afterTrigger(text, toks, i);
    if (trigger) {
      const last = nameAt(text, toks, trigger.from, trigger.lowerOk);
      if (last >= 0 && !knownRun(toks, trigger.from, last, ctx)) {
        out.push({ start: (toks[trigger.from] as Token).start, end: (toks[last] as Token).end });
        skipUntil = last;
      }
      continue;
    }
    const alone = givenNameContextAt(text, toks, i);
    if (alone) {
      const first = toks[alone.from] as Token;
      if ((isGivenToken(first) || (alone.surnameOk && SURNAME.has(first.f))) && nameWord(first) && !(alone.surnameOk && ctx.places.has(first.f))) {
        const last = Math.max(alone.from, nameAt(text, toks, alone.from, false));
        if (!knownRun(toks, alone.from, last, ctx)) {
          out.push({ start: first.start, end: (toks[last] as Token).end });
          skipUntil = last;
          continue;
        }
      }
    }
    // A given name from the lists, then a surname.
    if (!isGivenToken(t)) continue;
    const capital = /^\p{Lu}\p{Ll}/u.test(t.raw);
    const lower = /^\p{Ll}/u.test(t.raw);
    if (!(capital || lower)) continue;
    if (lower && LOWER_WORDS.has(t.f)) continue;
    const prev = toks[i - 1];
    if (prev && PLACE_BEFORE.has(prev.f) && /^[\s.'’-]{0,3}$/.test(gap(text, prev, t))) continue;
    const surnameFrom = i + 1;
    const sn = toks[surnameFrom];
    if (!sn || !/^ {1,2}$/.test(gap(text, t, sn))) continue;
    let last: number;
    if (capital) {
      last = nameAt(text, toks, surnameFrom, false);
      if (last < 0) continue;
      const lastTok = toks[last] as Token;
      if (STREET_SUFFIX.test(lastTok.f) || ctx.places.has(lastTok.f)) continue;
    } else {
      if (!/^\p{Ll}/u.test(sn.raw) || !SURNAME.has(sn.f) || LOWER_WORDS.has(sn.f)) continue;
      last = surnameFrom;
    }
    if (knownRun(toks, i, last, ctx)) continue;
    out.push({ start: t.start, end: (toks[last] as Token).end });
    skipUntil = last;
  }
  return out;
}

import { COMMUNES } from '../communes.ts';
import { fold, tokenize } from './words.ts';

// What the guard knows about the line's world, so that names of services and places are not
// taken for people: every run of 2 to 5 words of the directory's service and organisation names
// ("Pierre d'Angle", "Saint-Vincent de Paul", "Centre culturel Jacques Franck") and of the 19
// communes, and the single words that name a Brussels place. The core builds it from the
// store; the renderer from `guard.knownNames`.

export interface GuardContext {
  /** Folded word runs (2–5 words, joined by one space) of known organisation and place names. */
  readonly phrases: ReadonlySet<string>;
  /** Folded single words that name a place: a surname candidate equal to one is not a person. */
  readonly places: ReadonlySet<string>;
  /** The first word of every run in `phrases`: most words start none, and are skipped at once. */
  readonly starts: ReadonlySet<string>;
}

// Brussels places that a note names without a street type ("dort à Simonis", "quartier Matonge").
const PLACES = [
  'bruxelles', 'brussel', 'brussels', 'belgique', 'belgie', 'belgium', 'wallonie', 'flandre', 'vlaanderen', 'laeken', 'laken', 'haren', 'heembeek',
  'cureghem', 'kuregem', 'marolles', 'marollen', 'matonge', 'flagey', 'simonis', 'midi', 'zuid', 'nord', 'noord', 'anneessens', 'botanique',
  'kruidtuin', 'josaphat', 'maritime', 'maritiem', 'molenbeek', 'woluwe', 'berchem', 'watermael', 'boitsfort', 'schaerbeek', 'schaarbeek',
  'louise', 'louiza', 'madou', 'rogier', 'yser', 'ijzer', 'ribaucourt', 'clemenceau', 'delacroix', 'bockstael', 'heysel', 'heizel',
];

const MAX_RUN = 5;

function addRuns(phrases: Set<string>, name: string): void {
  const words = tokenize(name).map((t) => t.f);
  for (let i = 0; i < words.length; i++) {
    for (let n = 2; n <= MAX_RUN && i + n <= words.length; n++) phrases.add(words.slice(i, i + n).join(' '));
  }
}

export function guardContext(names: Iterable<string> = []): GuardContext {
  const phrases = new Set<string>();
  const places = new Set<string>(PLACES);
  for (const c of COMMUNES) {
    for (const n of [c.fr, c.nl]) {
      addRuns(phrases, n);
      addRuns(phrases, n.replace(/-/g, ' '));
      places.add(fold(n));
    }
  }
  for (const n of names) if (n) addRuns(phrases, n);
  const starts = new Set<string>();
  for (const p of phrases) starts.add(p.slice(0, p.indexOf(' ')));
  return { phrases, places, starts };
}

/** The communes and Brussels places only: what the guard knows before the directory is read. */
export const BASE_CONTEXT: GuardContext = guardContext();

export const MAX_KNOWN_RUN = MAX_RUN;

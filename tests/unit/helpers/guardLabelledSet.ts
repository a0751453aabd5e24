import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The anonymity guard's labelled set (tests/fixtures/guard/labelled-notes.json) and how a
// detector is scored on it: a fragment counts as flagged when the detector finds anything in
// it. Shared by the unit test (thresholds) and bench/guard.bench.ts (recall and false-positive
// rate next to the guard as it was before issue 20).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface LabelledSample {
  lang: 'fr' | 'nl';
  identifying: boolean;
  kind?: string;
  text: string;
}

export interface LabelledSet {
  directoryNames: string[];
  samples: LabelledSample[];
}

export function loadLabelledSet(file = 'labelled-notes.json'): LabelledSet {
  return JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'guard', file), 'utf8')) as LabelledSet;
}

/** The organisation names the guard is given: the bundled demo directory's, and the set's own. */
export function directoryNamesFor(set: LabelledSet): string[] {
  const demo = JSON.parse(fs.readFileSync(path.join(root, 'src', 'directory', 'demo', 'demoDirectory.json'), 'utf8')) as Array<{ name: string; alternate_name: string | null; organization: string | null }>;
  return [...set.directoryNames, ...demo.flatMap((s) => [s.name, s.alternate_name, s.organization].filter((n): n is string => !!n))];
}

export interface Score {
  identifying: number;
  nonIdentifying: number;
  truePositives: number;
  falsePositives: number;
  recall: number;
  falsePositiveRate: number;
  missed: LabelledSample[];
  falseAlarms: LabelledSample[];
  /** Recall per labelled kind (name, phone, email…). */
  recallByKind: Record<string, { found: number; of: number }>;
}

export function score(samples: readonly LabelledSample[], flags: (text: string) => boolean): Score {
  const missed: LabelledSample[] = [];
  const falseAlarms: LabelledSample[] = [];
  const recallByKind: Record<string, { found: number; of: number }> = {};
  let tp = 0;
  let fp = 0;
  let pos = 0;
  let neg = 0;
  for (const s of samples) {
    const hit = flags(s.text);
    if (s.identifying) {
      pos++;
      const k = (recallByKind[s.kind ?? 'other'] ??= { found: 0, of: 0 });
      k.of++;
      if (hit) {
        tp++;
        k.found++;
      } else missed.push(s);
    } else {
      neg++;
      if (hit) {
        fp++;
        falseAlarms.push(s);
      }
    }
  }
  return { identifying: pos, nonIdentifying: neg, truePositives: tp, falsePositives: fp, recall: pos ? tp / pos : 0, falsePositiveRate: neg ? fp / neg : 0, missed, falseAlarms, recallByKind };
}

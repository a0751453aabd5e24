import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CALLBACK_STATUSES } from '../../src/contract/callbacksContract.ts';
import { HELP_OUTCOMES } from '../../src/domain/helpOutcomes.ts';
import { BARRIERS, CALL_LANGUAGES, CALLER_HISTORY, CALLER_TYPES, HEARD_FROM, INTERVENTIONS, NO_REQUEST_KINDS, REFERRAL_OUTCOMES, RESOLUTIONS, SOCIAL_AID_CONTACTS } from '../../src/contract/callSchemas.ts';
import { SECTIONS } from '../../src/contract/reportSchemas.ts';
import { OTHER_COMMUNE_CODES } from '../../src/domain/communes.ts';
import { WEEKDAY_CODES } from '../../src/domain/lineHours.ts';
import * as labels from '../../src/domain/reportLabels.ts';

// The words of a report live in one place, src/domain/locales/<lang>/reportLabels.json (issue 13,
// point 4: no more hand-written fr/nl/en tables in code). These tests hold the three languages
// together — same keys, same parameters — and check every code the contract knows has its words.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LANGS = ['fr', 'nl', 'en'] as const;
type Tree = { [key: string]: string | Tree };

const read = (lang: string): Tree => JSON.parse(fs.readFileSync(path.join(root, 'src', 'domain', 'locales', lang, 'reportLabels.json'), 'utf8')) as Tree;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const params = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();

/** What differs between two languages' files: keys one lacks, empty words, different parameters. */
function differences(base: Map<string, string>, other: Map<string, string>, lang: string): string[] {
  const out: string[] = [];
  for (const k of base.keys()) if (!other.has(k)) out.push(`${lang} lacks ${k}`);
  for (const [k, v] of other) {
    if (!base.has(k)) out.push(`${lang} has ${k}, French does not`);
    else if (v.trim() === '') out.push(`${lang}: ${k} is empty`);
    else if (params(v).join() !== params(base.get(k) as string).join()) out.push(`${lang}: ${k} has {{${params(v).join('}}, {{')}}}`);
  }
  return out;
}

test('reportLabels.json has the same keys, non-empty, with the same parameters in fr, nl and en', () => {
  const fr = leaves(read('fr'));
  assert.ok(fr.size > 150, `found ${fr.size} words`);
  for (const lang of LANGS) assert.deepEqual(differences(fr, leaves(read(lang)), lang), []);
  // It bites: a missing key, an empty word and a dropped parameter are each named.
  const broken = new Map(fr);
  broken.delete('total');
  broken.set('none', ' ');
  broken.set('method.comparison.sameLength', 'sans la longueur');
  assert.deepEqual(differences(fr, broken, 'xx').sort(), ['xx lacks total', 'xx: method.comparison.sameLength has {{}}', 'xx: none is empty']);
});

test('every code the contract knows has its words in the report, in each language', () => {
  const groups: Array<[string, Readonly<Record<string, labels.Label>>, readonly string[]]> = [
    ['intervention', labels.INTERVENTION_LABELS, INTERVENTIONS],
    ['callerType', labels.CALLER_TYPE_LABELS, CALLER_TYPES],
    ['language', labels.LANGUAGE_LABELS, CALL_LANGUAGES],
    ['callerHistory', labels.CALLER_HISTORY_LABELS, CALLER_HISTORY],
    ['socialAid', labels.SOCIAL_AID_LABELS, SOCIAL_AID_CONTACTS],
    ['barrier', labels.BARRIER_LABELS, BARRIERS],
    ['noRequest', labels.NO_REQUEST_LABELS, NO_REQUEST_KINDS],
    ['heardFrom', labels.HEARD_FROM_LABELS, HEARD_FROM],
    ['resolution', labels.RESOLUTION_LABELS, RESOLUTIONS],
    ['referralOutcome', labels.REFERRAL_OUTCOME_LABELS, REFERRAL_OUTCOMES],
    ['callbackStatus', labels.CALLBACK_STATUS_LABELS, CALLBACK_STATUSES],
    ['help', labels.HELP_LABELS, HELP_OUTCOMES],
    ['serviceKind', labels.SERVICE_KIND_LABELS, labels.SERVICE_KINDS],
    ['durationBand', labels.DURATION_BAND_LABELS, labels.DURATION_BANDS],
    ['section', labels.SECTION_LABELS, SECTIONS],
    ['commune', labels.COMMUNE_LABELS, OTHER_COMMUNE_CODES],
  ];
  const problems: string[] = [];
  for (const [group, table, codes] of groups) {
    for (const code of codes) {
      for (const lang of LANGS) {
        const word = table[code]?.[lang];
        // A word that is its own key path means i18next found nothing.
        if (!word || word === `${group}.${code}`) problems.push(`${group}.${code} (${lang})`);
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(labels.WEEKDAYS.length, WEEKDAY_CODES.length);
  assert.deepEqual(labels.WEEKDAYS[0], { fr: 'lundi', nl: 'maandag', en: 'Monday' });
});

test('the method note fills every parameter, in every language, rule and flavour', () => {
  const sensitiveThemes = [{ fr: 'Violences', nl: 'Geweld', en: 'Violence' }];
  for (const lang of LANGS) {
    for (const flavour of ['internal', 'public'] as const) {
      for (const comparison of ['calendarMonth', 'calendarYear', 'sameLength'] as const) {
        for (const yearEarlier of [false, true]) {
          const note = labels.methodNote({ flavour, threshold: 5, crossThreshold: 10, sensitiveThemes, granularity: 'week', periodDays: 31, comparison, yearEarlier }, lang);
          assert.equal(note.length, flavour === 'public' ? 9 : 7);
          for (const p of note) {
            assert.doesNotMatch(p, /\{\{|\}\}|^method\./, `${lang} ${flavour} ${comparison}: ${p}`);
          }
          const joined = note.join('\n');
          if (flavour === 'public') {
            assert.match(joined, /<5/);
            assert.match(joined, /<10/);
            assert.ok(joined.includes(sensitiveThemes[0]![lang]), 'names the sensitive themes');
            assert.ok(joined.includes({ fr: 'par semaine', nl: 'per week', en: 'per week' }[lang]), 'names the time scale');
          }
          if (comparison === 'sameLength') assert.match(joined, /31/);
          assert.equal(joined.includes({ fr: 'un an plus tôt', nl: 'een jaar eerder', en: 'a year earlier' }[lang]), comparison === 'calendarMonth' && yearEarlier);
        }
      }
    }
  }
});

test('no hand-written fr/nl/en table is left in src/domain/reportLabels.ts', () => {
  const text = fs.readFileSync(path.join(root, 'src', 'domain', 'reportLabels.ts'), 'utf8');
  assert.doesNotMatch(text, /\bL\(\s*'/);
  assert.doesNotMatch(text, /\bfr:\s*'/);
});

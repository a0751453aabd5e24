import { z } from 'zod';
import { LANGS } from '../domain/taxonomy.ts';
import { importDiffSchema, importInput } from './directoryImportSchemas.ts';
import { noteTextSchema, reachabilityNoteSchema, serviceIdSchema, serviceOutputSchema } from '../directory/serviceSchema.ts';
import { IDENTIFYING_KINDS } from '../domain/identifyingKinds.ts';
import { operation } from './operation.ts';
import { savedFileSchema } from './savedFile.ts';

/** Any signed-in profile (issue 8): the directory is read and kept up by the responders on shift. */
const SIGNED_IN = ['responder', 'supervisor'] as const;

// The service directory's data operations (issue 4): a service card, reachability notes,
// import (preview, then apply) and export, and the shared theme taxonomy.
// `directory.search` belongs to the search engine and is declared in its own contract slice.
// No runtime import from directory/import or directory/export here (they pull exceljs and
// node built-ins): the preload bundles this file. The import's input and diff are in
// directoryImportSchemas.ts, which the sync wire loads without this file's guard import.

export type ImportDiffView = z.infer<typeof importDiffSchema>;

const label = z.string().trim().min(1).max(120);
export const themeViewSchema = z.object({
  code: z.string(),
  labels: z.object({ fr: z.string(), nl: z.string(), en: z.string() }),
  sensitive: z.boolean(),
  builtin: z.boolean(),
});

export const directoryContract = {
  'directory.get': operation({
    summary: 'One service card: the service, its reachability notes (newest first) and whether it is overdue for verification (> 12 months).',
    access: SIGNED_IN,
    input: z.strictObject({ id: serviceIdSchema }),
    output: z.object({ service: serviceOutputSchema, notes: z.array(reachabilityNoteSchema), verificationOverdue: z.boolean() }),
  }),
  'directory.crisisLines': operation({
    summary: 'The emergency and listening lines for the crisis panel: active directory services flagged `crisis` (kept current by the directory feed), with their hours and what each is for.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ lines: z.array(serviceOutputSchema) }),
  }),
  'directory.addNote': operation({
    summary: 'Add a dated reachability note to a service ("no answer for 2 weeks"), signed with the responder\'s name; `unreachable` when the service could not be reached (counted on result rows, the "to verify" list and the barometer). The note travels to the hub: it passes the anonymity guard, where the directory\'s own contact data and contact data announced as new ("nouveau numéro …") are allowed; anything else identifying is refused unless a supervisor overrides (audited).',
    access: SIGNED_IN,
    input: z.strictObject({ serviceId: serviceIdSchema, text: noteTextSchema, kind: z.enum(['note', 'unreachable']).optional(), override: z.boolean().default(false) }),
    output: reachabilityNoteSchema,
  }),
  'directory.checkNote': operation({
    summary: 'What the reachability-note gate would refuse in this text, while it is typed (the card shows it, with a mask per finding): the guard\'s findings minus those a note about this service may keep. Writes nothing.',
    access: SIGNED_IN,
    input: z.strictObject({ serviceId: serviceIdSchema, text: z.string().max(2000) }),
    output: z.object({ findings: z.array(z.object({ kind: z.enum(IDENTIFYING_KINDS), start: z.number(), end: z.number(), match: z.string() })) }),
  }),
  'directory.importPreview': operation({
    summary: 'Read an import file (CSV, XLSX or HSDS JSON) and show the diff against the directory without writing anything.',
    access: SIGNED_IN,
    input: importInput,
    output: importDiffSchema,
  }),
  'directory.importApply': operation({
    summary: 'Apply an import file: every valid added or changed row in one transaction; rejected rows are listed.',
    access: SIGNED_IN,
    input: importInput,
    output: importDiffSchema,
  }),
  'directory.export': operation({
    summary: 'Export the directory as CSV, XLSX or HSDS JSON, saved by main (the save dialog; savedTo null when cancelled); `public` leaves out professional contacts.',
    access: SIGNED_IN,
    input: z.strictObject({
      format: z.enum(['csv', 'xlsx', 'hsds']),
      public: z.boolean().optional(),
      delimiter: z.enum([';', ',']).optional(),
    }),
    output: savedFileSchema.extend({ count: z.number() }),
  }),
  'directory.status': operation({
    summary: 'How many services the directory holds, and which are the bundled demonstration ones (fictitious numbers): the screens mark those and say how to get the line\'s directory when it is empty.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ services: z.number(), demoServices: z.number(), demoIds: z.array(z.string()) }),
  }),
  'directory.lexiconGet': operation({
    summary: 'The situation lexicon search uses (callers\' phrases → themes and keywords), as editable text; `edited` is false while the shipped default applies.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ text: z.string(), entries: z.number(), edited: z.boolean() }),
  }),
  'directory.lexiconSave': operation({
    summary: 'Replace the situation lexicon from its text form (one "fr: phrase => themes | keywords" per line); nothing is saved while a line is wrong. Empty text goes back to the shipped default (directory maintainers).',
    access: ['supervisor'],
    right: 'directory_maintainer',
    input: z.strictObject({ text: z.string().max(500_000) }),
    output: z.object({
      saved: z.boolean(),
      entries: z.number(),
      problems: z.array(z.object({ line: z.number(), message: z.string() })),
    }),
  }),
  'taxonomy.list': operation({
    summary: 'The shared theme taxonomy with FR/NL/EN labels: built-in themes then supervisor additions.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ themes: z.array(themeViewSchema) }),
  }),
  'taxonomy.add': operation({
    summary: 'Add a theme to the shared taxonomy (supervisors).',
    access: ['supervisor'],
    input: z.strictObject({
      code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _, starting with a letter (2–40 characters)'),
      labels: z.strictObject(Object.fromEntries(LANGS.map((l) => [l, label])) as Record<'fr' | 'nl' | 'en', typeof label>),
    }),
    output: themeViewSchema,
  }),
};

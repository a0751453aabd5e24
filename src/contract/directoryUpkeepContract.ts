import { z } from 'zod';
import { MAX_CELL_CHARS, NOTE_MAX_CHARS, SERVICE_STATUSES, serviceIdSchema, serviceOutputSchema, type ServiceField } from '../directory/serviceSchema.ts';
import { operation } from './operation.ts';

// Keeping the directory true (issue 17): a supervisor holding the directory maintainer right
// edits, verifies, deactivates and reactivates services and works through the "to verify" list.
// The router checks the role, then the right; every change is audited.

const MAINTAINER = { access: ['supervisor'] as const, right: 'directory_maintainer' as const };
const SIGNED_IN = ['responder', 'supervisor'] as const;

/** The form's draft: every field of the CSV contract, loosely typed here; the handler checks it
 *  with the service schema and the live taxonomy and names each field to correct. */
const text = z.string().max(MAX_CELL_CHARS).nullable().optional();
const items = z.array(z.string().max(300)).max(100).optional();
export const serviceDraftSchema = z.strictObject({
  id: z.string().max(100),
  name: z.string().max(300),
  alternate_name: text,
  organization: text,
  description: text,
  themes: items,
  keywords: items,
  communes_served: items,
  address: text,
  postcode: text,
  commune: text,
  phone: text,
  email: text,
  website: text,
  hours: text,
  languages: items,
  audience: text,
  access_conditions: text,
  professional_contact: text,
  last_verified: text,
  status: z.enum(SERVICE_STATUSES).optional(),
  crisis: z.union([z.boolean(), z.string().max(10)]).nullable().optional(),
} satisfies Record<ServiceField, z.ZodType>);
/** The service's own zod schema, for the edit form (react-hook-form) to check what the handler will. */
export { makeServiceSchema, LIST_FIELDS } from '../directory/serviceSchema.ts';

const toVerifyItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  commune: z.string().nullable(),
  lastVerified: z.string().nullable(),
  unreachableNotes: z.number(),
  reason: z.enum(['unreachable', 'stale', 'never']),
});

export const directoryUpkeepContract = {
  'directory.maintainerStatus': operation({
    summary: 'Whether the signed-in profile is a directory maintainer, and how many services wait on the "to verify" list (for the home screen).',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ maintainer: z.boolean(), toVerify: z.number() }),
  }),
  'directory.setMaintainer': operation({
    summary: 'Give or take back the directory maintainer right of a supervisor profile (supervisors).',
    access: ['supervisor'],
    input: z.strictObject({ profileId: z.string().uuid(), maintainer: z.boolean() }),
    output: z.object({ profileId: z.string(), maintainer: z.boolean() }),
  }),
  'directory.saveService': operation({
    summary: 'Create or edit a service: every field of the CSV contract, checked against the service schema and the live taxonomy (directory maintainers).',
    ...MAINTAINER,
    input: z.strictObject({ service: serviceDraftSchema, create: z.boolean() }),
    output: z.object({ service: serviceOutputSchema, created: z.boolean(), fields: z.array(z.string()) }),
  }),
  'directory.verify': operation({
    summary: 'Mark a service verified today (Brussels date), with an optional note kept on its card (directory maintainers); the note passes the anonymity guard as a reachability note does.',
    ...MAINTAINER,
    input: z.strictObject({ id: serviceIdSchema, note: z.string().trim().max(NOTE_MAX_CHARS).optional(), override: z.boolean().default(false) }),
    output: z.object({ service: serviceOutputSchema }),
  }),
  'directory.setStatus': operation({
    summary: 'Deactivate or reactivate a service (directory maintainers); its notes stay.',
    ...MAINTAINER,
    input: z.strictObject({ id: serviceIdSchema, status: z.enum(SERVICE_STATUSES) }),
    output: z.object({ service: serviceOutputSchema }),
  }),
  'directory.toVerify': operation({
    summary: 'The "to verify" worklist, most urgent first: unreachable notes in the last 30 days, then not verified for 12 months, then never verified (directory maintainers).',
    ...MAINTAINER,
    input: z.strictObject({}),
    output: z.object({ items: z.array(toVerifyItemSchema) }),
  }),
};

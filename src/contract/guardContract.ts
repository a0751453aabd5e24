import { z } from 'zod';
import { operation } from './operation.ts';

// The anonymity guard (issue 20) runs in the renderer as the responder types; to tell a
// person from a service named after one ("Centre culturel Jacques Franck", "Pierre d'Angle")
// it needs the directory's names, which only main reads. The guard itself is pure
// (src/domain/identifyingData.ts); what leaves the PC passes it again in main.

const SIGNED_IN = ['responder', 'supervisor'] as const;

export const guardContract = {
  'guard.knownNames': operation({
    summary: 'The directory\'s service and organisation names, for the anonymity guard in the renderer (names of services are not people).',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ names: z.array(z.string()) }),
  }),
};

import { z } from 'zod';
import { configStateSchema } from '../config/configSchema.ts';
import { operation } from './operation.ts';

// The machine-wide configuration IT deploys (config.json): which file was read, the effective
// values, and — when the file is invalid — the problem naming each key, so the app can show
// that it runs in safe mode.
export const configContract = {
  'config.get': operation({
    summary: 'The machine configuration: the file read, the effective values and, in safe mode, what is wrong with the file.',
    access: 'open',
    whileLocked: true,
    input: z.strictObject({}),
    output: configStateSchema,
  }),
};

import type { z } from 'zod';
import { systemContract } from './systemContract.ts';
import { storeContract } from './storeContract.ts';
import { directoryContract } from './directoryContract.ts';
import { directorySearchContract } from './directorySearchContract.ts';
import { directoryUpkeepContract } from './directoryUpkeepContract.ts';
import { configContract } from './configContract.ts';
import { feedContract } from './feedContract.ts';
import { callsContract } from './callsContract.ts';
import { callbacksContract } from './callbacksContract.ts';
import { reportsContract } from './reportsContract.ts';
import { lineReportContract } from './lineReportContract.ts';
import { lineDirectoryContract } from './lineDirectoryContract.ts';
import { accessContract } from './accessContract.ts';
import { shiftContract } from './shiftContract.ts';
import { hubContract } from './hubContract.ts';
import { guardContract } from './guardContract.ts';

// The single contract: every operation the UI may call. Each domain keeps its own map;
// they are joined here and nowhere else.
export const contract = {
  ...systemContract,
  ...storeContract,
  ...directoryContract,
  ...directorySearchContract,
  ...directoryUpkeepContract,
  ...configContract,
  ...feedContract,
  ...callsContract,
  ...callbacksContract,
  ...reportsContract,
  ...lineReportContract,
  ...lineDirectoryContract,
  ...accessContract,
  ...shiftContract,
  ...hubContract,
  ...guardContract,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export type { Result } from './result.ts';
export type { Role } from './operation.ts';
export { guardedRoles, isConditionalAccess } from './operation.ts';
export { EVENT_NAMES, type EventName, type EventPayload } from './events.ts';

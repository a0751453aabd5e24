import type { Handlers } from './handlerMap.ts';
import { systemHandlers } from './systemHandlers.ts';
import { storeHandlers } from './storeHandlers.ts';
import { directoryHandlers } from './directoryHandlers.ts';
import { directorySearchHandlers } from './directorySearchHandlers.ts';
import { directoryUpkeepHandlers } from './directoryUpkeepHandlers.ts';
import { configHandlers } from './configHandlers.ts';
import { feedHandlers } from './feedHandlers.ts';
import { callsHandlers } from './callsHandlers.ts';
import { callbacksHandlers } from './callbacksHandlers.ts';
import { reportsHandlers } from './reportsHandlers.ts';
import { lineReportHandlers } from './lineReportHandlers.ts';
import { lineDirectoryHandlers } from './lineDirectoryHandlers.ts';
import { accessHandlers } from './accessHandlers.ts';
import { shiftHandlers } from './shiftHandlers.ts';
import { hubHandlers } from './hubHandlers.ts';
import { guardHandlers } from './guardHandlers.ts';

// One handler map per domain, joined into the one typed `Handlers`; a missing or extra
// operation is a type error here.
export const handlers: Handlers = {
  ...systemHandlers,
  ...storeHandlers,
  ...directoryHandlers,
  ...directorySearchHandlers,
  ...directoryUpkeepHandlers,
  ...configHandlers,
  ...feedHandlers,
  ...callsHandlers,
  ...callbacksHandlers,
  ...reportsHandlers,
  ...lineReportHandlers,
  ...lineDirectoryHandlers,
  ...accessHandlers,
  ...shiftHandlers,
  ...hubHandlers,
  ...guardHandlers,
};

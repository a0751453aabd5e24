import type { EventName, EventPayload, Role } from '../contract/index.ts';
import type { ConfigState } from '../config/configSchema.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../platform/clock.ts';
import type { PagePrintOptions } from '../reports/printTemplates.ts';
import type { StoreSession } from '../store/storeSession.ts';

export type Shell = 'electron' | 'harness' | 'cli';

/** What every handler receives: the one store, the clock, the event emitter and the session. */
export interface Services {
  store: StoreSession;
  clock: Clock;
  log: Logger;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  app: { version: string; shell: Shell; runtime: string };
  /** The signed-in profile; profiles arrive with the call console and access issues. */
  session: { profileId: string | null; role: Role | null };
  /** The machine configuration read at start (defaults when none; safe mode when invalid). */
  config: ConfigState;
  /**
   * Prints the window's current page to an A4 PDF (Electron's printToPDF in the app, the
   * harness's Chromium in journeys); absent in the CLI and unit tests. Reports use it so the
   * PDF is the very report page on screen.
   */
  printPage?: ((opts: PagePrintOptions) => Promise<Buffer>) | null;
}

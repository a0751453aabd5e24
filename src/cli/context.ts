import type { ConfigState } from '../config/configSchema.ts';
import { loadMachineConfig, resolveDataDir } from '../config/machineConfig.ts';
import type { Io } from './io.ts';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  allowUpgrade?: boolean;
}

export interface CliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  /**
   * --data-dir, else RELAIS_DATA_DIR, else the machine config's dataDir, else the per-user folder.
   * A config.json that cannot be read throws ConfigInvalid here: the CLI never falls back to the
   * per-user folder when the configured one is unknown.
   */
  dataDir(opts: GlobalOptions): string;
  /** The machine configuration (RELAIS_CONFIG or the platform's location), read once. */
  config(): ConfigState;
  /** --allow-upgrade (set once the options are parsed). */
  allowUpgrade?: boolean;
}

export function createCliContext(io: Io, env: NodeJS.ProcessEnv): CliContext {
  let config: ConfigState | null = null;
  const getConfig = () => (config ??= loadMachineConfig({ env }));
  return { io, env, config: getConfig, dataDir: (opts) => (opts.dataDir ? opts.dataDir : resolveDataDir(getConfig(), env)) };
}

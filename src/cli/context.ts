import type { ConfigState } from '../config/configSchema.ts';
import { loadMachineConfig, resolveDataDir } from '../config/machineConfig.ts';
import type { Io } from './output.ts';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

export interface CliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  /** --data-dir, else RELAIS_DATA_DIR, else the machine config's dataDir, else the per-user folder. */
  dataDir(opts: GlobalOptions): string;
  /** The machine configuration (RELAIS_CONFIG or the platform's location), read once. */
  config(): ConfigState;
}

export function createCliContext(io: Io, env: NodeJS.ProcessEnv): CliContext {
  let config: ConfigState | null = null;
  const getConfig = () => (config ??= loadMachineConfig({ env }));
  return { io, env, config: getConfig, dataDir: (opts) => opts.dataDir ?? resolveDataDir(getConfig(), env) };
}

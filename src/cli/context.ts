import { defaultDataDir } from '../platform/defaultDataDir.ts';
import type { Io } from './output.ts';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

export interface CliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  dataDir(opts: GlobalOptions): string;
}

export function createCliContext(io: Io, env: NodeJS.ProcessEnv): CliContext {
  return { io, env, dataDir: (opts) => opts.dataDir ?? defaultDataDir(env) };
}

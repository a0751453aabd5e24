// Log lines carry operation names, codes and counts — never call content, phone numbers,
// passphrases or keys. Callers pass only such facts; sinks decide where lines go.
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, fields?: Record<string, string | number | boolean | null>): void;
}

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink, now: () => Date = () => new Date()): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    sink(JSON.stringify({ t: now().toISOString(), level, event, ...fields }));
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

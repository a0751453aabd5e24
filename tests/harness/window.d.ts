import type { Result } from '../../src/contract/index.ts';

// The bridge the preload (or the harness) installs, as journeys see it from page.evaluate.
declare global {
  interface Window {
    relais?: {
      invoke(name: string, input: unknown): Promise<Result<unknown>>;
      on(name: string, listener: (payload: unknown) => void): () => void;
    };
  }
}

import type { OutputOf } from '../../../src/contract/index.ts';
import { useOperation } from '../../data/useOperation.ts';

export type DirectoryStatus = OutputOf<'directory.status'>;

// Whether the directory is empty (say how to get the line's one) and which services are the
// bundled demonstration (fictitious numbers: every screen showing them carries the banner).
// Refreshed when the feed applies a directory (data/invalidation.ts) and after an import.
export function useDirectoryStatus(): DirectoryStatus | null {
  return useOperation('directory.status', {}).data ?? null;
}

import { useOperation } from '../../data/useOperation.ts';

const NOT_MAINTAINER = { maintainer: false, toVerify: 0 };

/** Whether the signed-in profile keeps the directory (main decides), and the "to verify" count (a change made on the card or the list marks it stale). */
export function useMaintainer(): { maintainer: boolean; toVerify: number } {
  return useOperation('directory.maintainerStatus', {}).data ?? NOT_MAINTAINER;
}

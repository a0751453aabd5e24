import { useInvalidate, useOperation } from '../../data/useOperation.ts';

const NOT_MAINTAINER = { maintainer: false, toVerify: 0 };

/** Whether the signed-in profile keeps the directory (main decides), and the "to verify" count. */
export function useMaintainer(): { maintainer: boolean; toVerify: number; refresh: () => void } {
  const state = useOperation('directory.maintainerStatus', {}).data ?? NOT_MAINTAINER;
  const invalidate = useInvalidate();
  return { ...state, refresh: () => void invalidate('directory.maintainerStatus') };
}

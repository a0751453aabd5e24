import { useMemo } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { dayOf } from '../../../src/domain/brusselsTime.ts';
import { useOperation } from '../../data/useOperation.ts';

// The period Bilans opens on, decided by main at its clock (src/reports/defaultPeriod.ts): the
// last complete month that has calls, else the month so far. Null until main answered.

export type DefaultPeriod = OutputOf<'reports.defaultPeriod'>;

export function useDefaultPeriod(): DefaultPeriod | null {
  const { data, isError } = useOperation('reports.defaultPeriod', {});
  // One object per answer: the views open their period once per suggestion (an effect on it).
  return useMemo(() => {
    if (data) return data;
    if (!isError) return null;
    // Main could not say (a store error is shown by the report itself): the month so far here.
    const today = dayOf(new Date());
    return { from: `${today.slice(0, 8)}01`, to: today, rule: 'monthSoFar' as const };
  }, [data, isError]);
}

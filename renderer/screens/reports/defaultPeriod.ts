import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { dayOf } from '../../../src/domain/brusselsTime.ts';
import { invoke } from '../../bridge.ts';

// The period Bilans opens on, decided by main at its clock (src/reports/defaultPeriod.ts): the
// last complete month that has calls, else the month so far. Null until main answered.

export type DefaultPeriod = OutputOf<'reports.defaultPeriod'>;

export function useDefaultPeriod(): DefaultPeriod | null {
  const [period, setPeriod] = useState<DefaultPeriod | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('reports.defaultPeriod', {}).then((r) => {
      if (!live) return;
      // Main could not say (a store error is shown by the report itself): the month so far here.
      const today = dayOf(new Date());
      setPeriod(r.ok ? r.value : { from: `${today.slice(0, 8)}01`, to: today, rule: 'monthSoFar' });
    });
    return () => {
      live = false;
    };
  }, []);
  return period;
}

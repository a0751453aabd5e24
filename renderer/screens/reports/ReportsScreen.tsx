import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import { useShift } from '../calls/shift.ts';
import { useOperation } from '../../data/useOperation.ts';
import { LineReportView } from './LineReportView.tsx';
import { PeriodReportView } from './PeriodReportView.tsx';
import { QuotesReview } from './QuotesReview.tsx';
import { ShiftSummaryView } from './ShiftSummaryView.tsx';
import './reports.css';

// Bilans: the shift summary (debriefing), the period report with its charts and exports, and
// the review of excerpts. Roles are shown here and enforced by main.

type Tab = 'shift' | 'period' | 'quotes' | 'line';

export function ReportsScreen() {
  const { t, i18n } = useTranslation('reports');
  const { loaded, profile } = useShift();
  const [tab, setTab] = useState<Tab>('period');
  const lang = (['fr', 'nl', 'en'].includes(i18n.language) ? i18n.language : 'fr') as Lang;
  const supervisor = profile?.role === 'supervisor';
  // "Bilan de la ligne" (issue 14): for supervisors of a PC joined to the line's hub.
  // The same hub.status the sync chip reads (one cache), refreshed by hub.status events.
  const joined = useOperation('hub.status', {}, { enabled: supervisor }).data?.joined === true;
  if (!loaded) return null;
  const tabs: Tab[] = supervisor && joined ? ['period', 'line', 'shift', 'quotes'] : ['period', 'shift', 'quotes'];
  return (
    <div className="reports">
      <div className="screen-header no-print">
        <h2>{t('title')}</h2>
        {profile && <span className="muted">{t('role.label', { name: profile.displayName, role: t(supervisor ? 'role.supervisor' : 'role.responder') })}</span>}
      </div>
      {!profile ? (
        <p className="notice">{t('signIn')}</p>
      ) : (
        <>
          <div className="tabs no-print" role="tablist" aria-label={t('tabs.label')}>
            {tabs.map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
                {t(`tabs.${k}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'period' && <PeriodReportView supervisor={supervisor} lang={lang} />}
            {tab === 'line' && supervisor && joined && <LineReportView lang={lang} />}
            {tab === 'shift' && <ShiftSummaryView lang={lang} />}
            {tab === 'quotes' && <QuotesReview supervisor={supervisor} lang={lang} />}
          </div>
        </>
      )}
    </div>
  );
}

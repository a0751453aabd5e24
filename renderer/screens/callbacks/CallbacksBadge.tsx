import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../src/contract/index.ts';
import { onEvent } from '../../bridge.ts';
import { useOperation } from '../../data/useOperation.ts';
import { useShift } from '../calls/shift.ts';

// The in-app badge next to "Rappels" in the navigation: how many callbacks are due (overdue
// included). It never moves focus: a reminder falling due while a responder writes a note
// changes this number and a polite live region, nothing else — the OS notification comes from
// main. Screen readers hear the announcement when the responder pauses.

type Badge = EventPayload<'callbacks.badge'>;
const NONE: Badge = { due: 0, overdue: 0 };

export function CallbacksBadge() {
  const { t } = useTranslation('callbacks');
  const [announce, setAnnounce] = useState('');
  // Main answers the count to a signed-in profile only; refreshed by `callbacks.badge` (data/invalidation.ts).
  const signedIn = useShift().profile !== null;
  const badge: Badge = useOperation('callbacks.badge', {}, { enabled: signedIn }).data ?? NONE;
  // The announcement is what the event says, not data to refetch: the one listener here.
  useEffect(
    () => onEvent('callbacks.due', (d) => setAnnounce(d.missed > 0 ? t('badge.announceMissed', { count: d.count, missed: d.missed }) : t('badge.announce', { count: d.count }))),
    [t],
  );
  return (
    <>
      {badge.due > 0 && (
        <span className={`nav-count${badge.overdue > 0 ? ' overdue' : ''}`} data-testid="callbacks-badge" data-count={badge.due} data-overdue={badge.overdue} title={t('badge.title', { count: badge.due, overdue: badge.overdue })}>
          <span aria-hidden="true">{badge.due}</span>
          <span className="visually-hidden">{t('badge.title', { count: badge.due, overdue: badge.overdue })}</span>
        </span>
      )}
      {/* Outside the navigation button (its name must stay "Rappels"): a polite live region in <body>. */}
      {createPortal(
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="callbacks-announce">
          {announce}
        </div>,
        document.body,
      )}
    </>
  );
}

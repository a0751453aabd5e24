import { useTranslation } from 'react-i18next';
import { formatCallTime } from '../../../src/domain/duration.ts';
import { lengthLevel, useCallLengths } from './callLength.ts';
import { elapsedAt, useMainNow } from './mainClock.ts';
import { useShift } from './shift.ts';

/**
 * The running call's timer beside "Call console" in the navigation: it stays in view on every
 * screen (directory, callbacks…) while the call goes on. The digits are decorative for screen
 * readers (the console has the real timer); a short hidden text says a call is in progress.
 */
export function ActiveCallBadge() {
  const { t } = useTranslation('calls');
  const { active } = useShift();
  const lengths = useCallLengths();
  const now = useMainNow(active?.timer.running === true);
  if (!active) return null;
  const paused = !active.timer.running;
  const elapsedMs = elapsedAt(active.timer, now);
  return (
    <span className={`nav-call${paused ? ' paused' : ''}`} data-testid="active-call-badge" data-length={lengthLevel(elapsedMs, lengths)}>
      <span aria-hidden="true">{formatCallTime(elapsedMs)}</span>
      <span className="visually-hidden">{paused ? t('badge.onHold') : t('badge.inProgress')}</span>
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import { callTimeParts, formatCallTime } from '../../../src/domain/duration.ts';
import type { TimerView } from '../../../src/contract/callsContract.ts';
import { lengthLevel, useCallLengths } from './callLength.ts';
import { elapsedAt, useMainNow } from './mainClock.ts';
import { useShift } from './shift.ts';

/**
 * The call timer. While the call goes on, it ticks here from main's anchors (start, holds, main's
 * clock: mainClock.ts), so the screen shows what will be recorded; once ended, the recorded duration.
 */
export function CallTimer({ callId, fallback, large = false }: { callId: string; fallback: TimerView; large?: boolean }) {
  const { t } = useTranslation('calls');
  const { active } = useShift();
  const timer = active && active.id === callId ? active.timer : fallback;
  const elapsedMs = elapsedAt(timer, useMainNow(timer.running));
  const { h, m, s } = callTimeParts(elapsedMs);
  const paused = timer.pausedAt !== null && !timer.endedAt;
  const level = lengthLevel(elapsedMs, useCallLengths());
  return (
    <span className={`call-timer${large ? ' large' : ''}${paused ? ' paused' : ''}`} data-length={level}>
      <span role="timer" data-testid="call-timer" aria-label={t('timer.label', { h, m, s })}>
        {formatCallTime(elapsedMs)}
      </span>
      {paused && <span className="badge warn">{t('timer.onHold')}</span>}
    </span>
  );
}

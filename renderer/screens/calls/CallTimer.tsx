import { useTranslation } from 'react-i18next';
import { callTimeParts, formatCallTime } from '../../../src/domain/duration.ts';
import type { TimerView } from '../../../src/contract/callsContract.ts';
import { lengthLevel, useCallLengths } from './callLength.ts';
import { useShift } from './shift.ts';

/**
 * The call timer. While the call goes on, the value is main's (polled each second), so the
 * screen shows exactly what will be recorded; once ended, the recorded duration.
 */
export function CallTimer({ callId, fallback, large = false }: { callId: string; fallback: TimerView; large?: boolean }) {
  const { t } = useTranslation('calls');
  const { active } = useShift();
  const timer = active && active.id === callId ? active.timer : fallback;
  const { h, m, s } = callTimeParts(timer.elapsedMs);
  const paused = timer.pausedAt !== null && !timer.endedAt;
  const level = lengthLevel(timer.elapsedMs, useCallLengths());
  return (
    <span className={`call-timer${large ? ' large' : ''}${paused ? ' paused' : ''}`} data-length={level}>
      <span role="timer" data-testid="call-timer" aria-label={t('timer.label', { h, m, s })}>
        {formatCallTime(timer.elapsedMs)}
      </span>
      {paused && <span className="badge warn">{t('timer.onHold')}</span>}
    </span>
  );
}

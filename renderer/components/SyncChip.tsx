import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/index.ts';
import { useOperation } from '../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../i18n/i18n.ts';

type HubStatus = OutputOf<'hub.status'>;

/** The words of the chip, from the status and now: pure, so the component only renders. */
export function syncChipText(s: HubStatus, now: number, t: (k: string, o: Record<string, unknown>) => string, lang: UiLang): string {
  // Not offline: the hub answers, but sends what this version cannot read (the pull waits for an update).
  if (s.updateNeeded) return t('sync.updateNeeded', {});
  if (s.offlineSince) return t('sync.offline', { time: formatDateTime(s.offlineSince, lang, { timeStyle: 'short' }), count: s.pending });
  if (!s.lastSyncAt) return t('sync.never', { count: s.pending });
  const seconds = Math.max(0, Math.round((now - Date.parse(s.lastSyncAt)) / 1000));
  const ago = seconds < 60 ? t('sync.seconds', { count: seconds }) : seconds < 3600 ? t('sync.minutes', { count: Math.floor(seconds / 60) }) : formatDateTime(s.lastSyncAt, lang, { timeStyle: 'short' });
  return s.pending ? t('sync.syncedPending', { ago, count: s.pending }) : t('sync.synced', { ago });
}

/**
 * "synchronisé il y a 12 s" / "hors ligne depuis 14:02 — 37 changements en attente": shown in
 * the top bar once this PC is joined to the line's hub and someone is signed in.
 */
export function SyncChip() {
  const { t, i18n } = useTranslation();
  // Refreshed by main's `hub.status` event (a round done or failed, joined or left, the pending
  // count changed), never polled; only "il y a 12 s" ticks, here, on the window's own clock.
  const { data: status } = useOperation('hub.status', {});
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  if (!status?.joined) return null;
  return (
    <span className={`sync-chip ${status.offlineSince || status.updateNeeded ? 'offline' : 'online'}`} role="status" data-testid="sync-chip" title={status.url ?? undefined}>
      {syncChipText(status, now, (k, o) => String(t(k, o)), i18n.language as UiLang)}
    </span>
  );
}

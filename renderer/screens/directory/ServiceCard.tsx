import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke, OperationError } from '../../bridge.ts';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';
import { matches } from '../../shortcuts.ts';
import { copyText } from '../../clipboard.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { dayWords, formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { ServiceEditForm } from './ServiceEditForm.tsx';
import { useThemes } from '../calls/useTaxonomy.ts';
import { DemoBanner } from './DemoBanner.tsx';
import { ReachabilityNoteForm } from './ReachabilityNoteForm.tsx';
import { languageNames, openingHoursInWords } from '../../i18n/words.ts';
import { communeInLang } from '../../i18n/communes.ts';

export interface ServiceCardProps {
  id: string;
  /** Offered when a call is in progress: adds this service to the call's referrals. */
  onRefer?: ((id: string, name: string) => Promise<boolean>) | undefined;
  /** A directory maintainer sees edit, verify and deactivate (main checks the right again). */
  maintainer?: boolean;
}

export function ServiceCard({ id, onRefer, maintainer = false }: ServiceCardProps) {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language as UiLang;
  const themes = useThemes();
  // The card as main has it: a note from another centre, or the line's edit of this service,
  // shows as soon as it is pulled (hub.pulled, data/invalidation.ts). Another service's card
  // stays until the asked one comes, as it did.
  const asked = useOperation('directory.get', { id }, { keepPrevious: true });
  const card = asked.data ?? null;
  const error = asked.error?.payload ?? null;
  const invalidate = useInvalidate();
  /** After a change made here (main sends no event about it): the card again, and the maintainer's list and count. */
  const changed = () => invalidate('directory.get', 'directory.toVerify', 'directory.maintainerStatus');
  const [copied, setCopied] = useState<string | null>(null);
  const [referred, setReferred] = useState<'added' | 'already' | null>(null);
  const [referError, setReferError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState(false);
  const [upkeepError, setUpkeepError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    setReferred(null);
    setReferError(null);
    setEditing(false);
    setUpkeepError(null);
  }, [id]);

  const refer = useCallback(
    async (serviceId: string, name: string) => {
      if (!onRefer) return;
      try {
        setReferred((await onRefer(serviceId, name)) ? 'added' : 'already');
        setReferError(null);
      } catch (e) {
        setReferError(e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) });
      }
    },
    [onRefer],
  );
  // Before paint: Alt+R works as soon as the card is on screen.
  useLayoutEffect(() => {
    if (!onRefer || !card) return;
    const onKey = (e: KeyboardEvent) => {
      if (matches(e, 'Alt+R')) {
        e.preventDefault();
        void refer(card.service.id, card.service.name);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onRefer, card, refer]);

  const copy = async (what: string, text: string) => {
    if (await copyText(text)) {
      setCopied(what);
      setTimeout(() => setCopied((c) => (c === what ? null : c)), 2000);
    }
  };

  const upkeep = async (run: () => Promise<{ ok: boolean; error?: ErrorPayload }>) => {
    const r = await run();
    if (r.ok) {
      setUpkeepError(null);
      await changed();
    } else setUpkeepError(r.error ?? null);
  };

  if (error) return <ErrorMessage error={error} />;
  if (!card) return <p className="muted" aria-busy="true">{t('loading')}</p>;
  const s = card.service;
  if (editing) {
    return (
      <ServiceEditForm
        service={s}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void changed();
        }}
      />
    );
  }
  const themeLabel = (code: string) => themes.get(code)?.labels[lang] ?? code;
  return (
    <article className="service-card" aria-labelledby="service-card-title" data-testid="service-card" data-service-id={id}>
      <DemoBanner serviceId={s.id} />
      <header>
        <h2 id="service-card-title">{s.name}</h2>
        {s.alternate_name && <p className="muted">{s.alternate_name}</p>}
        {s.organization && <p className="muted">{s.organization}</p>}
        <div className="chips">
          {s.status === 'inactive' && <span className="badge danger">{t('card.inactive')}</span>}
          {card.verificationOverdue ? (
            <span className="badge warn">{s.last_verified ? t('card.verifiedLongAgo', { date: dayWords(s.last_verified, lang) }) : t('card.neverVerified')}</span>
          ) : (
            <span className="badge ok">{t('card.verified', { date: s.last_verified ? dayWords(s.last_verified, lang) : '' })}</span>
          )}
        </div>
      </header>
      {maintainer && (
        <div className="button-row upkeep-row" role="group" aria-label={t('upkeep.actions')}>
          <button type="button" onClick={() => setEditing(true)}>{t('upkeep.edit')}</button>
          <button type="button" onClick={() => void upkeep(() => invoke('directory.verify', { id: s.id }))}>{t('upkeep.verify')}</button>
          <button type="button" onClick={() => void upkeep(() => invoke('directory.setStatus', { id: s.id, status: s.status === 'active' ? 'inactive' : 'active' }))}>
            {s.status === 'active' ? t('upkeep.deactivate') : t('upkeep.reactivate')}
          </button>
          <ErrorMessage error={upkeepError} />
        </div>
      )}
      {onRefer && (
        <div className="refer-row">
          <button type="button" className="primary refer" onClick={() => void refer(s.id, s.name)} aria-keyshortcuts="Alt+R">
            {t('card.refer')} <kbd>Alt+R</kbd>
          </button>
          <span role="status" className="muted">{referred ? t(referred === 'added' ? 'card.referred' : 'card.alreadyReferred') : ''}</span>
          <ErrorMessage error={referError} />
        </div>
      )}
      {s.description && <p>{s.description}</p>}
      <dl className="facts compact">
        {s.phone && (
          <>
            <dt>{t('card.phone')}</dt>
            <dd>
              <span className="mono">{s.phone}</span>{' '}
              <button type="button" className="small" onClick={() => void copy('phone', s.phone ?? '')} aria-label={t('card.copyPhone')}>
                {copied === 'phone' ? t('card.copied') : t('card.copy')}
              </button>
            </dd>
          </>
        )}
        {s.email && (
          <>
            <dt>{t('card.email')}</dt>
            <dd>
              <span className="mono">{s.email}</span>{' '}
              <button type="button" className="small" onClick={() => void copy('email', s.email ?? '')} aria-label={t('card.copyEmail')}>
                {copied === 'email' ? t('card.copied') : t('card.copy')}
              </button>
            </dd>
          </>
        )}
        {(s.address || s.commune) && (
          <>
            <dt>{t('card.address')}</dt>
            <dd>{[s.address, [s.postcode, s.commune ? communeInLang(s.commune, lang) : null].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
          </>
        )}
        {s.hours && (
          <>
            <dt>{t('card.hours')}</dt>
            <dd title={s.hours}>{openingHoursInWords(s.hours, lang)}</dd>
          </>
        )}
        {s.themes.length > 0 && (
          <>
            <dt>{t('card.themes')}</dt>
            <dd>{s.themes.map(themeLabel).join(' · ')}</dd>
          </>
        )}
        {s.communes_served.length > 0 && (
          <>
            <dt>{t('card.communesServed')}</dt>
            <dd>{s.communes_served.includes('*') ? t('card.wholeRegion') : s.communes_served.map((c) => communeInLang(c, lang)).join(', ')}</dd>
          </>
        )}
        {s.languages.length > 0 && (
          <>
            <dt>{t('card.languages')}</dt>
            <dd>{languageNames(s.languages, lang)}</dd>
          </>
        )}
        {s.audience && (
          <>
            <dt>{t('card.audience')}</dt>
            <dd>{s.audience}</dd>
          </>
        )}
        {s.access_conditions && (
          <>
            <dt>{t('card.access')}</dt>
            <dd>{s.access_conditions}</dd>
          </>
        )}
        {s.website && (
          <>
            <dt>{t('card.website')}</dt>
            <dd className="mono">{s.website}</dd>
          </>
        )}
      </dl>
      {s.professional_contact && (
        <aside className="pro-line" aria-label={t('card.proLine')}>
          <strong>{t('card.proLine')}</strong>
          <span className="mono">{s.professional_contact}</span>
          <button type="button" className="small" onClick={() => void copy('pro', s.professional_contact ?? '')} aria-label={t('card.copyProLine')}>
            {copied === 'pro' ? t('card.copied') : t('card.copy')}
          </button>
          <p className="hint">{t('card.proLineWarning')}</p>
        </aside>
      )}
      <section aria-labelledby="notes-title" className="reach-notes">
        <h3 id="notes-title">{t('card.notes')}</h3>
        {card.notes.length === 0 && <p className="muted">{t('card.noNotes')}</p>}
        <ul>
          {card.notes.map((n) => (
            <li key={n.id}>
              <span className="muted">{formatDateTime(n.created_at, lang, { dateStyle: 'medium' })} — {n.responder}{n.centre ? ` (${n.centre})` : ''}</span>
              {n.kind !== 'note' && <span className={n.kind === 'unreachable' ? 'badge danger' : 'badge ok'}>{t(`card.noteKind.${n.kind}`)}</span>}
              <p>{n.text}</p>
            </li>
          ))}
        </ul>
        <ReachabilityNoteForm
          key={id}
          serviceId={id}
          onAdded={() => void changed()}
        />
      </section>
    </article>
  );
}

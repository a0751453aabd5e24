import { useTranslation } from 'react-i18next';
import { useOperation } from '../data/useOperation.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatDateTime, type UiLang } from '../i18n/i18n.ts';
import { useNavigation } from '../navigation.ts';
import { ProfilePicker } from './calls/ProfilePicker.tsx';
import { useShift } from './calls/shift.ts';
import { ToFinishList } from './calls/ToFinishList.tsx';
import { DemoBanner, DirectoryEmptyHint } from './directory/DemoBanner.tsx';

// The home board (issue 16): the first thing every shift sees. Who is on shift and until when
// (the line's hours), callbacks due now and overdue (the first five; Enter opens one), records
// still to finish, the previous shift's handover notes, what changed in the directory since
// this profile's last shift, and F2 to take a call. Before sign-in it is the profile picker.

const FIRST = 5;
import { ToVerifyCount } from './directory/ToVerifyCount.tsx';

export function HomeScreen() {
  const { t } = useTranslation();
  const { loaded, profile } = useShift();
  if (!loaded) return <p aria-busy="true">{t('home.loading')}</p>;
  // Before anyone is on shift, home is where the shift starts.
  if (!profile) return <ProfilePicker />;
  return <Board key={profile.id} />;
}

function Board() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLang;
  const navigation = useNavigation();
  // The line opens and closes with the time, which no event says: asked again every minute too.
  const boardQuery = useOperation('shift.board', {}, { refetchInterval: 60_000 });
  const queue = useOperation('callbacks.queue', { holder: 'all', doneLimit: 0, limit: FIRST }, { refetchInterval: 60_000 }).data;
  const board = boardQuery.data ?? null;
  const error = boardQuery.error?.payload ?? null;
  const due = queue ? { count: queue.counts.overdue + queue.counts.dueNow, first: [...queue.overdue, ...queue.dueNow].slice(0, FIRST) } : null;

  const time = (iso: string) => formatDateTime(iso, lang, { hour: '2-digit', minute: '2-digit' });
  const dayAndTime = (iso: string) => formatDateTime(iso, lang, { weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const day = (iso: string) => formatDateTime(iso, lang, { weekday: 'long', day: 'numeric', month: 'short' });

  if (!board) {
    return (
      <section aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <ErrorMessage error={error} />
        {!error && <p aria-busy="true">{t('home.loading')}</p>}
      </section>
    );
  }
  const { line } = board;
  return (
    <section className="home-board" aria-labelledby="home-title">
      <header className="screen-header">
        <div>
          <h1 id="home-title">{t('home.onShift', { name: board.profile.displayName, centre: board.profile.centre })}</h1>
          <p className="home-line" data-testid="home-line">
            {line.open && line.closesAt
              ? t('home.lineOpenUntil', { time: time(line.closesAt) })
              : line.opensAt
                ? t('home.lineClosed', { when: dayAndTime(line.opensAt) })
                : t('home.lineNeverOpen')}
          </p>
        </div>
        <button type="button" className="primary start-call" onClick={() => navigation.go('console', 'calls.start')} aria-keyshortcuts="F2">
          {t('home.takeCall')} <kbd>F2</kbd>
        </button>
      </header>
      <ErrorMessage error={error} />
      {/* Issue 19: the demo-directory banner and the empty-directory message. */}
      <div className="home-directory-status" data-slot="directory-status">
        <DemoBanner />
        <DirectoryEmptyHint />
      </div>
      <ToVerifyCount />
      <div className="home-grid">
        <section className="panel" aria-labelledby="home-callbacks">
          <h2 id="home-callbacks">{t('home.callbacks.title', { count: due?.count ?? 0 })}</h2>
          {due && due.count === 0 && <p className="muted">{t('home.callbacks.none')}</p>}
          {due && due.first.length > 0 && (
            <ul className="home-list" data-testid="home-callbacks">
              {due.first.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="home-row"
                    onClick={() => navigation.go('callbacks', 'callbacks.open', { callbackId: c.id })}
                  >
                    <span className={`badge ${c.bucket === 'overdue' ? 'danger' : 'warn'}`}>{t(c.bucket === 'overdue' ? 'home.callbacks.overdue' : 'home.callbacks.dueNow')}</span>
                    <span>{dayAndTime(c.dueAt)}</span>
                    <span className="home-reason">{c.reason}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {due && due.count > due.first.length && (
            <button type="button" className="ghost small" onClick={() => navigation.go('callbacks')}>
              {t('home.callbacks.all', { count: due.count })}
            </button>
          )}
        </section>
        {board.toFinish === 0 ? (
          <section className="panel" aria-labelledby="home-to-finish">
            <h2 id="home-to-finish">{t('home.toFinish.title')}</h2>
            <p className="muted">{t('home.toFinish.none')}</p>
          </section>
        ) : (
          <ToFinishList
            onOpen={(id) => navigation.go('console', undefined, { callId: id })}
          />
        )}
        <section className="panel" aria-labelledby="home-handover">
          <h2 id="home-handover">{t('home.handover.title')}</h2>
          {board.handover && board.handover.notes.length > 0 ? (
            <>
              <p className="hint">{t('home.handover.of', { day: day(board.handover.notes[0]!.createdAt) })}</p>
              <ul className="home-notes" data-testid="home-handover">
                {board.handover.notes.map((n) => (
                  <li key={n.id}>
                    <p>{n.text}</p>
                    <p className="hint">
                      {n.centre ? t('home.handover.byCentre', { author: n.author, centre: n.centre, time: time(n.createdAt) }) : t('home.handover.by', { author: n.author, time: time(n.createdAt) })}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('home.handover.none')}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="home-directory">
          <h2 id="home-directory">{t('home.directory.title')}</h2>
          <p className="hint">{board.directory.firstShift ? t('home.directory.sinceWeek') : t('home.directory.since', { when: dayAndTime(board.directory.since) })}</p>
          {board.directory.servicesTotal === 0 ? (
            <p className="muted">{t('home.directory.noChange')}</p>
          ) : (
            <>
              <p>{t('home.directory.changed', { count: board.directory.servicesTotal })}</p>
              <ul className="home-list" data-testid="home-directory">
                {board.directory.services.map((sv) => (
                  <li key={sv.id}>
                    <span className={`badge ${sv.added ? 'ok' : 'warn'}`}>{t(sv.added ? 'home.directory.added' : 'home.directory.updated')}</span> {sv.name}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('home.directory.notesTitle')}</h3>
          {board.directory.notes.length === 0 ? (
            <p className="muted">{t('home.directory.noNotes')}</p>
          ) : (
            <ul className="home-notes" data-testid="home-reachability">
              {board.directory.notes.map((n) => (
                <li key={n.id}>
                  <p>
                    <strong>{n.serviceName}</strong> — {n.text}
                  </p>
                  <p className="hint">{day(n.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Shell } from './Shell.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';
import { ConfigErrorScreen } from './screens/ConfigErrorScreen.tsx';
import { useStoreStatus } from './useStoreStatus.ts';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { FirstSupervisorScreen } from './screens/access/FirstSupervisorScreen.tsx';
import { LockScreen } from './screens/access/LockScreen.tsx';
import { useAccess, useActivityHeartbeat } from './screens/access/useAccess.ts';

export function App() {
  const { t } = useTranslation();
  const { status, setStatus } = useStoreStatus();
  const storeOpen = status?.state === 'open';
  const [access, setAccess] = useAccess(storeOpen);
  const locked = storeOpen && access?.locked === true;
  useActivityHeartbeat(storeOpen && !locked && access?.profile != null);
  // Until main says who may use the open store (first run, lock), nothing of the Shell shows.
  if (!status || (storeOpen && !access)) {
    return <div className="splash" aria-busy="true">{t('app.name')}</div>;
  }
  const firstRun = storeOpen && access?.needsFirstSupervisor === true;
  // A locked session hides everything (the Shell unmounts; a call goes on in main) until the PIN.
  if (status.state === 'open' && !locked && !firstRun) return <Shell />;
  return (
    <div className="gate">
      <header className="gate-header">
        <div>
          <h1 className="brand">{t('app.name')}</h1>
          <p className="muted">{t('reportLabels:lineName')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <NoticeBar />
      {locked && access ? (
        <LockScreen status={access} onDone={setAccess} />
      ) : firstRun ? (
        <FirstSupervisorScreen onDone={setAccess} />
      ) : status.state === 'blocked' ? (
        <ConfigErrorScreen status={status} />
      ) : status.state === 'uninitialised' ? (
        <SetupScreen onDone={setStatus} />
      ) : (
        <UnlockScreen status={status} onDone={setStatus} />
      )}
    </div>
  );
}

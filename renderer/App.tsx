import { useTranslation } from 'react-i18next';
import { Shell } from './Shell.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';
import { useStoreStatus } from './useStoreStatus.ts';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';

export function App() {
  const { t } = useTranslation();
  const { status, setStatus } = useStoreStatus();
  if (!status) {
    return <div className="splash" aria-busy="true">{t('app.name')}</div>;
  }
  if (status.state === 'open') return <Shell />;
  return (
    <div className="gate">
      <header className="gate-header">
        <div>
          <h1 className="brand">{t('app.name')}</h1>
          <p className="muted">{t('app.line')}</p>
        </div>
        <LanguageSwitch />
      </header>
      {status.state === 'uninitialised' ? <SetupScreen onDone={setStatus} /> : <UnlockScreen status={status} onDone={setStatus} />}
    </div>
  );
}

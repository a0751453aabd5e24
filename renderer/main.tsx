import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { NoticesProvider } from './components/NoticeBar.tsx';
import { DataProvider } from './data/DataProvider.tsx';
import { i18n } from './i18n/i18n.ts';
import { ShiftProvider } from './screens/calls/shift.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DataProvider>
        <ShiftProvider>
          <NoticesProvider>
            <App />
          </NoticesProvider>
        </ShiftProvider>
      </DataProvider>
    </I18nextProvider>
  </StrictMode>,
);

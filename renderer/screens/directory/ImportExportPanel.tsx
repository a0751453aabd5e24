import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, InputOf } from '../../../src/contract/index.ts';
import type { ImportDiffView } from '../../../src/contract/directoryContract.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, invoke, onEvent } from '../../bridge.ts';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';
import { useMaintainer } from './useMaintainer.ts';
import { ErrorMessage, useExplain } from '../../components/ErrorMessage.tsx';
import { useFileExport } from '../../components/SavedFile.tsx';

type Format = InputOf<'directory.export'>['format'];

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// Import shows the same diff as `relais-admin directory import --dry-run` and applies only when
// the supervisor confirms; a file-level fault changes nothing.
export function ImportExportPanel() {
  const { t } = useTranslation('directory');
  // Items src/ explains come translated once they carry a reason key (i13 converts the producers).
  const explain = useExplain();
  const invalidate = useInvalidate();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [diff, setDiff] = useState<ImportDiffView | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [progress, setProgress] = useState<EventPayload<'directory.importProgress'> | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [exportPublic, setExportPublic] = useState(false);
  const applyRef = useRef<HTMLButtonElement>(null);
  // Issue 14: a directory maintainer on a PC joined to the hub may import into the line's
  // directory (applied on the hub, then pulled); main's router checks the right either way.
  const { maintainer } = useMaintainer();
  const joined = useOperation('hub.status', {}).data?.joined ?? false;
  const canTargetLine = maintainer && joined;
  const [target, setTarget] = useState<'local' | 'line'>('local');
  const toLine = canTargetLine && target === 'line';

  useEffect(() => onEvent('directory.importProgress', setProgress), []);

  const choose = async (f: File | undefined) => {
    setDiff(null);
    setError(null);
    if (!f) return;
    const input = { fileName: f.name, content: toBase64(await f.arrayBuffer()) };
    setFile(input);
    setBusy('preview');
    setProgress(null);
    const r = await invoke(toLine ? 'directory.lineImportPreview' : 'directory.importPreview', input);
    setBusy(null);
    if (r.ok) {
      setDiff(r.value);
      requestAnimationFrame(() => applyRef.current?.focus());
    } else setError(r.error);
  };

  const apply = async () => {
    if (!file) return;
    setBusy('apply');
    setProgress(null);
    const r = await invoke(toLine ? 'directory.lineImportApply' : 'directory.importApply', file);
    setBusy(null);
    if (r.ok) {
      setDiff(r.value);
      // The demo banner and the empty-directory hint follow what was just written.
      void invalidate('directory.status');
    } else setError(r.error);
  };

  // Main makes the file and saves it (its save dialog); the panel says where it went.
  const exp = useFileExport();
  const exportAs = (format: Format, delimiter?: ';' | ',') =>
    void exp.run(`${format}${delimiter ?? ''}`, () => call('directory.export', { format, public: exportPublic, ...(delimiter ? { delimiter } : {}) }));

  const writable = diff ? diff.counts.added + diff.counts.changed : 0;
  return (
    <div className="import-export">
      <section aria-labelledby="import-title" className="panel">
        <h2 id="import-title">{t('import.title')}</h2>
        <p className="hint">{t('import.intro')}</p>
        {canTargetLine && (
          <fieldset className="field import-target">
            <legend>{t('import.target')}</legend>
            {(['local', 'line'] as const).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="import-target"
                  checked={target === k}
                  disabled={busy !== null}
                  onChange={() => {
                    setTarget(k);
                    setDiff(null);
                    setFile(null);
                    setError(null);
                  }}
                />{' '}
                {t(k === 'line' ? 'import.targetLine' : 'import.targetLocal')}
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span>{t('import.file')}</span>
          <input type="file" accept=".csv,.txt,.xlsx,.json" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        {busy && (
          <div role="status" className="progress">
            {t(busy === 'preview' ? 'import.checking' : 'import.applying')}
            {progress && progress.total > 0 && (
              <progress max={progress.total} value={progress.processed} aria-label={t('import.progress', { done: progress.processed, total: progress.total })} />
            )}
          </div>
        )}
        <ErrorMessage error={error} />
        {diff && (
          <div className="diff" data-testid="import-diff">
            <p>
              <strong>{diff.fileName}</strong> — {t('import.summary', { rows: diff.rows, format: diff.format.toUpperCase(), encoding: diff.encoding ?? '—', delimiter: diff.delimiter ?? '—' })}
            </p>
            <ul className="counts">
              <li className="badge ok">{t('import.added', { count: diff.counts.added })}</li>
              <li className="badge">{t('import.changed', { count: diff.counts.changed })}</li>
              <li className="badge">{t('import.unchanged', { count: diff.counts.unchanged })}</li>
              <li className={diff.counts.rejected ? 'badge danger' : 'badge'}>{t('import.rejected', { count: diff.counts.rejected })}</li>
            </ul>
            {diff.columns.length > 0 && (
              <table className="table" data-testid="import-columns">
                <caption>{t('import.columns')}</caption>
                <thead>
                  <tr><th>{t('import.column')}</th><th>{t('import.header')}</th><th>{t('import.understoodAs')}</th></tr>
                </thead>
                <tbody>
                  {diff.columns.map((c) => (
                    <tr key={c.column} className={c.field ? undefined : 'muted'}>
                      <td>{c.column}</td><td>{c.header}</td><td>{c.field ? <code>{c.field}</code> : t('import.ignored')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {diff.warnings.length > 0 && (
              <ul className="warnings">
                {diff.warnings.map((w, i) => (
                  <li key={i}>{w.field ? `${w.field}: ` : ''}{explain(w)}</li>
                ))}
              </ul>
            )}
            {diff.rejected.length > 0 && (
              <table className="table">
                <caption>{t('import.rejectedRows')}</caption>
                <thead>
                  <tr><th>{t('import.row')}</th><th>{t('import.id')}</th><th>{t('import.field')}</th><th>{t('import.problem')}</th></tr>
                </thead>
                <tbody>
                  {diff.rejected.slice(0, 200).flatMap((r) =>
                    r.problems.map((p, j) => (
                      <tr key={`${r.row}-${j}`}><td>{p.row}</td><td>{r.id ?? '—'}</td><td>{p.field}</td><td>{explain(p)}</td></tr>
                    )),
                  )}
                </tbody>
              </table>
            )}
            {diff.demoRemoved > 0 && (
              <p className="badge warn" role="status" data-demo-removed="">{t(diff.applied ? 'demo.removed' : 'demo.willRemove', { count: diff.demoRemoved })}</p>
            )}
            {diff.applied ? (
              <p className="badge ok" role="status">{t('import.done', { count: writable })}</p>
            ) : (
              <button ref={applyRef} type="button" className="primary" disabled={busy !== null || writable === 0} onClick={() => void apply()}>
                {t('import.apply', { count: writable })}
              </button>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="export-title" className="panel">
        <h2 id="export-title">{t('export.title')}</h2>
        <label className="check">
          <input type="checkbox" checked={exportPublic} onChange={(e) => setExportPublic(e.target.checked)} />
          <span>{t('export.public')}</span>
        </label>
        <div className="button-row">
          <button type="button" disabled={busy !== null || exp.busy !== null} onClick={() => exportAs('csv', ';')}>{t('export.csvExcel')}</button>
          <button type="button" disabled={busy !== null || exp.busy !== null} onClick={() => exportAs('csv', ',')}>{t('export.csvComma')}</button>
          <button type="button" disabled={busy !== null || exp.busy !== null} onClick={() => exportAs('xlsx')}>{t('export.xlsx')}</button>
          <button type="button" disabled={busy !== null || exp.busy !== null} onClick={() => exportAs('hsds')}>{t('export.hsds')}</button>
        </div>
        {exp.outcome}
      </section>
    </div>
  );
}

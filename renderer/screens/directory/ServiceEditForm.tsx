import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LIST_FIELDS, makeServiceSchema } from '../../../src/contract/directoryUpkeepContract.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useThemes } from '../calls/useTaxonomy.ts';

type Service = OutputOf<'directory.get'>['service'];
type FieldName = keyof Service;

// Every field of the CSV contract, checked in the form by the service's own zod schema (with the
// live taxonomy) and again by main. Lists are typed one item per line (or separated by | or ;).
const FIELDS: { name: FieldName; kind: 'text' | 'area' | 'list' | 'status' | 'check' }[] = [
  { name: 'name', kind: 'text' },
  { name: 'alternate_name', kind: 'text' },
  { name: 'organization', kind: 'text' },
  { name: 'description', kind: 'area' },
  { name: 'themes', kind: 'list' },
  { name: 'keywords', kind: 'list' },
  { name: 'communes_served', kind: 'list' },
  { name: 'address', kind: 'text' },
  { name: 'postcode', kind: 'text' },
  { name: 'commune', kind: 'text' },
  { name: 'phone', kind: 'text' },
  { name: 'email', kind: 'text' },
  { name: 'website', kind: 'text' },
  { name: 'hours', kind: 'area' },
  { name: 'languages', kind: 'list' },
  { name: 'audience', kind: 'area' },
  { name: 'access_conditions', kind: 'area' },
  { name: 'professional_contact', kind: 'text' },
  { name: 'last_verified', kind: 'text' },
  { name: 'status', kind: 'status' },
  { name: 'crisis', kind: 'check' },
];
const LISTS: ReadonlySet<string> = new Set(LIST_FIELDS);
type FormValues = Record<FieldName, string | boolean>;

const splitList = (v: string) => v.split(/[|;\r\n]+/).map((x) => x.trim()).filter((x) => x !== '');
function toDraft(values: unknown): unknown {
  const v = values as FormValues;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = LISTS.has(k) && typeof x === 'string' ? splitList(x) : x;
  return out;
}

export function ServiceEditForm({ service, onSaved, onCancel }: { service: Service; onSaved: (s: Service) => void; onCancel: () => void }) {
  const { t } = useTranslation('directory');
  const themes = useThemes();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const schema = useMemo(() => z.preprocess(toDraft, makeServiceSchema(new Set(themes.keys()))), [themes]);
  const defaults = Object.fromEntries(
    Object.entries(service).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : (v ?? '')]),
  ) as FormValues;
  const { register, handleSubmit, formState } = useForm<FormValues>({ resolver: zodResolver(schema as unknown as z.ZodType<FormValues, FormValues>), defaultValues: defaults });

  // The resolver hands over the schema's output: the canonical service, lists already split.
  const submit = handleSubmit(async (values) => {
    const parsed = values as unknown as Service;
    const r = await invoke('directory.saveService', { service: { ...parsed, id: service.id }, create: false });
    if (r.ok) onSaved(r.value.service);
    else setError(r.error);
  });

  return (
    <form className="service-edit" onSubmit={(e) => void submit(e)} aria-label={t('edit.title', { name: service.name })} noValidate>
      <h2>{t('edit.title', { name: service.name })}</h2>
      <p className="hint">{t('edit.hint')}</p>
      {FIELDS.map(({ name, kind }) => {
        const message = formState.errors[name]?.message;
        const id = `edit-${name}`;
        return (
          <label key={name} className="field" htmlFor={id}>
            <span>{t(`fields.${name}`)}</span>
            {kind === 'check' ? (
              <input id={id} type="checkbox" {...register(name)} />
            ) : kind === 'status' ? (
              <select id={id} {...register(name)}>
                <option value="active">{t('edit.active')}</option>
                <option value="inactive">{t('edit.inactive')}</option>
              </select>
            ) : kind === 'area' || kind === 'list' ? (
              <textarea id={id} rows={kind === 'list' ? 3 : 4} aria-invalid={message ? true : undefined} {...register(name)} />
            ) : (
              <input id={id} aria-invalid={message ? true : undefined} {...register(name)} />
            )}
            {message && <span className="field-error" role="alert">{String(message)}</span>}
          </label>
        );
      })}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('edit.save')}</button>
        <button type="button" onClick={onCancel}>{t('edit.cancel')}</button>
      </div>
    </form>
  );
}

import { useMemo, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LIST_FIELDS, makeServiceSchema } from '../../../src/contract/directoryUpkeepContract.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useThemes } from '../calls/useTaxonomy.ts';

type Service = OutputOf<'directory.get'>['service'];
type FieldName = keyof Service;

// Every field of the CSV contract, checked in the form by the service's own zod schema (with the
// live taxonomy) and again by main. Lists are typed one item per line (or separated by | or ;).
// Each field's problem is said under it in the user's language (useContractForm), a refinement of
// the field by its own words (edit.invalid.<field>), never in the schema's English.
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
  const { t, i18n } = useTranslation('directory');
  const themes = useThemes();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const schema = useMemo(() => z.preprocess(toDraft, makeServiceSchema(new Set(themes.keys()))), [themes]);
  const defaults = Object.fromEntries(
    Object.entries(service).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : (v ?? '')]),
  ) as FormValues;
  const { register, handleSubmit, formState } = useContractForm(schema as unknown as z.ZodType<FormValues, FormValues>, { defaultValues: defaults });
  const problem = (name: FieldName): string | null => {
    const e = firstError(formState.errors[name]);
    if (!e) return null;
    return e.type === 'custom' && i18n.exists(`directory:edit.invalid.${name}`) ? t(`edit.invalid.${name}`) : (e.message ?? null);
  };

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
        const message = problem(name);
        const invalid = message !== null;
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
              <textarea id={id} rows={kind === 'list' ? 3 : 4} aria-invalid={invalid || undefined} {...register(name)} />
            ) : (
              <input id={id} aria-invalid={invalid || undefined} {...register(name)} />
            )}
            {message && <span className="field-error" role="alert">{message}</span>}
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

/** A list field's errors are nested by item (`languages.2`): the first one says what to fix. */
function firstError(e: unknown): FieldError | undefined {
  if (!e || typeof e !== 'object') return undefined;
  if ('type' in e && typeof e.type === 'string') return e as FieldError;
  for (const inner of Object.values(e as object)) {
    const found = firstError(inner);
    if (found) return found;
  }
  return undefined;
}

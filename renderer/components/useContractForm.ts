import { toNestErrors } from '@hookform/resolvers';
import { useMemo, useRef } from 'react';
import { type FieldErrors, type FieldValues, get, type Resolver, useForm, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ErrorIssue } from '../../src/errors.ts';
import { issuesOf } from '../../src/schemas/parse.ts';
import { reasonOf } from './ErrorMessage.tsx';

// react-hook-form over an operation's own input schema from the contract: what main would refuse
// is refused here first, field by field, and said as main's refusal is said (the same rule and
// limit, src/schemas/parse.ts → common:errors.issue.<rule>), never in zod's English. An empty
// field says "required" rather than its format rule (an empty date is not "a date YYYY-MM-DD").

type Say = (issue: ErrorIssue) => string;

export function contractResolver<In extends FieldValues, Out>(schema: z.ZodType<Out, In>, say: Say): Resolver<In, unknown, Out> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: FieldErrors = {};
    for (const issue of issuesOf(parsed.error)) {
      if (issue.path in errors) continue;
      const value: unknown = get(values, issue.path);
      const said = value === '' || value === undefined || value === null ? { ...issue, rule: 'required' } : issue;
      errors[issue.path] = { type: said.rule ?? 'other', message: say(said) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/** `useForm` validated by the contract's schema, its field errors in the user's language (error.message). */
export function useContractForm<In extends FieldValues, Out>(schema: z.ZodType<Out, In>, options: Omit<UseFormProps<In, unknown, Out>, 'resolver'> = {}): UseFormReturn<In, unknown, Out> {
  const { t, i18n } = useTranslation();
  const say = useRef<Say>(null);
  say.current = (issue) => reasonOf({ code: 'InvalidInput', message: issue.message, issues: [issue] }, t, (k) => i18n.exists(k));
  const resolver = useMemo(() => contractResolver(schema, (issue) => say.current?.(issue) ?? issue.message), [schema]);
  return useForm<In, unknown, Out>({ ...options, resolver });
}

import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { ErrorPayload } from '../../src/errors.ts';

/**
 * A form refused before it was sent (react-hook-form with the contract's schema): the same
 * typed error main would have answered, so ErrorMessage says each field's problem in words.
 */
export function refusedInput<T extends FieldValues>(errors: FieldErrors<T>): ErrorPayload {
  const issues = Object.entries(errors).flatMap(([path, e]) => {
    const error = e as { type?: unknown; message?: unknown } | undefined;
    return error ? [{ path, message: String(error.message ?? ''), rule: typeof error.type === 'string' ? error.type : 'other' }] : [];
  });
  return { code: 'InvalidInput', message: 'refused before sending', issues };
}

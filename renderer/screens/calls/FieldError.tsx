import type { FieldError as RhfFieldError } from 'react-hook-form';
import { useReasonText } from '../../components/ErrorMessage.tsx';
import { refusedInput } from '../../components/refusedInput.ts';

/** What the contract's schema refused in one field, said under it in the UI language. */
export function FieldError({ id, error }: { id: string; error: RhfFieldError | undefined }) {
  const reasonText = useReasonText();
  if (!error) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {reasonText(refusedInput({ field: error }))}
    </span>
  );
}

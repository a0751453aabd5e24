import type { FieldError } from 'react-hook-form';

/** What a field's input was refused for (useContractForm), beside the field; `id` is what the field's aria-describedby names. */
export function FieldIssue({ error, id }: { error: FieldError | undefined; id: string }) {
  return error?.message ? (
    <span className="field-error" id={id}>
      {error.message}
    </span>
  ) : null;
}

/** The attributes a field refused by the form carries: marked invalid, described by its FieldIssue. */
export function issueAttributes(error: FieldError | undefined, id: string) {
  return error ? ({ 'aria-invalid': true, 'aria-describedby': id } as const) : {};
}

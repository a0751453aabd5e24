import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTime } from './timeReading.ts';

// A 24-hour time field in every UI language (issue 16), the companion of DateField: it reads
// "9", "9h", "14h30", "14.30", "1430" or "14:30" and shows HH:MM once left.

interface TimeFieldProps {
  /** HH:MM, or '' for none. */
  value: string;
  onChange: (hhmm: string) => void;
  onBlur?: () => void;
  required?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

export function TimeField({ value, onChange, onBlur, required, ...rest }: TimeFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const understood = readTime(text);
  const invalid = text.trim() !== '' && understood === null;

  // A value set from outside (a suggested window, a quick button) replaces what is typed.
  useEffect(() => {
    if (value !== (readTime(text) ?? '')) setText(value);
    // Only an outside change of `value` resets the text (not each keystroke).
  }, [value]);

  useEffect(() => {
    input.current?.setCustomValidity(invalid ? t('time.invalid') : '');
  }, [invalid, t]);

  return (
    <input
      ref={input}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      size={6}
      placeholder={t('time.placeholder')}
      value={text}
      required={required}
      {...rest}
      aria-invalid={rest['aria-invalid'] || invalid || undefined}
      title={invalid ? t('time.invalid') : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const hhmm = readTime(e.target.value);
        if (hhmm !== null) onChange(hhmm);
        else onChange(e.target.value.trim() === '' ? '' : e.target.value);
      }}
      onBlur={() => {
        if (understood) setText(understood);
        onBlur?.();
      }}
    />
  );
}

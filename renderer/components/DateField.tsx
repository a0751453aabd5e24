import { format, parse } from 'date-fns';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayWords, type UiLang } from '../i18n/i18n.ts';
import { DISPLAY, readBelgianDate } from './dateReading.ts';

// A date field that formats itself in the UI language (issue 16): Chromium's <input type=date>
// follows the OS locale, so an en-US Windows showed mm/dd/yyyy inside French screens and read a
// typed Belgian "02/12" as the 12th of February. Belgium writes day/month/year in all three UI
// languages; the field reads that (with / - . or spaces, 2- or 4-digit years, or a pasted ISO
// date) and says the day it understood in words beside it ("mardi 3 déc. 2025").

const shown = (iso: string): string => (iso ? format(parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1)), DISPLAY) : '');

interface DateFieldProps {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function DateField({ value, onChange, required, id, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLang;
  const [text, setText] = useState(() => shown(value));
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const understood = readBelgianDate(text);
  const invalid = text.trim() !== '' && understood === null;

  // A value set from outside (a preset period, a reset) replaces what is typed.
  useEffect(() => {
    if (value !== (readBelgianDate(text) ?? '')) setText(shown(value));
    // Only an outside change of `value` resets the text (not each keystroke).
  }, [value]);

  // The form refuses to submit a half-typed date, with a message in the UI language.
  useEffect(() => {
    input.current?.setCustomValidity(invalid ? t('date.invalid') : '');
  }, [invalid, t]);

  return (
    <span className="date-field">
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        value={text}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        onChange={(e) => {
          setText(e.target.value);
          const iso = readBelgianDate(e.target.value);
          if (iso !== null) onChange(iso);
          else if (e.target.value.trim() === '') onChange('');
        }}
        onBlur={() => understood && setText(shown(understood))}
        {...rest}
      />
      {/* Hidden from the label's name (the field keeps its own), read as the input's description. */}
      <small id={hintId} className={invalid ? 'field-error' : 'muted'} aria-hidden="true">
        {invalid ? t('date.invalid') : understood ? dayWords(understood, lang, { weekday: 'long', day: 'numeric', month: 'short', year: 'numeric' }) : ''}
      </small>
    </span>
  );
}

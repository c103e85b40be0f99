/**
 * A date typed as ДД.ММ.ГГГГ. The dots are put in while the digits are typed;
 * the value going in and out is an ISO 'YYYY-MM-DD' string, or '' while the
 * text is empty, incomplete or not a real date.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatRuDate, isIsoDate, parseRuDate } from '../../../core/domain/dates';

export type RuDateInputProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> & {
  /** ISO 'YYYY-MM-DD' or ''. */
  value: string;
  onChange(iso: string): void;
};

const isoToText = (iso: string) => (isIsoDate(iso) ? formatRuDate(iso) : '');

/** Keeps up to 8 digits and puts dots between day, month and year. */
function mask(raw: string, previous: string): string {
  const pasted = raw.trim();
  if (isIsoDate(pasted)) return formatRuDate(pasted);
  // A one-digit day or month closed with a dot ("1.3.") gets its leading zero.
  const padded = raw.replace(/^(\d)\./, '0$1.').replace(/^(\d\d\.)(\d)\./, (_, dm: string, d: string) => `${dm}0${d}.`);
  const digits = padded.replace(/\D/g, '').slice(0, 8);
  const typing = raw.length > previous.length;
  let text = digits.slice(0, 2);
  if (digits.length > 2 || (typing && digits.length === 2)) text += '.' + digits.slice(2, 4);
  if (digits.length > 4 || (typing && digits.length === 4)) text += '.' + digits.slice(4);
  return text;
}

export function RuDateInput({ value, onChange, error, ...rest }: RuDateInputProps) {
  const [text, setText] = useState(() => isoToText(value));
  // The ISO value `text` stands for; a different `value` prop is a change from outside.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(isoToText(value));
  }

  const invalid = text.length === 10 && parseRuDate(text) === null;

  return (
    <TextInput
      placeholder="ДД.ММ.ГГГГ"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      {...rest}
      value={text}
      error={invalid ? 'Неверная дата' : error}
      onChange={(e) => {
        const next = mask(e.currentTarget.value, text);
        const iso = parseRuDate(next) ?? '';
        setText(next);
        if (iso !== shown) {
          setShown(iso);
          onChange(iso);
        }
      }}
    />
  );
}

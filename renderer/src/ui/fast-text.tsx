/**
 * Text fields of a controlled form (the intake) that the browser keeps: a
 * keystroke is painted at once, and the form, whose every change redraws the
 * whole screen, learns of it in a transition (React draws that after the
 * paint, and gives way to the next keystroke). Drop-in for Mantine's
 * TextInput and Textarea with `{...form.getInputProps(path)}`.
 *
 * A value the form gets otherwise (a person chosen from the database, a
 * draft loaded, the form cleared) replaces what the field shows; the values
 * this field itself handed over, when they come back, do not (they may be a
 * keystroke behind what the field shows now).
 */
import { Textarea, TextInput, type TextareaProps, type TextInputProps } from '@mantine/core';
import { startTransition, useLayoutEffect, useRef, type ChangeEvent } from 'react';

type Field = HTMLInputElement | HTMLTextAreaElement;

function useBrowserKeptValue<E extends Field>(value: unknown, onChange: ((e: ChangeEvent<E>) => void) | undefined) {
  const ref = useRef<E>(null);
  const text = value === null || value === undefined ? '' : String(value);
  /** The values handed to the form that it has not drawn yet. */
  const handedOver = useRef<string[]>([]);
  useLayoutEffect(() => {
    const pending = handedOver.current;
    const i = pending.lastIndexOf(text);
    if (i >= 0) {
      pending.splice(0, i + 1);
      return;
    }
    pending.length = 0;
    if (ref.current && ref.current.value !== text) ref.current.value = text;
  }, [text]);
  return {
    ref,
    defaultValue: text,
    onChange: (e: ChangeEvent<E>) => {
      handedOver.current.push(e.currentTarget.value);
      // The handler reads the event now; only the redraw it causes waits.
      startTransition(() => onChange?.(e));
    },
  };
}

export function FastTextInput({ value, onChange, ...rest }: Omit<TextInputProps, 'defaultValue'>) {
  return <TextInput {...rest} {...useBrowserKeptValue<HTMLInputElement>(value, onChange)} />;
}

export function FastTextarea({ value, onChange, ...rest }: Omit<TextareaProps, 'defaultValue'>) {
  return <Textarea {...rest} {...useBrowserKeptValue<HTMLTextAreaElement>(value, onChange)} />;
}

/**
 * The field pieces long paper-like forms are built from (the acts, the
 * decision): «нужное подчеркнуть» choices with the exact printed options,
 * multiple choices, dates, texts, editable row tables. Each takes the Mantine
 * form and the field's path: text inputs are uncontrolled
 * (`form.getInputProps(path)` with `key={form.key(path)}`), and a piece that
 * shows what was chosen watches just its own path (`form.useWatchValue`), so
 * typing redraws nothing else.
 *
 * Keyboard: Enter goes to the next question (Shift+Enter: a new line in a
 * text area; Ctrl+Enter or Ctrl+S saves the form). In a choice a digit picks
 * that option and goes on, a letter picks the next option starting with it,
 * Backspace clears; in a multiple choice a digit ticks or unticks that option
 * and the arrows move between options. The option numbers show while the
 * question has the focus.
 */
import { ActionIcon, Autocomplete, Box, Button, Checkbox, Group, Input, Radio, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import type { FormErrors, GetInputPropsReturnType } from '@mantine/form';
import { memo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { RuDateInput } from './RuDateInput';

/** The part of a Mantine form (either mode) the pieces use; any `useForm` result fits. */
export interface FormApi {
  getInputProps(path: string, options?: { type?: 'input' | 'checkbox' }): GetInputPropsReturnType;
  key(path: string): string;
  setFieldValue(path: string, value: unknown, options?: { forceUpdate: boolean }): void;
  insertListItem(path: string, item: unknown): void;
  removeListItem(path: string, index: number): void;
  useWatchValue(path: string): unknown;
  errors: FormErrors;
}

/**
 * A value set by a piece that watches its path (and redraws itself): the
 * rest of the form is not drawn again (in a controlled form it is anyway).
 */
export const WATCHED = { forceUpdate: false } as const;

/** The value at `path`, redrawn when it changes (and only then). */
export function useValue<T>(form: FormApi, path: string): T {
  return form.useWatchValue(path) as T;
}

// ------------------------------------------------------------------ keyboard

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])';
/** Marks a question: Enter goes from one to the next. */
export const QUESTION = { 'data-q': '' } as const;

const shown = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** Where the focus goes in a question: the chosen option of a choice, else its first control. */
function entryOf(q: HTMLElement): HTMLElement | null {
  if (q.matches(FOCUSABLE)) return shown(q) ? q : null;
  const checked = q.querySelector<HTMLInputElement>('input[type=radio]:checked:not([disabled])');
  if (checked && checked.closest('[data-q]') === q) return checked;
  for (const el of q.querySelectorAll<HTMLElement>(FOCUSABLE)) if (el.tabIndex >= 0 && shown(el)) return el;
  return null;
}

/** Moves the focus to the first question after the one holding `from`; false when there is none. */
export function focusNextQuestion(from: Element): boolean {
  const root = from.closest('form');
  if (!root) return false;
  const current = from.closest('[data-q]') ?? from;
  for (const q of root.querySelectorAll<HTMLElement>('[data-q]')) {
    if (q === current || !(current.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    const el = entryOf(q);
    if (el) {
      el.focus();
      // What is there already (a default, a date) is kept with Enter or replaced by typing.
      if ((el instanceof HTMLInputElement && el.type === 'text') || el instanceof HTMLTextAreaElement) el.select();
      return true;
    }
  }
  return false;
}

/** Focuses the first field (in the order shown) that shows an error; the field's question when it is a group. */
export function focusFirstError(root: HTMLElement | null): void {
  const el = root?.querySelector<HTMLElement>('[aria-invalid="true"], .mantine-InputWrapper-error');
  if (!el) return;
  const q = el.closest<HTMLElement>('[data-q]');
  (q ? entryOf(q) : el.matches(FOCUSABLE) ? el : null)?.focus();
}

/** The form's keys: Enter to the next question, Ctrl+Enter or Ctrl+S to save. Put on the <form>. */
export function formKeyDown(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.defaultPrevented || e.altKey) return;
  const save = (e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.code === 'KeyS');
  if (save) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
    return;
  }
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const t = e.target as HTMLElement;
  // A button does what it says (an open list that picks its option has already taken the key).
  if (t instanceof HTMLButtonElement) return;
  e.preventDefault();
  focusNextQuestion(t);
}

/**
 * Keys of a choice (radios): a digit picks that option and goes on to the
 * next question, a letter the next option starting with it, Backspace or
 * Delete clears. Arrows and Space work as in any radio group.
 */
export function choiceKeys(codes: readonly string[], labels: Record<string, string>, value: string, pick: (code: string) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as Element).closest('[data-q]') !== e.currentTarget) return;
    const group = e.currentTarget;
    // The change is drawn at once (a field it shows appears), so the next key already goes where it should.
    const choose = (code: string) => {
      flushSync(() => pick(code));
      group.querySelector<HTMLInputElement>(`input[type=radio][value="${CSS.escape(code)}"]`)?.focus();
    };
    if (/^[1-9]$/.test(e.key)) {
      const code = codes[Number(e.key) - 1];
      if (code === undefined) return;
      e.preventDefault();
      choose(code);
      focusNextQuestion(group);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      pick('');
    } else if (e.key.length === 1 && /\p{L}/u.test(e.key)) {
      const letter = e.key.toLocaleLowerCase('ru');
      const from = codes.indexOf(value);
      for (let n = 1; n <= codes.length; n++) {
        const code = codes[(from + n + codes.length) % codes.length];
        if ((labels[code] ?? '').trim().toLocaleLowerCase('ru').startsWith(letter)) {
          e.preventDefault();
          choose(code);
          return;
        }
      }
    }
  };
}

/** Keys of a multiple choice: a digit ticks or unticks that option, the arrows move between options. */
function checksKeys(codes: readonly string[], toggle: (code: string) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as Element).closest('[data-q]') !== e.currentTarget) return;
    const boxes = [...e.currentTarget.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((b) => b.closest('[data-q]') === e.currentTarget);
    if (/^[1-9]$/.test(e.key)) {
      const i = Number(e.key) - 1;
      if (i >= codes.length) return;
      e.preventDefault();
      flushSync(() => toggle(codes[i]));
      boxes[i]?.focus();
      return;
    }
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    const at = boxes.indexOf(e.target as HTMLInputElement);
    if (!step || at < 0) return;
    e.preventDefault();
    boxes[Math.min(boxes.length - 1, Math.max(0, at + step))]?.focus();
  };
}

/** The number of an option, shown while its question has the focus (the digit that picks it). */
function KeyHint({ n }: { n: number }) {
  if (n > 9) return null;
  return (
    <span className="sd-key" aria-hidden="true">
      {n}
    </span>
  );
}

// ------------------------------------------------------------------ pieces

type Labels = Record<string, string>;

/** One «нужное подчеркнуть» option of a printed form: radios with the exact wording; can be cleared. */
export function Choice({
  form,
  path,
  label,
  codes,
  labels,
  description,
  testId,
}: {
  form: FormApi;
  path: string;
  label: ReactNode;
  codes: readonly string[];
  labels: Labels;
  description?: ReactNode;
  testId?: string;
}) {
  const value = useValue<string | undefined>(form, path) ?? '';
  const set = (v: string) => form.setFieldValue(path, v, WATCHED);
  const inline = codes.every((c) => labels[c].length <= 45);
  const Wrap = inline ? Group : Stack;
  return (
    <Radio.Group
      {...QUESTION}
      className="sd-q"
      data-path={path}
      label={label}
      description={description}
      value={value}
      onChange={set}
      error={form.errors[path]}
      data-testid={testId}
      onKeyDown={choiceKeys(codes, labels, value, set)}
    >
      <Wrap gap={inline ? 'lg' : 6} mt={6} align={inline ? 'center' : undefined}>
        {codes.map((c, i) => (
          <Radio
            key={c}
            value={c}
            label={
              <>
                <KeyHint n={i + 1} />
                {labels[c]}
              </>
            }
          />
        ))}
        {value && (
          <Box>
            <Button className="sd-edit-only" variant="subtle" color="gray" size="compact-xs" tabIndex={-1} title="Клавиша Backspace" onClick={() => set('')}>
              очистить выбор
            </Button>
          </Box>
        )}
      </Wrap>
    </Radio.Group>
  );
}

/** Several options of a choice: checkboxes with the exact wording. */
export function Checks({
  form,
  path,
  label,
  codes,
  labels,
  description,
  render,
}: {
  form: FormApi;
  path: string;
  label: ReactNode;
  codes: readonly string[];
  labels: Labels;
  description?: ReactNode;
  /** Extra content under a checked option (e.g. its «указать» text). */
  render?: (code: string) => ReactNode;
}) {
  const value = useValue<string[] | undefined>(form, path) ?? [];
  const set = (v: string[]) => form.setFieldValue(path, codes.filter((c) => v.includes(c)), WATCHED);
  const toggle = (code: string) =>
    form.setFieldValue(
      path,
      (prev: string[] | undefined) => {
        const was = prev ?? [];
        return codes.filter((c) => (c === code ? !was.includes(c) : was.includes(c)));
      },
      WATCHED,
    );
  const inline = codes.every((c) => labels[c].length <= 30);
  const Wrap = inline ? Group : Stack;
  return (
    <Checkbox.Group
      {...QUESTION}
      className="sd-q"
      data-path={path}
      label={label}
      description={description}
      value={value}
      onChange={set}
      error={form.errors[path]}
      onKeyDown={checksKeys(codes, toggle)}
    >
      <Wrap gap={inline ? 'lg' : 6} mt={6}>
        {codes.map((c, i) => (
          <Box key={c}>
            <Checkbox
              value={c}
              label={
                <>
                  <KeyHint n={i + 1} />
                  {labels[c]}
                </>
              }
            />
            {render && value.includes(c) && (
              <Box pl={30} pt={4}>
                {render(c)}
              </Box>
            )}
          </Box>
        ))}
      </Wrap>
    </Checkbox.Group>
  );
}

/** One «да» mark (a checkbox of its own). */
export function Mark({ form, path, label }: { form: FormApi; path: string; label: ReactNode }) {
  return <Checkbox {...QUESTION} key={form.key(path)} label={label} {...form.getInputProps(path, { type: 'checkbox' })} />;
}

export function DateField({ form, path, label, required, description, w }: { form: FormApi; path: string; label: string; required?: boolean; description?: ReactNode; w?: number }) {
  const value = useValue<string | undefined>(form, path) ?? '';
  return (
    <RuDateInput
      {...QUESTION}
      data-path={path}
      label={label}
      required={required}
      description={description}
      w={w}
      value={value}
      onChange={(iso) => form.setFieldValue(path, iso, WATCHED)}
      error={form.errors[path]}
    />
  );
}

/** A line of text; with `data`, what was written before is offered while typing. */
export function Field({
  form,
  path,
  label,
  description,
  placeholder,
  w,
  data,
}: {
  form: FormApi;
  path: string;
  label: string;
  description?: ReactNode;
  placeholder?: string;
  w?: number;
  data?: string[];
}) {
  if (data) {
    return (
      <Autocomplete
        {...QUESTION}
        key={form.key(path)}
        label={label}
        description={description}
        placeholder={placeholder}
        w={w}
        data={data}
        limit={20}
        selectFirstOptionOnChange
        {...form.getInputProps(path)}
      />
    );
  }
  return <TextInput {...QUESTION} key={form.key(path)} label={label} description={description} placeholder={placeholder} w={w} {...form.getInputProps(path)} />;
}

/** Text of several lines (Enter goes on, Shift+Enter starts a new line). */
export function Area({ form, path, label, description }: { form: FormApi; path: string; label: string; description?: ReactNode }) {
  return <Textarea {...QUESTION} key={form.key(path)} label={label} description={description} autosize minRows={1} maxRows={8} {...form.getInputProps(path)} />;
}

export interface RowColumn {
  key: string;
  title: string;
  kind?: 'text' | 'date' | 'area';
  width?: number;
  placeholder?: string;
  /** What was written in this column before, offered while typing; `onPick` fills the rest of the row. */
  data?: string[];
  onPick?(value: string, row: string): void;
}

/** A date inside a table row. */
function CellDate({ form, path, aria }: { form: FormApi; path: string; aria: string }) {
  const value = useValue<string | undefined>(form, path) ?? '';
  return <RuDateInput {...QUESTION} data-path={path} size="xs" aria-label={aria} value={value} onChange={(iso) => form.setFieldValue(path, iso, WATCHED)} error={form.errors[path]} />;
}

/** Runs `change` (a row added), draws it at once and focuses the input at `path`. */
export function changeAndFocus(from: Element | null, change: () => void, path: string): void {
  flushSync(change);
  from?.closest('form')?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus();
}

/** An editable table of the act: a row per person or item, added and removed with buttons. */
export function RowsTable({
  form,
  path,
  what,
  columns,
  row,
  max,
  addLabel,
  label,
  minWidth = 700,
  testId,
}: {
  form: FormApi;
  path: string;
  /** Names the table in the inputs' labels: «{what}: Ф.И.О., строка 1». */
  what: string;
  columns: RowColumn[];
  row: Record<string, string>;
  max: number;
  addLabel: string;
  label?: ReactNode;
  minWidth?: number;
  testId?: string;
}) {
  const rows = useValue<Record<string, string>[] | undefined>(form, path) ?? [];
  // Rows after a removed one show other values: their (uncontrolled) inputs are drawn anew.
  const [removals, setRemovals] = useState(0);
  const addRef = useRef<HTMLButtonElement>(null);
  const tableError = form.errors[path];
  const add = () => changeAndFocus(addRef.current, () => form.insertListItem(path, { ...row }), `${path}.${rows.length}.${columns[0].key}`);
  return (
    <Input.Wrapper label={label} error={tableError} data-testid={testId}>
      <Stack gap={6} mt={label ? 4 : 0}>
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={minWidth} type="native">
            <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32}>№</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c.key} w={c.width}>
                      {c.title}
                    </Table.Th>
                  ))}
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((_, i) => (
                  <Table.Tr key={`${removals}:${i}`}>
                    <Table.Td ta="center">{i + 1}</Table.Td>
                    {columns.map((c) => {
                      const p = `${path}.${i}.${c.key}`;
                      const aria = `${what}: ${c.title}, строка ${i + 1}`;
                      // The cells follow the rows watched here (a pick in one cell may fill another).
                      const props = { ...QUESTION, 'data-path': p, size: 'xs', 'aria-label': aria, placeholder: c.placeholder, error: form.errors[p], value: rows[i]?.[c.key] ?? '' } as const;
                      const set = (v: string) => form.setFieldValue(p, v, WATCHED);
                      return (
                        <Table.Td key={c.key} style={{ verticalAlign: 'top' }}>
                          {c.kind === 'date' ? (
                            <CellDate form={form} path={p} aria={aria} />
                          ) : c.kind === 'area' ? (
                            <Textarea {...props} autosize minRows={1} maxRows={4} onChange={(e) => set(e.currentTarget.value)} />
                          ) : c.data ? (
                            <Autocomplete {...props} data={c.data} limit={20} selectFirstOptionOnChange onChange={set} onOptionSubmit={(v) => c.onPick?.(v, `${path}.${i}`)} />
                          ) : (
                            <TextInput {...props} onChange={(e) => set(e.currentTarget.value)} />
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <RemoveRowButton aria={`${what}: удалить строку ${i + 1}`} title="Удалить строку" onRemove={() => { form.removeListItem(path, i); setRemovals((n) => n + 1); }} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="xs" className="sd-edit-only">
          <Button ref={addRef} size="xs" variant="light" disabled={rows.length >= max} onClick={add}>
            {addLabel}
          </Button>
          {rows.length === 0 && (
            <Text size="xs" c="dimmed">
              Строк нет.
            </Text>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** The «×» that removes a row of a list (hidden when the form is read-only). */
export function RemoveRowButton({ aria, title, onRemove }: { aria: string; title: string; onRemove: () => void }) {
  return (
    <ActionIcon className="sd-edit-only" variant="subtle" color="red" aria-label={aria} title={title} onClick={onRemove}>
      ×
    </ActionIcon>
  );
}

/** A list of one-line texts (e.g. the kinds of social escort). */
export function TextRows({ form, path, what, max, addLabel, label }: { form: FormApi; path: string; what: string; max: number; addLabel: string; label: ReactNode }) {
  const rows = useValue<string[] | undefined>(form, path) ?? [];
  const [removals, setRemovals] = useState(0);
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <Input.Wrapper label={label}>
      <Stack gap={6} mt={4}>
        {rows.map((_, i) => (
          <Group key={`${removals}:${i}`} gap="xs" wrap="nowrap">
            <Text size="sm" w={24} ta="right">
              {i + 1}.
            </Text>
            <TextInput {...QUESTION} key={form.key(`${path}.${i}`)} style={{ flex: 1 }} aria-label={`${what}, строка ${i + 1}`} {...form.getInputProps(`${path}.${i}`)} />
            <RemoveRowButton aria={`${what}: удалить строку ${i + 1}`} title="Удалить строку" onRemove={() => { form.removeListItem(path, i); setRemovals((n) => n + 1); }} />
          </Group>
        ))}
        <Group className="sd-edit-only">
          <Button
            ref={addRef}
            size="xs"
            variant="light"
            disabled={rows.length >= max}
            onClick={() => changeAndFocus(addRef.current, () => form.insertListItem(path, ''), `${path}.${rows.length}`)}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/**
 * The fields of a long uncontrolled form, drawn again only when what they
 * show from outside the fields changes: the errors, values loaded anew
 * (which change `form.key`), and `deps` (the lock, the offers). Typing or
 * choosing redraws just the field and what watches its path.
 */
export const FormBody = memo(
  function FormBody({ children }: { form: FormApi; deps: readonly unknown[]; children: ReactNode }) {
    return <>{children}</>;
  },
  (a, b) => a.form.errors === b.form.errors && a.form.key('') === b.form.key('') && a.deps.length === b.deps.length && a.deps.every((d, i) => Object.is(d, b.deps[i])),
);

/** Shows `children` while the value at `path` passes `test` (a field that only the chosen option needs). */
export function When<T>({ form, path, test, children }: { form: FormApi; path: string; test(value: T): boolean; children: ReactNode }) {
  const value = useValue<T>(form, path);
  return test(value) ? <>{children}</> : null;
}

/** A heading inside a section of the act («Наличие благоустройств», «Обстановка в квартире»). */
export function SubHead({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" fw={700} c="dark.4" mt={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} pb={2}>
      {children}
    </Text>
  );
}

/**
 * Forms shown to someone who may not change them (another role, a signed or
 * closed case) stay readable: disabled inputs keep the text colour, chosen
 * options stay marked, and the add / clear buttons are hidden. The option
 * numbers show in the question that has the focus.
 */
export const READ_ONLY_CLASS = 'sd-readonly';
const FORM_CSS = `
.sd-readonly input:disabled, .sd-readonly textarea:disabled, .sd-readonly select:disabled { opacity: 1; color: var(--mantine-color-text); cursor: default; }
.sd-readonly input[type='radio']:disabled:checked, .sd-readonly input[type='checkbox']:disabled:checked { background-color: var(--mantine-color-blue-filled); border-color: var(--mantine-color-blue-filled); }
.sd-readonly input:disabled:checked + svg { color: var(--mantine-color-white); --radio-icon-color: var(--mantine-color-white); }
.sd-readonly label[class] { color: var(--mantine-color-text); cursor: default; }
.sd-readonly .sd-edit-only { display: none; }
.sd-q .mantine-Radio-root, .sd-q .mantine-Checkbox-root { position: relative; }
.sd-key { position: absolute; left: -19px; top: 2px; min-width: 15px; padding: 0 2px; border-radius: 3px; font-size: 11px; line-height: 16px; text-align: center; color: var(--mantine-color-gray-8); background: var(--mantine-color-yellow-1); visibility: hidden; }
.sd-q:focus-within .sd-key { visibility: visible; }
.sd-readonly .sd-key { display: none; }
`;
export function FormFieldsStyle() {
  return <style>{FORM_CSS}</style>;
}

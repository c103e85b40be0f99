/**
 * The words of a validation failure, the same on both sides: the backend's
 * VALIDATION error and the forms that check before saving name each field
 * by its Russian label (core/api/field-labels.ts) and a row by its number,
 * so no internal key reaches a person.
 */
import { FIELD_LABELS } from './field-labels';

/** A form's error path ('act.household.0.birthYear') as the keys zod gives (numbers for list rows). */
export function pathOf(key: string): PropertyKey[] {
  return key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** The label of the field at `path`: 'parent.field' first, then 'field', else the nearest labelled parent. */
export function labelFor(path: readonly PropertyKey[]): string {
  const keys = path.filter((k): k is string => typeof k === 'string');
  for (let i = keys.length - 1; i >= 0; i--) {
    const specific = i > 0 ? FIELD_LABELS[`${keys[i - 1]}.${keys[i]}`] : undefined;
    if (specific) return specific;
    if (FIELD_LABELS[keys[i]]) return FIELD_LABELS[keys[i]];
  }
  return 'Данные';
}

/** «…, строка 3» for a field inside a list, so the person knows which row to fix. */
function rowOf(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((k) => typeof k === 'number');
  return typeof last === 'number' ? ` (строка ${last + 1})` : '';
}

/** «Проверьте данные. Дата акта: …; Число комнат: …; и ещё 2.» from the issues, each field once. */
export function validationText(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const parts: string[] = [];
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    fields[key] = issue.message;
    // A schema's own message that names its field («Количество комнат: введите число») is not named twice;
    // the general ones («Неверное значение: нужно число…», core/api/zod-ru.ts) get the field's label.
    const named = /^[^:]{2,80}: /.test(issue.message) && !/^Неверн/.test(issue.message);
    if (parts.length < 10) parts.push(named ? `${issue.message}${rowOf(issue.path)}` : `${labelFor(issue.path)}${rowOf(issue.path)}: ${issue.message}`);
  }
  const more = Object.keys(fields).length - parts.length;
  return { message: `Проверьте данные. ${parts.join('; ')}${more > 0 ? `; и ещё ${more}` : ''}.`, fields };
}

/**
 * Turns a zod failure into the API's VALIDATION error: one Russian message
 * naming the fields to fix by their labels, plus per-field messages for the
 * form. No internal key or English word reaches the message.
 */
import type { z } from 'zod';
import { ApiError } from '../../core/api/errors';
import { FIELD_LABELS } from '../../core/api/field-labels';

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

export function zodToApiError(err: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  const parts: string[] = [];
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    fields[key] = issue.message;
    if (parts.length < 10) parts.push(`${labelFor(issue.path)}${rowOf(issue.path)}: ${issue.message}`);
  }
  const more = Object.keys(fields).length - parts.length;
  return new ApiError('VALIDATION', `Проверьте данные. ${parts.join('; ')}${more > 0 ? `; и ещё ${more}` : ''}.`, fields);
}

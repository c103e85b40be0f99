/**
 * Turns a zod failure into the API's VALIDATION error: one Russian message
 * naming the fields to fix, plus per-field messages for the form.
 */
import type { z } from 'zod';
import { ApiError } from '../../core/api/errors';
import { FIELD_LABELS } from '../../core/api/field-labels';

function labelFor(path: PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && FIELD_LABELS[key]) return FIELD_LABELS[key];
  }
  return path.length ? String(path[path.length - 1]) : 'Данные';
}

export function zodToApiError(err: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  const parts: string[] = [];
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    fields[key] = issue.message;
    parts.push(`${labelFor(issue.path)}: ${issue.message}`);
  }
  return new ApiError('VALIDATION', `Проверьте данные. ${parts.join('; ')}.`, fields);
}

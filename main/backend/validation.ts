/**
 * Turns a zod failure into the API's VALIDATION error: one Russian message
 * naming the fields to fix by their labels, plus per-field messages for the
 * form (core/api/validation-text.ts words both). No internal key or English
 * word reaches the message.
 */
import type { z } from 'zod';
import { ApiError } from '../../core/api/errors';
import { validationText } from '../../core/api/validation-text';

export function zodToApiError(err: z.ZodError): ApiError {
  const { message, fields } = validationText(err.issues);
  return new ApiError('VALIDATION', message, fields);
}

/**
 * Submitting a Mantine form to the API: the backend validates, and its
 * per-field Russian messages land on the form's fields; a save over a newer
 * version offers to load it (ui/stale.tsx); anything else is shown as a
 * notification.
 */
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../api';
import { isStale, showStale, type StaleOffer } from './stale';

export async function submitToApi<V extends Record<string, unknown>, R>(
  form: UseFormReturnType<V>,
  call: () => Promise<R>,
  onStale?: Omit<StaleOffer, 'error'>,
): Promise<R | undefined> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ApiError && e.fields && Object.keys(e.fields).length) {
      form.setErrors(e.fields);
    }
    notifyError(e, onStale);
    return undefined;
  }
}

/** Shows why an action failed; a stale save opens the dialog that names who changed the record. */
export function notifyError(e: unknown, onStale?: Omit<StaleOffer, 'error'>): void {
  if (isStale(e)) {
    showStale({ error: e, ...onStale });
    return;
  }
  notifications.show({ color: 'red', title: 'Не выполнено', message: errorMessage(e), autoClose: 8000 });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

/** Whether two form values are the same (deep: objects, arrays, text, numbers, marks). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValues(x, b[i]));
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Submitting a Mantine form to the API: the backend validates, and its
 * per-field Russian messages land on the form's fields; anything else is
 * shown as a notification.
 */
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../api';

export async function submitToApi<V extends Record<string, unknown>, R>(
  form: UseFormReturnType<V>,
  call: () => Promise<R>,
): Promise<R | undefined> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ApiError && e.fields && Object.keys(e.fields).length) {
      form.setErrors(e.fields);
    }
    notifyError(e);
    return undefined;
  }
}

export function notifyError(e: unknown): void {
  notifications.show({ color: 'red', title: 'Не выполнено', message: errorMessage(e), autoClose: 8000 });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

/**
 * The renderer's typed API client. `window.api` is the transport: the
 * preload bridge in Electron, or the small HTTP client below in browser
 * mode. Either way the renderer calls `api['users.list']({})` and gets the
 * contract's output type, or an ApiError with a Russian message.
 */
import { methods, type Api, type MethodName, type Transport } from '../../core/api/contract';
import { ApiError, type Envelope } from '../../core/api/errors';

declare global {
  interface Window {
    api?: Transport;
  }
}

/** Browser mode: POST /api/<method>, session cookie sent automatically. */
export const httpTransport: Transport = {
  async call(method, input) {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Нет связи с сервером Socdesk. Проверьте, что он запущен.' } };
    }
    try {
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `Сервер ответил ошибкой ${res.status}.` } };
    }
  },
};

/** Called when any call reports the session is gone; the app shows the login screen. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

function transport(): Transport {
  return window.api ?? httpTransport;
}

export const api = Object.fromEntries(
  (Object.keys(methods) as MethodName[]).map((m) => [
    m,
    async (input: unknown) => {
      const env = await transport().call(m, input ?? {});
      if (env.ok) return env.data;
      if (env.error.code === 'UNAUTHENTICATED') onUnauthenticated();
      throw new ApiError(env.error.code, env.error.message, env.error.fields);
    },
  ]),
) as Api;

export { ApiError };

export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Непредвиденная ошибка. Повторите действие.';
}

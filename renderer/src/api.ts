/**
 * The renderer's typed API client. `window.api` is the transport: the
 * preload bridge in Electron, or the small HTTP client below in browser
 * mode. Either way the renderer calls `api['users.list']({})` and gets the
 * contract's output type, or an ApiError with a Russian message. Screens
 * call it through the data layer (renderer/src/data), not directly.
 */
import { ChangeStreamParser, CHANGES_PATH } from '../../core/api/changes';
import { methods, type Api, type In, type MethodName, type Out, type Transport } from '../../core/api/contract';
import { ApiError, type Envelope } from '../../core/api/errors';

declare global {
  interface Window {
    api?: Transport;
  }
}

/** What a call that cannot reach the host answers: nothing was saved, what is on screen stays. */
export const UNREACHABLE_MESSAGE =
  'Нет связи с сервером управления: изменения не сохранены. Введённые данные остаются на экране — сохраните их, когда связь восстановится.';

const unreachable = (): Envelope<unknown> => ({ ok: false, error: { code: 'UNAVAILABLE', message: UNREACHABLE_MESSAGE } });

/** A keepalive request's body must stay under the browser's 64 KiB allowance (shared by those in flight). */
const KEEPALIVE_MAX_BYTES = 48 * 1024;

/** POST /api/<method>; `keepalive`: the browser completes the request even if the page is reloaded or closed meanwhile. */
async function httpCall(method: string, input: unknown, keepalive = false): Promise<Envelope<unknown>> {
  const body = JSON.stringify(input ?? {});
  const post = (keep: boolean) =>
    fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body, keepalive: keep });
  let res: Response;
  try {
    const keep = keepalive && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
    // Over the allowance (other keepalive requests in flight) the browser refuses at once: sent as an ordinary request then.
    res = await post(keep).catch((e: unknown) => (keep ? post(false) : Promise.reject(e)));
  } catch {
    return unreachable();
  }
  // A proxy or a host starting up may answer without our envelope.
  if (res.status === 502 || res.status === 503 || res.status === 504) return unreachable();
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Сервер ответил ошибкой ${res.status}.` } };
  }
}

/** Browser mode: POST /api/<method>, session cookie sent automatically; the change stream over SSE. */
export const httpTransport: Transport = {
  call: (method, input) => httpCall(method, input),

  changes(after, onMessage, onClose) {
    const abort = new AbortController();
    let done = false;
    const close = (why: 'unauthenticated' | 'network') => {
      if (done) return;
      done = true;
      onClose(why);
    };
    void (async () => {
      let res: Response;
      try {
        res = await fetch(after === null ? CHANGES_PATH : `${CHANGES_PATH}?after=${after}`, {
          credentials: 'same-origin',
          headers: { Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: abort.signal,
        });
      } catch {
        return close('network');
      }
      if (res.status === 401) return close('unauthenticated');
      if (!res.ok || !res.body) return close('network');
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const parser = new ChangeStreamParser();
      try {
        for (;;) {
          const { done: finished, value } = await reader.read();
          if (finished || done) break;
          for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
            if (frame.type === 'end') return close('unauthenticated');
            if (!done) onMessage(frame);
          }
        }
      } catch {
        // the connection dropped
      }
      close('network');
    })();
    return () => {
      done = true;
      abort.abort();
    };
  },
};

/** Called when any call reports the session is gone; the app shows the login screen. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

/** Called when a call could not reach the host (the data layer shows the banner and retries). */
let onUnreachable: () => void = () => {};
export function setUnreachableHandler(fn: () => void): void {
  onUnreachable = fn;
}

export function transport(): Transport {
  return window.api ?? httpTransport;
}

/** The result of a call, or its ApiError (a lost session or host is reported first). */
function unwrap(env: Envelope<unknown>): unknown {
  if (env.ok) return env.data;
  if (env.error.code === 'UNAUTHENTICATED') onUnauthenticated();
  if (env.error.code === 'UNAVAILABLE') onUnreachable();
  throw new ApiError(env.error.code, env.error.message, env.error.fields, env.error.stale);
}

export const api = Object.fromEntries(
  (Object.keys(methods) as MethodName[]).map((m) => [m, async (input: unknown) => unwrap(await transport().call(m, input ?? {}))]),
) as Api;

/**
 * A write that must outlive the page (a draft flushed as the page is
 * reloaded or closed). In browser mode it goes as a keepalive request, which
 * the browser completes after the page has gone; in Electron the IPC message
 * is on its way to the main process the moment it is sent.
 */
export async function callKeepalive<M extends MethodName>(method: M, input: In<M>): Promise<Out<M>> {
  const env = window.api ? await window.api.call(method, input ?? {}) : await httpCall(method, input, true);
  return unwrap(env) as Out<M>;
}

export { ApiError };

export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Непредвиденная ошибка. Повторите действие.';
}

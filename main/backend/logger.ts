/**
 * The backend's log. It records events and error kinds only: never inputs,
 * names, СНИЛС, addresses or any other personal data. Callers pass a fixed
 * message and, at most, identifiers.
 */
type Level = 'info' | 'warn' | 'error';

let quiet = process.env.SOCDESK_LOG === 'silent';

export function setQuiet(q: boolean): void {
  quiet = q;
}

function write(level: Level, msg: string, meta?: Record<string, string | number | boolean | null>): void {
  if (quiet) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...meta });
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const log = {
  info: (msg: string, meta?: Record<string, string | number | boolean | null>) => write('info', msg, meta),
  warn: (msg: string, meta?: Record<string, string | number | boolean | null>) => write('warn', msg, meta),
  /** For unexpected errors: logs the error's class and stack, not its data. */
  error: (msg: string, err: unknown, meta?: Record<string, string | number | boolean | null>) =>
    write('error', msg, {
      ...meta,
      error: err instanceof Error ? err.name : typeof err,
      stack: err instanceof Error && err.stack ? err.stack.split('\n').slice(1, 6).join(' | ') : null,
    }),
};

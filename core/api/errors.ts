/**
 * Machine-readable error codes shared by the backend and the renderer.
 * Every failure carries one of these plus a Russian message the UI shows as is.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed its schema: `fields` says which field and why
  'UNAUTHENTICATED', // no session or it expired
  'FORBIDDEN', // the user lacks the role
  'NOT_FOUND',
  'CONFLICT', // the action contradicts the current state (already done, duplicate, ...)
  'LOCKED', // account locked after repeated failed logins
  'BAD_CREDENTIALS',
  'NOT_INITIALIZED', // first-run setup has not been done
  'UNKNOWN_METHOD',
  'INTERNAL',
  'CONNECTION', // a workstation cannot reach the office host, or the host's certificate is not the pinned one
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  /** Russian text, ready to show to the user. */
  message: string;
  /** Per-field Russian messages keyed by dotted input path ("applicant.snils"). */
  fields?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** What every transport returns for a call: never a thrown error across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };
